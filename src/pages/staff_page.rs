//! The staff menu: the interviewer profile (set on first use), the
//! response-rate target, the PIN that ends respondent mode, and links to
//! the visits, the response list and the follow-up queue.

use canvass_core::field_rate::parse_target_percent;
use canvass_core::pin::{check_new_pin, strong_enough_for_encryption};
use canvass_core::profile::Profile;
use leptos::prelude::*;

use crate::context::use_store;
use crate::field::encrypt_form::EncryptForm;
use crate::field::form::text_field;
use crate::field::{fk, pin_crypto, settings};
use crate::i18n_field::FieldKey;
use crate::route::Route;
use crate::storage::at_rest;

#[component]
pub fn StaffPage() -> impl IntoView {
    let current = settings::profile().unwrap_or_default();
    let name = RwSignal::new(current.name.clone());
    let staff_id = RwSignal::new(current.staff_id.clone());
    let team = RwSignal::new(current.team.clone());
    let target = RwSignal::new(format!("{}", (settings::target() * 100.0).round()));
    let status = RwSignal::new(None::<String>);
    let save_profile = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = Profile::new(
            &name.get_untracked(),
            &staff_id.get_untracked(),
            &team.get_untracked(),
        )
        .map_err(|e| e.to_string())
        .and_then(|p| settings::set_profile(&p).map_err(|e| e.to_string()))
        .and_then(|_| parse_target_percent(&target.get_untracked()).map_err(|e| e.to_string()))
        .and_then(|t| settings::set_target(t).map_err(|e| e.to_string()));
        status.set(Some(match result {
            Ok(()) => fk(FieldKey::Saved).to_owned(),
            Err(e) => e,
        }));
    };

    let store = use_store();
    let has_pin = RwSignal::new(settings::pin().is_some());
    // With encryption on, the private key is wrapped under the PIN: a new
    // PIN needs the current one, and six digits.
    let sealing = RwSignal::new(store.records().is_sealing());
    let current = RwSignal::new(String::new());
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let pin_status = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let set_pin = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (p, a) = (pin.get_untracked(), again.get_untracked());
        if let Err(e) = check_new_pin(&p, &a) {
            pin_status.set(Some(e.to_string()));
            return;
        }
        let sealing = sealing.get_untracked();
        if sealing && !strong_enough_for_encryption(&p) {
            pin_status.set(Some(fk(FieldKey::PinSixDigits).to_owned()));
            return;
        }
        busy.set(true);
        let old = current.get_untracked();
        leptos::task::spawn_local(async move {
            let rewrapped = match (sealing, settings::pin()) {
                (false, _) | (true, None) => Ok(()),
                (true, Some(record)) => match pin_crypto::verify(&old, &record).await {
                    Ok(true) => at_rest::change_pin(&store.records(), &old, &p)
                        .await
                        .map_err(|e| e.to_string()),
                    Ok(false) => Err(fk(FieldKey::WrongPin).to_owned()),
                    Err(e) => Err(e.to_string()),
                },
            };
            let result = match rewrapped {
                Err(e) => Err(e),
                Ok(()) => match pin_crypto::hash_new(&p).await {
                    Ok(record) => settings::set_pin(&record).map_err(|e| e.to_string()),
                    Err(e) => Err(e.to_string()),
                },
            };
            let _ = busy.try_set(false);
            let ok = result.is_ok();
            let _ = pin_status.try_set(Some(
                result
                    .map(|_| fk(FieldKey::PinIsSet).to_owned())
                    .unwrap_or_else(|e| e),
            ));
            if ok {
                let _ = has_pin.try_set(true);
                let _ = pin.try_set(String::new());
                let _ = again.try_set(String::new());
                let _ = current.try_set(String::new());
            }
        });
    };

    let pin_field = |label: FieldKey, value: RwSignal<String>, testid: &'static str| {
        view! {
            <label class="cv-field">
                <span>{fk(label)}</span>
                <input type="password" inputmode="numeric" autocomplete="new-password" data-testid=testid
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
            </label>
        }
    };
    view! {
        <div class="cv-staff" data-testid="staff-page">
            <h1>{fk(FieldKey::StaffMenu)}</h1>
            <nav class="cv-staff__links">
                <a class="cv-button cv-button--primary" href=Route::Visits.href() data-testid="link-visits">{fk(FieldKey::LinkVisits)}</a>
                <a class="cv-button" href=Route::Responses.href() data-testid="link-responses">{fk(FieldKey::LinkResponses)}</a>
                <a class="cv-button" href=Route::FollowUps.href() data-testid="link-followups">{fk(FieldKey::LinkFollowUps)}</a>
            </nav>
            <form class="cv-staff__form" on:submit=save_profile>
                <h2>{fk(FieldKey::ProfileHeading)}</h2>
                {text_field(FieldKey::ProfileName, name, "profile-name")}
                {text_field(FieldKey::ProfileStaffId, staff_id, "profile-id")}
                {text_field(FieldKey::ProfileTeam, team, "profile-team")}
                {text_field(FieldKey::TargetLabel, target, "profile-target")}
                <button type="submit" class="cv-button cv-button--primary" data-testid="btn-save-profile">{fk(FieldKey::Save)}</button>
                <p role="status" aria-live="polite" data-testid="profile-status">{move || status.get()}</p>
            </form>
            <form class="cv-staff__form" on:submit=set_pin>
                <h2>{fk(FieldKey::PinHeading)}</h2>
                <p data-testid="pin-state">{move || if has_pin.get() { fk(FieldKey::PinIsSet) } else { fk(FieldKey::PinNotSet) }}</p>
                {move || sealing.get().then(|| pin_field(FieldKey::CurrentPin, current, "pin-current"))}
                {pin_field(FieldKey::PinNew, pin, "pin-new")}
                {pin_field(FieldKey::PinAgain, again, "pin-again")}
                <button type="submit" class="cv-button" data-testid="btn-set-pin" disabled=move || busy.get()>
                    {move || if busy.get() { fk(FieldKey::Working) } else { fk(FieldKey::SetPin) }}
                </button>
                <p role="status" aria-live="polite" data-testid="pin-status">{move || pin_status.get()}</p>
            </form>
            <EncryptForm on=sealing/>
        </div>
    }
}
