//! Every diagnostic code, with what it means: the one list the README's
//! table of codes is made from (`tests/readme.rs` holds the README to it).
//! A code is stable: scripts and CI match on it.

use std::fmt;

/// A diagnostic's stable code: `P` the plan file, `S` the statistics, `U`
/// the command line and the output, `I` a document read by `import` or
/// `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// no plan file found, or several in `plan/`
    P001,
    /// the plan file cannot be read
    P002,
    /// the plan file's TOML syntax or a field is wrong (with line and column)
    P003,
    /// an indicator is wrongly defined: an id repeated or not valid, an empty name or one repeated in its category (or that the statistics cannot tell apart), an attribute not understood, a target no rule can be read from, a `rule` contradicting the printed target (direction, value or unit), a year requirement against the target's side or 8 times away from its baseline and target, a figure out of range
    P004,
    /// the baseline year is not before the target year, or `ahead_ratio` is wrong
    P005,
    /// `part_of` names no indicator, names a part, or has another unit
    P006,
    /// with several plans: a region given twice, a plan naming no region, or more than one default plan
    P007,
    /// a statistics file cannot be opened
    S001,
    /// the file cannot be read as a table: fields not matching the header, an open quote, an encoding not recognised, a binary file or a workbook, a line too long, a row with no indicator name, or an empty region
    S002,
    /// the header lacks the indicator or value column, or names a column or a year twice; or a row below it reads like a header but differs from it (a header over two rows, `计划 | 实际` under `2023年`; two tables joined with their columns in another order), naming the column
    S003,
    /// a value is not a number, or a non-percentage indicator carries a percent sign
    S004,
    /// the same indicator reported twice for one year: both places and both figures
    S005,
    /// a name matches several indicators, or the category does not match
    S006,
    /// an indicator the plan does not have (a warning; an error with `--strict`)
    S007,
    /// the year is missing, not understood, not `--year`'s, before the baseline, or beyond one plan period after the target year (mostly a slip, 2032 for 2023), or the file name holds several years, a part of a year (`2023年1-6月`, `2023Q3`, `上半年`) or a date (`export-2024-01-05`)
    S008,
    /// input too large (over 4 billion rows in all files)
    S009,
    /// a unit other than the plan's that cannot be converted
    S010,
    /// a region with no plan (with several plans)
    S011,
    /// a workbook that cannot be opened, is password-protected, has no such or no visible sheet, or a part too large
    S012,
    /// a row's year (or `--year`) differs from the year in the file name (a warning; one per file, listing every line)
    S013,
    /// a workbook with several sheets: which one was read (a warning)
    S014,
    /// a workbook cell holding a formula and no computed value
    S015,
    /// a value outside what the indicator can take (the plan's `valid`, else read from its unit and name), or above 10¹⁵
    S016,
    /// a percentage that looks written as a fraction (0.983 for 98.3) (a warning)
    S017,
    /// a negative figure for a 降低 indicator (`measure = "yearly_change"`): a fall is written positive (a warning)
    S018,
    /// a level 8 times or more away from both the baseline and the target (a decimal point or a unit slipped)
    S019,
    /// a percentage level above 100 whose name is not a share (possible, but confirm) (a warning)
    S020,
    /// the same file given twice, under another name or inside a folder: read once (a warning)
    S021,
    /// a single plan naming a region, and other regions in the data: judged by it too; a region in the data like the plan's but for 区/县/市 (江津/江津区), or two regions in the data like one place written two ways (永川/永川区, 重庆市江北区/江北区); a file with no region column beside files with one, read as the plan's region (warnings)
    S022,
    /// a file named without a year holds one or two rows of another year beside the rest: a year mistyped? (a warning)
    S023,
    /// a cell under no header (a blank header cell, or past the header's last) holds something, or a named column the table does not read (not 序号, 填报单位, 说明, nor targets or plans): it was not read (a warning; one per column, listing its lines)
    S024,
    /// a row that repeats the header (two files joined into one): skipped (a warning)
    S025,
    /// a file in a folder given is no statistics file (.csv or a workbook), or plan-check's own results: not read (a warning, naming them)
    S026,
    /// a note under the table (注：…, 填表人：…) in a row of its own: not read (a warning)
    S027,
    /// a total row (地区 合计, 全市, 汇总 …) among the regions: not judged as a region (a warning, listing its lines)
    S028,
    /// no file to check was given
    U001,
    /// a report's data hold several regions (a report covers one)
    U002,
    /// the output cannot be written
    U003,
    /// the output is one of the run's inputs, or (`template`, `import`, `extract`) already exists: nothing was written
    U004,
    /// the output's extension names a form plan-check does not write (`.pdf`, `.doc`, `.xls`, …), or another than `--format` (`--format csv -o results.xlsx`); a template is written as `.csv` or `.xlsx` only
    U005,
    /// (`import`, `extract`) the document cannot be read: a format not known, a damaged file
    I001,
    /// (`import`) no table of main indicators, several and no `--table`, or its rows do not fit its header
    I002,
    /// (`import`) the drafted plan file does not load (still written, naming the row)
    I003,
    /// (`extract`) the bulletin is not the plan's: its title names another region or level than the plan's (全市, 我国 for a district's plan), or another year than `--year`, or no year and no `--year` is given; it states none of the plan's indicators, or `--check` finds nothing to compare
    I004,
}

impl Code {
    /// Every code, in the README's order.
    pub const ALL: [Code; 44] = [
        Code::P001,
        Code::P002,
        Code::P003,
        Code::P004,
        Code::P005,
        Code::P006,
        Code::P007,
        Code::S001,
        Code::S002,
        Code::S003,
        Code::S004,
        Code::S005,
        Code::S006,
        Code::S007,
        Code::S008,
        Code::S009,
        Code::S010,
        Code::S011,
        Code::S012,
        Code::S013,
        Code::S014,
        Code::S015,
        Code::S016,
        Code::S017,
        Code::S018,
        Code::S019,
        Code::S020,
        Code::S021,
        Code::S022,
        Code::S023,
        Code::S024,
        Code::S025,
        Code::S026,
        Code::S027,
        Code::S028,
        Code::U001,
        Code::U002,
        Code::U003,
        Code::U004,
        Code::U005,
        Code::I001,
        Code::I002,
        Code::I003,
        Code::I004,
    ];

    /// `S004`.
    pub fn as_str(self) -> &'static str {
        self.meaning_and_name().0
    }

    /// What the code means, in Chinese and English: the README's table.
    pub fn meaning(self) -> (&'static str, &'static str) {
        let (_, zh, en) = self.meaning_and_name();
        (zh, en)
    }

    fn meaning_and_name(self) -> (&'static str, &'static str, &'static str) {
        let (zh, en) = match self {
            Code::P001 => (
                "找不到规划文件，或 `plan/` 中有多个",
                "no plan file found, or several in `plan/`",
            ),
            Code::P002 => ("规划文件读不了", "the plan file cannot be read"),
            Code::P003 => (
                "规划文件的 TOML 语法或字段有误（给出行、列）",
                "the plan file's TOML syntax or a field is wrong (with line and column)",
            ),
            Code::P004 => (
                "指标定义有误：id 重复或不合法、名称为空或在同一分类中重复（读统计数据时分不开的也算）、属性无法识别、目标读不出规则、rule 与印出的目标（方向、数值或单位）矛盾、年度要求与目标方向相反或与基期、目标相差 8 倍以上、数值不是有限数、tolerance_pct 不在 0–100 之间、年度要求有误",
                "an indicator is wrongly defined: an id repeated or not valid, an empty name or one repeated in its category (or that the statistics cannot tell apart), an attribute not understood, a target no rule can be read from, a `rule` contradicting the printed target (direction, value or unit), a year requirement against the target's side or 8 times away from its baseline and target, a figure out of range",
            ),
            Code::P005 => (
                "基期年份不早于目标年份，或 `ahead_ratio` 有误",
                "the baseline year is not before the target year, or `ahead_ratio` is wrong",
            ),
            Code::P006 => (
                "`part_of` 指向不存在的指标、指向分项或单位不同",
                "`part_of` names no indicator, names a part, or has another unit",
            ),
            Code::P007 => (
                "多个规划时：地区重复、没有写明地区，或有不止一个默认规划",
                "with several plans: a region given twice, a plan naming no region, or more than one default plan",
            ),
            Code::S001 => ("统计数据文件打不开", "a statistics file cannot be opened"),
            Code::S002 => (
                "文件读不成表格：列数与表头不符、引号未闭合、编码无法识别、二进制文件或工作簿、一行过长、缺指标名称，或有“地区”列而某行地区为空",
                "the file cannot be read as a table: fields not matching the header, an open quote, an encoding not recognised, a binary file or a workbook, a line too long, a row with no indicator name, or an empty region",
            ),
            Code::S003 => (
                "表头缺少“指标”或“数值”列（写明缺哪一列；`指表` 提示“是不是‘指标’”，`数值（%）` 提示单位另写）、列名或年份列重复（写明第几列），或文件为空、没有数据行；表头下又有一行像表头却与它不同（表头占了两行，`2023年` 下是 `计划 | 实际`；或两份列顺序不同的表接在一起），写明哪一列不同",
                "the header lacks the indicator or value column, or names a column or a year twice; or a row below it reads like a header but differs from it (a header over two rows, `计划 | 实际` under `2023年`; two tables joined with their columns in another order), naming the column",
            ),
            Code::S004 => (
                "数值不是数字，或非百分比指标带了百分号",
                "a value is not a number, or a non-percentage indicator carries a percent sign",
            ),
            Code::S005 => (
                "同一指标同一年重复填报：写明两处的文件和行号、两处的数（两个数不同的优先报出）",
                "the same indicator reported twice for one year: both places and both figures",
            ),
            Code::S006 => (
                "名称对应多个指标，或分类不符",
                "a name matches several indicators, or the category does not match",
            ),
            Code::S007 => (
                "规划中没有的指标（警告，同一名称一条，列出各行；`--strict` 时为错误）",
                "an indicator the plan does not have (a warning, one per name, listing its lines; an error with `--strict`)",
            ),
            Code::S008 => (
                "年份缺失、无法识别、与 `--year` 不一致、早于基期、晚于目标年后一个规划期（多为笔误，如 2023 写成 2032），或文件名中有多个年份而没有“年份”列（请用 `--year`）、文件名或工作表名说的是一年的一部分（`2023年1-6月`、`2023Q3`、`上半年`）或是日期（`export-2024-01-05`）",
                "the year is missing, not understood, not `--year`'s, before the baseline, or beyond one plan period after the target year (mostly a slip, 2032 for 2023), or the file name holds several years, a part of a year (`2023年1-6月`, `2023Q3`, `上半年`) or a date (`export-2024-01-05`)",
            ),
            Code::S009 => (
                "输入过大（所有文件合计超过 40 亿行）",
                "input too large (over 4 billion rows in all files)",
            ),
            Code::S010 => (
                "单位与规划不同且无法换算（名称后括号中的单位，如“在园幼儿数（人）”，与“单位”列一样读取和换算）",
                "a unit other than the plan's that cannot be converted",
            ),
            Code::S011 => (
                "地区没有对应的规划（多个规划时）",
                "a region with no plan (with several plans)",
            ),
            Code::S012 => (
                "工作簿打不开、有密码保护、没有指定的或可见的工作表，或某个部件过大（单个单元格超过 1 MB、整体读入的部件超过 256 MB）",
                "a workbook that cannot be opened, is password-protected, has no such or no visible sheet, or a part too large",
            ),
            Code::S013 => (
                "行的年份（或 `--year`）与文件名中的年份不同（警告；每个文件一条，列出所有行号）",
                "a row's year (or `--year`) differs from the year in the file name (a warning; one per file, listing every line)",
            ),
            Code::S014 => (
                "工作簿有多张工作表：说明读的是哪一张（警告）",
                "a workbook with several sheets: which one was read (a warning)",
            ),
            Code::S015 => (
                "工作簿的单元格只有公式、没有计算结果",
                "a workbook cell holding a formula and no computed value",
            ),
            Code::S016 => (
                "数值超出指标可能的取值范围（规划的 `valid`；没有写时按下文“合理性检查”从单位和名称读出），或大于 10¹⁵",
                "a value outside what the indicator can take (the plan's `valid`, else read from its unit and name), or above 10¹⁵",
            ),
            Code::S017 => (
                "百分比指标的数值像是写成了小数（如基期 98.2，填了 0.983）：提示应为 98.3（警告）",
                "a percentage that looks written as a fraction (0.983 for 98.3) (a warning)",
            ),
            Code::S018 => (
                "“降低”类指标（`measure = \"yearly_change\"`）填了负数：降低幅度应填正数，“比上年下降2.7%”填 2.7；负数按比上年上升判断（警告）",
                "a negative figure for a 降低 indicator (`measure = \"yearly_change\"`): a fall is written positive (a warning)",
            ),
            Code::S019 => (
                "水平值与基期值、目标值都相差 8 倍以上（小数点或单位填错，如 3.3 千人换算成 3300 人、79.8 岁填成 7.98），写明基期、目标和换算前的数",
                "a level 8 times or more away from both the baseline and the target (a decimal point or a unit slipped)",
            ),
            Code::S020 => (
                "百分比的水平值超过 100 而名称不是占比（如财政自给率 104%）：可能，但请确认（警告）",
                "a percentage level above 100 whose name is not a share (possible, but confirm) (a warning)",
            ),
            Code::S021 => (
                "同一文件给出了两次（或以另一个名字、或又在文件夹中）：只读一次（警告）",
                "the same file given twice, under another name or inside a folder: read once (a warning)",
            ),
            Code::S022 => (
                "只有一份规划且写明了地区，数据中还有别的地区：也按这份规划检查（警告；各地区有各自的规划时用 `--plan-dir`）；数据中的地区像是规划的地区少写或多写了“区、县、市”（江津/江津区），或数据中的两个地区像是同一地区的两种写法（永川/永川区、重庆市江北区/江北区）；有“地区”列的文件之外，另有文件没有这一列，按规划的地区读取（均为警告）",
                "a single plan naming a region, and other regions in the data: judged by it too; a region in the data like the plan's but for 区/县/市 (江津/江津区), or two regions in the data like one place written two ways (永川/永川区, 重庆市江北区/江北区); a file with no region column beside files with one, read as the plan's region (warnings)",
            ),
            Code::S023 => (
                "文件名中没有年份，文件中一两行的年份与其余各行不同：是否写错了年份（警告；照写的年份会成为期间评估）",
                "a file named without a year holds one or two rows of another year beside the rest: a year mistyped? (a warning)",
            ),
            Code::S024 => (
                "表头为空的列中有内容（如数值填到了没有表头的列），或表头有名称却不读的列（`本年数值`、`审定数`、按年份作列时的 `调整后`；`序号`、`填报单位`、`说明` 一类和写着“目标”“计划”的列除外）：没有读取（警告；每列一条，列出各行；一行中超过 64 个这样的单元格时报错 S002）",
                "a cell in a column with no header holds something (a figure typed one column too far), or a named column the table does not read (`本年数值`, `审定数`, `调整后` beside year columns; not `序号`, `填报单位`, `说明` and the like, nor a column of targets or plans, `2025年目标`, `计划值`): not read (a warning; one per column, listing its lines; over 64 such cells in one row is error S002)",
            ),
            Code::S025 => (
                "某一行与表头相同（可能是两个文件接在了一起）：跳过（警告）",
                "a row that repeats the header (two files joined into one): skipped (a warning)",
            ),
            Code::S026 => (
                "给出的文件夹中有不是统计数据文件（.csv 或工作簿）的文件，或 plan-check 自己写出的检查结果：没有读（警告，列出文件）",
                "a file in a folder given is no statistics file (.csv or a workbook), or plan-check's own results: not read (a warning, naming them)",
            ),
            Code::S027 => (
                "表格下方单独成行的说明（注：…、填表人：…）：没有读取（警告）",
                "a note under the table (注：…, 填表人：…) in a row of its own: not read (a warning)",
            ),
            Code::S028 => (
                "地区为“合计”“全市”“汇总”等的汇总行：不作为一个地区检查（警告，列出行号）",
                "a total row (地区 合计, 全市, 汇总 …) among the regions: not judged as a region (a warning, listing its lines)",
            ),
            Code::U001 => ("没有给出要检查的文件", "no file to check was given"),
            Code::U002 => (
                "评估报告的数据包含多个地区（报告针对一个地区）",
                "a report's data hold several regions (a report covers one)",
            ),
            Code::U003 => ("无法写出结果", "the output cannot be written"),
            Code::U004 => (
                "输出文件是本次运行的输入，或（`template`、`import`、`extract`）已存在：什么也没有写",
                "the output is one of the run's inputs, or (`template`, `import`, `extract`) already exists: nothing was written",
            ),
            Code::U005 => (
                "输出文件的扩展名是本工具不写的格式（`.pdf`、`.doc`、`.xls` 等）：请用 `.docx`、`.xlsx`、`.csv`、`.json`、`.md`、`.xml`；或与 `--format` 不一致（`--format csv -o 结果.xlsx`）；模板只写成 `.csv` 或 `.xlsx`",
                "the output's extension names a form plan-check does not write (`.pdf`, `.doc`, `.xls`, …), or another than `--format` (`--format csv -o results.xlsx`); a template is written as `.csv` or `.xlsx` only",
            ),
            Code::I001 => (
                "（`import`）规划原文读不了：格式不认识、文件损坏",
                "(`import`, `extract`) the document cannot be read: a format not known, a damaged file",
            ),
            Code::I002 => (
                "（`import`）原文中没有主要指标表，有多个而没有用 `--table` 选，或表中各行与表头对不上",
                "(`import`) no table of main indicators, several and no `--table`, or its rows do not fit its header",
            ),
            Code::I003 => (
                "（`import`）起草的规划文件加载不了（仍会输出，指出哪一行）",
                "(`import`) the drafted plan file does not load (still written, naming the row)",
            ),
            Code::I004 => (
                "（`extract`）公报不是这个规划的：标题中的地区或层级不是规划的（区的规划、标题是“全市”“我国”）、年份与 `--year` 不同，或标题没有年份又没给 `--year`；其中没有规划的任何一项指标，或 `--check` 没有可比对的数",
                "(`extract`) the bulletin is not the plan's: its title names another region or level than the plan's (全市, 我国 for a district's plan), or another year than `--year`, or no year and no `--year` is given; it states none of the plan's indicators, or `--check` finds nothing to compare",
            ),
        };
        (NAMES[self as usize], zh, en)
    }
}

const NAMES: [&str; 44] = [
    "P001", "P002", "P003", "P004", "P005", "P006", "P007", "S001", "S002", "S003", "S004", "S005",
    "S006", "S007", "S008", "S009", "S010", "S011", "S012", "S013", "S014", "S015", "S016", "S017",
    "S018", "S019", "S020", "S021", "S022", "S023", "S024", "S025", "S026", "S027", "S028", "U001",
    "U002", "U003", "U004", "U005", "I001", "I002", "I003", "I004",
];

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_is_named_by_its_own_name() {
        for (i, code) in Code::ALL.iter().enumerate() {
            assert_eq!(*code as usize, i);
            assert_eq!(format!("{code:?}"), code.as_str());
        }
    }
}
