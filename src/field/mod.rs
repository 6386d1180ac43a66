//! Field work in the browser: the device's interviewer settings, the
//! respondent lock and its PIN, paradata capture, and the records the
//! visits, response list and follow-up pages read. Every rule and number
//! is in `canvass_core` (visit, paradata, followup, listing, field_rate,
//! pin, profile); this module only stores, hashes and wires.

pub mod encrypt_form;
pub mod lock;
pub mod open_sealed;
pub mod pin_crypto;
pub mod settings;
pub mod unlock;

use crate::i18n::Key;
use crate::i18n_field::FieldKey;

/// A store error as shown on a page: sealed records without the PIN in
/// the interface language (the PIN prompt is above), anything else as is.
pub fn store_error_text(e: &crate::storage::StoreError) -> String {
    match e {
        crate::storage::StoreError::Locked { .. } => fk(FieldKey::SealedLocked).to_owned(),
        other => other.to_string(),
    }
}

/// A field-work interface string in the rendering language. Safe outside
/// a reactive owner too (after an `await` in a spawned task): then the
/// stored language is used.
pub fn fk(key: FieldKey) -> &'static str {
    let locale = leptos::prelude::use_context::<crate::context::UiLocale>()
        .map(|l| leptos::prelude::GetUntracked::get_untracked(&l.0))
        .unwrap_or_else(|| {
            crate::i18n::Locale::from_code(&crate::storage::local::locale().unwrap_or_default())
        });
    locale.t(Key::Field(key))
}
pub mod capture;
pub mod form;
pub mod geo;
pub mod records;
