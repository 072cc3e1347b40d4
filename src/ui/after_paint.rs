//! Runs work after the browser has painted the current frame.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Runs `work` once the next frame is painted (an animation frame, then a zero timeout),
/// so slow derived figures never hold back the paint of what the user just moved.
/// Without a window (tests in a worker), `work` runs at once.
pub fn after_paint(work: impl FnOnce() + 'static) {
    schedule(Box::new(work));
}

/// One copy of the scheduling code for every caller's closure type (a smaller bundle).
fn schedule(work: Box<dyn FnOnce()>) {
    let Some(window) = web_sys::window() else {
        work();
        return;
    };
    // Both closures free themselves once called (`once_into_js`).
    let timeout_window = window.clone();
    let on_frame = Closure::once_into_js(move || {
        let later = Closure::once_into_js(work);
        let _ = timeout_window.set_timeout_with_callback(later.unchecked_ref());
    });
    let _ = window.request_animation_frame(on_frame.unchecked_ref());
}
