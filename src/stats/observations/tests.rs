//! The table's unit tests: interning, reading back, region years, clashes.

use super::*;

fn observation(file: Id, line: u64, value: f64) -> Observation {
    Observation {
        value: Some(value),
        origin: Origin { file, line },
        source: None,
        converted_from: None,
    }
}

#[test]
fn the_interner_gives_each_string_one_id_and_gives_it_back() {
    let mut a = Interner::default();
    let names: Vec<String> = (0..5000).map(|i| format!("区{i}")).collect();
    for (i, name) in names.iter().enumerate() {
        assert_eq!(a.intern(name), i as Id);
    }
    assert_eq!(a.intern("区17"), 17);
    assert_eq!(a.intern(""), 5000);
    assert_eq!(a.get(5000), "");
    assert_eq!(a.intern("江津区"), 5001);
    assert_eq!(a.get(17), "区17");
    assert_eq!(a.get(5001), "江津区");
    assert_eq!(a.get(9999), "");
    let mut b = Interner::default();
    b.intern("江津区");
    assert_eq!(b.intern_all(&a)[..3], [1, 2, 3]);
    assert_eq!(b.intern_all(&a)[5001], 0);
    assert_eq!(b.get(18), "区17");
}

#[test]
fn an_entry_is_24_bytes() {
    assert_eq!(std::mem::size_of::<Entry>(), 24);
}

#[test]
fn figures_read_back_with_their_file_and_line() {
    let mut table = Observations::default();
    let a = table.begin_file("a.csv");
    let key = |i| Key {
        region: 0,
        year: 2023,
        indicator: i,
    };
    table.push(key(1), observation(a, 2, 98.2)).unwrap();
    table.push(key(0), observation(a, 3, 17.5)).unwrap();
    let b = table.begin_file("b.csv");
    table.push(key(2), observation(b, 2, 1.0)).unwrap();
    table.finish(|_, _| String::new(), "").unwrap();
    assert_eq!(table.get(&key(1)).unwrap().value, Some(98.2));
    assert_eq!(
        table.get(&key(1)).unwrap().origin,
        Origin { file: a, line: 2 }
    );
    assert_eq!(
        table.get(&key(2)).unwrap().origin,
        Origin { file: b, line: 2 }
    );
    assert_eq!(table.get(&key(3)), None);
    let groups = table.region_years();
    assert_eq!(
        groups
            .iter()
            .map(|g| (g.region, g.year))
            .collect::<Vec<_>>(),
        vec![(0, 2023)]
    );
}

#[test]
fn each_region_year_reads_its_own_figures() {
    let mut table = Observations::default();
    let file = table.begin_file("a.csv");
    let mut line = 1;
    let mut push = |region, year, indicator, value: Option<f64>| {
        line += 1;
        let key = Key {
            region,
            year,
            indicator,
        };
        let mut o = observation(file, line, 0.0);
        o.value = value;
        table.push(key, o).unwrap();
    };
    push(1, 2023, 0, Some(3.0));
    push(0, 2023, 2, Some(1.0));
    push(0, 2022, 0, Some(2.0));
    push(0, 2023, 0, None);
    table.finish(|_, _| String::new(), "").unwrap();
    let groups = table.region_years();
    assert_eq!(
        groups
            .iter()
            .map(|g| (g.region, g.year))
            .collect::<Vec<_>>(),
        vec![(0, 2022), (0, 2023), (1, 2023)]
    );
    assert_eq!(table.values(&groups[0], 3), vec![Some(2.0), None, None]);
    assert_eq!(table.values(&groups[1], 3), vec![None, None, Some(1.0)]);
    assert_eq!(table.values(&groups[2], 3), vec![Some(3.0), None, None]);
    // An indicator beyond the slots asked for is left out, not a panic.
    assert_eq!(table.values(&groups[1], 2), vec![None, None]);
}

#[test]
fn a_key_reported_twice_names_both_places() {
    let mut table = Observations::default();
    let a = table.begin_file("a.csv");
    let key = Key {
        region: 0,
        year: 2023,
        indicator: 4,
    };
    table.push(key, observation(a, 5, 1.0)).unwrap();
    let b = table.begin_file("b.csv");
    table.push(key, observation(b, 2, 2.0)).unwrap();
    let err = table
        .finish(|_, i| format!("#{i}"), "")
        .unwrap_err()
        .remove(0)
        .error;
    assert_eq!(err.indicator.as_deref(), Some("#4"));
    assert_eq!((err.file.as_str(), err.line), ("b.csv", Some(2)));
    assert!(err.message.en.contains("a.csv:5"), "{}", err.message.en);
}
