//! A target relative to another indicator of the plan, in the same region
//! and year: `高于GDP增长` compares the figure with the other's, `与GDP增长
//! 同步` asks it to be within the plan's `about_pct` percent of it (the band
//! of `左右`). Held every year, like [`super::annual`].

use crate::assess::{Basis, Requirement};
use crate::plan::Comparator;

pub fn requirement(cmp: Option<Comparator>, tolerance_pct: f64, reference: f64) -> Requirement {
    match cmp {
        Some(cmp) => Requirement::Threshold {
            cmp,
            value: reference,
            basis: Basis::Relative,
        },
        None => super::projection::band(reference, tolerance_pct, Basis::Relative),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn higher_than_and_in_step_with_the_other_figure() {
        // 全员劳动生产率增长 高于GDP增长: GDP 4.8 this year.
        let higher = requirement(Some(Comparator::Greater), 5.0, 4.8);
        assert!(higher.met_by(5.0) && !higher.met_by(4.8));
        // 居民人均可支配收入增长 与GDP增长同步, ±5 %: 4.56–5.04.
        let in_step = requirement(None, 5.0, 4.8);
        assert!(in_step.met_by(4.6) && in_step.met_by(5.04) && !in_step.met_by(5.1));
    }
}
