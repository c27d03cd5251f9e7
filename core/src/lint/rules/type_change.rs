//! Facts about column type changes, shared by `change-column-type` and
//! `narrowing-type-change`: which changes Postgres makes without a rewrite,
//! which MySQL makes in place, and which can lose data. Everything here works
//! on *normalised* type names (`schema::normalize::normalize_type`).

use crate::schema::{Column, Table};
use crate::Dialect;

/// A normalised type name taken apart: `varchar(255)`, `numeric(10,2)`,
/// `int unsigned`, `text[]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Ty {
    pub base: String,
    pub args: Vec<String>,
    pub array: bool,
    pub unsigned: bool,
}

pub fn parse(name: &str) -> Ty {
    let mut s = name.trim();
    let mut array = false;
    while let Some(r) = s.strip_suffix("[]") {
        s = r.trim_end();
        array = true;
    }
    let mut unsigned = false;
    if let Some(r) = s.strip_suffix(" unsigned") {
        s = r;
        unsigned = true;
    }
    let (base, args) = match s.find('(') {
        Some(i) if s.ends_with(')') => (s[..i].trim().to_string(), split_args(&s[i + 1..s.len() - 1])),
        _ => (s.to_string(), Vec::new()),
    };
    Ty { base, args, array, unsigned }
}

/// Split `'a','b,c',3` on commas outside single quotes.
fn split_args(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for ch in s.chars() {
        match ch {
            '\'' => {
                quoted = !quoted;
                cur.push(ch);
            }
            ',' if !quoted => out.push(std::mem::take(&mut cur).trim().to_string()),
            _ => cur.push(ch),
        }
    }
    if !cur.trim().is_empty() || !out.is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

impl Ty {
    fn arg(&self, i: usize) -> Option<u64> {
        self.args.get(i).and_then(|a| a.trim().parse().ok())
    }
}

/// What a type can hold, as far as data loss is concerned.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Int { bytes: u32, unsigned: bool },
    /// `None`: unconstrained `numeric`.
    Numeric(Option<(u64, u64)>),
    Float { double: bool },
    /// Character strings; `max` in characters (MySQL `TEXT` types: their
    /// byte limit), `None` for unlimited.
    Text { max: Option<u64> },
    Binary { max: Option<u64> },
    Date,
    /// Postgres `timestamp`/`timestamptz`, MySQL `DATETIME`.
    Timestamp { tz: bool, precision: u64 },
    /// MySQL `TIMESTAMP` (1970–2038).
    MysqlTimestamp { precision: u64 },
    Time { precision: u64 },
    Bool,
    /// MySQL `ENUM(…)` values.
    Enum(Vec<String>),
    /// A known type with no ordering against others (`uuid`, `jsonb`, …).
    Other,
    /// A user-defined or unknown type: nothing can be said.
    Unknown,
}

pub fn kind(t: &Ty, d: Dialect) -> Kind {
    let b = t.base.as_str();
    match d {
        Dialect::Postgres => match b {
            "smallint" => Kind::Int { bytes: 2, unsigned: false },
            "integer" => Kind::Int { bytes: 4, unsigned: false },
            "bigint" => Kind::Int { bytes: 8, unsigned: false },
            "numeric" => Kind::Numeric(t.arg(0).map(|p| (p, t.arg(1).unwrap_or(0)))),
            "real" => Kind::Float { double: false },
            "double precision" => Kind::Float { double: true },
            "text" | "citext" => Kind::Text { max: None },
            "varchar" | "char" => Kind::Text { max: t.arg(0) },
            "bytea" => Kind::Binary { max: None },
            "date" => Kind::Date,
            "timestamp" => Kind::Timestamp { tz: false, precision: t.arg(0).unwrap_or(6) },
            "timestamptz" => Kind::Timestamp { tz: true, precision: t.arg(0).unwrap_or(6) },
            "time" | "timetz" => Kind::Time { precision: t.arg(0).unwrap_or(6) },
            "boolean" => Kind::Bool,
            "uuid" | "json" | "jsonb" | "inet" | "cidr" | "macaddr" | "macaddr8" | "interval" | "money" | "xml" | "tsvector" | "bit" | "varbit" | "point" => Kind::Other,
            _ => Kind::Unknown,
        },
        Dialect::Mysql => match b {
            "tinyint" => Kind::Int { bytes: 1, unsigned: t.unsigned },
            "smallint" => Kind::Int { bytes: 2, unsigned: t.unsigned },
            "mediumint" => Kind::Int { bytes: 3, unsigned: t.unsigned },
            "int" => Kind::Int { bytes: 4, unsigned: t.unsigned },
            "bigint" => Kind::Int { bytes: 8, unsigned: t.unsigned },
            "decimal" => Kind::Numeric(Some((t.arg(0).unwrap_or(10), t.arg(1).unwrap_or(0)))),
            "float" => Kind::Float { double: false },
            "double" => Kind::Float { double: true },
            "varchar" | "char" => Kind::Text { max: t.arg(0) },
            "tinytext" => Kind::Text { max: Some(255) },
            "text" => Kind::Text { max: Some(65_535) },
            "mediumtext" => Kind::Text { max: Some(16_777_215) },
            "longtext" => Kind::Text { max: Some(4_294_967_295) },
            "binary" | "varbinary" => Kind::Binary { max: t.arg(0) },
            "tinyblob" => Kind::Binary { max: Some(255) },
            "blob" => Kind::Binary { max: Some(65_535) },
            "mediumblob" => Kind::Binary { max: Some(16_777_215) },
            "longblob" => Kind::Binary { max: Some(4_294_967_295) },
            "date" => Kind::Date,
            "datetime" => Kind::Timestamp { tz: false, precision: t.arg(0).unwrap_or(0) },
            "timestamp" => Kind::MysqlTimestamp { precision: t.arg(0).unwrap_or(0) },
            "time" => Kind::Time { precision: t.arg(0).unwrap_or(0) },
            "enum" => Kind::Enum(t.args.iter().map(|a| unquote_sql(a)).collect()),
            "json" | "year" | "set" | "bit" | "geometry" | "point" => Kind::Other,
            _ => Kind::Unknown,
        },
    }
}

fn unquote_sql(a: &str) -> String {
    let a = a.trim();
    match a.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')) {
        Some(inner) => inner.replace("''", "'"),
        None => a.to_string(),
    }
}

/// True when Postgres changes the type without rewriting the table (or
/// scanning it): the cases where the new type is binary-coercible and its
/// limit no stricter, as in `ATColumnChangeRequiresRewrite`.
pub fn pg_no_rewrite(old: &str, new: &str) -> bool {
    if old == new {
        return true;
    }
    let (o, n) = (parse(old), parse(new));
    if o.array != n.array {
        return false;
    }
    let widened = |a: Option<u64>, b: Option<u64>| match (a, b) {
        (_, None) => true,
        (Some(a), Some(b)) => b >= a,
        (None, Some(_)) => false,
    };
    match (o.base.as_str(), n.base.as_str()) {
        ("varchar", "varchar") | ("varbit", "varbit") => widened(o.arg(0), n.arg(0)),
        ("varchar" | "text", "text") => true,
        ("text", "varchar") => n.arg(0).is_none(),
        ("numeric", "numeric") => match (o.arg(0), n.arg(0)) {
            (_, None) => true,
            (Some(p), Some(p2)) => p2 >= p && o.arg(1).unwrap_or(0) == n.arg(1).unwrap_or(0),
            (None, Some(_)) => false,
        },
        _ => false,
    }
}

/// True when MySQL (InnoDB, utf8mb4) changes the type in place without
/// copying the table: the same type, a `VARCHAR`/`VARBINARY` extended within
/// the same number of length bytes, or `ENUM` values appended at the end.
pub fn mysql_in_place(old: &str, new: &str) -> bool {
    if old == new {
        return true;
    }
    let (o, n) = (parse(old), parse(new));
    if o.unsigned != n.unsigned || o.base != n.base {
        return false;
    }
    match o.base.as_str() {
        "varchar" | "varbinary" => {
            let bytes_per_char = if o.base == "varchar" { 4 } else { 1 };
            match (o.arg(0), n.arg(0)) {
                (Some(a), Some(b)) if b >= a => a.saturating_mul(bytes_per_char) >= 256 || b.saturating_mul(bytes_per_char) <= 255,
                _ => false,
            }
        }
        "enum" => n.args.starts_with(&o.args) && (n.args.len() <= 255 || o.args.len() > 255),
        _ => false,
    }
}

/// What a narrowing change can do to existing rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Narrowing {
    /// What happens, e.g. "values longer than 50 characters make the migration fail".
    pub reasons: Vec<String>,
    /// A `WHERE` condition selecting the rows affected, when one can be written.
    pub check: Option<String>,
}

fn int_range(bytes: u32, unsigned: bool) -> (i128, i128) {
    let bits = 8 * bytes;
    if unsigned {
        (0, (1i128 << bits) - 1)
    } else {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    }
}

/// Decimal digits of the largest magnitude an integer type holds.
fn int_digits(bytes: u32, unsigned: bool) -> u64 {
    let (lo, hi) = int_range(bytes, unsigned);
    hi.max(-lo).to_string().len() as u64
}

fn pow10(k: u64) -> String {
    // Postgres numeric precision is at most 1000 digits.
    format!("1{}", "0".repeat(k.min(1000) as usize))
}

/// Whether changing a column from normalised type `old` to `new` can lose
/// or reject existing data. `col` is the column as it should appear in the
/// check query (quoted where needed). `None` for widening or unrelated types.
pub fn narrowing(old: &str, new: &str, d: Dialect, pg_version: u32, col: &str) -> Option<Narrowing> {
    if old == new {
        return None;
    }
    let (ot, nt) = (parse(old), parse(new));
    if ot.array || nt.array {
        return None;
    }
    let (o, n) = (kind(&ot, d), kind(&nt, d));
    let pg = d == Dialect::Postgres;
    // How a rejected value ends: Postgres fails; MySQL fails in strict mode
    // (the default since 5.7) and changes the value without it.
    let fail = |mysql_else: &str| {
        if pg {
            "make the migration fail".to_string()
        } else {
            format!("make the statement fail in strict mode and are {mysql_else} without it")
        }
    };
    let mut reasons = Vec::new();
    let mut checks: Vec<String> = Vec::new();
    let mut no_check = false;
    use Kind::*;
    match (&o, &n) {
        (Text { max: om }, Text { max: Some(m) }) if om.is_none_or(|om| om > *m) => {
            reasons.push(format!("values longer than {m} characters {}", fail(&format!("cut to {m}"))));
            checks.push(format!("char_length({col}) > {m}"));
        }
        (Binary { max: om }, Binary { max: Some(m) }) if om.is_none_or(|om| om > *m) => {
            reasons.push(format!("values longer than {m} bytes {}", fail(&format!("cut to {m}"))));
            checks.push(format!("octet_length({col}) > {m}"));
        }
        (Int { bytes: ob, unsigned: ou }, Int { bytes: nb, unsigned: nu }) => {
            let (olo, ohi) = int_range(*ob, *ou);
            let (lo, hi) = int_range(*nb, *nu);
            if lo > olo || hi < ohi {
                reasons.push(format!("values outside {lo} to {hi} {}", fail("clamped to that range")));
                checks.push(format!("{col} NOT BETWEEN {lo} AND {hi}"));
            }
        }
        (Numeric(on), Numeric(Some((np, ns)))) => {
            let (oi, os) = match on {
                Some((p, s)) => (Some(p.saturating_sub(*s)), Some(*s)),
                None => (None, None),
            };
            if os.is_none_or(|os| os > *ns) {
                reasons.push(format!("values with more than {ns} decimal places are rounded silently"));
                checks.push(format!("{col} <> round({col}, {ns})"));
            }
            let ni = np.saturating_sub(*ns);
            if oi.is_none_or(|oi| oi > ni) {
                reasons.push(format!("values of {} or more (in absolute value) {}", pow10(ni), fail("clamped")));
                checks.push(format!("abs({col}) >= {}", pow10(ni)));
            }
        }
        (Int { bytes, unsigned }, Numeric(Some((np, ns)))) => {
            let ni = np.saturating_sub(*ns);
            if int_digits(*bytes, *unsigned) > ni {
                reasons.push(format!("values of {} or more (in absolute value) {}", pow10(ni), fail("clamped")));
                checks.push(format!("abs({col}) >= {}", pow10(ni)));
            }
        }
        (Numeric(_) | Float { .. }, Int { bytes, unsigned }) => {
            let (lo, hi) = int_range(*bytes, *unsigned);
            reasons.push("fractional parts are rounded away silently".to_string());
            checks.push(format!("{col} <> round({col})"));
            // numeric(p,s) fits a signed integer type with more integer digits.
            let fits = matches!(o, Numeric(Some((p, s))) if !*unsigned && p.saturating_sub(s) < int_digits(*bytes, false));
            if !fits {
                reasons.push(format!("values outside {lo} to {hi} {}", fail("clamped to that range")));
                checks.push(format!("{col} NOT BETWEEN {lo} AND {hi}"));
            }
        }
        (Float { .. }, Numeric(Some((np, ns)))) => {
            reasons.push(format!("values are rounded to {ns} decimal places"));
            reasons.push(format!("values of {} or more (in absolute value) {}", pow10(np.saturating_sub(*ns)), fail("clamped")));
            no_check = true;
        }
        (Float { double: true }, Float { double: false }) => {
            reasons.push(format!("values keep only about 6 significant digits ({} is single precision)", new));
            no_check = true;
        }
        (Int { bytes, .. }, Float { double }) => {
            let exact: i128 = if *double { 1 << 53 } else { 1 << 24 };
            let (_, ohi) = int_range(*bytes, true);
            if ohi > exact {
                reasons.push(format!("integers beyond ±{exact} lose precision silently"));
                checks.push(format!("abs({col}) > {exact}"));
            }
        }
        (Numeric(p), Float { double }) => {
            let digits = if *double { 15 } else { 6 };
            if p.is_none_or(|(p, _)| p > digits) {
                reasons.push(format!("values with more than {digits} significant digits are rounded silently"));
                no_check = true;
            }
        }
        (Timestamp { tz: otz, precision: op }, Timestamp { tz: ntz, precision: np }) => {
            if *otz && !*ntz {
                reasons.push("the time zone is dropped (each value is converted to the session's TimeZone and stored as a local time, which no longer identifies an instant)".to_string());
                no_check = true;
            }
            if np < op {
                reasons.push(format!("fractional seconds beyond {np} digits are rounded silently"));
                if pg && otz == ntz {
                    checks.push(format!("{col} <> {col}::{new}"));
                } else {
                    no_check = true;
                }
            }
        }
        (Timestamp { precision: op, .. }, MysqlTimestamp { precision: np }) => {
            reasons.push(format!("values outside 1970-01-01 00:00:01 to 2038-01-19 03:14:07 UTC {}", fail("set to 0000-00-00 00:00:00")));
            checks.push(format!("{col} NOT BETWEEN '1970-01-01 00:00:01' AND '2038-01-19 03:14:07'"));
            if np < op {
                reasons.push(format!("fractional seconds beyond {np} digits are rounded silently"));
            }
        }
        (Timestamp { .. } | MysqlTimestamp { .. }, Date) => {
            reasons.push("the time of day is dropped silently".to_string());
            checks.push(if pg { format!("{col}::time <> '00:00'") } else { format!("TIME({col}) <> '00:00:00'") });
        }
        (Timestamp { .. } | MysqlTimestamp { .. }, Time { .. }) => {
            reasons.push("the date is dropped silently".to_string());
            no_check = true;
        }
        (Time { precision: op } | MysqlTimestamp { precision: op }, Time { precision: np } | MysqlTimestamp { precision: np }) if np < op => {
            reasons.push(format!("fractional seconds beyond {np} digits are rounded silently"));
            no_check = true;
        }
        (Text { .. }, Int { .. } | Numeric(_) | Float { .. } | Bool | Date | Timestamp { .. } | MysqlTimestamp { .. } | Time { .. } | Other) => {
            if pg {
                reasons.push(format!("values that are not valid {new} make the migration fail"));
                if pg_version >= 16 {
                    checks.push(format!("{col} IS NOT NULL AND NOT pg_input_is_valid({col}, '{new}')"));
                } else if matches!(n, Int { .. }) {
                    checks.push(format!("{col} !~ '^\\s*[-+]?[0-9]+\\s*$'"));
                } else if matches!(n, Numeric(_)) {
                    checks.push(format!("{col} !~ '^\\s*[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)\\s*$'"));
                } else {
                    no_check = true;
                }
            } else {
                reasons.push(format!("values that do not convert to {new} {}", fail("replaced by 0, NULL or a zero date")));
                no_check = true;
            }
        }
        (Text { .. }, Enum(values)) => {
            let list = quoted_list(values);
            reasons.push(format!("values other than {list} {}", fail("replaced by ''")));
            checks.push(format!("{col} NOT IN ({list})"));
        }
        (Enum(old_values), Enum(values)) => {
            let removed: Vec<String> = old_values.iter().filter(|v| !values.contains(v)).cloned().collect();
            if !removed.is_empty() {
                let list = quoted_list(&removed);
                reasons.push(format!("rows holding {list} {}", fail("set to ''")));
                checks.push(format!("{col} IN ({list})"));
            }
        }
        (Int { bytes, unsigned }, Text { max: Some(m) }) => {
            let len = int_digits(*bytes, *unsigned) + u64::from(!*unsigned);
            if *m < len {
                reasons.push(format!("numbers longer than {m} characters {}", fail(&format!("cut to {m}"))));
                checks.push(if pg { format!("char_length({col}::text) > {m}") } else { format!("CHAR_LENGTH({col}) > {m}") });
            }
        }
        _ => {}
    }
    if reasons.is_empty() {
        return None;
    }
    let check = (!no_check && !checks.is_empty()).then(|| checks.join(" OR "));
    Some(Narrowing { reasons, check })
}

fn quoted_list(values: &[String]) -> String {
    values.iter().map(|v| format!("'{}'", v.replace('\'', "''"))).collect::<Vec<_>>().join(", ")
}

/// A column of `table` as the model knows it (MySQL names compare without case).
pub fn column<'a>(table: Option<&'a Table>, name: &str, d: Dialect) -> Option<&'a Column> {
    let t = table?;
    t.columns.iter().find(|c| c.name == name).or_else(|| match d {
        Dialect::Mysql => t.columns.iter().find(|c| c.name.eq_ignore_ascii_case(name)),
        Dialect::Postgres => None,
    })
}

/// True when a Postgres `USING` clause is absent or only casts the column
/// itself (`price::numeric(12,2)`), which does not force a rewrite.
pub fn trivial_using(using: Option<&str>, column: &str) -> bool {
    let Some(u) = using else { return true };
    let mut u = u.trim();
    while let Some(inner) = u.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        u = inner.trim();
    }
    let head = u.split("::").next().unwrap_or("").trim();
    let name = crate::sql::lexer::unquote(head);
    if head.starts_with('"') { name == column } else { name.eq_ignore_ascii_case(column) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_metadata_only_changes() {
        assert!(pg_no_rewrite("varchar(50)", "varchar(255)"));
        assert!(pg_no_rewrite("varchar(50)", "text"));
        assert!(pg_no_rewrite("varchar(50)", "varchar"));
        assert!(pg_no_rewrite("numeric(10,2)", "numeric(12,2)"));
        assert!(pg_no_rewrite("numeric(10,2)", "numeric"));
        assert!(!pg_no_rewrite("numeric(10,2)", "numeric(12,3)"));
        assert!(!pg_no_rewrite("varchar(255)", "varchar(50)"));
        assert!(!pg_no_rewrite("text", "varchar(50)"));
        assert!(!pg_no_rewrite("integer", "bigint"));
        assert!(!pg_no_rewrite("timestamp", "timestamptz"));
        assert!(!pg_no_rewrite("varchar(50)", "varchar(255)[]"));
    }

    #[test]
    fn mysql_in_place_changes() {
        assert!(mysql_in_place("varchar(100)", "varchar(200)"));
        assert!(mysql_in_place("varchar(20)", "varchar(60)"));
        assert!(!mysql_in_place("varchar(50)", "varchar(100)"));
        assert!(mysql_in_place("enum('a','b')", "enum('a','b','c')"));
        assert!(!mysql_in_place("enum('a','b')", "enum('b','a')"));
        assert!(!mysql_in_place("int", "bigint"));
    }

    #[test]
    fn narrowing_cases() {
        let pg = |a: &str, b: &str| narrowing(a, b, Dialect::Postgres, 16, "c");
        let my = |a: &str, b: &str| narrowing(a, b, Dialect::Mysql, 0, "c");
        assert_eq!(pg("varchar(255)", "varchar(50)").unwrap().check.as_deref(), Some("char_length(c) > 50"));
        assert!(pg("varchar(50)", "varchar(255)").is_none());
        assert!(pg("text", "varchar(20)").is_some());
        assert!(pg("varchar(20)", "text").is_none());
        assert_eq!(pg("bigint", "integer").unwrap().check.as_deref(), Some("c NOT BETWEEN -2147483648 AND 2147483647"));
        assert!(pg("integer", "bigint").is_none());
        assert!(pg("text", "integer").is_some());
        assert!(pg("numeric(10,4)", "numeric(10,2)").is_some());
        assert!(pg("numeric(10,2)", "numeric(12,2)").is_none());
        assert!(pg("timestamptz", "timestamp").is_some());
        assert!(pg("timestamp", "timestamptz").is_none());
        assert!(pg("timestamptz", "date").is_some());
        assert!(pg("integer", "numeric(12,2)").is_none());
        assert!(pg("bigint", "numeric(12,2)").is_some());
        assert!(pg("Plan", "Plan_new").is_none());
        assert!(my("int unsigned", "int").is_some());
        assert!(my("int", "bigint unsigned").is_some());
        assert!(my("int unsigned", "bigint").is_none());
        assert!(my("text", "varchar(191)").is_some());
        assert!(my("varchar(191)", "text").is_none());
        assert!(my("datetime", "timestamp").is_some());
        assert_eq!(my("enum('a','b','c')", "enum('a','b')").unwrap().check.as_deref(), Some("c IN ('c')"));
        assert!(my("enum('a','b')", "enum('a','b','c')").is_none());
    }
}
