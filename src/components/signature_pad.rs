//! `signaturepad`: drawing on a canvas with pointer events (finger, pen or
//! mouse alike). Each finished stroke stores the drawing as a PNG `data:`
//! URL, as SurveyJS stores it; a stored signature is drawn back when the
//! question appears again (after a reload).

use canvass_core::survey::Value;
use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, PointerEvent};

use crate::context::tr;
use crate::i18n::Key;

fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}

/// The pointer's position in canvas pixels (the canvas may be scaled by CSS).
fn point(canvas: &HtmlCanvasElement, ev: &PointerEvent) -> (f64, f64) {
    let rect = canvas.get_bounding_client_rect();
    let sx = f64::from(canvas.width()) / rect.width().max(1.0);
    let sy = f64::from(canvas.height()) / rect.height().max(1.0);
    (
        (f64::from(ev.client_x()) - rect.left()) * sx,
        (f64::from(ev.client_y()) - rect.top()) * sy,
    )
}

#[component]
pub fn SignaturePad(
    input_id: String,
    width: u32,
    height: u32,
    #[prop(into)] answer: Signal<Option<Value>>,
    on_change: Callback<Option<Value>>,
) -> impl IntoView {
    let canvas_ref = NodeRef::<Canvas>::new();
    let drawing = RwSignal::new(false);
    // Draw a stored signature back once the canvas exists.
    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let Some(Value::String(url)) = answer.get_untracked() else {
            return;
        };
        let Ok(img) = web_sys::HtmlImageElement::new() else {
            return;
        };
        let (c, i) = (canvas.clone(), img.clone());
        let onload = Closure::<dyn FnMut()>::new(move || {
            if let Some(ctx) = context(&c) {
                let _ = ctx.draw_image_with_html_image_element(&i, 0.0, 0.0);
            }
        });
        img.set_onload(Some(onload.as_ref().unchecked_ref()));
        onload.forget();
        img.set_src(&url);
    });
    let down = move |ev: PointerEvent| {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let _ = canvas.set_pointer_capture(ev.pointer_id());
        ev.prevent_default();
        if let Some(ctx) = context(&canvas) {
            let (x, y) = point(&canvas, &ev);
            ctx.set_line_width(2.5);
            ctx.set_line_cap("round");
            ctx.set_line_join("round");
            ctx.set_stroke_style_str("#1a1a1a");
            ctx.begin_path();
            ctx.move_to(x, y);
            ctx.line_to(x + 0.1, y + 0.1);
            ctx.stroke();
        }
        drawing.set(true);
    };
    let moved = move |ev: PointerEvent| {
        if !drawing.get_untracked() {
            return;
        }
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        if let Some(ctx) = context(&canvas) {
            let (x, y) = point(&canvas, &ev);
            ctx.line_to(x, y);
            ctx.stroke();
        }
    };
    let up = move |_ev: PointerEvent| {
        if !drawing.get_untracked() {
            return;
        }
        drawing.set(false);
        if let Some(canvas) = canvas_ref.get() {
            if let Ok(url) = canvas.to_data_url_with_type("image/png") {
                on_change.run(Some(Value::String(url)));
            }
        }
    };
    let clear = move |_| {
        if let Some(canvas) = canvas_ref.get() {
            if let Some(ctx) = context(&canvas) {
                ctx.clear_rect(
                    0.0,
                    0.0,
                    f64::from(canvas.width()),
                    f64::from(canvas.height()),
                );
            }
        }
        on_change.run(None);
    };
    view! {
        <div class="cv-signature">
            <canvas class="cv-signature__pad" id=input_id node_ref=canvas_ref width=width height=height
                role="img" aria-label=tr(Key::SignatureHint) data-testid="signature-canvas"
                on:pointerdown=down on:pointermove=moved on:pointerup=up on:pointercancel=up/>
            <button type="button" class="cv-button cv-button--ghost" data-testid="signature-clear" on:click=clear>
                {tr(Key::ClearSignature)}
            </button>
        </div>
    }
}
