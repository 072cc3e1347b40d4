//! The school's name, year and pupils.

use std::rc::Rc;

use yew::prelude::*;

use sitebudget_core::util::i18n;

use crate::ui::lang::{tr, tr1, use_lang};

use sitebudget_core::format;
use sitebudget_core::model::Document;

/// Props of [`SchoolHeader`].
#[derive(Properties, PartialEq)]
pub struct SchoolHeaderProps {
    /// The budget document.
    pub doc: Rc<Document>,
}

/// Name, fiscal year, enrollment by grade, unduplicated share and attendance.
#[component]
pub fn SchoolHeader(props: &SchoolHeaderProps) -> Html {
    use_lang();
    let school = &props.doc.school;
    let total: u64 = school.enrollment.values().map(|&n| u64::from(n)).sum();
    html! {
        <section class="panel" aria-labelledby="school-name">
            <div class="school-title">
                <h1 id="school-name" data-testid="school-name">{ &school.name }</h1>
                <span class="muted">{ tr1("Fiscal year {year}", "year", &school.fiscal_year) }</span>
            </div>
            <div class="enrollment-strip" aria-label={tr("Enrollment by grade")}>
                for (grade, count) in school.enrollment.iter() {
                    <div class="grade" key={grade.to_string()}>
                        <b>{ format::count(u64::from(*count)) }</b>
                        <span>{ if grade.index() < 2 { grade.to_string() } else { i18n::tr1("Grade {grade}", "grade", grade) } }</span>
                    </div>
                }
                <div class="grade total">
                    <b data-testid="enrollment-total" data-value={total.to_string()}>{ format::count(total) }</b>
                    <span>{ tr("Students") }</span>
                </div>
                <div class="grade">
                    <b>{ format::percent(school.unduplicated_pct) }</b>
                    <span>{ tr("Unduplicated") }</span>
                </div>
                <div class="grade">
                    <b>{ format::percent(school.attendance_rate) }</b>
                    <span>{ tr("Attendance") }</span>
                </div>
            </div>
        </section>
    }
}
