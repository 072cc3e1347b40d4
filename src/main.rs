//! Browser entry point: Trunk builds this binary to WebAssembly.

fn main() {
    #[cfg(target_arch = "wasm32")]
    sitebudget::ui::start();
}
