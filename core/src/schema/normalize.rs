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
        // Drop `table.` qualifiers on column references.
        if let Some(tbl) = table {
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
            let prev_literal = parts.last().is_some_and(|(k, s)| matches!(k, TokenKind::String | TokenKind::Number) || s == "null" || s == ")");
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
    }
}
