//! Respondent mode (a shared phone): while the phone is handed to a
//! resident, only the survey it is locked to is reachable — its fill page
//! and its end page, which then shows only a thank-you. Every other route
//! (home, visits, the response list, follow-ups, the staff menu, another
//! survey) leads back to the locked survey, whether it is reached by a
//! link, the back button, a typed `#/…` address or a reload (the lock is
//! stored and read before the first render). Leaving needs the PIN.

use crate::route::Route;

/// Where `route` really goes while the phone is locked to `locked`.
pub fn guard(route: Route, locked: Option<&str>) -> Route {
    let Some(survey) = locked else { return route };
    match &route {
        Route::Fill(s) | Route::End(s) if s == survey => route,
        _ => Route::Fill(survey.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unlocked_every_route_is_reachable() {
        for r in [Route::Home, Route::Fill("a".into()), Route::End("b".into())] {
            assert_eq!(guard(r.clone(), None), r);
        }
    }

    #[test]
    fn locked_only_the_locked_surveys_pages_are_reachable() {
        let to = Route::Fill("s".into());
        assert_eq!(guard(Route::Fill("s".into()), Some("s")), to);
        assert_eq!(
            guard(Route::End("s".into()), Some("s")),
            Route::End("s".into())
        );
        let others = [
            Route::Home,
            Route::Fill("other".into()),
            Route::End("other".into()),
            Route::Staff,
            Route::Visits,
            Route::Visit("s".into()),
            Route::Responses,
            Route::FollowUps,
        ];
        for r in others {
            assert_eq!(guard(r, Some("s")), to);
        }
    }
}

/// The survey the phone is locked to (`None`: staff mode), shared by the
/// router and the pages.
#[derive(Clone, Copy)]
pub struct RespondentLock(pub leptos::prelude::RwSignal<Option<String>>);

/// The respondent lock (reactive).
pub fn use_lock() -> leptos::prelude::RwSignal<Option<String>> {
    leptos::prelude::expect_context::<RespondentLock>().0
}

/// Hands the phone over: stores the lock first (so a reload keeps it),
/// then locks the router (`lock`, from `use_lock`) and opens the survey.
/// Refused without a PIN.
pub fn hand_over(
    lock: leptos::prelude::RwSignal<Option<String>>,
    survey: &str,
    store: crate::context::Store,
) -> Result<(), String> {
    use leptos::prelude::Set;
    if super::settings::pin().is_none() {
        return Err(crate::field::fk(crate::i18n_field::FieldKey::NoPinForHandover).to_owned());
    }
    super::settings::set_lock(survey).map_err(|e| e.to_string())?;
    // Whatever the PIN opened in this page is forgotten before the
    // resident holds the phone (sealed records stay sealed).
    crate::storage::at_rest::close(&store.records());
    lock.set(Some(survey.to_owned()));
    crate::route::navigate(&Route::Fill(survey.to_owned()));
    Ok(())
}
