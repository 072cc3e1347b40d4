//! Chart geometry for accessible SVG charts: scales, bars, stacks and waterfalls, computed in plain Rust.
