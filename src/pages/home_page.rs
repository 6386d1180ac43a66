//! The home page: the surveys on this device and the file loader.

use leptos::prelude::*;

use crate::components::{
    storage_status::StorageStatus, survey_card::SurveyCard, survey_loader::SurveyLoader,
};
use crate::context::{tr, use_catalog};
use crate::i18n::Key;

#[component]
pub fn HomePage() -> impl IntoView {
    let catalog = use_catalog();
    view! {
        <div class="cv-home">
            <h1 class="cv-home__title">{tr(Key::SurveysHeading)}</h1>
            <Show when=move || catalog.0.with(Vec::is_empty)>
                <p>{tr(Key::NoSurveys)}</p>
            </Show>
            <ul class="cv-home__list" data-testid="survey-list">
                <For
                    each=move || catalog.0.get()
                    key=|e| (e.loaded.survey.id.clone(), e.loaded.survey.hash.clone())
                    children=|entry| view! { <SurveyCard entry/> }
                />
            </ul>
            <SurveyLoader/>
            <StorageStatus/>
            <a class="cv-button" href=crate::route::Route::Staff.href() data-testid="link-staff-menu">
                {tr(Key::Field(crate::i18n_field::FieldKey::StaffMenu))}
            </a>
            // The office page is a separate bundle (office/); one plain link.
            <p class="cv-home__office">
                <a href="office/" data-testid="office-link">"办公室 / Office"</a>
            </p>
        </div>
    }
}
