//! Writes a CSV file as a one-sheet workbook, for measuring plan-check on
//! workbooks (bench/run.py --workbook): figures that read as numbers are stored
//! as numbers, as Excel stores typed figures; everything else as text.
//!
//!     cargo run --release --example csv_to_xlsx -- IN.csv OUT.xlsx

use rust_xlsxwriter::Workbook;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: csv_to_xlsx IN.csv OUT.xlsx");
        std::process::exit(2);
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(input)?;
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, record) in reader.records().enumerate() {
        let record = record?;
        let row = u32::try_from(r)?;
        for (c, cell) in record.iter().enumerate() {
            let column = u16::try_from(c)?;
            match cell.parse::<f64>() {
                Ok(number) if r > 0 => sheet.write_number(row, column, number)?,
                _ => sheet.write_string(row, column, cell)?,
            };
        }
    }
    workbook.save(output)?;
    Ok(())
}
