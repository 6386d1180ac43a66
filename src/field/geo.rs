//! One GPS fix through `navigator.geolocation`, asked only when the
//! interviewer ticks "record position" (the browser then asks the user's
//! permission). Called through `js_sys::Reflect`, so no web-sys bindings
//! are added to the bundle.

use canvass_core::visit::Position;
use js_sys::{Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn num(v: &JsValue, key: &str) -> Option<f64> {
    Reflect::get(v, &key.into()).ok()?.as_f64()
}

/// Asks for the position; `done` gets it or the browser's reason.
pub fn locate(done: impl FnOnce(Result<Position, String>) + 'static) {
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let geo = web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &"geolocation".into()).ok())
        .filter(|g| !g.is_undefined());
    let Some(geo) = geo else {
        if let Some(f) = done.borrow_mut().take() {
            f(Err("geolocation is not available".into()));
        }
        return;
    };
    let ok_done = done.clone();
    let ok = Closure::once_into_js(move |pos: JsValue| {
        let coords = Reflect::get(&pos, &"coords".into()).unwrap_or(JsValue::UNDEFINED);
        let fix = match (
            num(&coords, "latitude"),
            num(&coords, "longitude"),
            num(&coords, "accuracy"),
        ) {
            (Some(latitude), Some(longitude), Some(accuracy_m)) => Ok(Position {
                latitude,
                longitude,
                accuracy_m,
            }),
            _ => Err("no coordinates".to_owned()),
        };
        if let Some(f) = ok_done.borrow_mut().take() {
            f(fix);
        }
    });
    let err = Closure::once_into_js(move |e: JsValue| {
        let why = Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "refused".into());
        if let Some(f) = done.borrow_mut().take() {
            f(Err(why));
        }
    });
    let options = Object::new();
    let _ = Reflect::set(&options, &"enableHighAccuracy".into(), &true.into());
    let _ = Reflect::set(&options, &"timeout".into(), &20_000.into());
    let _ = Reflect::set(&options, &"maximumAge".into(), &60_000.into());
    if let Ok(f) =
        Reflect::get(&geo, &"getCurrentPosition".into()).and_then(|f| f.dyn_into::<Function>())
    {
        let _ = f.call3(&geo, &ok, &err, &options);
    }
}
