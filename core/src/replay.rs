//! Replay: apply a history's DDL, statement by statement, to the schema model.
//!
//! The [`Replayer`] is incremental on purpose: lint rules look at the model
//! *before* each statement (is this table new in this migration? does the
//! column exist?), so callers can step through a file and inspect
//! [`Replayer::schema`] between statements. Whatever replay cannot model is
//! returned in [`ReplayResult::unmodelled`] with its location and reason,
//! never silently ignored.

use crate::schema::normalize::{normalize_action, normalize_expr, normalize_method, normalize_type};
use crate::schema::{self, Check, Column, Enum, ForeignKey, Identity, Index, IndexColumn, PrimaryKey, Schema, Sequence, Table, UniqueConstraint, View};
use crate::span::{LineIndex, Span};
use crate::sql::ddl::{AlterAction, ColumnDef, ColumnPosition, ConstraintDef, Ddl, IndexElem, QName};
use crate::sql::{self, ParseStatus, SqlFile, Statement};
use crate::Dialect;
use serde::Serialize;

/// A statement replay could not (fully) apply.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Unmodelled {
    /// The migration (file or folder name) it came from.
    pub migration: String,
    pub statement: usize,
    pub line: usize,
    pub column: usize,
    pub span: Span,
    pub kind: String,
    pub reason: String,
}

/// Statement counts (the `summary` object of `driftgate replay --format json`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub files: usize,
    pub statements: usize,
    pub parsed: usize,
    pub unparsed: usize,
    pub unclassified: usize,
}

impl Summary {
    pub fn add_file(&mut self, file: &SqlFile) {
        self.files += 1;
        self.statements += file.statements.len();
        self.parsed += file.count(ParseStatus::Parsed);
        self.unparsed += file.count(ParseStatus::Unparsed);
        self.unclassified += file.count(ParseStatus::Unclassified);
    }
}

/// A statement sqlparser rejected; replay still used what the token reader
/// classified (`kind`), so it is counted, never skipped.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Unparsed {
    pub migration: String,
    pub statement: usize,
    pub line: usize,
    pub column: usize,
    pub kind: String,
    pub classified: bool,
    pub error: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplayResult {
    pub schema: Schema,
    pub unmodelled: Vec<Unmodelled>,
    pub unparsed: Vec<Unparsed>,
    pub summary: Summary,
}

/// One migration to replay: a name and its SQL text.
#[derive(Clone, Debug)]
pub struct MigrationSource<'a> {
    pub name: &'a str,
    pub sql: &'a str,
}

/// Replay migrations in order from an empty schema.
pub fn replay(migrations: &[MigrationSource], dialect: Dialect) -> ReplayResult {
    replay_from(Schema::new(dialect), migrations)
}

/// Replay a migration folder in its tool's order. The dialect is the
/// caller's override, else the folder's own (lock file / journal), else Postgres.
pub fn replay_history(history: &crate::history::History, dialect: Option<Dialect>) -> ReplayResult {
    let dialect = dialect.or(history.dialect).unwrap_or_default();
    let sources: Vec<MigrationSource> = history.migrations.iter().map(|m| MigrationSource { name: &m.path, sql: &m.sql }).collect();
    // A Drizzle history that starts from `drizzle-kit introspect` has its
    // first migration commented out; its snapshot is the starting schema.
    let start = history.baseline_snapshot.as_deref().and_then(|json| crate::drizzle::parse_snapshot(json).ok());
    replay_from(start.unwrap_or_else(|| Schema::new(dialect)), &sources)
}

/// Replay migrations on top of an existing schema.
pub fn replay_from(start: Schema, migrations: &[MigrationSource]) -> ReplayResult {
    let dialect = start.dialect;
    let mut r = Replayer::from_schema(start);
    let mut summary = Summary::default();
    let mut unmodelled = Vec::new();
    let mut unparsed = Vec::new();
    for m in migrations {
        let file = sql::analyze(m.sql, dialect);
        summary.add_file(&file);
        unmodelled.extend(r.apply_file(m.name, m.sql, &file));
        unparsed.extend(unparsed_of(m, &file));
    }
    let mut schema = r.into_schema();
    schema.canonicalize();
    ReplayResult { schema, unmodelled, unparsed, summary }
}

fn unparsed_of(m: &MigrationSource, file: &SqlFile) -> Vec<Unparsed> {
    let mut out = Vec::new();
    let mut lines: Option<LineIndex> = None;
    for st in file.statements.iter().filter(|s| s.status != ParseStatus::Parsed) {
        let idx = lines.get_or_insert_with(|| LineIndex::new(m.sql));
        let at = st.error.as_ref().map_or(st.body.start, |e| e.span.start);
        let pos = idx.position(m.sql, at);
        out.push(Unparsed {
            migration: m.name.to_string(),
            statement: st.index,
            line: pos.line,
            column: pos.column,
            kind: st.kind.clone(),
            classified: st.status == ParseStatus::Unparsed,
            error: st.error.as_ref().map(|e| e.message.clone()).unwrap_or_default(),
        });
    }
    out
}

/// Incremental replay state.
#[derive(Clone, Debug)]
pub struct Replayer {
    schema: Schema,
    /// Current `search_path` head (Postgres).
    current_schema: String,
    /// Temporary tables: not part of the schema, but they may be dropped.
    temp_tables: std::collections::BTreeSet<String>,
    /// `ALTER SEQUENCE s OWNED BY t.c` (Postgres): sequence key → (table
    /// key, column). A column whose default is `nextval` of a sequence it
    /// owns is `serial` (the catalog cannot tell them apart).
    sequence_owners: std::collections::BTreeMap<String, (String, String)>,
}

impl Replayer {
    pub fn new(dialect: Dialect) -> Self {
        Replayer { schema: Schema::new(dialect), current_schema: dialect.default_schema().to_string(), temp_tables: Default::default(), sequence_owners: Default::default() }
    }

    pub fn from_schema(schema: Schema) -> Self {
        let current_schema = schema.dialect.default_schema().to_string();
        Replayer { schema, current_schema, temp_tables: Default::default(), sequence_owners: Default::default() }
    }

    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    pub fn into_schema(self) -> Schema {
        self.schema
    }

    fn dialect(&self) -> Dialect {
        self.schema.dialect
    }

    /// Apply every statement of an analysed file; returns what could not be modelled.
    pub fn apply_file(&mut self, migration: &str, src: &str, file: &SqlFile) -> Vec<Unmodelled> {
        let mut out = Vec::new();
        let mut lines: Option<LineIndex> = None;
        for stmt in &file.statements {
            if let Err(reason) = self.apply(stmt) {
                let idx = lines.get_or_insert_with(|| LineIndex::new(src));
                let pos = idx.position(src, stmt.body.start);
                out.push(Unmodelled {
                    migration: migration.to_string(),
                    statement: stmt.index,
                    line: pos.line,
                    column: pos.column,
                    span: stmt.body,
                    kind: stmt.kind.clone(),
                    reason,
                });
            }
        }
        out
    }

    /// Apply one statement. `Err` carries why it could not be modelled.
    pub fn apply(&mut self, stmt: &Statement) -> Result<(), String> {
        self.apply_ddl(&stmt.ddl)
    }

    fn schema_of(&self, q: &QName) -> String {
        match self.dialect() {
            Dialect::Mysql => String::new(),
            Dialect::Postgres => q.schema.clone().unwrap_or_else(|| self.current_schema.clone()),
        }
    }

    fn key(&self, q: &QName) -> String {
        let k = schema::key(self.dialect(), &self.schema_of(q), &q.name);
        // MySQL on macOS and Windows (lower_case_table_names = 1 or 2) treats
        // table names case-insensitively, and Prisma histories written there
        // refer to `User` as `user`: resolve to the table that exists.
        if self.dialect() == Dialect::Mysql && !self.schema.tables.contains_key(&k) {
            if let Some(existing) = self.schema.tables.keys().find(|e| e.eq_ignore_ascii_case(&k)) {
                return existing.clone();
            }
        }
        k
    }

    fn table_mut(&mut self, q: &QName) -> Result<&mut Table, String> {
        let k = self.key(q);
        self.schema.tables.get_mut(&k).ok_or_else(|| format!("table {} does not exist at this point of the history", q.display()))
    }

    pub fn apply_ddl(&mut self, ddl: &Ddl) -> Result<(), String> {
        let result = self.apply_ddl_inner(ddl);
        if !self.sequence_owners.is_empty() && matches!(ddl, Ddl::AlterTable { .. } | Ddl::AlterSequence { .. }) {
            self.fold_owned_sequences();
        }
        result
    }

    /// Owned sequences used as their owner column's default become `serial`.
    fn fold_owned_sequences(&mut self) {
        let d = self.dialect();
        let owners: Vec<(String, (String, String))> = self.sequence_owners.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (seq, (table, column)) in owners {
            if !self.schema.sequences.contains_key(&seq) {
                continue;
            }
            let current = self.current_schema.clone();
            let Some(c) = self.schema.tables.get_mut(&table).and_then(|t| t.columns.iter_mut().find(|c| c.name == column)) else { continue };
            let uses = c.default.as_deref().and_then(|def| nextval_target(def, &current)).is_some_and(|(s, n)| schema::key(d, &s, &n) == seq);
            if uses && c.identity.is_none() {
                c.identity = Some(Identity::Serial);
                c.default = None;
                self.schema.sequences.remove(&seq);
                self.sequence_owners.remove(&seq);
            }
        }
    }

    fn apply_ddl_inner(&mut self, ddl: &Ddl) -> Result<(), String> {
        let d = self.dialect();
        match ddl {
            Ddl::CreateTable { name, if_not_exists, columns, constraints, partition_of, opaque, temporary } => {
                if *temporary {
                    let k = self.key(name);
                    self.temp_tables.insert(k);
                    return Ok(());
                }
                let k = self.key(name);
                if self.schema.tables.contains_key(&k) {
                    return if *if_not_exists { Ok(()) } else { Err(format!("table {} already exists; this statement would fail", name.display())) };
                }
                let mut table = Table { schema: self.schema_of(name), name: name.name.clone(), ..Default::default() };
                if let Some(parent) = partition_of {
                    let pk = self.key(parent);
                    match self.schema.tables.get(&pk) {
                        Some(p) => table.columns = p.columns.clone(),
                        None => return Err(format!("partition parent {} does not exist", parent.display())),
                    }
                }
                for c in columns {
                    self.add_column(&mut table, c)?;
                }
                let mut errors = Vec::new();
                for con in constraints {
                    if let Err(e) = self.add_constraint(&mut table, con) {
                        errors.push(e);
                    }
                }
                self.schema.tables.insert(k.clone(), table);
                if let Some(o) = opaque {
                    if let Some(copied) = self.like_source(o) {
                        let t = self.schema.tables.get_mut(&k).expect("inserted above");
                        let before = std::mem::take(&mut t.columns);
                        t.columns = copied.columns;
                        t.columns.extend(before);
                        t.checks.extend(copied.checks);
                        if copied.indexes_not_modelled {
                            errors.push(format!("indexes copied by `{}` are not modelled", first_words(o)));
                        }
                    } else {
                        return Err(format!("the columns of a table created with `{}` are not known from the text", first_words(o)));
                    }
                }
                if !errors.is_empty() {
                    return Err(errors.join("; "));
                }
                Ok(())
            }
            Ddl::AlterTable { name, if_exists, actions } => {
                let k = self.key(name);
                let Some(mut table) = self.schema.tables.remove(&k) else {
                    return if *if_exists { Ok(()) } else { Err(format!("table {} does not exist at this point of the history", name.display())) };
                };
                let mut errors = Vec::new();
                let mut new_key = k.clone();
                for a in actions {
                    match self.alter(&mut table, a) {
                        Ok(Some(renamed)) => new_key = renamed,
                        Ok(None) => {}
                        Err(e) => errors.push(e),
                    }
                }
                if new_key != k {
                    let (old_schema, old_name) = split_key(d, &k);
                    self.schema.tables.insert(new_key.clone(), table);
                    let (s, n) = {
                        let t = &self.schema.tables[&new_key];
                        (t.schema.clone(), t.name.clone())
                    };
                    self.retarget_foreign_keys(&old_schema, &old_name, &s, &n);
                } else {
                    self.schema.tables.insert(k, table);
                }
                if errors.is_empty() {
                    Ok(())
                } else {
                    Err(errors.join("; "))
                }
            }
            Ddl::DropTable { names, if_exists, cascade } => {
                let mut errors = Vec::new();
                for n in names {
                    let k = self.key(n);
                    if self.temp_tables.remove(&k) {
                        continue;
                    }
                    if self.schema.tables.remove(&k).is_none() {
                        if !*if_exists {
                            errors.push(format!("table {} does not exist", n.display()));
                        }
                        continue;
                    }
                    if *cascade || d == Dialect::Mysql {
                        let (s, name) = (self.schema_of(n), n.name.clone());
                        for t in self.schema.tables.values_mut() {
                            t.foreign_keys.retain(|fk| !(fk.referenced_schema == s && fk.referenced_table == name));
                        }
                    }
                }
                join_errors(errors)
            }
            Ddl::RenameTables { pairs } => {
                for (from, to) in pairs {
                    let k = self.key(from);
                    let Some(mut t) = self.schema.tables.remove(&k) else {
                        return Err(format!("table {} does not exist", from.display()));
                    };
                    let (old_s, old_n) = (t.schema.clone(), t.name.clone());
                    t.name = to.name.clone();
                    let nk = self.key(to);
                    self.schema.tables.insert(nk, t);
                    self.retarget_foreign_keys(&old_s, &old_n, &self.schema_of(to), &to.name);
                }
                Ok(())
            }
            Ddl::CreateIndex { name, table, unique, if_not_exists, method, elements, predicate, .. } => {
                let tname = table.name.clone();
                let index_name = match name {
                    Some(n) => n.name.clone(),
                    None => default_index_name(d, &tname, elements),
                };
                let t = self.table_mut(table)?;
                if t.indexes.iter().any(|i| i.name == index_name) || t.uniques.iter().any(|u| u.name == index_name) {
                    return if *if_not_exists { Ok(()) } else { Err(format!("index {index_name} already exists")) };
                }
                let columns = index_columns(elements, d, &tname);
                let predicate = predicate.as_deref().map(|p| normalize_expr(p, d, Some(&tname)));
                let new_cols: Vec<String> = columns.iter().filter(|c| !c.expression).map(|c| c.name.clone()).collect();
                drop_superseded_implicit(t, &new_cols);
                t.indexes.push(Index { name: index_name, columns, unique: *unique, method: normalize_method(method.as_deref()), predicate, implicit: false });
                Ok(())
            }
            Ddl::DropIndex { names, if_exists, table, .. } => {
                let mut errors = Vec::new();
                for n in names {
                    let removed = match table {
                        Some(t) => {
                            let t = self.table_mut(t)?;
                            remove_index(t, &n.name)
                        }
                        None => {
                            let s = self.schema_of(n);
                            self.schema.tables.values_mut().filter(|t| t.schema == s).any(|t| remove_index(t, &n.name))
                        }
                    };
                    if !removed && !*if_exists {
                        errors.push(format!("index {} does not exist", n.display()));
                    }
                }
                join_errors(errors)
            }
            Ddl::RenameIndex { name, to, if_exists } => {
                let s = self.schema_of(name);
                let found = self.schema.tables.values_mut().filter(|t| t.schema == s).any(|t| rename_index(t, &name.name, to));
                if found || *if_exists {
                    Ok(())
                } else {
                    Err(format!("index {} does not exist", name.display()))
                }
            }
            Ddl::CreateEnum { name, values } => {
                let k = self.key(name);
                self.schema.enums.insert(k, Enum { schema: self.schema_of(name), name: name.name.clone(), values: values.clone() });
                Ok(())
            }
            Ddl::AlterEnumAddValue { name, value, before, after, .. } => {
                let k = self.key(name);
                let e = self.schema.enums.get_mut(&k).ok_or_else(|| format!("enum {} does not exist", name.display()))?;
                if e.values.contains(value) {
                    return Ok(());
                }
                let pos = match (before, after) {
                    (Some(b), _) => e.values.iter().position(|v| v == b),
                    (_, Some(a)) => e.values.iter().position(|v| v == a).map(|p| p + 1),
                    _ => None,
                };
                match pos {
                    Some(p) => e.values.insert(p, value.clone()),
                    None => e.values.push(value.clone()),
                }
                Ok(())
            }
            Ddl::AlterEnumRenameValue { name, from, to } => {
                let k = self.key(name);
                let e = self.schema.enums.get_mut(&k).ok_or_else(|| format!("enum {} does not exist", name.display()))?;
                for v in e.values.iter_mut() {
                    if v == from {
                        *v = to.clone();
                    }
                }
                Ok(())
            }
            Ddl::RenameType { name, to } => {
                let k = self.key(name);
                let s = self.schema_of(name);
                let Some(mut e) = self.schema.enums.remove(&k) else {
                    return Err(format!("type {} is not an enum this replay knows", name.display()));
                };
                e.name = to.clone();
                self.schema.enums.insert(schema::key(d, &s, to), e);
                // Columns follow the type (Postgres tracks them by OID).
                let old_t = type_ref(&s, &name.name);
                let new_t = type_ref(&s, to);
                for t in self.schema.tables.values_mut() {
                    for c in t.columns.iter_mut() {
                        if c.data_type == old_t {
                            c.data_type = new_t.clone();
                        } else if c.data_type == format!("{old_t}[]") {
                            c.data_type = format!("{new_t}[]");
                        }
                    }
                }
                Ok(())
            }
            Ddl::DropType { names, if_exists } => {
                let mut errors = Vec::new();
                for n in names {
                    let k = self.key(n);
                    if self.schema.enums.remove(&k).is_none() && !*if_exists {
                        errors.push(format!("type {} is not an enum this replay knows", n.display()));
                    }
                }
                join_errors(errors)
            }
            Ddl::CreateSchema { name, .. } => {
                if d == Dialect::Postgres && name != "public" {
                    self.schema.schemas.insert(name.clone());
                }
                Ok(())
            }
            Ddl::DropSchema { names, .. } => {
                for n in names {
                    self.schema.schemas.remove(n);
                    if d == Dialect::Postgres {
                        self.schema.tables.retain(|_, t| &t.schema != n);
                        self.schema.enums.retain(|_, e| &e.schema != n);
                        self.schema.sequences.retain(|_, x| &x.schema != n);
                        self.schema.views.retain(|_, v| &v.schema != n);
                    }
                }
                Ok(())
            }
            Ddl::RenameSchema { name, to } => {
                if self.schema.schemas.remove(name) {
                    self.schema.schemas.insert(to.clone());
                }
                let old = std::mem::take(&mut self.schema.tables);
                for (_, mut t) in old {
                    if &t.schema == name {
                        t.schema = to.clone();
                    }
                    self.schema.tables.insert(schema::key(d, &t.schema, &t.name), t);
                }
                Ok(())
            }
            Ddl::CreateSequence { name, .. } => {
                let k = self.key(name);
                self.schema.sequences.insert(k, Sequence { schema: self.schema_of(name), name: name.name.clone() });
                Ok(())
            }
            Ddl::AlterSequence { name, owned_by } => {
                if let (Dialect::Postgres, Some(parts)) = (d, owned_by) {
                    let k = self.key(name);
                    if parts.len() >= 2 {
                        let table = QName::from_parts(parts[..parts.len() - 1].to_vec());
                        let tk = self.key(&table);
                        self.sequence_owners.insert(k, (tk, parts[parts.len() - 1].clone()));
                    } else {
                        self.sequence_owners.remove(&k); // OWNED BY NONE
                    }
                }
                Ok(())
            }
            Ddl::DropSequence { names, if_exists } => {
                let mut errors = Vec::new();
                for n in names {
                    let k = self.key(n);
                    if self.schema.sequences.remove(&k).is_none() && !*if_exists {
                        errors.push(format!("sequence {} does not exist", n.display()));
                    }
                }
                join_errors(errors)
            }
            Ddl::CreateView { name, materialized, definition, .. } => {
                let k = self.key(name);
                let definition = normalize_expr(definition, d, None);
                self.schema.views.insert(k, View { schema: self.schema_of(name), name: name.name.clone(), materialized: *materialized, definition });
                Ok(())
            }
            Ddl::DropView { names, if_exists, .. } => {
                let mut errors = Vec::new();
                for n in names {
                    let k = self.key(n);
                    if self.schema.views.remove(&k).is_none() && !*if_exists {
                        errors.push(format!("view {} does not exist", n.display()));
                    }
                }
                join_errors(errors)
            }
            Ddl::RenameView { name, to, .. } => {
                let k = self.key(name);
                if let Some(mut v) = self.schema.views.remove(&k) {
                    v.name = to.clone();
                    let nk = schema::key(d, &v.schema, to);
                    self.schema.views.insert(nk, v);
                    Ok(())
                } else {
                    // ALTER VIEW … RENAME also works on tables in Postgres.
                    Err(format!("view {} does not exist", name.display()))
                }
            }
            Ddl::CreateExtension { name, .. } => {
                self.schema.extensions.insert(name.clone());
                Ok(())
            }
            Ddl::DropExtension { names, .. } => {
                for n in names {
                    self.schema.extensions.remove(n);
                }
                Ok(())
            }
            Ddl::Set { name, value, .. } => {
                if name == "search_path" && d == Dialect::Postgres {
                    if let Some(first) = value.split(',').next() {
                        let v = crate::sql::lexer::unquote(first.trim());
                        if !v.is_empty() && v != "$user" {
                            self.current_schema = v;
                        }
                    }
                }
                Ok(())
            }
            Ddl::Truncate { .. } | Ddl::Dml { .. } | Ddl::Transaction { .. } | Ddl::Do => Ok(()),
            Ddl::Other { affects_model: false, .. } => Ok(()),
            Ddl::Other { verb, object, .. } => Err(format!(
                "{} {} is not part of the schema model",
                verb.to_ascii_uppercase(),
                object.as_deref().unwrap_or("").to_ascii_uppercase()
            )),
            Ddl::Unclassified => Err("statement not recognised".into()),
        }
    }

    /// `LIKE src [INCLUDING …]`: the columns (and defaults/checks when
    /// included) of an existing table.
    fn like_source(&self, text: &str) -> Option<LikeCopy> {
        let toks: Vec<_> = crate::sql::lexer::tokenize(text, self.dialect()).into_iter().filter(|t| !t.is_trivia()).collect();
        let mut c = crate::sql::cursor::Cursor::new(text, &toks, self.dialect());
        c.eat_punct(b'(');
        if !c.eat_word("like") {
            return None;
        }
        let src = QName::from_parts(c.object_name()?);
        let table = self.schema.tables.get(&self.key(&src))?;
        let mut defaults = false;
        let mut checks = false;
        let mut indexes = false;
        while let Some(t) = c.bump() {
            if t.is_word(text, "including") {
                let what = c.bump().map(|w| w.text(text).to_ascii_lowercase()).unwrap_or_default();
                defaults |= what == "defaults" || what == "all";
                checks |= what == "constraints" || what == "all";
                indexes |= what == "indexes" || what == "all";
            }
        }
        let columns = table
            .columns
            .iter()
            .map(|col| Column { default: if defaults { col.default.clone() } else { None }, identity: None, ..col.clone() })
            .collect();
        let checks = if checks { table.checks.clone() } else { Vec::new() };
        Some(LikeCopy { columns, checks, indexes_not_modelled: indexes })
    }

    /// Foreign keys pointing at a renamed table follow it.
    fn retarget_foreign_keys(&mut self, old_schema: &str, old_name: &str, new_schema: &str, new_name: &str) {
        for t in self.schema.tables.values_mut() {
            for fk in t.foreign_keys.iter_mut() {
                if fk.referenced_schema == old_schema && fk.referenced_table == old_name {
                    fk.referenced_schema = new_schema.to_string();
                    fk.referenced_table = new_name.to_string();
                }
            }
        }
    }

    fn column_from_def(&self, table: &str, c: &ColumnDef) -> Column {
        self.column_from_def_with(table, c).0
    }

    /// The column, and whether its type implies a unique key (MySQL `serial`).
    fn column_from_def_with(&self, table: &str, c: &ColumnDef) -> (Column, bool) {
        let d = self.dialect();
        let ty = normalize_type(&c.type_text, d);
        let implied_unique = ty.implied_not_null;
        let mut identity = ty.implied_identity;
        if let Some(kind) = &c.identity {
            identity = Some(if kind == "always" { Identity::Always } else { Identity::ByDefault });
        }
        if c.auto_increment {
            identity = Some(Identity::AutoIncrement);
        }
        let not_null = c.nullable == Some(false) || c.primary_key || ty.implied_not_null || matches!(identity, Some(Identity::Always | Identity::ByDefault | Identity::Serial));
        let default = c.default.as_deref().map(|x| normalize_expr(x, d, Some(table))).filter(|x| !(x == "null"));
        let column = Column {
            name: c.name.clone(),
            data_type: ty.name,
            nullable: !not_null,
            default,
            identity,
            generated: c.generated.as_deref().map(|g| normalize_expr(g, d, Some(table))),
        };
        (column, implied_unique)
    }

    fn add_column(&self, table: &mut Table, c: &ColumnDef) -> Result<(), String> {
        if table.columns.iter().any(|x| x.name == c.name) {
            return Err(format!("column {}.{} already exists", table.name, c.name));
        }
        let (col, implied_unique) = self.column_from_def_with(&table.name, c);
        insert_at(table, col, c.position.as_ref());
        self.column_constraints(table, c, implied_unique)
    }

    /// Inline constraints of a column definition become table constraints.
    fn column_constraints(&self, table: &mut Table, c: &ColumnDef, implied_unique: bool) -> Result<(), String> {
        let d = self.dialect();
        if c.primary_key {
            self.add_constraint(table, &ConstraintDef::PrimaryKey { name: None, columns: vec![c.name.clone()], using_index: None })?;
        }
        if let Some(u) = &c.unique {
            let elem = IndexElem { column: Some(c.name.clone()), expression: None, descending: false, nulls_first: None, opclass: None };
            self.add_constraint(table, &ConstraintDef::Unique { name: u.name.clone(), columns: vec![elem], nulls_not_distinct: u.nulls_not_distinct, using_index: None })?;
        } else if implied_unique && d == Dialect::Mysql && !c.primary_key {
            let elem = IndexElem { column: Some(c.name.clone()), expression: None, descending: false, nulls_first: None, opclass: None };
            self.add_constraint(table, &ConstraintDef::Unique { name: None, columns: vec![elem], nulls_not_distinct: false, using_index: None })?;
        }
        if let Some(r) = &c.references {
            self.add_constraint(table, &ConstraintDef::ForeignKey { name: r.constraint_name.clone(), columns: vec![c.name.clone()], references: r.clone() })?;
        }
        for (name, expr) in &c.checks {
            let name = name.clone().or_else(|| Some(pg_object_name(&table.name, &c.name, "check", d)));
            self.add_constraint(table, &ConstraintDef::Check { name, expr: expr.clone() })?;
        }
        Ok(())
    }

    fn add_constraint(&self, table: &mut Table, con: &ConstraintDef) -> Result<(), String> {
        let d = self.dialect();
        let tname = table.name.clone();
        // The database refuses keys on columns that do not exist.
        let named: Vec<&String> = match con {
            ConstraintDef::PrimaryKey { columns, .. } | ConstraintDef::ForeignKey { columns, .. } => columns.iter().collect(),
            ConstraintDef::Unique { columns, .. } | ConstraintDef::Index { columns, .. } => columns.iter().filter_map(|e| e.column.as_ref()).collect(),
            _ => Vec::new(),
        };
        if let Some(missing) = named.into_iter().find(|c| !table.columns.iter().any(|x| &&x.name == c)) {
            return Err(format!("{} on {tname} names column {missing}, which does not exist at this point; this statement would fail", con.kind_name()));
        }
        match con {
            ConstraintDef::PrimaryKey { name, columns, using_index } => {
                if table.primary_key.is_some() {
                    return Err(format!("table {tname} already has a primary key"));
                }
                let mut columns = columns.clone();
                if let Some(idx) = using_index {
                    let Some(pos) = table.indexes.iter().position(|i| &i.name == idx) else {
                        return Err(format!("index {idx} does not exist"));
                    };
                    let i = table.indexes.remove(pos);
                    columns = i.columns.into_iter().map(|c| c.name).collect();
                }
                let name = match d {
                    Dialect::Mysql => "PRIMARY".to_string(),
                    Dialect::Postgres => name.clone().or_else(|| using_index.clone()).unwrap_or_else(|| pg_truncate(&format!("{tname}_pkey"))),
                };
                for c in table.columns.iter_mut().filter(|c| columns.contains(&c.name)) {
                    c.nullable = false;
                }
                table.primary_key = Some(PrimaryKey { name: Some(name), columns });
            }
            ConstraintDef::Unique { name, columns, nulls_not_distinct, using_index } => {
                let mut cols: Vec<String> = columns.iter().filter_map(|e| e.column.clone()).collect();
                if let Some(idx) = using_index {
                    let Some(pos) = table.indexes.iter().position(|i| &i.name == idx) else {
                        return Err(format!("index {idx} does not exist"));
                    };
                    let i = table.indexes.remove(pos);
                    cols = i.columns.into_iter().map(|c| c.name).collect();
                }
                match d {
                    Dialect::Postgres => {
                        let name = name.clone().or_else(|| using_index.clone()).unwrap_or_else(|| pg_object_name(&tname, &cols.join("_"), "key", d));
                        table.uniques.push(UniqueConstraint { name, columns: cols, nulls_not_distinct: *nulls_not_distinct });
                    }
                    Dialect::Mysql => {
                        // MySQL unique constraints are unique indexes.
                        let name = name.clone().unwrap_or_else(|| mysql_index_name(table, cols.first().map(String::as_str).unwrap_or("idx")));
                        let cols: Vec<String> = columns.iter().filter_map(|c| c.column.clone()).collect();
                        drop_superseded_implicit(table, &cols);
                        table.indexes.push(Index { name, columns: index_columns(columns, d, &tname), unique: true, method: None, predicate: None, implicit: false });
                    }
                }
            }
            ConstraintDef::ForeignKey { name, columns, references } => {
                let ref_schema = match d {
                    Dialect::Mysql => String::new(),
                    Dialect::Postgres => references.table.schema.clone().unwrap_or_else(|| self.current_schema.clone()),
                };
                let mut ref_columns = references.columns.clone();
                if ref_columns.is_empty() {
                    // `REFERENCES t` means t's primary key.
                    let target = if references.table.name == tname && ref_schema == table.schema {
                        table.primary_key.clone()
                    } else {
                        self.schema.table(&ref_schema, &references.table.name).and_then(|t| t.primary_key.clone())
                    };
                    ref_columns = target.map(|pk| pk.columns).unwrap_or_default();
                }
                let name = match (name, d) {
                    (Some(n), _) => n.clone(),
                    (None, Dialect::Postgres) => pg_object_name(&tname, &columns.join("_"), "fkey", d),
                    (None, Dialect::Mysql) => {
                        let n = (1..).map(|i| format!("{tname}_ibfk_{i}")).find(|n| !table.foreign_keys.iter().any(|f| &f.name == n)).unwrap_or_default();
                        n
                    }
                };
                if d == Dialect::Mysql && !has_index_on(table, columns) {
                    // InnoDB needs an index on the referencing columns and
                    // creates one named after the constraint when none exists.
                    table.indexes.push(Index {
                        name: name.clone(),
                        columns: columns.iter().map(|c| IndexColumn { name: c.clone(), expression: false, descending: false, opclass: None }).collect(),
                        unique: false,
                        method: None,
                        predicate: None,
                        implicit: true,
                    });
                }
                table.foreign_keys.push(ForeignKey {
                    name,
                    columns: columns.clone(),
                    referenced_schema: ref_schema,
                    referenced_table: references.table.name.clone(),
                    referenced_columns: ref_columns,
                    on_delete: normalize_action(references.on_delete.as_deref(), d),
                    on_update: normalize_action(references.on_update.as_deref(), d),
                });
            }
            ConstraintDef::Check { name, expr } => {
                let name = match (name, d) {
                    (Some(n), _) => n.clone(),
                    (None, Dialect::Postgres) => {
                        let base = pg_truncate(&format!("{tname}_check"));
                        unique_name(base, |n| table.checks.iter().any(|c| c.name == n))
                    }
                    (None, Dialect::Mysql) => unique_name(format!("{tname}_chk_1"), |n| table.checks.iter().any(|c| c.name == n)),
                };
                table.checks.push(Check { name, expression: normalize_expr(expr, d, Some(&tname)) });
            }
            ConstraintDef::Index { name, columns, unique, method } => {
                let name = name.clone().unwrap_or_else(|| mysql_index_name(table, columns.first().and_then(|c| c.column.as_deref()).unwrap_or("idx")));
                let cols: Vec<String> = columns.iter().filter_map(|c| c.column.clone()).collect();
                drop_superseded_implicit(table, &cols);
                table.indexes.push(Index { name, columns: index_columns(columns, d, &tname), unique: *unique, method: normalize_method(method.as_deref()), predicate: None, implicit: false });
            }
            ConstraintDef::Exclude { name, .. } => {
                return Err(format!("exclusion constraint {} on {tname} is not part of the schema model", name.as_deref().unwrap_or("(unnamed)")));
            }
        }
        Ok(())
    }

    /// Apply one ALTER TABLE action; returns the new table key on rename.
    fn alter(&mut self, table: &mut Table, action: &AlterAction) -> Result<Option<String>, String> {
        let d = self.dialect();
        let tname = table.name.clone();
        let col_mut = |table: &mut Table, c: &str| -> Result<usize, String> {
            table.columns.iter().position(|x| x.name == c).ok_or_else(|| format!("column {tname}.{c} does not exist at this point of the history"))
        };
        match action {
            AlterAction::AddColumn { column, if_not_exists } => {
                if *if_not_exists && table.columns.iter().any(|c| c.name == column.name) {
                    return Ok(None);
                }
                self.add_column(table, column)?;
            }
            AlterAction::DropColumn { column, if_exists, .. } => {
                let Some(pos) = table.columns.iter().position(|c| &c.name == column) else {
                    return if *if_exists { Ok(None) } else { Err(format!("column {tname}.{column} does not exist at this point of the history")) };
                };
                table.columns.remove(pos);
                // The database drops indexes and constraints that use the column.
                if table.primary_key.as_ref().is_some_and(|pk| pk.columns.contains(column)) {
                    table.primary_key = None;
                }
                table.uniques.retain(|u| !u.columns.contains(column));
                table.indexes.retain(|i| !i.columns.iter().any(|c| !c.expression && &c.name == column));
                table.foreign_keys.retain(|f| !f.columns.contains(column));
                let (s, n) = (table.schema.clone(), table.name.clone());
                for other in self.schema.tables.values_mut() {
                    other.foreign_keys.retain(|f| !(f.referenced_schema == s && f.referenced_table == n && f.referenced_columns.contains(column)));
                }
            }
            AlterAction::AlterColumnType { column, type_text, .. } => {
                let i = col_mut(table, column)?;
                let ty = normalize_type(type_text, d);
                table.columns[i].data_type = ty.name;
            }
            AlterAction::SetNotNull { column } => {
                let i = col_mut(table, column)?;
                table.columns[i].nullable = false;
            }
            AlterAction::DropNotNull { column } => {
                let i = col_mut(table, column)?;
                table.columns[i].nullable = true;
            }
            AlterAction::SetDefault { column, default } => {
                let i = col_mut(table, column)?;
                let v = normalize_expr(default, d, Some(&tname));
                table.columns[i].default = if v == "null" { None } else { Some(v) };
            }
            AlterAction::DropDefault { column } => {
                let i = col_mut(table, column)?;
                table.columns[i].default = None;
                if table.columns[i].identity == Some(Identity::Serial) {
                    table.columns[i].identity = None;
                }
            }
            AlterAction::AddIdentity { column, kind } => {
                let i = col_mut(table, column)?;
                table.columns[i].identity = Some(if kind == "always" { Identity::Always } else { Identity::ByDefault });
            }
            AlterAction::DropIdentity { column } => {
                let i = col_mut(table, column)?;
                table.columns[i].identity = None;
            }
            AlterAction::DropExpression { column } => {
                let i = col_mut(table, column)?;
                table.columns[i].generated = None;
            }
            AlterAction::ModifyColumn { column } => {
                let i = col_mut(table, &column.name)?;
                let new = self.column_from_def(&tname, column);
                table.columns.remove(i);
                match &column.position {
                    Some(_) => insert_at(table, new, column.position.as_ref()),
                    None => table.columns.insert(i, new),
                }
                let implied_unique = normalize_type(&column.type_text, d).implied_not_null && !has_index_on(table, std::slice::from_ref(&column.name));
                self.column_constraints(table, column, implied_unique)?;
            }
            AlterAction::ChangeColumn { from, column } => {
                let i = col_mut(table, from)?;
                let new = self.column_from_def(&tname, column);
                table.columns.remove(i);
                match &column.position {
                    Some(_) => insert_at(table, new, column.position.as_ref()),
                    None => table.columns.insert(i, new),
                }
                if from != &column.name {
                    self.rename_column_refs(table, from, &column.name);
                }
                let implied_unique = normalize_type(&column.type_text, d).implied_not_null && !has_index_on(table, std::slice::from_ref(&column.name));
                self.column_constraints(table, column, implied_unique)?;
            }
            AlterAction::RenameColumn { from, to } => {
                let i = col_mut(table, from)?;
                table.columns[i].name = to.clone();
                self.rename_column_refs(table, from, to);
            }
            AlterAction::RenameConstraint { from, to } => {
                if !rename_constraint(table, from, to) {
                    return Err(format!("constraint {from} does not exist on {tname}"));
                }
            }
            AlterAction::RenameIndex { from, to } => {
                if !rename_index(table, from, to) {
                    return Err(format!("index {from} does not exist on {tname}"));
                }
            }
            AlterAction::RenameTable { to } => {
                table.name = to.name.clone();
                if let (Some(s), Dialect::Postgres) = (&to.schema, d) {
                    table.schema = s.clone();
                }
                return Ok(Some(schema::key(d, &table.schema, &table.name)));
            }
            AlterAction::SetSchema { schema: s } => {
                if d == Dialect::Postgres {
                    table.schema = s.clone();
                    return Ok(Some(schema::key(d, &table.schema, &table.name)));
                }
            }
            AlterAction::AddConstraint { constraint, .. } => self.add_constraint(table, constraint)?,
            AlterAction::DropConstraint { name, if_exists } => {
                if !drop_constraint(table, name) && !*if_exists {
                    return Err(format!("constraint {name} does not exist on {tname}"));
                }
            }
            AlterAction::DropIndex { name, if_exists } => {
                if !remove_index(table, name) && !*if_exists {
                    return Err(format!("index {name} does not exist on {tname}"));
                }
            }
            AlterAction::DropPrimaryKey => {
                if table.primary_key.take().is_none() {
                    return Err(format!("table {tname} has no primary key"));
                }
            }
            AlterAction::DropForeignKey { name } => {
                let before = table.foreign_keys.len();
                table.foreign_keys.retain(|f| &f.name != name);
                if before == table.foreign_keys.len() {
                    return Err(format!("foreign key {name} does not exist on {tname}"));
                }
            }
            AlterAction::ValidateConstraint { .. } | AlterAction::NoModelEffect { .. } => {}
            AlterAction::Other { text } => return Err(format!("ALTER TABLE action `{}` is not understood", first_words(text))),
        }
        Ok(None)
    }

    fn rename_column_refs(&mut self, table: &mut Table, from: &str, to: &str) {
        let ren = |v: &mut Vec<String>| {
            for c in v.iter_mut() {
                if c == from {
                    *c = to.to_string();
                }
            }
        };
        if let Some(pk) = table.primary_key.as_mut() {
            ren(&mut pk.columns);
        }
        for u in table.uniques.iter_mut() {
            ren(&mut u.columns);
        }
        for i in table.indexes.iter_mut() {
            for c in i.columns.iter_mut() {
                if !c.expression && c.name == from {
                    c.name = to.to_string();
                }
            }
        }
        for f in table.foreign_keys.iter_mut() {
            ren(&mut f.columns);
            if f.referenced_table == table.name && f.referenced_schema == table.schema {
                ren(&mut f.referenced_columns);
            }
        }
        let (s, n) = (table.schema.clone(), table.name.clone());
        for other in self.schema.tables.values_mut() {
            for f in other.foreign_keys.iter_mut() {
                if f.referenced_schema == s && f.referenced_table == n {
                    ren(&mut f.referenced_columns);
                }
            }
        }
    }
}

struct LikeCopy {
    columns: Vec<Column>,
    checks: Vec<Check>,
    indexes_not_modelled: bool,
}

fn insert_at(table: &mut Table, col: Column, position: Option<&ColumnPosition>) {
    match position {
        Some(ColumnPosition::First) => table.columns.insert(0, col),
        Some(ColumnPosition::After(a)) => match table.columns.iter().position(|c| &c.name == a) {
            Some(p) => table.columns.insert(p + 1, col),
            None => table.columns.push(col),
        },
        None => table.columns.push(col),
    }
}

/// An index (or the primary key) whose leading columns are `columns`.
fn has_index_on(t: &Table, columns: &[String]) -> bool {
    let leads = |cols: &[String]| cols.len() >= columns.len() && cols[..columns.len()] == *columns;
    t.primary_key.as_ref().is_some_and(|pk| leads(&pk.columns))
        || t.indexes.iter().any(|i| leads(&i.columns.iter().map(|c| c.name.clone()).collect::<Vec<_>>()))
}

/// MySQL drops an implicit foreign-key index once another index can serve
/// the constraint.
fn drop_superseded_implicit(t: &mut Table, new_cols: &[String]) {
    t.indexes.retain(|i| {
        !(i.implicit && i.columns.len() <= new_cols.len() && i.columns.iter().zip(new_cols).all(|(a, b)| &a.name == b))
    });
}

fn remove_index(t: &mut Table, name: &str) -> bool {
    let before = t.indexes.len() + t.uniques.len();
    t.indexes.retain(|i| i.name != name);
    t.uniques.retain(|u| u.name != name);
    before != t.indexes.len() + t.uniques.len()
}

fn rename_index(t: &mut Table, from: &str, to: &str) -> bool {
    let mut found = false;
    for i in t.indexes.iter_mut().filter(|i| i.name == from) {
        i.name = to.to_string();
        found = true;
    }
    // Renaming the index behind a constraint renames the constraint.
    for u in t.uniques.iter_mut().filter(|u| u.name == from) {
        u.name = to.to_string();
        found = true;
    }
    if let Some(pk) = t.primary_key.as_mut().filter(|pk| pk.name.as_deref() == Some(from)) {
        pk.name = Some(to.to_string());
        found = true;
    }
    found
}

fn rename_constraint(t: &mut Table, from: &str, to: &str) -> bool {
    let mut found = rename_index(t, from, to);
    for f in t.foreign_keys.iter_mut().filter(|f| f.name == from) {
        f.name = to.to_string();
        found = true;
    }
    for c in t.checks.iter_mut().filter(|c| c.name == from) {
        c.name = to.to_string();
        found = true;
    }
    found
}

fn drop_constraint(t: &mut Table, name: &str) -> bool {
    let mut found = false;
    if t.primary_key.as_ref().is_some_and(|pk| pk.name.as_deref() == Some(name)) {
        t.primary_key = None;
        found = true;
    }
    let before = t.uniques.len() + t.foreign_keys.len() + t.checks.len();
    t.uniques.retain(|u| u.name != name);
    t.foreign_keys.retain(|f| f.name != name);
    t.checks.retain(|c| c.name != name);
    found |= before != t.uniques.len() + t.foreign_keys.len() + t.checks.len();
    // MySQL: DROP CONSTRAINT also drops a unique index.
    found || t.indexes.iter().any(|i| i.name == name && i.unique) && {
        t.indexes.retain(|i| i.name != name);
        true
    }
}

fn index_columns(elements: &[IndexElem], d: Dialect, table: &str) -> Vec<IndexColumn> {
    elements
        .iter()
        .map(|e| match (&e.column, &e.expression) {
            (Some(c), _) => IndexColumn { name: c.clone(), expression: false, descending: e.descending, opclass: e.opclass.clone() },
            (None, Some(x)) => IndexColumn { name: normalize_expr(x, d, Some(table)), expression: true, descending: e.descending, opclass: e.opclass.clone() },
            (None, None) => IndexColumn { name: String::new(), expression: true, descending: e.descending, opclass: None },
        })
        .collect()
}

/// Postgres' default index name: `{table}_{cols}_idx` (`expr` for expressions).
fn default_index_name(d: Dialect, table: &str, elements: &[IndexElem]) -> String {
    let cols: Vec<&str> = elements.iter().map(|e| e.column.as_deref().unwrap_or("expr")).collect();
    match d {
        Dialect::Postgres => pg_object_name(table, &cols.join("_"), "idx", d),
        Dialect::Mysql => cols.first().unwrap_or(&"idx").to_string(),
    }
}

fn mysql_index_name(table: &Table, first_col: &str) -> String {
    unique_name(first_col.to_string(), |n| table.indexes.iter().any(|i| i.name == n))
}

fn unique_name(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    (2..).map(|i| format!("{base}{i}")).find(|n| !taken(n)).unwrap_or(base)
}

/// Postgres' `makeObjectName(table, cols, label)`: shorten the longer of the
/// two name parts until `{table}_{cols}_{label}` fits in 63 bytes.
pub fn pg_object_name(table: &str, cols: &str, label: &str, d: Dialect) -> String {
    let limit = d.max_identifier_bytes();
    let overhead = label.len() + 1 + if cols.is_empty() { 0 } else { 1 };
    let avail = limit.saturating_sub(overhead);
    let (mut n1, mut n2) = (table.len(), cols.len());
    while n1 + n2 > avail {
        if n1 > n2 {
            n1 -= 1;
        } else {
            n2 -= 1;
        }
    }
    let clip = |s: &str, n: usize| {
        let mut n = n.min(s.len());
        while !s.is_char_boundary(n) {
            n -= 1;
        }
        s[..n].to_string()
    };
    if cols.is_empty() {
        format!("{}_{label}", clip(table, n1))
    } else {
        format!("{}_{}_{label}", clip(table, n1), clip(cols, n2))
    }
}

fn pg_truncate(s: &str) -> String {
    let mut n = s.len().min(63);
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    s[..n].to_string()
}

fn type_ref(schema: &str, name: &str) -> String {
    if schema == "public" || schema.is_empty() {
        name.to_string()
    } else {
        format!("{schema}.{name}")
    }
}

fn split_key(d: Dialect, k: &str) -> (String, String) {
    match d {
        Dialect::Postgres => match k.split_once('.') {
            Some((s, n)) => (s.to_string(), n.to_string()),
            None => (String::new(), k.to_string()),
        },
        Dialect::Mysql => (String::new(), k.to_string()),
    }
}

/// The sequence a normalised `nextval('schema.seq')` default draws from.
fn nextval_target(default: &str, current_schema: &str) -> Option<(String, String)> {
    let inner = default.strip_prefix("nextval('")?.strip_suffix("')")?.replace("''", "'");
    let parts: Vec<String> = inner.split('.').map(|p| if p.starts_with('"') { crate::sql::lexer::unquote(p) } else { p.to_ascii_lowercase() }).collect();
    match parts.as_slice() {
        [n] => Some((current_schema.to_string(), n.clone())),
        [s, n] => Some((s.clone(), n.clone())),
        _ => None,
    }
}

fn join_errors(errors: Vec<String>) -> Result<(), String> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

fn first_words(s: &str) -> String {
    let w: Vec<&str> = s.split_whitespace().take(6).collect();
    w.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(sql: &str, d: Dialect) -> ReplayResult {
        replay(&[MigrationSource { name: "m", sql }], d)
    }

    #[test]
    fn prisma_enum_recreate_pattern() {
        let sql = r#"CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN', 'GUEST');
CREATE TABLE "User" ("id" SERIAL NOT NULL, "role" "Role" NOT NULL DEFAULT 'USER', CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
BEGIN;
CREATE TYPE "Role_new" AS ENUM ('USER', 'ADMIN');
ALTER TABLE "User" ALTER COLUMN "role" DROP DEFAULT;
ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
ALTER TYPE "Role" RENAME TO "Role_old";
ALTER TYPE "Role_new" RENAME TO "Role";
DROP TYPE "Role_old";
ALTER TABLE "User" ALTER COLUMN "role" SET DEFAULT 'USER';
COMMIT;"#;
        let r = run(sql, Dialect::Postgres);
        assert!(r.unmodelled.is_empty(), "{:?}", r.unmodelled);
        let e = &r.schema.enums["public.Role"];
        assert_eq!(e.values, vec!["USER", "ADMIN"]);
        let t = &r.schema.tables["public.User"];
        assert_eq!(t.columns[1].data_type, "Role");
        assert_eq!(t.columns[1].default.as_deref(), Some("'USER'"));
        assert_eq!(t.columns[0].identity, Some(Identity::Serial));
        assert_eq!(t.primary_key.as_ref().unwrap().name.as_deref(), Some("User_pkey"));
    }

    #[test]
    fn renames_follow_through_constraints() {
        let sql = "CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int, a_id int REFERENCES a(id));\nALTER TABLE a RENAME COLUMN id TO a_key;\nALTER TABLE a RENAME TO aa;\nCREATE INDEX ON b (a_id);";
        let r = run(sql, Dialect::Postgres);
        assert!(r.unmodelled.is_empty(), "{:?}", r.unmodelled);
        let b = &r.schema.tables["public.b"];
        assert_eq!(b.foreign_keys[0].name, "b_a_id_fkey");
        assert_eq!(b.foreign_keys[0].referenced_table, "aa");
        assert_eq!(b.foreign_keys[0].referenced_columns, vec!["a_key"]);
        assert_eq!(b.indexes[0].name, "b_a_id_idx");
        assert_eq!(r.schema.tables["public.aa"].primary_key.as_ref().unwrap().name.as_deref(), Some("a_pkey"));
    }

    #[test]
    fn mysql_modify_change_rename_table() {
        let sql = "CREATE TABLE `t` (`id` INT NOT NULL AUTO_INCREMENT, `a` VARCHAR(10), `b` INT, PRIMARY KEY (`id`), UNIQUE INDEX `t_a_key`(`a`));\nALTER TABLE `t` MODIFY `a` VARCHAR(50) NOT NULL;\nALTER TABLE `t` CHANGE `a` `aa` TEXT NULL;\nRENAME TABLE `t` TO `u`;\nALTER TABLE `u` ADD COLUMN `c` INT FIRST;";
        let r = run(sql, Dialect::Mysql);
        assert!(r.unmodelled.is_empty(), "{:?}", r.unmodelled);
        let t = &r.schema.tables["u"];
        let names: Vec<_> = t.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, vec!["c", "id", "aa", "b"]);
        assert_eq!(t.columns[2].data_type, "text");
        assert!(t.columns[2].nullable);
        assert_eq!(t.columns[1].identity, Some(Identity::AutoIncrement));
        assert_eq!(t.indexes[0].columns[0].name, "aa");
        assert_eq!(t.primary_key.as_ref().unwrap().name.as_deref(), Some("PRIMARY"));
    }

    #[test]
    fn unmodelled_statements_are_listed_with_location() {
        let sql = "CREATE TABLE a (id int);\nCREATE DOMAIN d AS int;\nALTER TABLE missing ADD COLUMN x int;\nFOO BAR;";
        let r = run(sql, Dialect::Postgres);
        let lines: Vec<_> = r.unmodelled.iter().map(|u| u.line).collect();
        assert_eq!(lines, vec![2, 3, 4]);
        assert!(r.unmodelled[1].reason.contains("does not exist"));
        assert_eq!(r.summary.unclassified, 1);
    }

    #[test]
    fn owned_sequence_defaults_are_serial() {
        // pg_dump's spelling of a serial column, and a hand-written one.
        let sql = "CREATE TABLE t (id integer NOT NULL, n bigint);\nCREATE SEQUENCE t_id_seq;\nALTER SEQUENCE t_id_seq OWNED BY t.id;\nALTER TABLE ONLY t ALTER COLUMN id SET DEFAULT nextval('t_id_seq'::regclass);\nCREATE SEQUENCE app_n;\nALTER TABLE t ALTER COLUMN n SET DEFAULT nextval('public.app_n');\nALTER SEQUENCE public.app_n OWNED BY public.t.n;\nCREATE SEQUENCE free;";
        let r = run(sql, Dialect::Postgres);
        assert!(r.unmodelled.is_empty(), "{:?}", r.unmodelled);
        let t = &r.schema.tables["public.t"];
        assert_eq!((t.columns[0].identity, t.columns[0].default.as_deref()), (Some(Identity::Serial), None));
        assert_eq!((t.columns[1].identity, t.columns[1].default.as_deref()), (Some(Identity::Serial), None));
        assert_eq!(r.schema.sequences.keys().collect::<Vec<_>>(), ["public.free"]);
    }

    #[test]
    fn pg_default_names_are_truncated_like_postgres() {
        let long = "a".repeat(40);
        let n = pg_object_name(&long, &"b".repeat(40), "key", Dialect::Postgres);
        assert_eq!(n.len(), 63);
        assert!(n.ends_with("_key"));
    }
}
