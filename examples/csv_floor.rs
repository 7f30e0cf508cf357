//! The benchmark floor: a bare pass of the csv crate over a file, touching every
//! field of every record and nothing else. plan-check's time is compared with it.
//!
//!     cargo run --release --example csv_floor -- FILE

use std::io::BufReader;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: csv_floor FILE");
        std::process::exit(2);
    };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(BufReader::new(file));
    let mut record = csv::ByteRecord::new();
    let (mut records, mut bytes) = (0u64, 0u64);
    while reader.read_byte_record(&mut record).unwrap_or(false) {
        records += 1;
        bytes += record.iter().map(|f| f.len() as u64).sum::<u64>();
    }
    println!("{records} records, {bytes} field bytes");
}
