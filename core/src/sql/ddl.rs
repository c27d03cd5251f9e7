//! The DDL reader: what a statement does to the schema, read from its tokens.
//!
//! Every statement is read here, whether or not sqlparser accepts it, so
//! that classification and replay behave the same on the statements
//! sqlparser cannot handle (DESIGN §3: `DO` blocks, `DROP INDEX CONCURRENTLY
//! IF EXISTS`, `EXCLUDE` constraints, …). The reader never fails: what it
//! cannot read in detail is kept as [`Ddl::Other`] with its verb and object,
//! or as an [`AlterAction::Other`], so nothing passes unseen.

use super::cursor::Cursor;
use super::lexer::{Token, TokenKind};
use crate::span::Span;
use crate::Dialect;
use serde::Serialize;

/// A possibly schema-qualified name as written.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct QName {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub name: String,
}

impl QName {
    pub fn from_parts(mut parts: Vec<String>) -> QName {
        let name = parts.pop().unwrap_or_default();
        let schema = parts.pop();
        QName { schema, name }
    }

    pub fn display(&self) -> String {
        match &self.schema {
            Some(s) => format!("{s}.{}", self.name),
            None => self.name.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnDef {
    pub name: String,
    /// The type as written (`varchar(255)`, `integer[]`, `"public"."status"`).
    pub type_text: String,
    /// `Some(false)` for NOT NULL, `Some(true)` for an explicit NULL.
    pub nullable: Option<bool>,
    pub default: Option<String>,
    pub primary_key: bool,
    pub unique: Option<InlineUnique>,
    pub references: Option<References>,
    pub checks: Vec<(Option<String>, String)>,
    /// `always` / `by default` for identity columns.
    pub identity: Option<String>,
    pub auto_increment: bool,
    /// Generated column expression.
    pub generated: Option<String>,
    pub on_update: Option<String>,
    /// MySQL `FIRST` / `AFTER col` placement.
    pub position: Option<ColumnPosition>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InlineUnique {
    pub name: Option<String>,
    pub nulls_not_distinct: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ColumnPosition {
    First,
    After(String),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct References {
    pub constraint_name: Option<String>,
    pub table: QName,
    pub columns: Vec<String>,
    pub on_delete: Option<String>,
    pub on_update: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum ConstraintDef {
    PrimaryKey {
        name: Option<String>,
        columns: Vec<String>,
        using_index: Option<String>,
    },
    Unique {
        name: Option<String>,
        columns: Vec<IndexElem>,
        nulls_not_distinct: bool,
        using_index: Option<String>,
    },
    ForeignKey {
        name: Option<String>,
        columns: Vec<String>,
        references: References,
    },
    Check {
        name: Option<String>,
        expr: String,
    },
    /// MySQL inline `KEY`/`INDEX`/`FULLTEXT` in CREATE/ALTER TABLE.
    Index {
        name: Option<String>,
        columns: Vec<IndexElem>,
        unique: bool,
        method: Option<String>,
    },
    Exclude {
        name: Option<String>,
        text: String,
    },
}

impl ConstraintDef {
    pub fn name(&self) -> Option<&str> {
        match self {
            ConstraintDef::PrimaryKey { name, .. }
            | ConstraintDef::Unique { name, .. }
            | ConstraintDef::ForeignKey { name, .. }
            | ConstraintDef::Check { name, .. }
            | ConstraintDef::Index { name, .. }
            | ConstraintDef::Exclude { name, .. } => name.as_deref(),
        }
    }

    pub fn kind_name(&self) -> &'static str {
        match self {
            ConstraintDef::PrimaryKey { .. } => "primary key",
            ConstraintDef::Unique { .. } => "unique",
            ConstraintDef::ForeignKey { .. } => "foreign key",
            ConstraintDef::Check { .. } => "check",
            ConstraintDef::Index { .. } => "index",
            ConstraintDef::Exclude { .. } => "exclude",
        }
    }
}

/// One element of an index: a column (with MySQL prefix length) or an expression.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndexElem {
    /// Column name, when the element is a plain column.
    pub column: Option<String>,
    /// The expression text, when it is not.
    pub expression: Option<String>,
    pub descending: bool,
    pub nulls_first: Option<bool>,
    pub opclass: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", tag = "action")]
pub enum AlterAction {
    AddColumn { column: ColumnDef, if_not_exists: bool },
    DropColumn { column: String, if_exists: bool, cascade: bool },
    /// PG `ALTER COLUMN c TYPE t [USING e]`.
    AlterColumnType { column: String, type_text: String, using: Option<String> },
    SetNotNull { column: String },
    DropNotNull { column: String },
    SetDefault { column: String, default: String },
    DropDefault { column: String },
    /// `ADD GENERATED … AS IDENTITY` or `SET GENERATED …` (kind `always` / `by default`).
    AddIdentity { column: String, kind: String },
    DropIdentity { column: String },
    DropExpression { column: String },
    /// MySQL `MODIFY [COLUMN] def` (full redefinition).
    ModifyColumn { column: ColumnDef },
    /// MySQL `CHANGE [COLUMN] old def`.
    ChangeColumn { from: String, column: ColumnDef },
    RenameColumn { from: String, to: String },
    RenameConstraint { from: String, to: String },
    /// MySQL `RENAME INDEX a TO b`.
    RenameIndex { from: String, to: String },
    RenameTable { to: QName },
    SetSchema { schema: String },
    AddConstraint { constraint: ConstraintDef, not_valid: bool },
    DropConstraint { name: String, if_exists: bool },
    /// MySQL `DROP INDEX|KEY [IF EXISTS] name`.
    DropIndex { name: String, if_exists: bool },
    /// MySQL `DROP PRIMARY KEY`.
    DropPrimaryKey,
    /// MySQL `DROP FOREIGN KEY name`.
    DropForeignKey { name: String },
    ValidateConstraint { name: String },
    /// Known actions with no effect on the model (owner, RLS, storage, …).
    NoModelEffect { text: String },
    /// Anything not understood.
    Other { text: String },
}

/// The schema-level meaning of one statement.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum Ddl {
    CreateTable {
        name: QName,
        if_not_exists: bool,
        columns: Vec<ColumnDef>,
        constraints: Vec<ConstraintDef>,
        partition_of: Option<QName>,
        /// `CREATE TABLE … AS`, `LIKE`: columns not known from the text.
        opaque: Option<String>,
        temporary: bool,
    },
    AlterTable {
        name: QName,
        if_exists: bool,
        actions: Vec<AlterAction>,
    },
    DropTable {
        names: Vec<QName>,
        if_exists: bool,
        cascade: bool,
    },
    /// MySQL `RENAME TABLE a TO b, c TO d`.
    RenameTables { pairs: Vec<(QName, QName)> },
    Truncate { tables: Vec<QName> },
    CreateIndex {
        name: Option<QName>,
        table: QName,
        unique: bool,
        concurrently: bool,
        if_not_exists: bool,
        method: Option<String>,
        elements: Vec<IndexElem>,
        predicate: Option<String>,
    },
    DropIndex {
        names: Vec<QName>,
        concurrently: bool,
        if_exists: bool,
        /// MySQL `DROP INDEX i ON t`.
        table: Option<QName>,
    },
    RenameIndex { name: QName, to: String, if_exists: bool },
    CreateEnum { name: QName, values: Vec<String> },
    AlterEnumAddValue {
        name: QName,
        value: String,
        if_not_exists: bool,
        before: Option<String>,
        after: Option<String>,
    },
    AlterEnumRenameValue { name: QName, from: String, to: String },
    RenameType { name: QName, to: String },
    DropType { names: Vec<QName>, if_exists: bool },
    CreateSchema { name: String, if_not_exists: bool },
    DropSchema { names: Vec<String>, if_exists: bool, cascade: bool },
    RenameSchema { name: String, to: String },
    CreateSequence { name: QName, if_not_exists: bool, data_type: Option<String> },
    AlterSequence { name: QName, owned_by: Option<Vec<String>> },
    DropSequence { names: Vec<QName>, if_exists: bool },
    CreateView {
        name: QName,
        materialized: bool,
        or_replace: bool,
        definition: String,
    },
    DropView { names: Vec<QName>, materialized: bool, if_exists: bool },
    RenameView { name: QName, to: String, materialized: bool },
    CreateExtension { name: String, schema: Option<String>, if_not_exists: bool },
    DropExtension { names: Vec<String>, if_exists: bool },
    /// INSERT/UPDATE/DELETE/MERGE/SELECT/COPY: no effect on the model.
    Dml {
        verb: String,
        table: Option<QName>,
        /// UPDATE/DELETE without WHERE.
        whole_table: bool,
    },
    Transaction { verb: String },
    Set { name: String, value: String, local: bool },
    /// A `DO` block; its statements are extracted separately.
    Do,
    /// Recognised, with verb/object, but not modelled in detail
    /// (functions, triggers, grants, comments, policies, …).
    Other {
        verb: String,
        object: Option<String>,
        name: Option<QName>,
        /// Whether it can change the model (false for GRANT, COMMENT, …).
        affects_model: bool,
    },
    /// The first word is not a statement the reader knows.
    Unclassified,
}

impl Ddl {
    /// A stable kebab-case kind, e.g. `create-table`, `alter-table`, `drop-index`.
    pub fn kind(&self) -> String {
        match self {
            Ddl::CreateTable { .. } => "create-table".into(),
            Ddl::AlterTable { .. } => "alter-table".into(),
            Ddl::DropTable { .. } => "drop-table".into(),
            Ddl::RenameTables { .. } => "rename-table".into(),
            Ddl::Truncate { .. } => "truncate".into(),
            Ddl::CreateIndex { .. } => "create-index".into(),
            Ddl::DropIndex { .. } => "drop-index".into(),
            Ddl::RenameIndex { .. } => "alter-index".into(),
            Ddl::CreateEnum { .. } => "create-type".into(),
            Ddl::AlterEnumAddValue { .. } | Ddl::AlterEnumRenameValue { .. } | Ddl::RenameType { .. } => "alter-type".into(),
            Ddl::DropType { .. } => "drop-type".into(),
            Ddl::CreateSchema { .. } => "create-schema".into(),
            Ddl::DropSchema { .. } => "drop-schema".into(),
            Ddl::RenameSchema { .. } => "alter-schema".into(),
            Ddl::CreateSequence { .. } => "create-sequence".into(),
            Ddl::AlterSequence { .. } => "alter-sequence".into(),
            Ddl::DropSequence { .. } => "drop-sequence".into(),
            Ddl::CreateView { materialized, .. } => if *materialized { "create-materialized-view" } else { "create-view" }.into(),
            Ddl::DropView { materialized, .. } => if *materialized { "drop-materialized-view" } else { "drop-view" }.into(),
            Ddl::RenameView { .. } => "alter-view".into(),
            Ddl::CreateExtension { .. } => "create-extension".into(),
            Ddl::DropExtension { .. } => "drop-extension".into(),
            Ddl::Dml { verb, .. } | Ddl::Transaction { verb } => verb.to_ascii_lowercase(),
            Ddl::Set { .. } => "set".into(),
            Ddl::Do => "do".into(),
            Ddl::Other { verb, object, .. } => match object {
                Some(o) => format!("{}-{}", verb.to_ascii_lowercase(), o.to_ascii_lowercase().replace(' ', "-")),
                None => verb.to_ascii_lowercase(),
            },
            Ddl::Unclassified => "unclassified".into(),
        }
    }

    pub fn is_classified(&self) -> bool {
        !matches!(self, Ddl::Unclassified)
    }
}

/// Read one statement's tokens (significant tokens only).
pub fn read(src: &str, toks: &[Token], dialect: Dialect) -> Ddl {
    let mut c = Cursor::new(src, toks, dialect);
    let Some(first) = c.peek() else {
        return Ddl::Unclassified;
    };
    if first.kind != TokenKind::Word {
        // `(SELECT …)` and friends.
        if first.is_punct(src, b'(') {
            return Ddl::Dml { verb: "select".into(), table: None, whole_table: false };
        }
        return Ddl::Unclassified;
    }
    let verb = c.text(first).to_ascii_lowercase();
    c.bump();
    match verb.as_str() {
        "create" => read_create(&mut c),
        "alter" => read_alter(&mut c),
        "drop" => read_drop(&mut c),
        "rename" if dialect == Dialect::Mysql => read_rename_tables(&mut c),
        "truncate" => {
            c.eat_word("table");
            c.eat_word("only");
            Ddl::Truncate { tables: name_list(&mut c) }
        }
        "insert" | "replace" => {
            c.eat_word("ignore");
            c.eat_word("into");
            Ddl::Dml { verb, table: c.object_name().map(QName::from_parts), whole_table: false }
        }
        "update" => {
            c.eat_word("only");
            let table = c.object_name().map(QName::from_parts);
            let whole_table = !has_word_at_depth0(&c, "where");
            Ddl::Dml { verb, table, whole_table }
        }
        "delete" => {
            c.eat_word("from");
            c.eat_word("only");
            let table = c.object_name().map(QName::from_parts);
            let whole_table = !has_word_at_depth0(&c, "where");
            Ddl::Dml { verb, table, whole_table }
        }
        "merge" => {
            c.eat_word("into");
            Ddl::Dml { verb, table: c.object_name().map(QName::from_parts), whole_table: false }
        }
        "copy" => Ddl::Dml { verb, table: c.object_name().map(QName::from_parts), whole_table: false },
        "select" | "with" | "values" | "table" | "explain" | "show" | "describe" | "desc" | "call" | "execute"
        | "prepare" | "deallocate" | "listen" | "notify" | "unlisten" | "fetch" | "declare" | "close" | "move"
        | "load" | "discard" | "checkpoint" | "handler" | "use" | "flush" | "optimize" | "check" | "checksum"
        | "repair" | "kill" | "install" | "uninstall" | "help" => Ddl::Other { verb, object: None, name: None, affects_model: false },
        "begin" | "start" | "commit" | "end" | "rollback" | "abort" | "savepoint" | "release" | "xa" => {
            Ddl::Transaction { verb }
        }
        "set" => read_set(&mut c),
        "reset" => Ddl::Other { verb, object: None, name: None, affects_model: false },
        "do" if dialect == Dialect::Postgres => Ddl::Do,
        "comment" | "grant" | "revoke" | "lock" | "unlock" | "vacuum" | "analyze" | "analyse" | "cluster"
        | "reindex" | "refresh" | "security" | "import" | "reassign" => {
            let object = if verb == "refresh" && c.eat_words(&["materialized", "view"]) {
                Some("materialized view".to_string())
            } else if verb == "comment" && c.eat_word("on") {
                c.bump().map(|t| c.text(t).to_ascii_lowercase())
            } else {
                None
            };
            c.eat_word("table");
            c.eat_word("concurrently");
            let name = c.object_name().map(QName::from_parts);
            Ddl::Other { verb, object, name, affects_model: false }
        }
        _ => Ddl::Unclassified,
    }
}

fn has_word_at_depth0(c: &Cursor, kw: &str) -> bool {
    let mut depth = 0i32;
    c.toks[c.pos..].iter().any(|t| {
        if t.is_punct(c.src, b'(') {
            depth += 1;
        } else if t.is_punct(c.src, b')') {
            depth -= 1;
        }
        depth == 0 && t.is_word(c.src, kw)
    })
}

fn name_list(c: &mut Cursor) -> Vec<QName> {
    let mut names = Vec::new();
    loop {
        c.eat_word("only");
        match c.object_name() {
            Some(n) => names.push(QName::from_parts(n)),
            None => break,
        }
        c.eat_operator("*");
        if !c.eat_punct(b',') {
            break;
        }
    }
    names
}

fn read_set(c: &mut Cursor) -> Ddl {
    let local = c.eat_word("local");
    c.eat_word("session");
    c.eat_word("global");
    let name = match c.object_name() {
        Some(p) => p.join("."),
        None => {
            return Ddl::Other { verb: "set".into(), object: None, name: None, affects_model: false };
        }
    };
    if !(c.eat_word("to") || c.eat_operator("=")) {
        // `SET NAMES utf8mb4`, `SET TRANSACTION …`, `SET CONSTRAINTS …`.
    }
    let value = c.rest_span().map(|s| s.slice(c.src).to_string()).unwrap_or_default();
    Ddl::Set { name: name.to_ascii_lowercase(), value, local }
}

fn read_create(c: &mut Cursor) -> Ddl {
    let or_replace = c.eat_words(&["or", "replace"]);
    // Modifiers that may precede the object type.
    let mut temporary = false;
    let mut unique = false;
    let mut materialized = false;
    loop {
        if c.at_any_word(&["temp", "temporary", "unlogged", "global", "local"]) {
            temporary |= !c.at_word("unlogged") && !c.at_word("global");
            c.bump();
        } else if c.eat_word("unique") {
            unique = true;
        } else if c.at_any_word(&["fulltext", "spatial"]) {
            c.bump();
        } else if c.eat_word("materialized") {
            materialized = true;
        } else if c.at_any_word(&["recursive", "trusted", "procedural", "constraint", "aggregate", "external", "online", "offline"]) {
            c.bump();
        } else if c.at_word("definer") {
            // MySQL `DEFINER = user@host`
            c.bump();
            c.eat_operator("=");
            while c.peek().is_some_and(|t| !t.is_word(c.src, "trigger") && !t.is_word(c.src, "procedure") && !t.is_word(c.src, "function") && !t.is_word(c.src, "view") && !t.is_word(c.src, "event") && !t.is_word(c.src, "sql")) {
                c.bump();
            }
        } else if c.at_word("algorithm") || c.at_word("sql") {
            // MySQL view options: ALGORITHM = x, SQL SECURITY y
            c.bump();
            c.eat_word("security");
            c.eat_operator("=");
            c.bump();
        } else {
            break;
        }
    }
    let Some(obj_tok) = c.bump() else {
        return Ddl::Other { verb: "create".into(), object: None, name: None, affects_model: true };
    };
    let object = c.text(obj_tok).to_ascii_lowercase();
    match object.as_str() {
        "table" => read_create_table(c, temporary),
        "index" => read_create_index(c, unique),
        "type" => {
            let Some(name) = c.object_name().map(QName::from_parts) else {
                return other("create", "type", None, true);
            };
            if c.eat_word("as") && c.eat_word("enum") {
                let values = c
                    .paren_list()
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|item| item.first().map(|t| string_value(c.src, t)))
                    .collect();
                Ddl::CreateEnum { name, values }
            } else {
                other("create", "type", Some(name), true)
            }
        }
        "schema" | "database" if object == "schema" || c.dialect == Dialect::Postgres => {
            let if_not_exists = c.eat_if_not_exists();
            if c.at_word("authorization") {
                c.bump();
                let name = c.ident().unwrap_or_default();
                return Ddl::CreateSchema { name, if_not_exists };
            }
            match c.ident() {
                Some(name) if object == "schema" => Ddl::CreateSchema { name, if_not_exists },
                name => other("create", &object, name.map(|n| QName { schema: None, name: n }), false),
            }
        }
        "sequence" => {
            let if_not_exists = c.eat_if_not_exists();
            match c.object_name().map(QName::from_parts) {
                Some(name) => {
                    let data_type = if c.eat_word("as") { c.bump().map(|t| c.text(t).to_ascii_lowercase()) } else { None };
                    Ddl::CreateSequence { name, if_not_exists, data_type }
                }
                None => other("create", "sequence", None, true),
            }
        }
        "view" => read_create_view(c, materialized, or_replace),
        "extension" => {
            let if_not_exists = c.eat_if_not_exists();
            let Some(name) = c.ident() else { return other("create", "extension", None, true) };
            let mut schema = None;
            while let Some(t) = c.bump() {
                if t.is_word(c.src, "schema") {
                    schema = c.ident();
                }
            }
            Ddl::CreateExtension { name, schema, if_not_exists }
        }
        _ => {
            // FUNCTION, PROCEDURE, TRIGGER, POLICY, PUBLICATION, ROLE, DOMAIN, …
            let mut object = object;
            if matches!(object.as_str(), "event" | "text" | "foreign" | "operator" | "user") && c.at_any_word(&["trigger", "search", "table", "data", "class", "family", "mapping"]) {
                object.push(' ');
                object.push_str(&c.bump().map(|t| c.text(t).to_ascii_lowercase()).unwrap_or_default());
            }
            c.eat_if_not_exists();
            let name = c.object_name().map(QName::from_parts);
            other("create", &object, name, object_in_schema(&object))
        }
    }
}

/// Database objects that belong to an application's schema but that the
/// model does not represent (functions, triggers, policies, domains, …):
/// replay lists them as not modelled instead of passing over them.
/// Cluster-level objects (roles, databases, publications, tablespaces) are
/// outside the schema.
fn object_in_schema(object: &str) -> bool {
    !matches!(
        object,
        "role" | "user" | "group" | "database" | "publication" | "subscription" | "tablespace" | "server" | "user mapping"
            | "foreign data" | "event trigger" | "statistics" | "default" | "system" | "owned by" | "owned" | ""
    )
}

fn other(verb: &str, object: &str, name: Option<QName>, affects_model: bool) -> Ddl {
    Ddl::Other { verb: verb.into(), object: Some(object.into()), name, affects_model }
}

/// The value of a string literal token (`'a''b'` → `a'b`; E'' escapes kept raw).
pub fn string_value(src: &str, t: &Token) -> String {
    let text = t.text(src);
    match t.kind {
        TokenKind::String => {
            let body = text.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '&');
            super::lexer::unquote(body)
        }
        TokenKind::QuotedIdent => super::lexer::unquote(text),
        _ => text.to_string(),
    }
}

fn read_create_table(c: &mut Cursor, temporary: bool) -> Ddl {
    let if_not_exists = c.eat_if_not_exists();
    let Some(name) = c.object_name().map(QName::from_parts) else {
        return other("create", "table", None, true);
    };
    let mut columns = Vec::new();
    let mut constraints = Vec::new();
    let mut partition_of = None;
    let mut opaque = None;
    if c.eat_words(&["partition", "of"]) {
        partition_of = c.object_name().map(QName::from_parts);
    } else if c.at_word("as") || c.at_word("like") || c.at_word("select") {
        opaque = c.rest_span().map(|s| s.slice(c.src).to_string());
    }
    if let Some(items) = c.paren_list() {
        for item in items {
            let mut ic = c.sub(item);
            if ic.at_word("like") {
                opaque = Some(span_text(c.src, item));
            } else if let Some(con) = read_table_constraint(&mut ic) {
                constraints.push(con);
            } else if partition_of.is_some() && !looks_like_column(&ic) {
                // `PARTITION OF p (CONSTRAINT …)` column options; nothing to model.
            } else if let Some(col) = read_column_def(&mut ic) {
                columns.push(col);
            }
        }
    }
    Ddl::CreateTable { name, if_not_exists, columns, constraints, partition_of, opaque, temporary }
}

fn looks_like_column(c: &Cursor) -> bool {
    c.peek_at(1).is_some_and(|t| t.kind == TokenKind::Word && !t.is_word(c.src, "with"))
}

fn span_text(src: &str, toks: &[Token]) -> String {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => src.get(a.start..b.end).unwrap_or("").to_string(),
        _ => String::new(),
    }
}

const COLUMN_CONSTRAINT_WORDS: &[&str] = &[
    "not", "null", "default", "primary", "unique", "references", "check", "constraint", "generated", "collate",
    "auto_increment", "autoincrement", "comment", "on", "as", "character", "charset", "visible", "invisible", "key",
    "storage", "compression", "srid", "column_format", "engine_attribute",
];

fn at_column_constraint(c: &Cursor) -> bool {
    c.at_any_word(COLUMN_CONSTRAINT_WORDS) || c.at_punct(b',')
}

/// `name type [constraints…]`.
pub fn read_column_def(c: &mut Cursor) -> Option<ColumnDef> {
    let start_tok = c.peek()?;
    let name = c.ident()?;
    let type_span = c.take_until(|c| {
        // `character varying` / `character(…)` are types, `CHARACTER SET` is not.
        if c.at_word("character") {
            return c.at_word_n(1, "set");
        }
        at_column_constraint(c) || c.at_any_word(&["first", "after"]) && c.dialect == Dialect::Mysql
    });
    let type_text = type_span.map(|s| s.slice(c.src).to_string()).unwrap_or_default();
    let mut col = ColumnDef {
        name,
        type_text,
        nullable: None,
        default: None,
        primary_key: false,
        unique: None,
        references: None,
        checks: Vec::new(),
        identity: None,
        auto_increment: false,
        generated: None,
        on_update: None,
        position: None,
        span: Span::new(start_tok.start, start_tok.end),
    };
    let mut constraint_name: Option<String> = None;
    while let Some(t) = c.peek() {
        if t.is_punct(c.src, b',') || t.is_punct(c.src, b')') {
            break;
        }
        if c.eat_word("constraint") {
            constraint_name = c.ident();
            continue;
        }
        if c.eat_words(&["not", "null"]) {
            col.nullable = Some(false);
        } else if c.eat_word("null") {
            col.nullable = Some(true);
        } else if c.eat_word("default") {
            let start = c.pos;
            if c.skip_parens().is_none() {
                c.bump();
            }
            c.take_until(|c| at_column_constraint(c) && !c.at_word("on") || c.at_words_on_update());
            col.default = c.span_from(start).map(|s| s.slice(c.src).to_string());
        } else if c.eat_words(&["primary", "key"]) {
            col.primary_key = true;
            c.eat_word("asc");
            c.eat_word("desc");
        } else if c.eat_word("unique") {
            c.eat_word("key");
            let nnd = c.eat_words(&["nulls", "not", "distinct"]);
            c.eat_words(&["nulls", "distinct"]);
            col.unique = Some(InlineUnique { name: constraint_name.take(), nulls_not_distinct: nnd });
        } else if c.at_word("references") {
            c.bump();
            col.references = read_references(c, constraint_name.take());
        } else if c.eat_word("check") {
            let expr = c.skip_parens().map(|s| s.slice(c.src).trim().to_string()).unwrap_or_default();
            col.checks.push((constraint_name.take(), expr));
            c.eat_words(&["no", "inherit"]);
        } else if c.eat_word("generated") {
            let kind = if c.eat_word("always") {
                "always"
            } else {
                c.eat_words(&["by", "default"]);
                "by default"
            };
            c.eat_word("as");
            if c.eat_word("identity") {
                col.identity = Some(kind.to_string());
                c.skip_parens();
            } else if let Some(s) = c.skip_parens() {
                col.generated = Some(s.slice(c.src).trim().to_string());
                c.eat_word("stored");
                c.eat_word("virtual");
            }
        } else if c.eat_word("as") {
            // MySQL `AS (expr) [STORED|VIRTUAL]`
            if let Some(s) = c.skip_parens() {
                col.generated = Some(s.slice(c.src).trim().to_string());
            }
            c.eat_word("stored");
            c.eat_word("virtual");
        } else if c.eat_word("auto_increment") || c.eat_word("autoincrement") {
            col.auto_increment = true;
        } else if c.eat_words(&["on", "update"]) {
            let start = c.pos;
            c.bump();
            c.skip_parens();
            col.on_update = c.span_from(start).map(|s| s.slice(c.src).to_string());
        } else if c.eat_word("collate") || c.eat_word("comment") || c.eat_word("charset") || c.eat_words(&["character", "set"]) || c.eat_word("storage") || c.eat_word("compression") || c.eat_word("column_format") {
            c.eat_operator("=");
            c.object_name().or_else(|| c.bump().map(|_| vec![]));
        } else if c.eat_word("first") {
            col.position = Some(ColumnPosition::First);
        } else if c.eat_word("after") {
            col.position = c.ident().map(ColumnPosition::After);
        } else if c.eat_word("key") {
            // MySQL inline `KEY` means PRIMARY KEY.
            col.primary_key = true;
        } else {
            c.bump();
        }
    }
    let end = c.toks.get(c.pos.saturating_sub(1)).map_or(col.span.end, |t| t.end);
    col.span.end = end.max(col.span.end);
    Some(col)
}

impl Cursor<'_> {
    fn at_words_on_update(&self) -> bool {
        self.at_word("on") && self.at_word_n(1, "update")
    }
}

fn read_references(c: &mut Cursor, constraint_name: Option<String>) -> Option<References> {
    let table = QName::from_parts(c.object_name()?);
    let columns = if c.at_punct(b'(') { c.ident_list().unwrap_or_default() } else { Vec::new() };
    let mut refs = References { constraint_name, table, columns, on_delete: None, on_update: None };
    loop {
        if c.eat_word("match") {
            c.bump();
        } else if c.eat_words(&["on", "delete"]) {
            refs.on_delete = Some(read_action(c));
        } else if c.eat_words(&["on", "update"]) {
            refs.on_update = Some(read_action(c));
        } else if c.eat_word("deferrable") || c.eat_words(&["not", "deferrable"]) || c.eat_words(&["initially", "deferred"]) || c.eat_words(&["initially", "immediate"]) {
        } else {
            break;
        }
    }
    Some(refs)
}

fn read_action(c: &mut Cursor) -> String {
    for words in [&["no", "action"][..], &["set", "null"], &["set", "default"], &["cascade"], &["restrict"]] {
        if c.eat_words(words) {
            if words[0] == "set" {
                // PG 15: `SET NULL (col, …)`
                c.skip_parens();
            }
            return words.join(" ").to_ascii_uppercase();
        }
    }
    c.bump().map(|t| c.text(t).to_ascii_uppercase()).unwrap_or_default()
}

/// A table constraint, or `None` when the item is a column definition.
pub fn read_table_constraint(c: &mut Cursor) -> Option<ConstraintDef> {
    let start = c.pos;
    let mut name = None;
    if c.eat_word("constraint") {
        // MySQL allows `CONSTRAINT PRIMARY KEY` / `CONSTRAINT UNIQUE` without a name.
        if !c.at_any_word(&["primary", "unique", "foreign", "check", "exclude"]) {
            name = c.ident();
        }
    }
    if c.eat_words(&["primary", "key"]) {
        if c.eat_words(&["using", "index"]) {
            return Some(ConstraintDef::PrimaryKey { name, columns: vec![], using_index: c.ident() });
        }
        let columns = index_elems(c).into_iter().filter_map(|e| e.column).collect();
        return Some(ConstraintDef::PrimaryKey { name, columns, using_index: None });
    }
    if c.eat_word("unique") {
        let is_index_kw = c.eat_word("key") || c.eat_word("index");
        if c.eat_words(&["using", "index"]) {
            return Some(ConstraintDef::Unique { name, columns: vec![], nulls_not_distinct: false, using_index: c.ident() });
        }
        let nulls_not_distinct = c.eat_words(&["nulls", "not", "distinct"]);
        c.eat_words(&["nulls", "distinct"]);
        if !c.at_punct(b'(') {
            // MySQL `UNIQUE [KEY] name (cols)`
            let n = c.ident();
            if name.is_none() {
                name = n;
            }
            let _ = is_index_kw;
        }
        if c.eat_word("using") {
            c.bump();
        }
        let columns = index_elems(c);
        return Some(ConstraintDef::Unique { name, columns, nulls_not_distinct, using_index: None });
    }
    if c.eat_words(&["foreign", "key"]) {
        if !c.at_punct(b'(') {
            // MySQL `FOREIGN KEY name (cols)`: the index name.
            let n = c.ident();
            if name.is_none() {
                name = n;
            }
        }
        let columns = c.ident_list().unwrap_or_default();
        if !c.eat_word("references") {
            return None;
        }
        let references = read_references(c, None)?;
        return Some(ConstraintDef::ForeignKey { name, columns, references });
    }
    if c.eat_word("check") {
        let expr = c.skip_parens().map(|s| s.slice(c.src).trim().to_string()).unwrap_or_default();
        return Some(ConstraintDef::Check { name, expr });
    }
    if c.at_word("exclude") {
        let text = c.rest_span().map(|s| s.slice(c.src).to_string()).unwrap_or_default();
        c.pos = c.toks.len();
        return Some(ConstraintDef::Exclude { name, text });
    }
    if c.dialect == Dialect::Mysql && c.pos == start && c.at_any_word(&["key", "index", "fulltext", "spatial"]) {
        let kind = c.bump().map(|t| c.text(t).to_ascii_lowercase()).unwrap_or_default();
        if kind == "fulltext" || kind == "spatial" {
            if !c.eat_word("key") {
                c.eat_word("index");
            }
        }
        let name = if c.at_punct(b'(') { None } else { c.ident() };
        let mut method = (kind == "fulltext" || kind == "spatial").then_some(kind);
        if c.eat_word("using") {
            method = c.bump().map(|t| c.text(t).to_ascii_lowercase());
        }
        let columns = index_elems(c);
        if c.eat_word("using") {
            method = c.bump().map(|t| c.text(t).to_ascii_lowercase());
        }
        return Some(ConstraintDef::Index { name, columns, unique: false, method });
    }
    c.pos = start;
    None
}

/// Parenthesised index elements.
pub fn index_elems(c: &mut Cursor) -> Vec<IndexElem> {
    let Some(items) = c.paren_list() else { return Vec::new() };
    items.into_iter().map(|item| index_elem(c.src, item, c.dialect)).collect()
}

fn index_elem(src: &str, item: &[Token], dialect: Dialect) -> IndexElem {
    let mut c = Cursor::new(src, item, dialect);
    let mut elem = IndexElem { column: None, expression: None, descending: false, nulls_first: None, opclass: None };
    // Trailing modifiers, read from the end.
    let mut end = item.len();
    loop {
        let w = |i: usize, kw: &str| item.get(i).is_some_and(|t| t.is_word(src, kw));
        if end >= 2 && w(end - 2, "nulls") && (w(end - 1, "first") || w(end - 1, "last")) {
            elem.nulls_first = Some(w(end - 1, "first"));
            end -= 2;
        } else if end >= 1 && (w(end - 1, "asc") || w(end - 1, "desc")) {
            elem.descending = w(end - 1, "desc");
            end -= 1;
        } else {
            break;
        }
    }
    let body = &item[..end];
    let is_plain_column = |toks: &[Token]| toks.len() == 1 && matches!(toks[0].kind, TokenKind::Word | TokenKind::QuotedIdent);
    if is_plain_column(body) {
        elem.column = c.ident();
    } else if body.len() == 2 && is_plain_column(&body[..1]) && body[1].kind == TokenKind::Word {
        // column + operator class
        elem.column = c.ident();
        elem.opclass = Some(body[1].text(src).to_ascii_lowercase());
    } else if dialect == Dialect::Mysql && body.len() == 4 && is_plain_column(&body[..1]) && body[1].is_punct(src, b'(') {
        // MySQL prefix index `col(10)`
        elem.column = c.ident();
    } else if body.len() >= 3 && is_plain_column(&body[..1]) && body[1].is_word(src, "collate") {
        elem.column = c.ident();
    } else {
        let text = span_text(src, body);
        let trimmed = text.trim();
        let inner = if trimmed.starts_with('(') && trimmed.ends_with(')') && balanced_outer(trimmed) {
            &trimmed[1..trimmed.len() - 1]
        } else {
            trimmed
        };
        elem.expression = Some(inner.trim().to_string());
    }
    elem
}

/// True when the first `(` of `s` closes at its last character.
fn balanced_outer(s: &str) -> bool {
    let mut depth = 0i32;
    for (i, ch) in s.char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 && i != s.len() - 1 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

fn read_create_index(c: &mut Cursor, unique: bool) -> Ddl {
    let concurrently = c.eat_word("concurrently");
    let if_not_exists = c.eat_if_not_exists();
    let name = if c.at_word("on") { None } else { c.object_name().map(QName::from_parts) };
    let mut method = None;
    if c.eat_word("using") {
        method = c.bump().map(|t| c.text(t).to_ascii_lowercase());
    }
    if !c.eat_word("on") {
        return other("create", "index", name, true);
    }
    c.eat_word("only");
    let Some(table) = c.object_name().map(QName::from_parts) else {
        return other("create", "index", name, true);
    };
    if c.eat_word("using") {
        method = c.bump().map(|t| c.text(t).to_ascii_lowercase());
    }
    let elements = index_elems(c);
    let mut predicate = None;
    while let Some(t) = c.peek() {
        if t.is_word(c.src, "where") {
            c.bump();
            predicate = c.rest_span().map(|s| s.slice(c.src).trim().to_string());
            break;
        }
        if t.is_word(c.src, "using") {
            c.bump();
            method = c.bump().map(|t| c.text(t).to_ascii_lowercase());
            continue;
        }
        c.bump();
    }
    Ddl::CreateIndex { name, table, unique, concurrently, if_not_exists, method, elements, predicate }
}

fn read_create_view(c: &mut Cursor, materialized: bool, or_replace: bool) -> Ddl {
    c.eat_if_not_exists();
    let Some(name) = c.object_name().map(QName::from_parts) else {
        return other("create", "view", None, true);
    };
    // Skip column list and options up to AS.
    while c.peek().is_some() && !c.at_word("as") {
        if c.skip_parens().is_none() {
            c.bump();
        }
    }
    c.eat_word("as");
    let definition = c.rest_span().map(|s| s.slice(c.src).trim().to_string()).unwrap_or_default();
    Ddl::CreateView { name, materialized, or_replace, definition }
}

fn read_drop(c: &mut Cursor) -> Ddl {
    let materialized = c.eat_word("materialized");
    c.eat_word("temporary");
    let Some(obj_tok) = c.bump() else {
        return other("drop", "", None, true);
    };
    let object = c.text(obj_tok).to_ascii_lowercase();
    let concurrently = c.eat_word("concurrently");
    let if_exists = c.eat_if_exists();
    let cascade = |c: &Cursor| c.toks[c.pos..].iter().any(|t| t.is_word(c.src, "cascade"));
    match object.as_str() {
        "table" => {
            let names = name_list(c);
            Ddl::DropTable { cascade: cascade(c), names, if_exists }
        }
        "index" => {
            let names = name_list(c);
            let table = if c.eat_word("on") { c.object_name().map(QName::from_parts) } else { None };
            Ddl::DropIndex { names, concurrently, if_exists, table }
        }
        "type" => Ddl::DropType { names: name_list(c), if_exists },
        "schema" => {
            let names = name_list(c).into_iter().map(|n| n.name).collect();
            Ddl::DropSchema { cascade: cascade(c), names, if_exists }
        }
        "database" if c.dialect == Dialect::Mysql => {
            let names = name_list(c).into_iter().map(|n| n.name).collect();
            Ddl::DropSchema { cascade: true, names, if_exists }
        }
        "sequence" => Ddl::DropSequence { names: name_list(c), if_exists },
        "view" => Ddl::DropView { names: name_list(c), materialized, if_exists },
        "extension" => Ddl::DropExtension { names: name_list(c).into_iter().map(|n| n.name).collect(), if_exists },
        _ => {
            let mut object = object;
            if matches!(object.as_str(), "event" | "text" | "foreign" | "operator" | "user" | "owned") && c.at_any_word(&["trigger", "search", "table", "data", "class", "family", "mapping", "by"]) {
                object.push(' ');
                object.push_str(&c.bump().map(|t| c.text(t).to_ascii_lowercase()).unwrap_or_default());
                c.eat_if_exists();
            }
            let name = c.object_name().map(QName::from_parts);
            other("drop", &object, name, object_in_schema(&object))
        }
    }
}

fn read_rename_tables(c: &mut Cursor) -> Ddl {
    if !(c.eat_word("table") || c.eat_word("tables")) {
        return other("rename", "user", None, false);
    }
    let mut pairs = Vec::new();
    loop {
        let Some(from) = c.object_name() else { break };
        if !c.eat_word("to") {
            break;
        }
        let Some(to) = c.object_name() else { break };
        pairs.push((QName::from_parts(from), QName::from_parts(to)));
        if !c.eat_punct(b',') {
            break;
        }
    }
    Ddl::RenameTables { pairs }
}

fn read_alter(c: &mut Cursor) -> Ddl {
    c.eat_word("online");
    c.eat_word("ignore");
    let materialized = c.eat_word("materialized");
    let Some(obj_tok) = c.bump() else {
        return other("alter", "", None, true);
    };
    let object = c.text(obj_tok).to_ascii_lowercase();
    match object.as_str() {
        "table" => read_alter_table(c),
        "index" => {
            let if_exists = c.eat_if_exists();
            let Some(name) = c.object_name().map(QName::from_parts) else { return other("alter", "index", None, true) };
            if c.eat_words(&["rename", "to"]) {
                if let Some(to) = c.ident() {
                    return Ddl::RenameIndex { name, to, if_exists };
                }
            }
            // SET TABLESPACE, SET (…), ATTACH PARTITION: no model effect.
            other("alter", "index", Some(name), false)
        }
        "type" => {
            let Some(name) = c.object_name().map(QName::from_parts) else { return other("alter", "type", None, true) };
            if c.eat_words(&["add", "value"]) {
                let if_not_exists = c.eat_if_not_exists();
                let value = c.bump().map(|t| string_value(c.src, t)).unwrap_or_default();
                let mut before = None;
                let mut after = None;
                if c.eat_word("before") {
                    before = c.bump().map(|t| string_value(c.src, t));
                } else if c.eat_word("after") {
                    after = c.bump().map(|t| string_value(c.src, t));
                }
                return Ddl::AlterEnumAddValue { name, value, if_not_exists, before, after };
            }
            if c.eat_words(&["rename", "value"]) {
                let from = c.bump().map(|t| string_value(c.src, t)).unwrap_or_default();
                c.eat_word("to");
                let to = c.bump().map(|t| string_value(c.src, t)).unwrap_or_default();
                return Ddl::AlterEnumRenameValue { name, from, to };
            }
            if c.eat_words(&["rename", "to"]) {
                if let Some(to) = c.ident() {
                    return Ddl::RenameType { name, to };
                }
            }
            let affects = !c.at_word("owner");
            other("alter", "type", Some(name), affects)
        }
        "schema" => {
            let Some(name) = c.ident() else { return other("alter", "schema", None, false) };
            if c.eat_words(&["rename", "to"]) {
                if let Some(to) = c.ident() {
                    return Ddl::RenameSchema { name, to };
                }
            }
            other("alter", "schema", Some(QName { schema: None, name }), false)
        }
        "sequence" => {
            c.eat_if_exists();
            let Some(name) = c.object_name().map(QName::from_parts) else { return other("alter", "sequence", None, false) };
            let mut owned_by = None;
            while c.peek().is_some() {
                if c.eat_words(&["owned", "by"]) {
                    owned_by = c.object_name();
                } else {
                    c.bump();
                }
            }
            Ddl::AlterSequence { name, owned_by }
        }
        "view" => {
            c.eat_if_exists();
            let Some(name) = c.object_name().map(QName::from_parts) else { return other("alter", "view", None, true) };
            if c.eat_words(&["rename", "to"]) {
                if let Some(to) = c.ident() {
                    return Ddl::RenameView { name, to, materialized };
                }
            }
            other("alter", if materialized { "materialized view" } else { "view" }, Some(name), false)
        }
        _ => {
            let name = c.object_name().map(QName::from_parts);
            let owner_only = c.toks[c.pos..].iter().any(|t| t.is_word(c.src, "owner"));
            other("alter", &object, name, object_in_schema(&object) && !owner_only)
        }
    }
}

fn read_alter_table(c: &mut Cursor) -> Ddl {
    let if_exists = c.eat_if_exists();
    c.eat_word("only");
    let Some(name) = c.object_name().map(QName::from_parts) else {
        return other("alter", "table", None, true);
    };
    c.eat_operator("*");
    let mut actions = Vec::new();
    // Split the rest on top-level commas.
    let rest = &c.toks[c.pos..];
    let mut depth = 0i32;
    let mut start = 0;
    let mut items: Vec<&[Token]> = Vec::new();
    for (i, t) in rest.iter().enumerate() {
        if t.is_punct(c.src, b'(') {
            depth += 1;
        } else if t.is_punct(c.src, b')') {
            depth -= 1;
        } else if depth == 0 && t.is_punct(c.src, b',') {
            items.push(&rest[start..i]);
            start = i + 1;
        }
    }
    if start < rest.len() {
        items.push(&rest[start..]);
    }
    for item in items {
        let mut ac = c.sub(item);
        let text = span_text(c.src, item);
        // MySQL `ADD COLUMN (a int, b int)` expands to several actions.
        if c.dialect == Dialect::Mysql && ac.eat_word("add") && { ac.eat_word("column"); ac.at_punct(b'(') } {
            for col_toks in ac.paren_list().unwrap_or_default() {
                let mut cc = c.sub(col_toks);
                if let Some(column) = read_column_def(&mut cc) {
                    actions.push(AlterAction::AddColumn { column, if_not_exists: false });
                }
            }
            continue;
        }
        let mut ac = c.sub(item);
        let action = read_alter_action(&mut ac).unwrap_or(AlterAction::Other { text: text.clone() });
        actions.push(action);
    }
    Ddl::AlterTable { name, if_exists, actions }
}

const NO_EFFECT_HEADS: &[&str] = &[
    "owner", "enable", "disable", "force", "no", "cluster", "replica", "inherit", "of", "not", "reset", "attach",
    "detach", "engine", "algorithm", "lock", "convert", "default", "auto_increment", "row_format", "comment",
    "charset", "character", "collate", "order", "force", "discard", "import", "analyze", "optimize", "repair",
    "check", "rebuild", "coalesce", "reorganize", "truncate", "exchange", "remove", "partition", "with", "without",
    "stats_persistent", "key_block_size", "tablespace", "pack_keys", "checksum", "delay_key_write",
];

fn read_alter_action(c: &mut Cursor) -> Option<AlterAction> {
    let text = c.rest_span().map(|s| s.slice(c.src).to_string()).unwrap_or_default();
    let mysql = c.dialect == Dialect::Mysql;
    if mysql && (c.at_any_word(&["add", "drop"]) && c.at_word_n(1, "partition")) {
        return Some(AlterAction::NoModelEffect { text });
    }
    if c.eat_word("add") {
        let explicit_column = c.eat_word("column");
        let if_not_exists = c.eat_if_not_exists();
        if !explicit_column {
            let save = c.pos;
            if let Some(constraint) = read_table_constraint(c) {
                let not_valid = c.toks[c.pos..].iter().any(|t| t.is_word(c.src, "valid"));
                return Some(AlterAction::AddConstraint { constraint, not_valid });
            }
            c.pos = save;
        }
        let column = read_column_def(c)?;
        return Some(AlterAction::AddColumn { column, if_not_exists });
    }
    if c.eat_word("drop") {
        if c.eat_word("constraint") || (mysql && c.eat_word("check")) {
            let if_exists = c.eat_if_exists();
            return Some(AlterAction::DropConstraint { name: c.ident()?, if_exists });
        }
        if mysql && (c.eat_word("index") || c.eat_word("key")) {
            // MariaDB: DROP INDEX IF EXISTS
            let if_exists = c.eat_if_exists();
            return Some(AlterAction::DropIndex { name: c.ident()?, if_exists });
        }
        if mysql && c.eat_words(&["primary", "key"]) {
            return Some(AlterAction::DropPrimaryKey);
        }
        if mysql && c.eat_words(&["foreign", "key"]) {
            return Some(AlterAction::DropForeignKey { name: c.ident()? });
        }
        if c.at_word("default") && mysql {
            return Some(AlterAction::NoModelEffect { text });
        }
        c.eat_word("column");
        let if_exists = c.eat_if_exists();
        let column = c.ident()?;
        let cascade = c.eat_word("cascade");
        return Some(AlterAction::DropColumn { column, if_exists, cascade });
    }
    if c.eat_word("alter") {
        c.eat_word("column");
        let column = c.ident()?;
        if c.eat_words(&["set", "data", "type"]) || c.eat_word("type") {
            let type_span = c.take_until(|c| c.at_word("using") || c.at_word("collate"));
            c.eat_word("collate").then(|| c.object_name());
            let using = if c.eat_word("using") { c.rest_span().map(|s| s.slice(c.src).trim().to_string()) } else { None };
            return Some(AlterAction::AlterColumnType {
                column,
                type_text: type_span.map(|s| s.slice(c.src).to_string()).unwrap_or_default(),
                using,
            });
        }
        if c.eat_words(&["set", "not", "null"]) {
            return Some(AlterAction::SetNotNull { column });
        }
        if c.eat_words(&["drop", "not", "null"]) {
            return Some(AlterAction::DropNotNull { column });
        }
        if c.eat_words(&["set", "default"]) {
            let default = c.rest_span().map(|s| s.slice(c.src).trim().to_string()).unwrap_or_default();
            return Some(AlterAction::SetDefault { column, default });
        }
        if c.eat_words(&["drop", "default"]) {
            return Some(AlterAction::DropDefault { column });
        }
        if c.eat_word("add") && c.eat_word("generated") {
            let kind = if c.eat_word("always") { "always" } else { "by default" };
            return Some(AlterAction::AddIdentity { column, kind: kind.into() });
        }
        if c.eat_words(&["drop", "identity"]) {
            return Some(AlterAction::DropIdentity { column });
        }
        if c.eat_words(&["drop", "expression"]) {
            return Some(AlterAction::DropExpression { column });
        }
        if c.eat_words(&["set", "generated"]) {
            let kind = if c.eat_word("always") { "always" } else { "by default" };
            return Some(AlterAction::AddIdentity { column, kind: kind.into() });
        }
        if c.at_any_word(&["set", "reset"]) || c.at_word("restart") {
            // SET STATISTICS / STORAGE / (…) / GENERATED …; RESTART
            return Some(AlterAction::NoModelEffect { text });
        }
        return Some(AlterAction::Other { text });
    }
    if mysql && c.eat_word("modify") {
        c.eat_word("column");
        c.eat_if_exists();
        return Some(AlterAction::ModifyColumn { column: read_column_def(c)? });
    }
    if mysql && c.eat_word("change") {
        c.eat_word("column");
        c.eat_if_exists();
        let from = c.ident()?;
        return Some(AlterAction::ChangeColumn { from, column: read_column_def(c)? });
    }
    if c.eat_word("rename") {
        if c.eat_word("constraint") {
            let from = c.ident()?;
            c.eat_word("to");
            return Some(AlterAction::RenameConstraint { from, to: c.ident()? });
        }
        if mysql && (c.eat_word("index") || c.eat_word("key")) {
            let from = c.ident()?;
            c.eat_word("to");
            return Some(AlterAction::RenameIndex { from, to: c.ident()? });
        }
        if c.eat_word("to") || (mysql && c.eat_word("as")) {
            return Some(AlterAction::RenameTable { to: QName::from_parts(c.object_name()?) });
        }
        if mysql && !c.at_word("column") {
            // MySQL `RENAME new_name`
            return Some(AlterAction::RenameTable { to: QName::from_parts(c.object_name()?) });
        }
        c.eat_word("column");
        let from = c.ident()?;
        c.eat_word("to");
        return Some(AlterAction::RenameColumn { from, to: c.ident()? });
    }
    if c.eat_words(&["set", "schema"]) {
        return Some(AlterAction::SetSchema { schema: c.ident()? });
    }
    if c.eat_words(&["validate", "constraint"]) {
        return Some(AlterAction::ValidateConstraint { name: c.ident()? });
    }
    if c.at_word("set") || c.at_any_word(NO_EFFECT_HEADS) {
        return Some(AlterAction::NoModelEffect { text });
    }
    Some(AlterAction::Other { text })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sql::split::split;

    fn read_one(sql: &str, d: Dialect) -> Ddl {
        let s = split(sql, d);
        read(sql, &s.statements[0].tokens, d)
    }

    #[test]
    fn create_table_with_everything() {
        let sql = r#"CREATE TABLE IF NOT EXISTS "public"."users" (
            "id" serial PRIMARY KEY NOT NULL,
            "email" varchar(255) NOT NULL,
            "name" character varying(100) DEFAULT 'x' COLLATE "C",
            "org_id" integer REFERENCES orgs(id) ON DELETE CASCADE,
            "created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
            CONSTRAINT "users_email_unique" UNIQUE("email"),
            CONSTRAINT "age_check" CHECK ("users"."id" > 0)
        );"#;
        let Ddl::CreateTable { name, columns, constraints, if_not_exists, .. } = read_one(sql, Dialect::Postgres) else { panic!() };
        assert!(if_not_exists);
        assert_eq!(name, QName { schema: Some("public".into()), name: "users".into() });
        assert_eq!(columns.len(), 5);
        assert_eq!(columns[0].type_text, "serial");
        assert!(columns[0].primary_key);
        assert_eq!(columns[2].type_text, "character varying(100)");
        assert_eq!(columns[2].default.as_deref(), Some("'x'"));
        assert_eq!(columns[3].references.as_ref().unwrap().on_delete.as_deref(), Some("CASCADE"));
        assert_eq!(columns[4].type_text, "timestamp (3) with time zone");
        assert_eq!(columns[4].default.as_deref(), Some("now()"));
        assert_eq!(columns[4].nullable, Some(false));
        assert_eq!(constraints.len(), 2);
    }

    #[test]
    fn alter_table_actions() {
        let sql = "ALTER TABLE users ADD COLUMN IF NOT EXISTS a int, DROP COLUMN b CASCADE, ALTER COLUMN c SET DATA TYPE bigint USING c::bigint, ALTER c SET NOT NULL, RENAME COLUMN d TO e, ADD CONSTRAINT f FOREIGN KEY (x) REFERENCES t(id) NOT VALID, OWNER TO bob";
        let Ddl::AlterTable { actions, .. } = read_one(sql, Dialect::Postgres) else { panic!() };
        assert!(matches!(&actions[0], AlterAction::AddColumn { if_not_exists: true, .. }));
        assert!(matches!(&actions[1], AlterAction::DropColumn { cascade: true, .. }));
        assert!(matches!(&actions[2], AlterAction::AlterColumnType { type_text, using: Some(_), .. } if type_text == "bigint"));
        assert!(matches!(&actions[3], AlterAction::SetNotNull { .. }));
        assert!(matches!(&actions[4], AlterAction::RenameColumn { from, to } if from == "d" && to == "e"));
        assert!(matches!(&actions[5], AlterAction::AddConstraint { not_valid: true, .. }));
        assert!(matches!(&actions[6], AlterAction::NoModelEffect { .. }));
    }

    #[test]
    fn drop_index_concurrently_if_exists() {
        let d = read_one("DROP INDEX CONCURRENTLY IF EXISTS \"public\".\"idx\" CASCADE;", Dialect::Postgres);
        assert_eq!(d, Ddl::DropIndex { names: vec![QName { schema: Some("public".into()), name: "idx".into() }], concurrently: true, if_exists: true, table: None });
    }

    #[test]
    fn create_index_with_expression_and_predicate() {
        let d = read_one("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY t USING btree (lower(email), \"x\" DESC NULLS LAST) WHERE deleted_at IS NULL", Dialect::Postgres);
        let Ddl::CreateIndex { elements, predicate, unique, concurrently, method, .. } = d else { panic!() };
        assert!(unique && concurrently);
        assert_eq!(method.as_deref(), Some("btree"));
        assert_eq!(elements[0].expression.as_deref(), Some("lower(email)"));
        assert_eq!(elements[1].column.as_deref(), Some("x"));
        assert!(elements[1].descending);
        assert_eq!(predicate.as_deref(), Some("deleted_at IS NULL"));
    }

    #[test]
    fn mysql_modify_change_rename() {
        let d = read_one("ALTER TABLE `Post` MODIFY `title` VARCHAR(300) NOT NULL, CHANGE COLUMN `body` `content` TEXT NULL, DROP INDEX `x`, RENAME INDEX `a` TO `b`, ALGORITHM=INPLACE", Dialect::Mysql);
        let Ddl::AlterTable { actions, .. } = d else { panic!() };
        assert!(matches!(&actions[0], AlterAction::ModifyColumn { column } if column.type_text == "VARCHAR(300)"));
        assert!(matches!(&actions[1], AlterAction::ChangeColumn { from, column } if from == "body" && column.name == "content"));
        assert!(matches!(&actions[2], AlterAction::DropIndex { .. }));
        assert!(matches!(&actions[3], AlterAction::RenameIndex { .. }));
        assert!(matches!(&actions[4], AlterAction::NoModelEffect { .. }));
        let d = read_one("RENAME TABLE `a` TO `b`, c TO d", Dialect::Mysql);
        assert!(matches!(d, Ddl::RenameTables { pairs } if pairs.len() == 2));
    }

    #[test]
    fn enum_statements() {
        let d = read_one("CREATE TYPE \"public\".\"status\" AS ENUM('a', 'b''c');", Dialect::Postgres);
        assert!(matches!(d, Ddl::CreateEnum { values, .. } if values == vec!["a".to_string(), "b'c".to_string()]));
        let d = read_one("ALTER TYPE status ADD VALUE IF NOT EXISTS 'z' BEFORE 'a'", Dialect::Postgres);
        assert!(matches!(d, Ddl::AlterEnumAddValue { before: Some(b), if_not_exists: true, .. } if b == "a"));
    }
}
