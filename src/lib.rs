//! plan-check: checks a government plan's target indicators against each year's statistics.
//!
//! Data flows one way: [`plan`] (TOML) + [`stats`] (CSV, workbooks) →
//! [`assess`] (pure) → [`render`] → exit code ([`cli`]). `ARCHITECTURE.md`
//! says where everything else goes.

pub mod assess;
pub mod cli;
pub mod diagnostic;
pub mod encoding;
pub mod extract;
pub mod import;
pub mod lang;
pub mod number;
pub mod output;
pub mod plan;
pub mod printable;
pub mod region_name;
pub mod render;
pub mod schema;
pub mod snippet;
pub mod stats;
pub mod template;
pub mod vocabulary;
pub mod year;
