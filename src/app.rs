//! The root component: provides the contexts, follows the URL hash and
//! keeps `<html lang>` and the stored language in step with the toggle.
//! `shell` is shared by both bundles (docs/SIZE.md): `App` renders the
//! respondent's pages (home, fill, end), `crate::staff_app` the staff
//! pages; each passes only its own pages, so the other bundle's pages
//! are not compiled into it.

use std::rc::Rc;

use leptos::prelude::*;

use crate::catalog;
use crate::components::{
    lang_toggle::LangToggle, storage_banner::StorageBanner, update_bar::UpdateBar,
};
use crate::context::{Catalog, Db, Notice, Store, UiLocale};
use crate::i18n::{Key, Locale};
use crate::pages::{end_page::EndPage, fill_page::FillPage, home_page::HomePage};
use crate::route::{self, Route};
use crate::storage::{local, SURVEYS};

/// `records`: the opened store; `surveys`: the stored survey definitions
/// (id, JSON text), read before mounting so deep links find them.
#[component]
pub fn App(records: Rc<Db>, surveys: Vec<(String, String)>) -> impl IntoView {
    shell(records, surveys, |route| match route {
        Route::Home => view! { <HomePage/> }.into_any(),
        Route::Fill(id) => view! { <FillPage survey_id=id/> }.into_any(),
        Route::End(id) => view! { <EndPage survey_id=id/> }.into_any(),
        // The staff bundle's routes: `route::replace` is loading it.
        _ => ().into_any(),
    })
}

/// The contexts, header, banners and hash routing around `page`, which
/// renders the running bundle's routes.
pub fn shell(
    records: Rc<Db>,
    surveys: Vec<(String, String)>,
    page: fn(Route) -> AnyView,
) -> impl IntoView {
    let store = Store::new(records);
    let catalog::Initial {
        entries,
        problems,
        unloadable,
    } = catalog::initial(surveys);
    if !problems.is_empty() {
        store
            .notices
            .update(|n| n.extend(problems.into_iter().map(Notice::SampleFailed)));
    }
    // A stored survey that no longer loads is moved aside with the reasons.
    if !unloadable.is_empty() {
        let records = store.records();
        leptos::task::spawn_local(async move {
            for (id, why) in unloadable {
                records.set_aside(SURVEYS, &id, &why).await;
            }
            store.refresh();
        });
    }
    let locale = RwSignal::new(Locale::from_code(&local::locale().unwrap_or_default()));
    provide_context(store);
    provide_context(Catalog(RwSignal::new(entries)));
    provide_context(UiLocale(locale));

    Effect::new(move |_| {
        let l = locale.get();
        local::set_locale(l.code());
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", l.html_lang());
        }
        document().set_title(l.t(Key::AppTitle));
    });

    let hash = RwSignal::new(route::current());
    let _listener =
        window_event_listener(leptos::ev::hashchange, move |_| hash.set(route::current()));
    // Respondent mode: the stored lock is read before the first render,
    // and every route is guarded by it (src/field/lock.rs).
    let lock = RwSignal::new(crate::field::settings::lock());
    provide_context(crate::field::lock::RespondentLock(lock));
    let route = Memo::new(move |_| {
        let wanted = hash.get();
        let allowed = crate::field::lock::guard(wanted.clone(), lock.get().as_deref());
        if allowed != wanted || allowed.bundle() != route::bundle() {
            route::replace(&allowed);
        }
        allowed
    });
    // A page restored from the back/forward cache kept its old state (a
    // lock set or cleared, answers given in the other bundle since): it
    // is loaded again, so the stored lock guards it like any other load.
    let _pageshow = window_event_listener_untyped("pageshow", |e| {
        let persisted = js_sys::Reflect::get(&e, &"persisted".into());
        if persisted.ok().and_then(|p| p.as_bool()) == Some(true) {
            let _ = window().location().reload();
        }
    });
    let filling = Signal::derive(move || matches!(route.get(), Route::Fill(_)));

    view! {
        <StorageBanner/>
        <crate::field::open_sealed::SealedGate/>
        <UpdateBar filling/>
        <header class="cv-header">
            <a class="cv-header__title" href=Route::Home.href()>{move || locale.get().t(Key::AppTitle)}</a>
            <LangToggle/>
        </header>
        <main class="cv-main">
            // Pages read the language once (`ui_locale`); a switch re-renders
            // the page, which restores its state from storage.
            {move || {
                locale.track();
                page(route.get())
            }}
        </main>
    }
}
