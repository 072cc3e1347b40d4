//! Criterion benchmark of the budget engine (filled in below).

fn main() {}
