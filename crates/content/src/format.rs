//! Number and date formatting of content values, shared by the page's tables and the charts.

use crate::{Date, Qualifier, Row};

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

/// A row's value as a reader should see it: hedge, number and unit (`about 21,000 people`).
pub fn value(row: &Row) -> String {
    let n = number(&row.value_text);
    hedged(
        row,
        match row.unit.as_str() {
            "percent" => format!("{n} %"),
            "" => n,
            unit => format!("{n} {unit}"),
        },
    )
}

/// A row's number as printed, after its hedge (`about 21,000`); a claim adds nothing.
pub fn hedged_number(row: &Row) -> String {
    hedged(row, number(&row.value_text))
}

fn hedged(row: &Row, body: String) -> String {
    match row.qualifier.as_ref().and_then(Qualifier::hedge) {
        Some(words) => format!("{words} {body}"),
        None => body,
    }
}

/// A dataset period for readers: `1930-05/1930-08` → `May–August 1930`, `1928/1932` →
/// `1928–1932`, `1930-10` → `October 1930`; anything else (`1928/29`, `1930-Q4`) as written.
pub fn period(text: &str) -> String {
    fn part(p: &str) -> Option<(u16, Option<&'static str>)> {
        let (y, m) = p.split_once('-').map_or((p, None), |(y, m)| (y, Some(m)));
        if y.len() != 4 {
            return None;
        }
        let year = y.parse().ok()?;
        match m {
            None => Some((year, None)),
            Some(m) => {
                let month: usize = m.parse().ok()?;
                Some((year, Some(*MONTHS.get(month.checked_sub(1)?)?)))
            }
        }
    }
    match text.split_once('/') {
        None => match part(text) {
            Some((y, Some(m))) => format!("{m} {y}"),
            _ => text.to_string(),
        },
        Some((a, b)) => match (part(a), part(b)) {
            (Some((ya, Some(ma))), Some((yb, Some(mb)))) if ya == yb => format!("{ma}–{mb} {ya}"),
            (Some((ya, Some(ma))), Some((yb, Some(mb)))) => format!("{ma} {ya}–{mb} {yb}"),
            (Some((ya, None)), Some((yb, None))) => format!("{ya}–{yb}"),
            _ => text.to_string(),
        },
    }
}

/// Month names, for dates and dataset periods.
pub const MONTHS: [&str; 12] = [
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
            qualifier: Qualifier::parse(qualifier),
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
        assert_eq!(hedged_number(&row("21000", "people", "about")), "about 21,000");
        assert_eq!(hedged_number(&row("87", "percent", "claimed by ots")), "87");
    }

    #[test]
    fn periods_read_naturally() {
        assert_eq!(period("1930-05/1930-08"), "May–August 1930");
        assert_eq!(period("1928/1932"), "1928–1932");
        assert_eq!(period("1928/29"), "1928/29");
        assert_eq!(period("1930-10"), "October 1930");
        assert_eq!(period("1930-Q4"), "1930-Q4");
        assert_eq!(period("1930"), "1930");
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
