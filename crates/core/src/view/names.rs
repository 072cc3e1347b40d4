//! Names that do not clash with the ones already taken.

/// `base` itself when free, else `base (2)`, `base (3)`… the first that `taken` refuses.
pub fn unused_name(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|i| format!("{base} ({i})"))
        .find(|name| !taken(name))
        .unwrap_or_else(|| base.to_owned())
}

#[cfg(test)]
mod tests {
    use super::unused_name;

    #[test]
    fn free_names_stay_and_taken_ones_get_the_next_number() {
        let taken = ["Plan", "Plan (2)", "Plan (3)"];
        let is_taken = |n: &str| taken.contains(&n);
        assert_eq!(unused_name("Other", is_taken), "Other");
        assert_eq!(unused_name("Plan", is_taken), "Plan (4)");
        assert_eq!(unused_name("Plan (2)", is_taken), "Plan (2) (2)");
    }
}
