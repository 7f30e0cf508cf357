//! One workbook cell as the statistics reader takes it: its text (a number
//! as Excel stores it, a percent-formatted one as `98.2%`), or what makes it
//! no figure (a date, a truth value, an error value).

use super::*;

/// A whole-sheet cell as the streamed kind, to share [`cell_text`].
pub(super) fn data_ref(cell: &Data) -> DataRef<'_> {
    match cell {
        Data::Int(i) => DataRef::Int(*i),
        Data::Float(f) => DataRef::Float(*f),
        Data::String(s) => DataRef::SharedString(s),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(d) => DataRef::DateTime(*d),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
        Data::Empty => DataRef::Empty,
    }
}

/// What a cell is when it is not text: a stored number, or a date, a truth
/// value, an error value or a blank.
pub(super) fn odd(cell: &DataRef<'_>, percent: bool) -> Option<Odd> {
    match cell {
        DataRef::Int(i) => Some(Odd::Number(*i as f64, percent)),
        DataRef::Float(f) => Some(Odd::Number(*f, percent)),
        DataRef::Empty => Some(Odd::Blank),
        DataRef::Bool(b) => Some(Odd::Bool(*b)),
        DataRef::DateTime(d) => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            Some(Odd::Date(if (h, min, s) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{day:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}:{s:02}")
            }))
        }
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Some(Odd::Date(s.clone())),
        DataRef::Error(e) => Some(Odd::ErrorValue(e.to_string())),
        _ => None,
    }
}

/// A cell as the text a CSV would hold.
pub(super) fn cell_text<'c>(cell: &'c DataRef<'_>, percent_format: bool) -> Cow<'c, str> {
    match cell {
        DataRef::Empty => Cow::Borrowed(""),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cow::Borrowed(s),
        DataRef::SharedString(s) => Cow::Borrowed(s),
        DataRef::Int(i) if percent_format => Cow::Owned(format!("{}%", i * 100)),
        DataRef::Int(i) => Cow::Owned(i.to_string()),
        DataRef::Float(f) if percent_format => {
            // 0.982 × 100 is 98.19999…: round away the binary noise of the scaling.
            Cow::Owned(format!("{}%", (f * 100.0 * 1e9).round() / 1e9))
        }
        DataRef::Float(f) => Cow::Owned(f.to_string()),
        DataRef::Bool(b) => Cow::Borrowed(if *b { "TRUE" } else { "FALSE" }),
        DataRef::DateTime(d) => Cow::Owned(d.to_string()),
        DataRef::Error(e) => Cow::Owned(e.to_string()),
    }
}
