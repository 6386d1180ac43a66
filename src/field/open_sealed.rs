//! The PIN prompt that opens sealed records (at-rest encryption) for
//! this page: shown above any page whose read met records it could not
//! open, never in respondent mode. The PIN unwraps the device's private
//! key (`storage::at_rest::open`); pages that read sealed records track
//! `Store::opened` and read again.

use leptos::prelude::*;

use super::fk;
use super::lock::use_lock;
use crate::context::use_store;
use crate::i18n_field::FieldKey;
use crate::storage::at_rest::{self, AtRestError};

#[component]
pub fn SealedGate() -> impl IntoView {
    let store = use_store();
    let lock = use_lock();
    let pin = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let (typed, records) = (pin.get_untracked(), store.records());
        leptos::task::spawn_local(async move {
            let result = at_rest::open(&records, &typed).await;
            let _ = busy.try_set(false);
            let _ = pin.try_set(String::new());
            match result {
                Ok(()) => {
                    let _ = message.try_set(None);
                    store.refresh();
                    store.opened.update(|n| *n += 1);
                }
                Err(AtRestError::WrongPin) => {
                    let _ = message.try_set(Some(fk(FieldKey::WrongPin).to_owned()));
                }
                Err(e) => {
                    let _ = message.try_set(Some(e.to_string()));
                }
            }
        });
    };
    view! {
        <Show when=move || store.locked.get() && lock.get().is_none()>
            <form class="cv-unlock__form cv-sealed" data-testid="sealed-gate" on:submit=submit>
                <p>{fk(FieldKey::SealedLocked)}</p>
                <label class="cv-field">
                    <span>{fk(FieldKey::EnterPin)}</span>
                    <input type="password" inputmode="numeric" autocomplete="off" data-testid="sealed-pin"
                        prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev))/>
                </label>
                <button type="submit" class="cv-button cv-button--primary" data-testid="btn-open-sealed" disabled=move || busy.get()>
                    {move || if busy.get() { fk(FieldKey::Working) } else { fk(FieldKey::Unlock) }}
                </button>
                <p role="alert" data-testid="sealed-message">{move || message.get()}</p>
            </form>
        </Show>
    }
}
