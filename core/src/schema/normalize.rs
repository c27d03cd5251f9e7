//! Normalisation of types, defaults and expressions, so that equal things
//! compare equal across sources (`int4` = `integer`, `timestamp(6) without
//! time zone` = `timestamp`, `now()` = `CURRENT_TIMESTAMP`,
//! `'a'::text` = `'a'`, `"users"."age" > 0` = `age > 0` inside table users).

use super::Identity;
use crate::sql::lexer::{tokenize, unquote, Token, TokenKind};
use crate::Dialect;

/// A normalised column type, and the automatic-value behaviour the type
/// name itself implies (`serial`).
#[derive(Clone, Debug, PartialEq)]
pub struct NormalizedType {
    pub name: String,
    pub implied_identity: Option<Identity>,
    /// MySQL `serial` also implies NOT NULL and UNIQUE.
    pub implied_not_null: bool,
}

fn significant(src: &str, dialect: Dialect) -> Vec<Token> {
    tokenize(src, dialect).into_iter().filter(|t| !t.is_trivia()).collect()
}

/// Normalise a type as written (`character varying(255)`, `"public"."status"`,
/// `int4[]`, `INT(11) UNSIGNED`, `enum('a', 'b')`).
pub fn normalize_type(text: &str, dialect: Dialect) -> NormalizedType {
    let toks = significant(text, dialect);
    let mut words: Vec<String> = Vec::new();
    let mut args: Vec<String> = Vec::new();
    let mut array_dims = 0;
    let mut suffix_words: Vec<String> = Vec::new();
    let mut i = 0;
    let mut seen_args = false;
    let mut qualified: Vec<String> = Vec::new();
    while i < toks.len() {
        let t = &toks[i];
        let tx = t.text(text);
        if t.is_punct(text, b'(') && !seen_args {
            // Arguments up to the matching paren.
            let mut depth = 0;
            let mut cur = String::new();
            i += 1;
            while i < toks.len() {
                let a = &toks[i];
                if a.is_punct(text, b'(') {
                    depth += 1;
                } else if a.is_punct(text, b')') {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                } else if depth == 0 && a.is_punct(text, b',') {
                    args.push(std::mem::take(&mut cur));
                    i += 1;
                    continue;
                }
                cur.push_str(a.text(text));
                i += 1;
            }
            if !cur.is_empty() {
                args.push(cur);
            }
            seen_args = true;
        } else if t.is_punct(text, b'[') {
            array_dims += 1;
            while i < toks.len() && !toks[i].is_punct(text, b']') {
                i += 1;
            }
        } else if t.is_word(text, "array") {
            array_dims = array_dims.max(1);
        } else if t.is_punct(text, b'.') {
            qualified.append(&mut words);
        } else if t.kind == TokenKind::QuotedIdent {
            words.push(unquote(tx));
        } else if t.kind == TokenKind::Word {
            let w = tx.to_ascii_lowercase();
            if seen_args {
                suffix_words.push(w);
            } else {
                words.push(w);
            }
        }
        i += 1;
    }
    // `timestamp(3) with time zone`: words after the args belong to the name.
    let mut base = words.join(" ");
    let suffix: Vec<&str> = suffix_words.iter().map(String::as_str).collect();
    let mut unsigned = false;
    match dialect {
        Dialect::Postgres => {
            if suffix.starts_with(&["with", "time", "zone"]) {
                base.push_str(" with time zone");
            }
        }
        Dialect::Mysql => {
            unsigned = suffix.contains(&"unsigned") || base.split(' ').any(|w| w == "unsigned");
            base = base.split(' ').filter(|w| *w != "unsigned" && *w != "zerofill" && *w != "signed").collect::<Vec<_>>().join(" ");
        }
    }
    let num = |s: &str| s.trim().parse::<u32>().ok();
    let mut implied_identity = None;
    let mut implied_not_null = false;
    let name = match dialect {
        Dialect::Postgres => {
            let with_len = |n: &str, default: Option<u32>| match args.first().and_then(|a| num(a)).or(default) {
                Some(l) => format!("{n}({l})"),
                None => n.to_string(),
            };
            let precision = |n: &str| match args.first().and_then(|a| num(a)) {
                Some(p) if p != 6 => format!("{n}({p})"),
                _ => n.to_string(),
            };
            match base.as_str() {
                "int" | "int4" | "integer" => "integer".into(),
                "int2" | "smallint" => "smallint".into(),
                "int8" | "bigint" => "bigint".into(),
                "serial" | "serial4" => {
                    implied_identity = Some(Identity::Serial);
                    "integer".into()
                }
                "bigserial" | "serial8" => {
                    implied_identity = Some(Identity::Serial);
                    "bigint".into()
                }
                "smallserial" | "serial2" => {
                    implied_identity = Some(Identity::Serial);
                    "smallint".into()
                }
                "float8" | "double precision" => "double precision".into(),
                "float4" | "real" => "real".into(),
                "float" => match args.first().and_then(|a| num(a)) {
                    Some(p) if p <= 24 => "real".into(),
                    _ => "double precision".into(),
                },
                "numeric" | "decimal" => match (args.first().and_then(|a| num(a)), args.get(1).and_then(|a| num(a))) {
                    (Some(p), s) => format!("numeric({p},{})", s.unwrap_or(0)),
                    _ => "numeric".into(),
                },
                "bool" | "boolean" => "boolean".into(),
                "varchar" | "character varying" => with_len("varchar", None),
                "char" | "character" | "bpchar" => with_len("char", Some(1)),
                "bit" => with_len("bit", Some(1)),
                "varbit" | "bit varying" => with_len("varbit", None),
                "timestamp" | "timestamp without time zone" => precision("timestamp"),
                "timestamptz" | "timestamp with time zone" => precision("timestamptz"),
                "time" | "time without time zone" => precision("time"),
                "timetz" | "time with time zone" => precision("timetz"),
                "interval" => "interval".into(),
                other => {
                    // User-defined type (enum, domain), possibly schema-qualified.
                    let schema = qualified.last().map(String::as_str).unwrap_or("public");
                    let mut n = if schema == "public" { other.to_string() } else { format!("{schema}.{other}") };
                    if !args.is_empty() {
                        n = format!("{n}({})", args.join(","));
                    }
                    n
                }
            }
        }
        Dialect::Mysql => {
            let with_len = |n: &str| match args.first().and_then(|a| num(a)) {
                Some(l) => format!("{n}({l})"),
                None => n.to_string(),
            };
            let precision = |n: &str| match args.first().and_then(|a| num(a)) {
                Some(p) if p > 0 => format!("{n}({p})"),
                _ => n.to_string(),
            };
            let n = match base.as_str() {
                "int" | "integer" | "int4" => "int".to_string(),
                "tinyint" | "int1" if args.first().and_then(|a| num(a)) == Some(1) && !unsigned => "tinyint(1)".into(),
                "tinyint" | "int1" => "tinyint".into(),
                "bool" | "boolean" => "tinyint(1)".into(),
                "smallint" | "int2" => "smallint".into(),
                "mediumint" | "int3" | "middleint" => "mediumint".into(),
                "bigint" | "int8" => "bigint".into(),
                "serial" => {
                    implied_identity = Some(Identity::AutoIncrement);
                    implied_not_null = true;
                    unsigned = true;
                    "bigint".into()
                }
                "decimal" | "numeric" | "dec" | "fixed" => {
                    let p = args.first().and_then(|a| num(a)).unwrap_or(10);
                    let s = args.get(1).and_then(|a| num(a)).unwrap_or(0);
                    format!("decimal({p},{s})")
                }
                "double" | "double precision" | "real" | "float8" => "double".into(),
                "float" | "float4" => match args.first().and_then(|a| num(a)) {
                    Some(p) if p > 24 => "double".into(),
                    _ => "float".into(),
                },
                "varchar" | "character varying" | "nvarchar" | "national varchar" => with_len("varchar"),
                "char" | "character" | "nchar" | "national char" => match args.first().and_then(|a| num(a)) {
                    Some(l) => format!("char({l})"),
                    None => "char(1)".into(),
                },
                "binary" => match args.first().and_then(|a| num(a)) {
                    Some(l) => format!("binary({l})"),
                    None => "binary(1)".into(),
                },
                "varbinary" => with_len("varbinary"),
                "bit" => match args.first().and_then(|a| num(a)) {
                    Some(l) => format!("bit({l})"),
                    None => "bit(1)".into(),
                },
                "datetime" => precision("datetime"),
                "timestamp" => precision("timestamp"),
                "time" => precision("time"),
                "year" => "year".into(),
                "enum" | "set" => {
                    let vals: Vec<String> = args.iter().map(|a| format!("'{}'", unquote(a.trim()).replace('\'', "''"))).collect();
                    format!("{base}({})", vals.join(","))
                }
                other => other.to_string(),
            };
            if unsigned {
                format!("{n} unsigned")
            } else {
                n
            }
        }
    };
    let mut name = name;
    for _ in 0..array_dims.min(1) {
        name.push_str("[]");
    }
    NormalizedType { name, implied_identity, implied_not_null }
}

/// Normalise an expression (default, check, index expression, predicate).
/// `table` strips `table.` qualifiers on column references.
pub fn normalize_expr(text: &str, dialect: Dialect, table: Option<&str>) -> String {
    let toks = significant(text, dialect);
    let mut parts: Vec<(TokenKind, String)> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let tx = t.text(text);
        // Drop `table.` (and `schema.table.`) qualifiers on column references.
        if let Some(tbl) = table {
            let ident = |k: usize| toks.get(k).is_some_and(|n| matches!(n.kind, TokenKind::Word | TokenKind::QuotedIdent));
            let dot = |k: usize| toks.get(k).is_some_and(|n| n.is_punct(text, b'.'));
            if ident(i) && dot(i + 1) && ident(i + 2) && dot(i + 3) && ident(i + 4) && ident_eq(toks[i + 2].text(text), toks[i + 2].kind, tbl, dialect) {
                i += 4;
                continue;
            }
            if matches!(t.kind, TokenKind::Word | TokenKind::QuotedIdent)
                && toks.get(i + 1).is_some_and(|n| n.is_punct(text, b'.'))
                && toks.get(i + 2).is_some_and(|n| matches!(n.kind, TokenKind::Word | TokenKind::QuotedIdent))
                && ident_eq(tx, t.kind, tbl, dialect)
            {
                i += 2;
                continue;
            }
        }
        // Casts of literals: `'x'::text`, `'{}'::jsonb`, `NULL::character varying`.
        if dialect == Dialect::Postgres && t.kind == TokenKind::Operator && tx == "::" {
            let prev_literal = parts.last().is_some_and(|(k, s)| matches!(k, TokenKind::String | TokenKind::Number) || s == "null" || s == ")" || s == "]");
            if prev_literal {
                i += 1;
                i = skip_type(text, &toks, i);
                continue;
            }
        }
        let (kind, s) = match t.kind {
            TokenKind::Word => (TokenKind::Word, tx.to_ascii_lowercase()),
            TokenKind::QuotedIdent => {
                let v = unquote(tx);
                let simple = !v.is_empty()
                    && v.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                    && !v.starts_with(|c: char| c.is_ascii_digit());
                if simple || dialect == Dialect::Mysql {
                    (TokenKind::Word, if dialect == Dialect::Mysql { v } else { v.to_string() })
                } else {
                    (TokenKind::QuotedIdent, format!("\"{}\"", v.replace('"', "\"\"")))
                }
            }
            TokenKind::String if dialect == Dialect::Mysql && tx.starts_with('"') => {
                (TokenKind::String, format!("'{}'", unquote(tx).replace('\'', "''")))
            }
            k => (k, tx.to_string()),
        };
        parts.push((kind, s));
        i += 1;
    }
    // Function-name synonyms.
    let mut out: Vec<(TokenKind, String)> = Vec::with_capacity(parts.len());
    let mut j = 0;
    while j < parts.len() {
        let (k, s) = &parts[j];
        let is = |n: usize, v: &str| parts.get(j + n).is_some_and(|(_, x)| x == v);
        if *k == TokenKind::Word && (s == "now" || s == "current_timestamp" || s == "localtimestamp" && dialect == Dialect::Mysql) {
            // now() / CURRENT_TIMESTAMP / CURRENT_TIMESTAMP(3) / now(3)
            if is(1, "(") && is(2, ")") {
                out.push((TokenKind::Word, "current_timestamp".into()));
                j += 3;
                continue;
            }
            if is(1, "(") && parts.get(j + 2).is_some_and(|(k, _)| *k == TokenKind::Number) && is(3, ")") {
                out.push((TokenKind::Word, format!("current_timestamp({})", parts[j + 2].1)));
                j += 4;
                continue;
            }
            out.push((TokenKind::Word, "current_timestamp".into()));
            j += 1;
            continue;
        }
        // MariaDB stores LOWER()/UPPER() as LCASE()/UCASE().
        if dialect == Dialect::Mysql && *k == TokenKind::Word && (s == "lcase" || s == "ucase") && is(1, "(") {
            out.push((TokenKind::Word, if s == "lcase" { "lower" } else { "upper" }.into()));
            j += 1;
            continue;
        }
        // Postgres stores `x IN (a, b)` as `x = ANY (ARRAY[a, b])` and
        // `x NOT IN (…)` as `x <> ALL (ARRAY[…])`.
        if dialect == Dialect::Postgres && *k == TokenKind::Word && s == "in" && is(1, "(") && !out.is_empty() {
            if let Some(close) = matching_paren(&parts, j + 1) {
                let first = parts.get(j + 2).map(|(_, x)| x.as_str()).unwrap_or("");
                if close > j + 2 && !matches!(first, "select" | "with" | "values" | "(") {
                    let negated = out.last().is_some_and(|(k, x)| *k == TokenKind::Word && x == "not");
                    if negated {
                        out.pop();
                    }
                    out.push((TokenKind::Operator, if negated { "<>" } else { "=" }.into()));
                    out.push((TokenKind::Word, if negated { "all" } else { "any" }.into()));
                    out.push((TokenKind::Punct, "(".into()));
                    out.push((TokenKind::Word, "array".into()));
                    out.push((TokenKind::Punct, "[".into()));
                    out.extend(parts[j + 2..close].iter().cloned());
                    out.push((TokenKind::Punct, "]".into()));
                    out.push((TokenKind::Punct, ")".into()));
                    j = close + 1;
                    continue;
                }
            }
        }
        // Postgres stores `x BETWEEN a AND b` as `x >= a AND x <= b`
        // (for a column and two single-token bounds).
        if dialect == Dialect::Postgres && *k == TokenKind::Word && s == "between" && is(2, "and") {
            let operand = out.last().filter(|(k, _)| matches!(k, TokenKind::Word | TokenKind::QuotedIdent)).cloned();
            let before_operand = out.len().checked_sub(2).map(|p| out[p].1.as_str());
            let bound = |n: usize| parts.get(j + n).filter(|(k, _)| matches!(k, TokenKind::Number | TokenKind::String | TokenKind::Word)).cloned();
            if let (Some(x), Some(lo), Some(hi)) = (operand, bound(1), bound(3)) {
                if before_operand != Some(".") && before_operand != Some("not") && x.1 != "not" {
                    out.push((TokenKind::Operator, ">=".into()));
                    out.push(lo);
                    out.push((TokenKind::Word, "and".into()));
                    out.push(x);
                    out.push((TokenKind::Operator, "<=".into()));
                    out.push(hi);
                    j += 4;
                    continue;
                }
            }
        }
        if dialect == Dialect::Mysql && *k == TokenKind::Word && (s == "true" || s == "false") {
            out.push((TokenKind::Number, if s == "true" { "1" } else { "0" }.into()));
            j += 1;
            continue;
        }
        out.push((*k, s.clone()));
        j += 1;
    }
    strip_outer_parens(&mut out);
    let mut s = String::new();
    let wordish = |k: TokenKind| matches!(k, TokenKind::Word | TokenKind::QuotedIdent | TokenKind::Number | TokenKind::String | TokenKind::Param | TokenKind::DollarString);
    for (idx, (k, t)) in out.iter().enumerate() {
        if idx > 0 {
            let pk = out[idx - 1].0;
            if wordish(pk) && wordish(*k) {
                s.push(' ');
            }
        }
        s.push_str(t);
    }
    s
}

/// The index of the `)` closing the `(` at `open`.
fn matching_paren(parts: &[(TokenKind, String)], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, (_, s)) in parts.iter().enumerate().skip(open) {
        if s == "(" {
            depth += 1;
        } else if s == ")" {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// A column default in its canonical form for the column's (normalised)
/// type. On a numeric column a number written as a string literal is that
/// number, and trailing fractional zeros do not count (`'0.00'` = `0.00` =
/// `0`): the database keeps only the coerced value, and prints it as
/// `'0'::bigint`, `0.00` or `'-1'::integer` whatever the source said.
pub fn normalize_default(default: &str, data_type: &str, dialect: Dialect) -> String {
    if !is_numeric_type(data_type, dialect) {
        return default.to_string();
    }
    let unquoted = default.strip_prefix('\'').and_then(|d| d.strip_suffix('\'')).unwrap_or(default);
    if !is_plain_number(unquoted) {
        return default.to_string();
    }
    if unquoted.contains('.') {
        let t = unquoted.trim_end_matches('0').trim_end_matches('.');
        if t.is_empty() || t == "-" {
            return "0".into();
        }
        t.to_string()
    } else {
        unquoted.to_string()
    }
}

/// `-12.50`, `7`: yes; exponents, words, expressions: no.
fn is_plain_number(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let mut dots = 0;
    !body.is_empty()
        && body.starts_with(|c: char| c.is_ascii_digit())
        && body.chars().all(|c| {
            dots += usize::from(c == '.');
            c.is_ascii_digit() || c == '.'
        })
        && dots <= 1
}

/// Whether a normalised type is a number (integer, decimal or float).
pub(crate) fn is_numeric_type(t: &str, dialect: Dialect) -> bool {
    if t.ends_with("[]") {
        return false;
    }
    match dialect {
        Dialect::Postgres => {
            matches!(t, "smallint" | "integer" | "bigint" | "real" | "double precision" | "numeric") || t.starts_with("numeric(")
        }
        Dialect::Mysql => {
            let base = t.trim_end_matches(" unsigned");
            let base = base.split('(').next().unwrap_or(base);
            matches!(base, "tinyint" | "smallint" | "mediumint" | "int" | "bigint" | "decimal" | "float" | "double")
        }
    }
}

/// Postgres coerces a varchar/char column to text where a function or
/// operator wants text, and prints the cast (`lower(email::text)`); the
/// source said `lower(email)`. Drops `col::text` for the given columns.
pub fn strip_implicit_text_casts(expr: &str, columns: &[&str]) -> String {
    if columns.is_empty() || !expr.contains("::text") {
        return expr.to_string();
    }
    let toks = significant(expr, Dialect::Postgres);
    let mut out = String::with_capacity(expr.len());
    let mut last = 0;
    let mut i = 0;
    while i + 2 < toks.len() {
        let (c, op, ty) = (&toks[i], &toks[i + 1], &toks[i + 2]);
        let is_col = matches!(c.kind, TokenKind::Word | TokenKind::QuotedIdent) && {
            let name = if c.kind == TokenKind::QuotedIdent { unquote(c.text(expr)) } else { c.text(expr).to_string() };
            columns.contains(&name.as_str()) && !(i > 0 && toks[i - 1].is_punct(expr, b'.'))
        };
        let followed = toks.get(i + 3).is_some_and(|n| n.is_punct(expr, b'[') || n.is_punct(expr, b'(') || n.is_punct(expr, b'.'));
        if is_col && op.kind == TokenKind::Operator && op.text(expr) == "::" && ty.is_word(expr, "text") && !followed {
            out.push_str(&expr[last..c.end as usize]);
            last = ty.end as usize;
            i += 3;
            continue;
        }
        i += 1;
    }
    out.push_str(&expr[last..]);
    out
}

fn ident_eq(tx: &str, kind: TokenKind, name: &str, dialect: Dialect) -> bool {
    match kind {
        TokenKind::QuotedIdent => unquote(tx) == name,
        _ => match dialect {
            Dialect::Postgres => tx.to_lowercase() == name,
            Dialect::Mysql => tx.eq_ignore_ascii_case(name),
        },
    }
}

/// Skip a type name after `::` (multi-word, qualified, with typmods and `[]`).
fn skip_type(text: &str, toks: &[Token], mut i: usize) -> usize {
    const CONTINUATIONS: &[&str] = &["varying", "precision", "with", "without", "time", "zone"];
    let mut first = true;
    while i < toks.len() {
        let t = &toks[i];
        if first && matches!(t.kind, TokenKind::Word | TokenKind::QuotedIdent) {
            first = false;
            i += 1;
        } else if !first && t.kind == TokenKind::Word && CONTINUATIONS.iter().any(|c| t.is_word(text, c)) {
            i += 1;
        } else if !first && t.is_punct(text, b'.') {
            first = true;
            i += 1;
        } else if !first && (t.is_punct(text, b'(') || t.is_punct(text, b'[')) {
            let close = if t.is_punct(text, b'(') { b')' } else { b']' };
            while i < toks.len() && !toks[i].is_punct(text, close) {
                i += 1;
            }
            i += 1;
        } else {
            break;
        }
    }
    i
}

fn strip_outer_parens(parts: &mut Vec<(TokenKind, String)>) {
    loop {
        if parts.len() < 2 || parts[0].1 != "(" || parts[parts.len() - 1].1 != ")" {
            return;
        }
        let mut depth = 0;
        for (i, (_, s)) in parts.iter().enumerate() {
            if s == "(" {
                depth += 1;
            } else if s == ")" {
                depth -= 1;
                if depth == 0 && i != parts.len() - 1 {
                    return;
                }
            }
        }
        parts.pop();
        parts.remove(0);
    }
}

/// Canonical referential action: upper case; MySQL treats NO ACTION as RESTRICT.
pub fn normalize_action(action: Option<&str>, dialect: Dialect) -> String {
    let a = action.map(|a| a.trim().to_ascii_uppercase().split_whitespace().collect::<Vec<_>>().join(" ")).unwrap_or_default();
    let a = if a.is_empty() { "NO ACTION".to_string() } else { a };
    if dialect == Dialect::Mysql && a == "NO ACTION" {
        "RESTRICT".into()
    } else {
        a
    }
}

/// Canonical index method: `None` for the default btree.
pub fn normalize_method(method: Option<&str>) -> Option<String> {
    match method.map(|m| m.trim().to_ascii_lowercase()) {
        None => None,
        Some(m) if m == "btree" || m.is_empty() => None,
        Some(m) => Some(m),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pg(t: &str) -> String {
        normalize_type(t, Dialect::Postgres).name
    }
    fn my(t: &str) -> String {
        normalize_type(t, Dialect::Mysql).name
    }

    #[test]
    fn postgres_types() {
        assert_eq!(pg("int4"), "integer");
        assert_eq!(pg("INTEGER"), "integer");
        assert_eq!(pg("character varying(255)"), "varchar(255)");
        assert_eq!(pg("VARCHAR(255)"), "varchar(255)");
        assert_eq!(pg("timestamp (3) with time zone"), "timestamptz(3)");
        assert_eq!(pg("timestamp(6) without time zone"), "timestamp");
        assert_eq!(pg("TIMESTAMP(3)"), "timestamp(3)");
        assert_eq!(pg("numeric(10, 2)"), "numeric(10,2)");
        assert_eq!(pg("DECIMAL(65,30)"), "numeric(65,30)");
        assert_eq!(pg("\"public\".\"status\""), "status");
        assert_eq!(pg("\"billing\".\"plan\""), "billing.plan");
        assert_eq!(pg("int4[]"), "integer[]");
        assert_eq!(pg("text ARRAY"), "text[]");
        assert_eq!(normalize_type("bigserial", Dialect::Postgres).implied_identity, Some(Identity::Serial));
        assert_eq!(pg("character"), "char(1)");
    }

    #[test]
    fn mysql_types() {
        assert_eq!(my("INT(11)"), "int");
        assert_eq!(my("int unsigned"), "int unsigned");
        assert_eq!(my("BOOLEAN"), "tinyint(1)");
        assert_eq!(my("TINYINT(1)"), "tinyint(1)");
        assert_eq!(my("DATETIME(3)"), "datetime(3)");
        assert_eq!(my("decimal"), "decimal(10,0)");
        assert_eq!(my("ENUM('a', 'b')"), "enum('a','b')");
        assert_eq!(my("serial"), "bigint unsigned");
    }

    #[test]
    fn expressions() {
        let e = |s: &str| normalize_expr(s, Dialect::Postgres, Some("users"));
        assert_eq!(e("now()"), "current_timestamp");
        assert_eq!(e("CURRENT_TIMESTAMP"), "current_timestamp");
        assert_eq!(e("'active'::\"status\""), "'active'");
        assert_eq!(e("'{}'::jsonb"), "'{}'");
        assert_eq!(e("'x'::character varying"), "'x'");
        assert_eq!(e("(\"users\".\"age\" > 0)"), "age>0");
        assert_eq!(e("age > 0"), "age>0");
        assert_eq!(e("\"deletedAt\" IS NULL"), "\"deletedAt\" is null");
        assert_eq!(e("gen_random_uuid()"), "gen_random_uuid()");
        assert_eq!(normalize_expr("(now())", Dialect::Mysql, None), "current_timestamp");
        assert_eq!(normalize_expr("CURRENT_TIMESTAMP(3)", Dialect::Mysql, None), "current_timestamp(3)");
        assert_eq!(normalize_expr("true", Dialect::Mysql, None), "1");
        assert_eq!(e("\"saas\".\"users\".\"age\" > 0"), "age>0");
        assert_eq!(normalize_expr("LCASE(`name`)", Dialect::Mysql, None), "lower(name)");
    }

    #[test]
    fn postgres_rewrites_of_in_and_between() {
        let e = |s: &str| normalize_expr(s, Dialect::Postgres, Some("t"));
        assert_eq!(e("role in ('a', 'b')"), e("role = ANY (ARRAY['a'::text, 'b'::text])"));
        assert_eq!(e("role not in ('a', 'b')"), e("role <> ALL (ARRAY['a'::text, 'b'::text])"));
        assert_eq!(e("\"t\".\"n\" between 1 and 10"), e("n >= 1 AND n <= 10"));
        assert_eq!(e("x in (select 1)"), "x in(select 1)");
        assert_eq!(e("code::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[])"), "code::text=any(array['a','b'])");
    }

    #[test]
    fn numeric_defaults() {
        let p = |d: &str, t: &str| normalize_default(d, t, Dialect::Postgres);
        assert_eq!(p("'0'", "numeric(12,2)"), "0");
        assert_eq!(p("'-1'", "integer"), "-1");
        assert_eq!(p("1.50", "numeric"), "1.5");
        assert_eq!(p("'0'", "text"), "'0'");
        assert_eq!(p("'1e3'", "real"), "'1e3'");
        assert_eq!(normalize_default("'0.00'", "decimal(3,2)", Dialect::Mysql), "0");
        assert_eq!(normalize_default("0.00", "decimal(3,2) unsigned", Dialect::Mysql), "0");
    }

    #[test]
    fn implicit_text_casts() {
        assert_eq!(strip_implicit_text_casts("lower(email::text)", &["email"]), "lower(email)");
        assert_eq!(strip_implicit_text_casts("lower(\"Email\"::text)", &["Email"]), "lower(\"Email\")");
        assert_eq!(strip_implicit_text_casts("lower(name::text)", &["email"]), "lower(name::text)");
        assert_eq!(strip_implicit_text_casts("x::text[]", &["x"]), "x::text[]");
    }
}
