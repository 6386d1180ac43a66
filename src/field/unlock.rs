//! "Return to interviewer": the PIN prompt that ends respondent mode.
//! The PIN is checked against the stored PBKDF2 hash; only a match clears
//! the stored lock and goes to the visits page.

use leptos::prelude::*;

use super::lock::use_lock;
use super::{fk, pin_crypto, settings};
use crate::i18n_field::FieldKey;
use crate::route::{navigate, Route};

#[component]
pub fn UnlockButton() -> impl IntoView {
    let open = RwSignal::new(false);
    let pin = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let lock = use_lock();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(record) = settings::pin() else {
            // No PIN stored (cleared storage): nothing to protect with.
            settings::clear_lock();
            lock.set(None);
            navigate(&Route::Visits);
            return;
        };
        busy.set(true);
        let typed = pin.get_untracked();
        leptos::task::spawn_local(async move {
            let ok = pin_crypto::verify(&typed, &record).await;
            let _ = busy.try_set(false);
            match ok {
                Ok(true) => {
                    settings::clear_lock();
                    lock.set(None);
                    navigate(&Route::Visits);
                }
                Ok(false) => {
                    let _ = pin.try_set(String::new());
                    let _ = message.try_set(Some(fk(FieldKey::WrongPin).to_owned()));
                }
                Err(e) => {
                    let _ = message.try_set(Some(e.to_string()));
                }
            }
        });
    };
    view! {
        <div class="cv-unlock">
            <Show when=move || open.get()
                fallback=move || view! {
                    <button type="button" class="cv-button" data-testid="btn-return" on:click=move |_| open.set(true)>
                        {fk(FieldKey::ReturnToInterviewer)}
                    </button>
                }>
                <form class="cv-unlock__form" on:submit=submit>
                    <label class="cv-field">
                        <span>{fk(FieldKey::EnterPin)}</span>
                        <input type="password" inputmode="numeric" autocomplete="off" data-testid="unlock-pin"
                            prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev))/>
                    </label>
                    <div class="cv-unlock__actions">
                        <button type="submit" class="cv-button cv-button--primary" data-testid="btn-unlock" disabled=move || busy.get()>
                            {move || if busy.get() { fk(FieldKey::Working) } else { fk(FieldKey::Unlock) }}
                        </button>
                        <button type="button" class="cv-button" on:click=move |_| { open.set(false); message.set(None); }>
                            {fk(FieldKey::Cancel)}
                        </button>
                    </div>
                    <p class="cv-unlock__message" role="alert" data-testid="unlock-message">{move || message.get()}</p>
                </form>
            </Show>
        </div>
    }
}
