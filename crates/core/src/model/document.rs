//! The budget document (`sitebudget/1`): plain data, already validated.
//!
//! Build one with `io::json::parse_document`, which enforces every field
//! rule of the spec; the engine trusts what it finds here but still checks its
//! arithmetic.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::grade::Grade;

/// The format tag every document carries.
pub const FORMAT: &str = "sitebudget/1";

/// One school's budget: who it is, where money comes from, and what it pays for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The school and its pupils.
    pub school: School,
    /// Funding sources, in document order (the cut plan walks them in this order).
    pub sources: Vec<Source>,
    /// District staffing norms.
    pub norms: Vec<Norm>,
    /// Budget lines, in document order.
    pub lines: Vec<Line>,
}

/// The school and its pupils.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct School {
    /// Display name.
    pub name: String,
    /// Fiscal year label, such as `2026-27`.
    pub fiscal_year: String,
    /// Pupils per grade; the keys are the grades the school serves.
    pub enrollment: BTreeMap<Grade, u32>,
    /// Share of pupils who are unduplicated (low-income, English learners, foster youth), in [0, 1].
    pub unduplicated_pct: Decimal,
    /// Average daily attendance rate, in [0, 1].
    pub attendance_rate: Decimal,
}

/// A funding source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Unique id, referenced by line funding.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Restricted money may pay only for `allowed` uses.
    pub restricted: bool,
    /// One-time money (carryover, a grant) as opposed to ongoing.
    pub one_time: bool,
    /// How the allocation is computed.
    pub allocation: Allocation,
    /// Tags this source may pay for; `None` means no restriction on uses.
    pub allowed: Option<Vec<String>>,
    /// Required minimum spending on tagged lines.
    pub set_asides: Vec<SetAside>,
}

/// A required minimum share of a source's allocation spent on lines with a tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// The tag that counts toward the set-aside.
    pub tag: String,
    /// Minimum share of the allocation, in [0, 1].
    pub min_share: Decimal,
}

/// How a source's allocation is computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Allocation {
    /// A fixed amount.
    Fixed {
        /// The amount, in dollars.
        amount: Decimal,
    },
    /// A rate per pupil counted on a basis.
    PerPupil {
        /// Dollars per pupil.
        rate: Decimal,
        /// Which pupils count.
        basis: Basis,
    },
    /// A per-pupil rate that steps with the school's need (Title I, need indexes).
    Tiered {
        /// Which pupils the rate in force is paid for.
        basis: Basis,
        /// Tiers, `at_least` strictly increasing in [0, 1].
        tiers: Vec<Tier>,
    },
    /// California's Local Control Funding Formula, as a charter school receives it.
    Lcff(Lcff),
    /// The sum of norm entitlements times their unit costs.
    Norm,
}

/// One step of a tiered allocation: this rate once `U ≥ at_least × E`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tier {
    /// Share of unduplicated pupils from which the tier is in force, in [0, 1].
    pub at_least: Decimal,
    /// Dollars per pupil of the basis.
    pub rate: Decimal,
}

/// One band of a banded norm: this FTE from so many pupils on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    /// Pupils from which the band applies.
    pub from: u32,
    /// Entitled FTE in the band.
    pub fte: Decimal,
}

/// Which pupils a per-pupil rate counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Total enrollment.
    Enrollment,
    /// Unduplicated pupils.
    Unduplicated,
    /// Average daily attendance: enrollment × attendance rate, to 2 decimals.
    Ada,
    /// Pupils in these grades.
    Grades(Vec<Grade>),
}

/// LCFF grade spans with their own base rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Span {
    /// TK to 3.
    Tk3,
    /// 4 to 6.
    G4to6,
    /// 7 and 8.
    G7to8,
    /// 9 to 12.
    G9to12,
}

impl Span {
    /// The four spans in order.
    pub const ALL: [Span; 4] = [Span::Tk3, Span::G4to6, Span::G7to8, Span::G9to12];

    /// The span's key in the document (`TK-3`, `4-6`, `7-8`, `9-12`).
    pub fn key(self) -> &'static str {
        match self {
            Span::Tk3 => "TK-3",
            Span::G4to6 => "4-6",
            Span::G7to8 => "7-8",
            Span::G9to12 => "9-12",
        }
    }

    /// The span a grade belongs to.
    pub fn of(grade: Grade) -> Span {
        match grade {
            Grade::TK | Grade::K | Grade::G(1..=3) => Span::Tk3,
            Grade::G(4..=6) => Span::G4to6,
            Grade::G(7..=8) => Span::G7to8,
            Grade::G(_) => Span::G9to12,
        }
    }
}

/// LCFF parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lcff {
    /// Base grant per ADA for each span present.
    pub base: BTreeMap<Span, Decimal>,
    /// Supplemental grant share (published value 0.20).
    pub supplemental: Decimal,
    /// Concentration grant share (published value 0.65).
    pub concentration: Decimal,
    /// Unduplicated share above which concentration applies (published value 0.55).
    pub threshold: Decimal,
}

/// How a norm turns pupils into positions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Rounding {
    /// Round up (the default).
    #[default]
    Ceil,
    /// Round down.
    Floor,
    /// Round half up.
    Round,
}

/// A district staffing norm: one position per so many pupils in some grades.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Norm {
    /// Unique id, referenced by lines.
    pub id: String,
    /// Display title.
    pub title: String,
    /// Grades whose pupils count.
    pub grades: Vec<Grade>,
    /// Pupils per position (positive); ignored when `bands` is not empty.
    pub students_per_position: Decimal,
    /// Entitlement by bands of pupils (`from` strictly increasing); empty for a ratio norm.
    pub bands: Vec<Band>,
    /// Average annual cost of one position.
    pub unit_cost: Decimal,
    /// How the ratio is rounded to whole positions.
    pub rounding: Rounding,
    /// Minimum entitlement in FTE, if any.
    pub min_fte: Option<Decimal>,
}

/// How protected a line is from cuts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Priority {
    /// Cut first.
    Flexible,
    /// Cut only after flexible lines (the default).
    #[default]
    Essential,
    /// Never cut.
    Protected,
}

impl Priority {
    /// The word used in documents and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Flexible => "flexible",
            Priority::Essential => "essential",
            Priority::Protected => "protected",
        }
    }

    /// Parses `flexible`, `essential` or `protected` (case-insensitive).
    pub fn parse(text: &str) -> Option<Priority> {
        match text.trim().to_ascii_lowercase().as_str() {
            "flexible" => Some(Priority::Flexible),
            "essential" => Some(Priority::Essential),
            "protected" => Some(Priority::Protected),
            _ => None,
        }
    }
}

/// One share of a line's cost charged to a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Funding {
    /// The source id.
    pub source: String,
    /// Share of the line's cost, in (0, 1]; a line's shares add up to exactly 1.
    pub share: Decimal,
}

/// A staff position charged at the district's average cost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position {
    /// Full-time equivalents; for a norm-linked line the engine uses the entitlement instead.
    pub fte: Decimal,
    /// Annual cost of 1.0 FTE; `None` only on a norm-linked line, which then takes the norm's.
    pub unit_cost: Option<Decimal>,
    /// Smallest cut in FTE (0.2 is one day a week).
    pub fte_step: Decimal,
    /// Whether the position is currently unfilled.
    pub vacant: bool,
    /// The staffing norm this position follows, if any.
    pub norm: Option<String>,
}

/// What a line pays for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// A staff position.
    Position(Position),
    /// A non-staff item with a dollar amount.
    Item {
        /// The amount, in dollars.
        amount: Decimal,
    },
}

/// A budget line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Unique id.
    pub id: String,
    /// Display title.
    pub title: String,
    /// Position or item, with its own fields.
    pub kind: LineKind,
    /// Which sources pay, and in what shares.
    pub funding: Vec<Funding>,
    /// How protected the line is from cuts.
    pub priority: Priority,
    /// Words describing the use (matched against restricted sources' `allowed`).
    pub tags: Vec<String>,
    /// Optional order among lines of the same priority and vacancy (lower is cut first).
    pub cut_rank: Option<i64>,
    /// Free-text notes.
    pub notes: Option<String>,
}

impl Line {
    /// The position fields, if this line is a position.
    pub fn position(&self) -> Option<&Position> {
        match &self.kind {
            LineKind::Position(p) => Some(p),
            LineKind::Item { .. } => None,
        }
    }

    /// The norm id this line follows, if any.
    pub fn norm(&self) -> Option<&str> {
        self.position().and_then(|p| p.norm.as_deref())
    }

    /// Whether this is a vacant position.
    pub fn is_vacant(&self) -> bool {
        self.position().is_some_and(|p| p.vacant)
    }

    /// Whether this line has a tag (exact match).
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }
}

impl Document {
    /// A source's display name, or the id itself when no source has it.
    pub fn source_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.sources
            .iter()
            .find(|s| s.id == id)
            .map_or(id, |s| s.name.as_str())
    }

    /// A line's title, or the id itself when no line has it.
    pub fn line_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.lines
            .iter()
            .find(|l| l.id == id)
            .map_or(id, |l| l.title.as_str())
    }
}
