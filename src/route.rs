//! Routing by URL hash (`#/fill/<surveyId>`), so that a reload returns to
//! the survey being filled. Hand-written instead of leptos_router: three
//! routes do not pay for a router in the wasm bundle.
//!
//! The routes live in two bundles (docs/SIZE.md): the app at `/` (home,
//! fill, end: what a respondent loads first) and the staff pages at
//! `/staff/` (staff menu, visits, visit form, response list, follow-ups).
//! A link or navigation to a route of the other bundle is a full-page
//! load of that bundle's page with the route's hash (`staff/#/visits`,
//! `../#/fill/<id>`), so each bundle compiles in only its own pages.

use std::cell::Cell;

/// Which wasm bundle a route is rendered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// The app at `/`: home, fill and end pages.
    App,
    /// The staff pages at `/staff/`.
    Staff,
}

thread_local! {
    /// The running bundle (set once at mount; wasm has one thread).
    static RUNNING: Cell<Bundle> = const { Cell::new(Bundle::App) };
}

/// Records which bundle is running, before the first render.
pub fn set_bundle(bundle: Bundle) {
    RUNNING.with(|b| b.set(bundle));
}

/// The running bundle (`App` unless `set_bundle` said otherwise).
pub fn bundle() -> Bundle {
    RUNNING.with(Cell::get)
}

/// A screen of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    /// Filling a survey (resuming its draft).
    Fill(String),
    /// The end page after completing a survey.
    End(String),
    /// The staff menu: interviewer profile, target, PIN.
    Staff,
    /// Visits and the response rate.
    Visits,
    /// The visit form of the next household for a survey.
    Visit(String),
    /// Every stored response, filterable.
    Responses,
    /// The follow-up queue (闭环).
    FollowUps,
}

impl Route {
    /// Reads a `location.hash` (`#/fill/abc`); anything unknown is home.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let (head, rest) = path.split_once('/').unwrap_or((path, ""));
        let id = decode(rest);
        match head {
            "fill" if !id.is_empty() => Route::Fill(id),
            "end" if !id.is_empty() => Route::End(id),
            "visit" if !id.is_empty() => Route::Visit(id),
            "staff" => Route::Staff,
            "visits" => Route::Visits,
            "responses" => Route::Responses,
            "followups" => Route::FollowUps,
            _ => Route::Home,
        }
    }

    /// The bundle that renders this route (no catch-all: a new route
    /// must choose, and be rendered by `app::App` or `staff_app::StaffApp`).
    pub fn bundle(&self) -> Bundle {
        match self {
            Route::Home | Route::Fill(_) | Route::End(_) => Bundle::App,
            Route::Staff
            | Route::Visits
            | Route::Visit(_)
            | Route::Responses
            | Route::FollowUps => Bundle::Staff,
        }
    }

    /// The address of this route, for links: its hash in the running
    /// bundle, or the other bundle's page with the hash.
    pub fn href(&self) -> String {
        let page = match (bundle(), self.bundle()) {
            (Bundle::App, Bundle::Staff) => "staff/",
            (Bundle::Staff, Bundle::App) => "../",
            _ => "",
        };
        format!("{page}{}", self.hash())
    }

    /// The hash of this route (`#/fill/abc`).
    pub fn hash(&self) -> String {
        match self {
            Route::Home => "#/".to_owned(),
            Route::Fill(id) => format!("#/fill/{}", encode(id)),
            Route::End(id) => format!("#/end/{}", encode(id)),
            Route::Visit(id) => format!("#/visit/{}", encode(id)),
            Route::Staff => "#/staff".to_owned(),
            Route::Visits => "#/visits".to_owned(),
            Route::Responses => "#/responses".to_owned(),
            Route::FollowUps => "#/followups".to_owned(),
        }
    }
}

/// The route in the address bar now.
pub fn current() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&hash)
}

/// Goes to `route`: within the running bundle by its hash (the
/// `hashchange` listener re-renders), otherwise by loading the other
/// bundle's page.
pub fn navigate(route: &Route) {
    if let Some(w) = web_sys::window() {
        let l = w.location();
        let _ = if route.bundle() == bundle() {
            l.set_hash(&route.hash())
        } else {
            l.assign(&route.href())
        };
    }
}

/// Replaces the address bar's route without a history entry (a guarded
/// route must not leave a back-button step to the page it refused); a
/// route of the other bundle loads that bundle's page in place.
pub fn replace(route: &Route) {
    if let Some(w) = web_sys::window() {
        let l = w.location();
        let url = if route.bundle() == bundle() {
            format!(
                "{}{}{}",
                l.pathname().unwrap_or_default(),
                l.search().unwrap_or_default(),
                route.hash()
            )
        } else {
            route.href()
        };
        let _ = l.replace(&url);
    }
}

fn encode(id: &str) -> String {
    if cfg!(target_arch = "wasm32") {
        js_sys::encode_uri_component(id).into()
    } else {
        id.to_owned()
    }
}

fn decode(s: &str) -> String {
    if cfg!(target_arch = "wasm32") {
        js_sys::decode_uri_component(s)
            .map(Into::into)
            .unwrap_or_else(|_| s.to_owned())
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn hashes_map_to_routes() {
        let cases = [
            ("", Route::Home),
            ("#/", Route::Home),
            ("#/fill/abc", Route::Fill("abc".into())),
            ("#fill/abc", Route::Fill("abc".into())),
            ("#/end/s-1", Route::End("s-1".into())),
            ("#/fill/", Route::Home),
            ("#/nowhere/x", Route::Home),
            ("#/staff", Route::Staff),
            ("#/visits", Route::Visits),
            ("#/visit/s-1", Route::Visit("s-1".into())),
            ("#/responses", Route::Responses),
            ("#/followups", Route::FollowUps),
        ];
        for (hash, expected) in cases {
            assert_eq!(Route::parse(hash), expected, "{hash:?}");
            if expected != Route::Home {
                assert_eq!(Route::parse(&expected.hash()), expected);
            }
        }
    }

    #[test]
    fn links_to_the_other_bundle_load_its_page() {
        use super::{set_bundle, Bundle};
        set_bundle(Bundle::App);
        assert_eq!(Route::Fill("a".into()).href(), "#/fill/a");
        assert_eq!(Route::Visits.href(), "staff/#/visits");
        assert_eq!(Route::Visit("s".into()).href(), "staff/#/visit/s");
        set_bundle(Bundle::Staff);
        assert_eq!(Route::Visits.href(), "#/visits");
        assert_eq!(Route::Home.href(), "../#/");
        assert_eq!(Route::Fill("a".into()).href(), "../#/fill/a");
        set_bundle(Bundle::App);
    }
}
