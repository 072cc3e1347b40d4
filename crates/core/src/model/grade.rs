//! School grades, TK through 12, in their natural order.

use std::fmt;

/// A grade level: transitional kindergarten, kindergarten, then 1 to 12.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grade {
    /// Transitional kindergarten.
    TK,
    /// Kindergarten.
    K,
    /// Grades 1 to 12, held as their number.
    G(u8),
}

impl Grade {
    /// Every grade, TK first.
    pub const ALL: [Grade; 14] = [
        Grade::TK,
        Grade::K,
        Grade::G(1),
        Grade::G(2),
        Grade::G(3),
        Grade::G(4),
        Grade::G(5),
        Grade::G(6),
        Grade::G(7),
        Grade::G(8),
        Grade::G(9),
        Grade::G(10),
        Grade::G(11),
        Grade::G(12),
    ];

    /// Parses `TK`, `K` or `1`..`12` (case-insensitive for the letters).
    pub fn parse(text: &str) -> Option<Grade> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("TK") {
            return Some(Grade::TK);
        }
        if t.eq_ignore_ascii_case("K") {
            return Some(Grade::K);
        }
        match t.parse::<u8>() {
            Ok(n @ 1..=12) if !t.starts_with('+') && !t.starts_with('0') => Some(Grade::G(n)),
            _ => None,
        }
    }

    /// Position in [`Grade::ALL`]: TK is 0, K is 1, grade n is n + 1.
    pub fn index(self) -> usize {
        match self {
            Grade::TK => 0,
            Grade::K => 1,
            Grade::G(n) => n as usize + 1,
        }
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Grade::TK => f.write_str("TK"),
            Grade::K => f.write_str("K"),
            Grade::G(n) => write!(f, "{n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_every_grade() {
        for g in Grade::ALL {
            assert_eq!(Grade::parse(&g.to_string()), Some(g));
        }
        assert_eq!(Grade::parse("tk"), Some(Grade::TK));
        for bad in ["", "0", "13", "01", "+1", "KG", "1.0"] {
            assert_eq!(Grade::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn grades_sort_tk_first() {
        let mut v = vec![Grade::G(10), Grade::G(2), Grade::K, Grade::TK];
        v.sort();
        assert_eq!(v, vec![Grade::TK, Grade::K, Grade::G(2), Grade::G(10)]);
    }
}
