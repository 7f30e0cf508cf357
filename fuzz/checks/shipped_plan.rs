// The shipped plan, parsed once, for the checks that read statistics
// against it (`csv_loader.rs`, `workbook_loader.rs`): their includers
// include this file beside them.

const PLAN: &str = include_str!("../../plan/jiangjin-education-14th-fyp.toml");

fn plans() -> &'static plan_check::plan::PlanSet {
    static PLANS: std::sync::OnceLock<plan_check::plan::PlanSet> = std::sync::OnceLock::new();
    PLANS.get_or_init(|| {
        let plan =
            plan_check::plan::parse_plan(PLAN, "plan.toml").expect("the shipped plan parses");
        plan_check::plan::PlanSet::new(vec![plan]).expect("one plan")
    })
}
