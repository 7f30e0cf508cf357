//! `plan-check template`: an empty statistics file for a plan, to fill in, as
//! CSV or as a workbook. Made from the plan itself, not from an evaluation.

pub mod csv;
pub mod xlsx;
