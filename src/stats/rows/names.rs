//! The cells of a row that name what a figure is: its region, its
//! indicator (by name, with a unit printed after it) and the unit it came in
//! (converted to the plan's).

use super::*;
use crate::diagnostic::Code;

impl RowReader<'_> {
    /// The region of a row and the plan that governs it.
    pub(super) fn region(
        &mut self,
        record: &Cells,
        line: u64,
        table: &mut Observations,
    ) -> Result<(Id, usize), Diagnostic> {
        let Some(column) = self.layout.region else {
            if let Some(found) = self.default_region {
                return Ok(found);
            }
            let (name, plan) = match &self.sheet_region {
                Some(name) => (
                    name.clone(),
                    self.plans
                        .for_region(name)
                        .map_err(|m| self.place(line).error(Code::S011, None, m))?,
                ),
                None => (
                    self.plans.default_region().to_owned(),
                    self.plans
                        .for_region("")
                        .map_err(|m| self.place(line).error(Code::S011, None, m))?,
                ),
            };
            let found = (table.regions.intern(&name), plan);
            self.default_region = Some(found);
            return Ok(found);
        };
        let raw = &record[column];
        if let Some(found) = self.last_region.get(raw) {
            return Ok(found);
        }
        let plans = self.plans;
        // A zero-width space pasted from a web page, a line break typed in
        // the cell (Alt-Enter): no part of the name (沙坪坝区​ beside
        // 沙坪坝区 were two regions, the real one failing for 未填报).
        let text = trim_all(self.text(raw, line, column)?);
        let cleaned: String;
        let name = if text.contains(|c: char| is_invisible_in_a_name(c)) {
            cleaned = text
                .chars()
                .filter(|&c| !is_invisible_in_a_name(c))
                .collect();
            cleaned.as_str()
        } else {
            text
        };
        // 全区 in a district's own file (江津区's plan): the district itself.
        let own = plans.default_region();
        let name = match super::whole_place(name) {
            Some(unit) if !own.is_empty() && own.ends_with(unit) => own,
            _ => name,
        };
        if name.is_empty() {
            // A blank region in a file that has the column is not the plan's
            // region by default: in a city's collection, it is a row whose
            // district nobody knows.
            return Err(self
                .place(line)
                .error(
                    Code::S002,
                    Some(column),
                    Text::new(
                        "这一行的“地区”是空的：文件有“地区”列时，每一行都须写明地区",
                        "this row's region is empty: in a file with a region column, every row must name its region",
                    ),
                )
                .with_hint(Text::new(
                    "合并的“地区”单元格只在 .xlsx 中按各行读取：请取消合并并在每一行填上地区，或另存为 .xlsx；不要删去“地区”列，否则这些数据会按规划的地区检查",
                    "merged region cells are read row by row in .xlsx only: unmerge them and fill each row, or save as .xlsx; do not drop the region column, or the figures are judged as the plan's region",
                )));
        }
        let plan = plans
            .for_region(name)
            .map_err(|m| self.place(line).error(Code::S011, Some(column), m))?;
        let found = (table.regions.intern(name), plan);
        self.last_region.set(raw, found);
        Ok(found)
    }

    /// The indicator a row names; `None` for a name the plan does not have
    /// (warned about).
    pub(super) fn indicator(
        &mut self,
        record: &Cells,
        line: u64,
        plan_index: usize,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<Option<IndicatorIdx>, Diagnostic> {
        let layout = &self.layout;
        // Indicators as columns: the name is the value column's header
        // (the cell past the row's last that carries it is no cell of the
        // sheet: a reviewer's S006 pointed one column past the table).
        let name_at = match layout.shape {
            Shape::Indicators(_) => layout.value,
            _ => layout.indicator,
        };
        self.key.clear();
        self.key
            .extend_from_slice(&(plan_index as u32).to_le_bytes());
        if let Some(c) = layout.category {
            self.key.extend_from_slice(&record[c]);
        }
        self.key.push(0xFF);
        self.key.extend_from_slice(&record[layout.indicator]);
        if let Some(i) = self.next_names.get(&self.key) {
            return Ok(Some(i));
        }
        if let Some(&i) = self.names.get(self.key.as_slice()) {
            self.next_names.learn(&self.key, i);
            return Ok(Some(i));
        }
        let plan = &self.plans.plans[plan_index];
        let name = self.text(&record[layout.indicator], line, layout.indicator)?;
        let category = match layout.category {
            Some(c) => Some(self.text(&record[c], line, c)?),
            None => None,
        };
        let shown = match category.map(trim_all) {
            Some(c) if !c.is_empty() => format!("{}/{}", quote_raw(c), quote_raw(trim_all(name))),
            _ => quote_raw(trim_all(name)),
        };
        // 巩固率（2023年） among 2023's figures: the year's own figure (a
        // bracket naming another year is no indicator's). Not remembered:
        // another row's year may differ.
        let trimmed = trim_all(name);
        if let Some((at, inner)) = crate::stats::resolve::last_bracket(trimmed)
            && let Some(year) = crate::year::whole(inner)
            && let Resolution::One(i) = self.resolvers[plan_index].resolve(&trimmed[..at], category)
            && self.year(record, line, plan).ok() == Some(year)
        {
            return Ok(Some(i));
        }
        let place = self.place(line);
        match self.resolvers[plan_index].resolve(name, category) {
            Resolution::One(i) => {
                let key = self.key.clone();
                self.next_names.learn(&key, i);
                self.names.insert(key, i);
                Ok(Some(i))
            }
            Resolution::Ambiguous(candidates) => {
                let (list, list_en) = list_candidates(plan, &candidates);
                let name = quote_raw(trim_all(name));
                Err(place
                    .error(
                        Code::S006,
                        Some(name_at),
                        Text::new(
                            format!("指标名称“{name}”对应多个指标：{list}"),
                            format!("the name \"{name}\" fits several indicators: {list_en}"),
                        ),
                    )
                    .for_indicator(shown)
                    .with_hint(if name_at == self.layout.indicator {
                        Text::new(
                            "请加“分类”列，或改用指标 id",
                            "add a category column, or use the indicator id",
                        )
                    } else {
                        Text::new(
                            "指标作列时，列名请写成分类与名称连写（如“义务教育在校学生数”），或改用指标 id",
                            "with indicators as columns, head the column with the category and the name run together (义务教育在校学生数), or use the indicator id",
                        )
                    }))
            }
            Resolution::WrongCategory(candidates) => {
                let (list, list_en) = list_candidates(plan, &candidates);
                let category = quote_raw(trim_all(category.unwrap_or("")));
                let name = quote_raw(trim_all(name));
                Err(place
                    .error(
                        Code::S006,
                        self.layout.category,
                        Text::new(
                            format!("分类“{category}”下没有指标“{name}”；规划中它属于：{list}"),
                            format!(
                                "category \"{category}\" has no indicator \"{name}\"; the plan has it as: {list_en}"
                            ),
                        ),
                    )
                    .for_indicator(shown))
            }
            // 指标,年份,数值 again under the header: two files joined into
            // one (copied one below the other). Skipped and said so, never
            // called an indicator the plan lacks.
            Resolution::Unknown(_) if crate::stats::header::names_the_indicator_column(name) => {
                // A second header row: years under the 数值 (数值 merged over
                // 2022年 | 2023年 above them). Skipping it read the 2022
                // column as the file's year with exit 0 (a reviewer's
                // workbook): refused.
                let value = String::from_utf8_lossy(trim_bytes(&record[self.layout.value]));
                if crate::year::whole(&value).is_some() {
                    return Err(place
                        .error(
                            Code::S003,
                            Some(self.layout.value),
                            Text::new(
                                format!("表头占了两行：“数值”下面一行是“{value}”等年份，不知道哪一列是哪一年"),
                                format!("the header takes two rows: under the value column the next row says \"{value}\" and other years; which column is which year is not clear"),
                            ),
                        )
                        .with_hint(Text::new(
                            "请把表头写成一行：各年一列，列名写年份（如“2022年”“2023年”），或只留一列“数值”并加“年份”列",
                            "make the header one row: a column per year named by its year (2022年, 2023年), or one value column and a year column",
                        )));
                }
                // Not the header again but another: a second header row
                // (`计划 | 实际` under `2023年`: the 计划 column was read as
                // the year's figures, exit 0) or a table joined below with
                // its columns in another order (its 上年数值 read as 数值):
                // refused, never read with the first header's columns.
                if let Some((column, header, here)) = self.layout.differs_from_header(|i| {
                    record
                        .get(i)
                        .map(|c| String::from_utf8_lossy(trim_bytes(c)).into_owned())
                }) {
                    let (header, here) = (quote_raw(&header), quote_raw(&here));
                    return Err(place
                        .error(
                            Code::S003,
                            Some(column),
                            Text::new(
                                format!("这一行像表头（“指标”一栏写着“{}”），但与文件的表头不同：第{}列表头是“{header}”，这里是“{here}”", quote_raw(trim_all(name)), column + 1),
                                format!("this row reads like a header (its name cell says \"{}\") but differs from the file's: column {} is headed \"{header}\", here \"{here}\"", quote_raw(trim_all(name)), column + 1),
                            ),
                        )
                        .with_hint(Text::new(
                            "表头占了两行的，请把表头写成一行（各年一列，列名写年份；或一列“数值”加“年份”列）；两份数据接在一起的，请按同样的列顺序排好，或分成两个文件",
                            "a header over two rows: make it one row (a column per year named by its year, or one value column and a year column); two tables joined: put their columns in the same order, or make them two files",
                        )));
                }
                let mut d = place
                    .error(
                        Code::S025,
                        Some(name_at),
                        Text::new(
                            "这一行与表头相同（可能是两个文件接在了一起），跳过",
                            "this row repeats the header (two files joined into one?): skipped",
                        ),
                    )
                    .with_hint(Text::new(
                        "若是两份数据接在一起，请确认两份的年份、地区各不相同",
                        "if two files were joined, check their years and regions do not overlap",
                    ));
                d.severity = Severity::Warning;
                warnings.push(d);
                Ok(None)
            }
            Resolution::Unknown(suggestions) => {
                let mut d = place
                    .error(
                        Code::S007,
                        Some(name_at),
                        Text::new(
                            "规划中没有这一指标，本行未检查",
                            "the plan has no such indicator; this row was not checked",
                        ),
                    )
                    .for_indicator(shown);
                if !suggestions.is_empty() {
                    let (list, list_en) = list_candidates(plan, &suggestions);
                    d = d.with_hint(Text::new(
                        format!("是否是：{list}？"),
                        format!("did you mean: {list_en}?"),
                    ));
                }
                if self.options.strict {
                    return Err(d);
                }
                d.severity = Severity::Warning;
                warnings.push(d);
                Ok(None)
            }
        }
    }

    /// The conversion a row's unit asks for, if any.
    pub(super) fn conversion(
        &self,
        record: &Cells,
        line: u64,
        plan: &Plan,
        indicator: IndicatorIdx,
    ) -> Result<Option<(Conversion, String)>, Diagnostic> {
        let ind = &plan.indicators[indicator as usize];
        // A unit in brackets after the name (`在园幼儿数（人）`) is a unit said,
        // never dropped: read as the unit column would be.
        let name_cell = trim_bytes(&record[self.layout.indicator]);
        let suffix = if name_cell.ends_with(b")") || name_cell.ends_with("）".as_bytes()) {
            let name = self.text(name_cell, line, self.layout.indicator)?;
            crate::stats::resolve::unit_suffix(name).filter(|u| units::names_a_unit(u, plan))
        } else {
            None
        };
        let column = self
            .layout
            .unit
            .filter(|&c| !trim_bytes(&record[c]).is_empty());
        let (unit, at) = match (column, suffix) {
            (Some(c), suffix) => {
                let unit = trim_all(self.text(trim_bytes(&record[c]), line, c)?);
                if let Some(suffix) = suffix
                    && units::conversion(suffix, unit) != Conversion::Same
                {
                    return Err(self
                        .place(line)
                        .error(
                            Code::S010,
                            Some(c),
                            Text::new(
                                format!(
                                    "名称中的单位“{}”与“单位”列的“{}”不同",
                                    quote_raw(suffix),
                                    quote_raw(unit)
                                ),
                                format!(
                                    "the unit in the name, \"{}\", differs from the unit column's \"{}\"",
                                    quote_raw(suffix),
                                    quote_raw(unit)
                                ),
                            ),
                        )
                        .for_indicator(ind.display_name()));
                }
                (unit, c)
            }
            (None, Some(suffix)) => (suffix, self.layout.indicator),
            (None, None) => return Ok(None),
        };
        if unit.as_bytes() == ind.unit.as_bytes() {
            return Ok(None);
        }
        match units::conversion(unit, &ind.unit) {
            Conversion::Same => Ok(None),
            Conversion::Incompatible => Err(self
                .place(line)
                .error(
                    Code::S010,
                    Some(at),
                    Text::new(
                        format!("单位“{}”与规划的单位“{}”不同，且无法换算", quote_raw(unit), ind.unit),
                        format!(
                            "the unit \"{}\" differs from the plan's unit \"{}\" and cannot be converted",
                            quote_raw(unit),
                            ind.unit
                        ),
                    ),
                )
                .for_indicator(ind.display_name())
                .with_hint(Text::new(
                    format!("请按“{}”填报", ind.unit),
                    format!("report the figure in {}", ind.unit),
                ))),
            scale => Ok(Some((scale, unit.to_owned()))),
        }
    }
}

/// Characters that are no part of a region's name when a cell holds them:
/// zero-width ones and line breaks.
pub(super) fn is_invisible_in_a_name(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\n' | '\r' | '\t'
    )
}
