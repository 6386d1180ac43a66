//! The staff menu's switch for at-rest encryption: on or off with the
//! interviewer PIN (checked against its hash first, so a typo never
//! starts the slow key work). Turning on needs a PIN of six digits or
//! more; the form says what stays unencrypted and that a forgotten PIN
//! cannot be recovered.

use canvass_core::pin::strong_enough_for_encryption;
use leptos::prelude::*;

use super::{fk, pin_crypto, settings};
use crate::context::use_store;
use crate::i18n_field::FieldKey;
use crate::storage::at_rest;

/// `on`: whether encryption is on, shared with the PIN form (a new PIN
/// must then re-wrap the key).
#[component]
pub fn EncryptForm(on: RwSignal<bool>) -> impl IntoView {
    let store = use_store();
    let pin = RwSignal::new(String::new());
    let status = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(record) = settings::pin() else {
            status.set(Some(fk(FieldKey::PinFirst).to_owned()));
            return;
        };
        let typed = pin.get_untracked();
        let turn_on = !on.get_untracked();
        if turn_on && !strong_enough_for_encryption(&typed) {
            status.set(Some(fk(FieldKey::PinSixDigits).to_owned()));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let records = store.records();
            let result = match pin_crypto::verify(&typed, &record).await {
                Ok(true) if turn_on => at_rest::turn_on(&records, &typed)
                    .await
                    .map(|n| format!("{} {n} {}", fk(FieldKey::EncryptIsOn), fk(FieldKey::RecordsEncrypted))),
                Ok(true) => at_rest::turn_off(&records, &typed)
                    .await
                    .map(|n| format!("{} {n} {}", fk(FieldKey::EncryptIsOff), fk(FieldKey::RecordsDecrypted))),
                Ok(false) => Err(at_rest::AtRestError::WrongPin),
                Err(e) => Err(at_rest::AtRestError::Crypto(e.to_string())),
            };
            let _ = busy.try_set(false);
            let _ = pin.try_set(String::new());
            store.refresh();
            let _ = on.try_set(records.is_sealing());
            let text = match result {
                Ok(done) => done,
                Err(at_rest::AtRestError::WrongPin) => fk(FieldKey::WrongPin).to_owned(),
                Err(e) => e.to_string(),
            };
            let _ = status.try_set(Some(text));
        });
    };
    view! {
        <form class="cv-staff__form" data-testid="encrypt-form" on:submit=submit>
            <h2>{fk(FieldKey::EncryptHeading)}</h2>
            <p data-testid="encrypt-state">{move || if on.get() { fk(FieldKey::EncryptIsOn) } else { fk(FieldKey::EncryptIsOff) }}</p>
            <p class="cv-hint">{fk(FieldKey::EncryptExplain)}</p>
            <label class="cv-field">
                <span>{fk(FieldKey::CurrentPin)}</span>
                <input type="password" inputmode="numeric" autocomplete="off" data-testid="encrypt-pin"
                    prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev))/>
            </label>
            <button type="submit" class="cv-button" data-testid="btn-encrypt" disabled=move || busy.get()>
                {move || match (busy.get(), on.get()) {
                    (true, _) => fk(FieldKey::Working),
                    (false, true) => fk(FieldKey::TurnOffEncryption),
                    (false, false) => fk(FieldKey::TurnOnEncryption),
                }}
            </button>
            <p role="status" aria-live="polite" data-testid="encrypt-status">{move || status.get()}</p>
        </form>
    }
}
