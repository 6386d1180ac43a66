//! Routing by URL hash (`#/fill/<surveyId>`), so that a reload returns to
//! the survey being filled. Hand-written instead of leptos_router: three
//! routes do not pay for a router in the wasm bundle.

/// A screen of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    /// Filling a survey (resuming its draft).
    Fill(String),
    /// The end page after completing a survey.
    End(String),
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
            _ => Route::Home,
        }
    }

    /// The hash of this route, for links.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_owned(),
            Route::Fill(id) => format!("#/fill/{}", encode(id)),
            Route::End(id) => format!("#/end/{}", encode(id)),
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

/// Goes to `route` (the `hashchange` listener re-renders).
pub fn navigate(route: &Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.href());
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
        ];
        for (hash, expected) in cases {
            assert_eq!(Route::parse(hash), expected, "{hash:?}");
            if expected != Route::Home {
                assert_eq!(Route::parse(&expected.href()), expected);
            }
        }
    }
}
