//! Number and date formatting shared by prose, tables and charts. Pure, so it is tested natively.

use kirov_content::{Date, Row};

/// `21000` → `21,000`; `92.1` → `92.1`; `-2.8` → `−2.8` (a true minus sign).
pub fn number(text: &str) -> String {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("−", rest),
        None => ("", text),
    };
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 && int.len() > 3 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A row's value as a reader should see it: qualifier, number and unit (`about 21,000 people`).
pub fn value(row: &Row) -> String {
    let n = number(&row.value_text);
    let body = match row.unit.as_str() {
        "percent" => format!("{n} %"),
        "" => n,
        unit => format!("{n} {unit}"),
    };
    match row.qualifier.as_str() {
        "" => body,
        q if q.starts_with("claimed by ") => body,
        q => format!("{q} {body}"),
    }
}

/// Month names, for dates and dataset periods.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `1930-10-02` → `2 October 1930`; `1930-10` → `October 1930`; `1930` → `1930`.
pub fn date(d: &Date) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{day} {} {}", MONTHS[usize::from(m - 1)], d.year),
        (Some(m), None) => format!("{} {}", MONTHS[usize::from(m - 1)], d.year),
        _ => d.year.to_string(),
    }
}

/// Machine-readable form for `<time datetime>`.
pub fn iso_date(d: &Date) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{:04}-{m:02}-{day:02}", d.year),
        (Some(m), None) => format!("{:04}-{m:02}", d.year),
        _ => format!("{:04}", d.year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(value: &str, unit: &str, qualifier: &str) -> Row {
        Row {
            id: "x".into(),
            series: "s".into(),
            label: "l".into(),
            period: "1930".into(),
            place: String::new(),
            value: value.parse().unwrap(),
            value_text: value.into(),
            unit: unit.into(),
            qualifier: qualifier.into(),
            note: "n1".into(),
        }
    }

    #[test]
    fn numbers_group_thousands() {
        assert_eq!(number("21000"), "21,000");
        assert_eq!(number("3133"), "3,133");
        assert_eq!(number("1433000"), "1,433,000");
        assert_eq!(number("92.1"), "92.1");
        assert_eq!(number("-2.8"), "−2.8");
    }

    #[test]
    fn values_carry_qualifier_and_unit() {
        assert_eq!(value(&row("21000", "people", "about")), "about 21,000 people");
        assert_eq!(
            value(&row("92.1", "percent", "claimed by alekseev-organiser")),
            "92.1 %"
        );
    }

    #[test]
    fn dates_read_naturally() {
        let d = Date {
            year: 1930,
            month: Some(10),
            day: Some(2),
        };
        assert_eq!(date(&d), "2 October 1930");
        assert_eq!(iso_date(&d), "1930-10-02");
        assert_eq!(
            date(&Date {
                year: 1941,
                month: None,
                day: None
            }),
            "1941"
        );
    }
}
