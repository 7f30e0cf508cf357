//! Not judged (`rule = { kind = "none" }`, a qualitative goal, a cell with
//! no number): no requirement, status 不考核, shown as printed.

use super::{RuleKind, Year};
use crate::assess::figure::{Figure, Unjudged};
use crate::assess::{Requirement, Status};

/// The kind: nothing to judge.
pub struct Kind;

impl RuleKind for Kind {
    fn requirement(&self, _at: &Year, _figure: &Figure) -> Result<Option<Requirement>, Unjudged> {
        Ok(None)
    }

    fn status(&self, _at: &Year, _value: f64, _requirement: &Requirement) -> Status {
        Status::NotAssessed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::fixtures::{indicator, meta};
    use crate::plan::{Attribute, Rule};

    #[test]
    fn nothing_is_required_and_nothing_judged() {
        let ind = indicator(1.0, Rule::NotAssessed, Attribute::Binding);
        let at = Year::new(&ind, &meta(), 2023);
        let figure = Figure {
            reported: Some(3.0),
            value: Some(3.0),
            ..Figure::default()
        };
        assert_eq!(Kind.requirement(&at, &figure), Ok(None));
        let any = Requirement::Range { min: 0.0, max: 1.0 };
        assert_eq!(Kind.status(&at, 3.0, &any), Status::NotAssessed);
    }
}
