//! Diff of two schema models (DESIGN §4): the list of changes that turns
//! `from` into `to`, each classified, with SQL for the models' dialect, in a
//! safe order.
//!
//! Order of the changes (and of the rendered script):
//!
//! 1. renames (accepted renames of tables and columns, then index and
//!    constraint names whose structure did not change);
//! 2. drops of dependants: foreign keys, views, then indexes, unique/check
//!    constraints and primary keys;
//! 3. drops of tables (referencing tables before the tables they reference)
//!    and of columns;
//! 4. creation of schemas, extensions, sequences and enum types; enum
//!    values added, or enums recreated when values are removed/reordered;
//! 5. new tables (columns, primary key, uniques, checks inline), then new and
//!    altered columns;
//! 6. primary keys, uniques, checks and indexes;
//! 7. drops of enum types, sequences and extensions (nothing uses them any
//!    more), then of schemas (nothing is left in them);
//! 8. views, then foreign keys last (every table and key they need exists).
//!
//! Rename vs drop: a column (table) only in `from` and one only in `to` are
//! a dropped and an added object unless a rename is accepted for the pair.
//! [`resolve_renames`] is the single place that decides; today it applies
//! the explicit [`DiffOptions::renames`] only. The automatic scorer
//! (`diff/rename.rs`: `score_columns` / `score_tables`) plugs in there and
//! fills [`DiffResult::renames`] and [`DiffResult::rename_candidates`].
//!
//! Pure and total: any two models give a result; nothing panics.

pub mod render;
/// Rename scoring (owned separately; see [`resolve_renames`] for the hook).
pub mod rename;

use crate::schema::{self, Column, Enum, Identity, Index, Schema, Table};
use crate::Dialect;
use render::{Aspect, ColDef, EnumUse, Op};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// An explicit rename the caller asserts (the API's `renames` option, or
/// `-- driftgate:renamed-from old` in SQL).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RenameHint {
    /// The table of a column rename (`users`, or `auth.users` outside the
    /// default schema; the old or the new name of a renamed table); `None`
    /// for a table rename.
    #[serde(default)]
    pub table: Option<String>,
    pub from: String,
    pub to: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DiffOptions {
    #[serde(default)]
    pub renames: Vec<RenameHint>,
    /// Detect renames automatically (`rename::score_*`); on unless turned off.
    #[serde(default)]
    pub no_rename_detection: bool,
    /// Score at which a candidate is accepted (default `rename::DEFAULT_THRESHOLD`).
    #[serde(default)]
    pub rename_threshold: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RenameKind {
    Column,
    Table,
}

/// A rename, accepted or candidate, with its score (0..=1) and the evidence
/// behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rename {
    pub kind: RenameKind,
    /// For a column: its table (schema-qualified only outside the default
    /// schema), by its name in `to`. `None` for a table.
    pub table: Option<String>,
    /// For a table: the old name (schema-qualified only outside the default schema).
    pub from: String,
    pub to: String,
    pub score: f64,
    pub evidence: Vec<String>,
}

/// What a change does to running code and data (DESIGN §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Classification {
    /// Safe while the old code runs; nothing lost, nothing blocked.
    Additive,
    /// Breaks code still running during a rolling deploy (rename, drop,
    /// NOT NULL without default, type change, …).
    BackwardIncompatible,
    /// Loses data.
    Destructive,
    /// Blocks reads or writes while it runs (rewrite, validation, index build).
    Locking,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// Kebab-case: `add-table`, `drop-column`, `alter-column-type`, `rename-column`, …
    pub kind: String,
    /// `table public.users`, `column users.email`, `index users.users_email_key`, …
    pub object: String,
    pub classification: Vec<Classification>,
    /// The statements for the models' dialect, without trailing `;`.
    pub sql: Vec<String>,
    /// The same, structured, so [`render_sql`] can spell it in a dialect.
    #[serde(skip)]
    ops: Vec<Op>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DiffResult {
    pub changes: Vec<Change>,
    /// Renames applied (in `changes` as renames, not as a drop and an add).
    pub renames: Vec<Rename>,
    /// Renames considered but not applied (lower scores, or hints that did not fit).
    pub rename_candidates: Vec<Rename>,
}

impl DiffResult {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// The script: every change's statements for `dialect`, each ending with `;`.
pub fn render_sql(result: &DiffResult, dialect: Dialect) -> String {
    let mut out = String::new();
    for c in &result.changes {
        let stmts = if c.ops.is_empty() { c.sql.clone() } else { c.ops.iter().flat_map(|o| render::render_op(o, dialect)).collect() };
        for s in stmts {
            out.push_str(&s);
            out.push_str(";\n");
        }
    }
    out
}

/// Phases of the safe order (module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Phase {
    Rename,
    RenameName,
    DropForeignKey,
    DropView,
    DropIndex,
    DropTable,
    DropColumn,
    CreateType,
    CreateTable,
    Column,
    AddIndex,
    DropType,
    DropSchema,
    CreateView,
    AddForeignKey,
}

use Classification::{Additive, BackwardIncompatible, Destructive, Locking};

struct Ctx<'a> {
    d: Dialect,
    to: &'a Schema,
    /// `from` with the accepted renames applied.
    from: Schema,
    out: Vec<(Phase, Change)>,
    /// Enum type references (`Role`, `auth.Role`) known on either side.
    enum_types: BTreeSet<String>,
}

impl Ctx<'_> {
    fn push(&mut self, phase: Phase, kind: &str, object: String, mut classification: Vec<Classification>, ops: Vec<Op>) {
        classification.sort();
        classification.dedup();
        let sql = ops.iter().flat_map(|o| render::render_op(o, self.d)).collect();
        self.out.push((phase, Change { kind: kind.to_string(), object, classification, sql, ops }));
    }

    fn coldef(&self, c: &Column) -> ColDef {
        let base = c.data_type.strip_suffix("[]").unwrap_or(&c.data_type);
        ColDef { column: c.clone(), pg_type: render::pg_type(&c.data_type, self.enum_types.contains(base)) }
    }
}

/// A table's name for humans and the `renames` JSON: schema-qualified only
/// outside the default schema.
pub fn display_table(d: Dialect, schema: &str, name: &str) -> String {
    if schema.is_empty() || schema == d.default_schema() {
        name.to_string()
    } else {
        format!("{schema}.{name}")
    }
}

/// The model key a user-written table reference means (`users`, `auth.users`).
fn resolve_table(s: &Schema, reference: &str) -> String {
    if s.tables.contains_key(reference) {
        return reference.to_string();
    }
    match (s.dialect, reference.split_once('.')) {
        (Dialect::Postgres, Some((sch, n))) => schema::key(s.dialect, sch, n),
        (d, _) => schema::key(d, d.default_schema(), reference),
    }
}

/// Diff two models.
pub fn diff(from: &Schema, to: &Schema, options: &DiffOptions) -> DiffResult {
    let d = to.dialect;
    let (renames, rename_candidates) = resolve_renames(from, to, options);
    let mut enum_types = BTreeSet::new();
    for e in from.enums.values().chain(to.enums.values()) {
        enum_types.insert(type_ref(&e.schema, &e.name));
    }
    let mut ctx = Ctx { d, to, from: from.clone(), out: Vec::new(), enum_types };
    apply_renames(&mut ctx, &renames);
    diff_objects(&mut ctx);
    let mut out = ctx.out;
    out.sort_by_key(|(p, _)| *p);
    DiffResult { changes: out.into_iter().map(|(_, c)| c).collect(), renames, rename_candidates }
}

fn type_ref(schema: &str, name: &str) -> String {
    if schema == "public" || schema.is_empty() {
        name.to_string()
    } else {
        format!("{schema}.{name}")
    }
}

// ---------------------------------------------------------------------------
// Renames

/// THE RENAME HOOK. Decides which dropped+added pairs are renames, before
/// anything becomes a drop and an add. Today: the explicit hints in
/// `options.renames` (score 1.0), each checked against both models; a hint
/// that does not fit is returned as a candidate with the reason.
///
/// The automatic scorer (`diff/rename.rs`, `score_tables` / `score_columns`)
/// belongs here: score the remaining dropped/added pairs (tables first, then
/// columns of tables present on both sides after the table renames), push
/// those at or above the threshold to the first list and the rest to the
/// second. Explicit hints win over scored pairs that share an object.
pub fn resolve_renames(from: &Schema, to: &Schema, options: &DiffOptions) -> (Vec<Rename>, Vec<Rename>) {
    let d = to.dialect;
    let mut accepted: Vec<Rename> = Vec::new();
    let mut rejected: Vec<Rename> = Vec::new();
    // Table renames first: column hints may name the table by either name.
    let mut table_map: BTreeMap<String, String> = BTreeMap::new(); // to key → from key
    let mut used_from: BTreeSet<String> = BTreeSet::new();
    for h in options.renames.iter().filter(|h| h.table.is_none()) {
        let fk = resolve_table(from, &h.from);
        let tk = resolve_table(to, &h.to);
        let mut r = Rename { kind: RenameKind::Table, table: None, from: h.from.clone(), to: h.to.clone(), score: 1.0, evidence: vec!["explicit rename".into()] };
        let problem = if !from.tables.contains_key(&fk) {
            Some(format!("table {} does not exist in the old schema", h.from))
        } else if to.tables.contains_key(&fk) {
            Some(format!("table {} still exists in the new schema", h.from))
        } else if !to.tables.contains_key(&tk) {
            Some(format!("table {} does not exist in the new schema", h.to))
        } else if from.tables.contains_key(&tk) {
            Some(format!("table {} already exists in the old schema", h.to))
        } else if used_from.contains(&fk) || table_map.contains_key(&tk) {
            Some("another rename already uses one of these tables".into())
        } else {
            None
        };
        match problem {
            Some(p) => {
                r.score = 0.0;
                r.evidence = vec![format!("explicit rename not applied: {p}")];
                rejected.push(r);
            }
            None => {
                if let (Some(ft), Some(tt)) = (from.tables.get(&fk), to.tables.get(&tk)) {
                    r.from = display_table(d, &ft.schema, &ft.name);
                    r.to = display_table(d, &tt.schema, &tt.name);
                }
                used_from.insert(fk.clone());
                table_map.insert(tk, fk);
                accepted.push(r);
            }
        }
    }
    let mut used_cols: BTreeSet<(String, String)> = BTreeSet::new();
    for h in options.renames.iter() {
        let Some(tref) = &h.table else { continue };
        let mut r = Rename { kind: RenameKind::Column, table: Some(tref.clone()), from: h.from.clone(), to: h.to.clone(), score: 1.0, evidence: vec!["explicit rename".into()] };
        // The table in `to`: by its new name, or through a table rename by its old one.
        let tk = {
            let k = resolve_table(to, tref);
            if to.tables.contains_key(&k) {
                Some(k)
            } else {
                let fk = resolve_table(from, tref);
                table_map.iter().find(|(_, f)| **f == fk).map(|(t, _)| t.clone())
            }
        };
        let pair = tk.and_then(|tk| {
            let fk = table_map.get(&tk).cloned().unwrap_or_else(|| tk.clone());
            Some((to.tables.get(&tk)?, from.tables.get(&fk)?))
        });
        let has = |t: &Table, c: &str| t.columns.iter().any(|x| x.name == c);
        let problem = match pair {
            None => Some(format!("table {tref} is not in both schemas")),
            Some((tt, ft)) => {
                if !has(ft, &h.from) {
                    Some(format!("column {} does not exist in the old table", h.from))
                } else if has(tt, &h.from) {
                    Some(format!("column {} still exists in the new table", h.from))
                } else if !has(tt, &h.to) {
                    Some(format!("column {} does not exist in the new table", h.to))
                } else if has(ft, &h.to) {
                    Some(format!("column {} already exists in the old table", h.to))
                } else if used_cols.contains(&(schema::key(d, &tt.schema, &tt.name), h.from.clone())) {
                    Some("another rename already uses this column".into())
                } else {
                    r.table = Some(display_table(d, &tt.schema, &tt.name));
                    used_cols.insert((schema::key(d, &tt.schema, &tt.name), h.from.clone()));
                    None
                }
            }
        };
        match problem {
            Some(p) => {
                r.score = 0.0;
                r.evidence = vec![format!("explicit rename not applied: {p}")];
                rejected.push(r);
            }
            None => accepted.push(r),
        }
    }
    if !options.no_rename_detection {
        let threshold = options.rename_threshold.unwrap_or(rename::DEFAULT_THRESHOLD);
        detect_renames(from, to, threshold, &mut table_map, &mut used_from, &mut used_cols, &mut accepted, &mut rejected);
    }
    (accepted, rejected)
}

fn from_score(s: rename::RenameScore) -> Rename {
    let kind = match s.kind {
        rename::Target::Column => RenameKind::Column,
        rename::Target::Table => RenameKind::Table,
    };
    Rename { kind, table: s.table, from: s.from, to: s.to, score: s.score, evidence: s.evidence }
}

/// Scored renames for what explicit hints left: tables first (dropped ×
/// added), then the columns of every table present on both sides, by name
/// or through an accepted table rename. Accepted pairs are one-to-one.
#[allow(clippy::too_many_arguments)]
fn detect_renames(
    from: &Schema,
    to: &Schema,
    threshold: f64,
    table_map: &mut BTreeMap<String, String>,
    used_from: &mut BTreeSet<String>,
    used_cols: &mut BTreeSet<(String, String)>,
    accepted: &mut Vec<Rename>,
    rejected: &mut Vec<Rename>,
) {
    let dropped: Vec<&Table> = from.tables.iter().filter(|(k, _)| !to.tables.contains_key(*k) && !used_from.contains(*k)).map(|(_, t)| t).collect();
    let added: Vec<&Table> = to.tables.iter().filter(|(k, _)| !from.tables.contains_key(*k) && !table_map.contains_key(*k)).map(|(_, t)| t).collect();
    if !dropped.is_empty() && !added.is_empty() {
        let (ok, other) = rename::accept(rename::score_tables(&dropped, &added), threshold);
        for s in ok {
            let fk = resolve_table(from, &s.from);
            let tk = resolve_table(to, &s.to);
            used_from.insert(fk.clone());
            table_map.insert(tk, fk);
            accepted.push(from_score(s));
        }
        rejected.extend(other.into_iter().map(from_score));
    }
    for (tk, new_t) in &to.tables {
        let fk = table_map.get(tk).cloned().unwrap_or_else(|| tk.clone());
        let Some(old_t) = from.tables.get(&fk) else { continue };
        let taken = |c: &str| used_cols.contains(&(tk.clone(), c.to_string()));
        let dropped: Vec<&crate::schema::Column> = old_t.columns.iter().filter(|c| !new_t.columns.iter().any(|n| n.name == c.name) && !taken(&c.name)).collect();
        let added: Vec<&crate::schema::Column> = new_t
            .columns
            .iter()
            .filter(|c| !old_t.columns.iter().any(|o| o.name == c.name) && !accepted.iter().any(|r| r.kind == RenameKind::Column && r.to == c.name && r.table.as_deref() == Some(display_table(to.dialect, &new_t.schema, &new_t.name).as_str())))
            .collect();
        if dropped.is_empty() || added.is_empty() {
            continue;
        }
        let (ok, other) = rename::accept(rename::score_columns(old_t, new_t, &dropped, &added), threshold);
        for s in ok {
            used_cols.insert((tk.clone(), s.from.clone()));
            accepted.push(from_score(s));
        }
        rejected.extend(other.into_iter().map(from_score));
    }
}

/// Apply accepted renames to the working copy of `from`, emitting the changes.
fn apply_renames(ctx: &mut Ctx, renames: &[Rename]) {
    let d = ctx.d;
    for r in renames.iter().filter(|r| r.kind == RenameKind::Table) {
        let fk = resolve_table(&ctx.from, &r.from);
        let tk = resolve_table(ctx.to, &r.to);
        let Some(target) = ctx.to.tables.get(&tk) else { continue };
        let Some(mut t) = ctx.from.tables.remove(&fk) else { continue };
        let (old_s, old_n) = (t.schema.clone(), t.name.clone());
        t.schema = target.schema.clone();
        t.name = target.name.clone();
        let op = Op::RenameTable { schema: old_s.clone(), from: old_n.clone(), to_schema: t.schema.clone(), to: t.name.clone() };
        ctx.from.tables.insert(tk, t);
        for other in ctx.from.tables.values_mut() {
            for f in other.foreign_keys.iter_mut().filter(|f| f.referenced_schema == old_s && f.referenced_table == old_n) {
                f.referenced_schema = target.schema.clone();
                f.referenced_table = target.name.clone();
            }
        }
        ctx.push(Phase::Rename, "rename-table", format!("table {}", schema::key(d, &old_s, &old_n)), vec![BackwardIncompatible], vec![op]);
    }
    for r in renames.iter().filter(|r| r.kind == RenameKind::Column) {
        let Some(tref) = &r.table else { continue };
        let tk = resolve_table(ctx.to, tref);
        let Some(t) = ctx.from.tables.get_mut(&tk) else { continue };
        let Some(c) = t.columns.iter_mut().find(|c| c.name == r.from) else { continue };
        c.name = r.to.clone();
        rename_column_refs(t, &r.from, &r.to);
        let (s, n) = (t.schema.clone(), t.name.clone());
        for other in ctx.from.tables.values_mut() {
            for f in other.foreign_keys.iter_mut().filter(|f| f.referenced_schema == s && f.referenced_table == n) {
                for c in f.referenced_columns.iter_mut().filter(|c| **c == r.from) {
                    *c = r.to.clone();
                }
            }
        }
        let op = Op::RenameColumn { schema: s.clone(), table: n.clone(), from: r.from.clone(), to: r.to.clone() };
        ctx.push(Phase::Rename, "rename-column", format!("column {}.{}", display_table(d, &s, &n), r.from), vec![BackwardIncompatible], vec![op]);
    }
}

fn rename_column_refs(t: &mut Table, from: &str, to: &str) {
    let ren = |v: &mut Vec<String>| v.iter_mut().filter(|c| *c == from).for_each(|c| *c = to.to_string());
    if let Some(pk) = t.primary_key.as_mut() {
        ren(&mut pk.columns);
    }
    t.uniques.iter_mut().for_each(|u| ren(&mut u.columns));
    for i in t.indexes.iter_mut() {
        i.columns.iter_mut().filter(|c| !c.expression && c.name == from).for_each(|c| c.name = to.to_string());
    }
    let (s, n) = (t.schema.clone(), t.name.clone());
    for f in t.foreign_keys.iter_mut() {
        ren(&mut f.columns);
        if f.referenced_schema == s && f.referenced_table == n {
            ren(&mut f.referenced_columns);
        }
    }
}

// ---------------------------------------------------------------------------
// Objects

fn diff_objects(ctx: &mut Ctx) {
    let d = ctx.d;
    let from = ctx.from.clone();
    let to = ctx.to;

    // Schemas and extensions.
    for s in to.schemas.difference(&from.schemas) {
        ctx.push(Phase::CreateType, "add-schema", format!("schema {s}"), vec![Additive], vec![Op::CreateSchema(s.clone())]);
    }
    for s in from.schemas.difference(&to.schemas) {
        ctx.push(Phase::DropSchema, "drop-schema", format!("schema {s}"), vec![BackwardIncompatible], vec![Op::DropSchema(s.clone())]);
    }
    for e in to.extensions.difference(&from.extensions) {
        ctx.push(Phase::CreateType, "add-extension", format!("extension {e}"), vec![Additive], vec![Op::CreateExtension(e.clone())]);
    }
    for e in from.extensions.difference(&to.extensions) {
        ctx.push(Phase::DropType, "drop-extension", format!("extension {e}"), vec![BackwardIncompatible], vec![Op::DropExtension(e.clone())]);
    }

    // Sequences.
    for (k, s) in &to.sequences {
        if !from.sequences.contains_key(k) {
            ctx.push(Phase::CreateType, "add-sequence", format!("sequence {k}"), vec![Additive], vec![Op::CreateSequence { schema: s.schema.clone(), name: s.name.clone() }]);
        }
    }
    for (k, s) in &from.sequences {
        if !to.sequences.contains_key(k) {
            ctx.push(Phase::DropType, "drop-sequence", format!("sequence {k}"), vec![BackwardIncompatible], vec![Op::DropSequence { schema: s.schema.clone(), name: s.name.clone() }]);
        }
    }

    // Tables dropped / created.
    let dropped: Vec<&Table> = from.tables.iter().filter(|(k, _)| !to.tables.contains_key(*k)).map(|(_, t)| t).collect();
    drop_tables(ctx, &dropped);
    for (k, t) in &to.tables {
        if !from.tables.contains_key(k) {
            create_table(ctx, t);
        }
    }

    // Tables on both sides.
    for (k, t) in &to.tables {
        if let Some(f) = from.tables.get(k) {
            diff_table(ctx, f, t);
        }
    }

    refresh_dependent_foreign_keys(ctx, &from);

    // Enums (after the tables: a recreate needs the surviving columns).
    for (k, e) in &to.enums {
        match from.enums.get(k) {
            None => ctx.push(Phase::CreateType, "add-enum", format!("enum {k}"), vec![Additive], vec![Op::CreateEnum(e.clone())]),
            Some(old) if old.values != e.values => diff_enum(ctx, k, old, e),
            Some(_) => {}
        }
    }
    for (k, e) in &from.enums {
        if !to.enums.contains_key(k) {
            ctx.push(Phase::DropType, "drop-enum", format!("enum {k}"), vec![BackwardIncompatible], vec![Op::DropEnum { schema: e.schema.clone(), name: e.name.clone() }]);
        }
    }

    // Views: changed ones are dropped first and created again last, and so
    // are views over a table whose columns are rewritten or dropped.
    let touched: BTreeSet<String> = touched_tables(&from, to);
    for (k, v) in &from.views {
        let target = to.views.get(k);
        let depends = target.is_some_and(|t| t == v) && touched.iter().any(|t| mentions(&v.definition, t));
        match target {
            None => ctx.push(Phase::DropView, "drop-view", format!("view {k}"), vec![BackwardIncompatible], vec![Op::DropView { schema: v.schema.clone(), name: v.name.clone(), materialized: v.materialized }]),
            Some(t) if t != v || depends => {
                let kind = if depends { "recreate-view" } else { "alter-view" };
                let class = if depends { vec![Additive] } else { vec![BackwardIncompatible] };
                ctx.push(Phase::DropView, "drop-view", format!("view {k}"), class.clone(), vec![Op::DropView { schema: v.schema.clone(), name: v.name.clone(), materialized: v.materialized }]);
                ctx.push(Phase::CreateView, kind, format!("view {k}"), class, vec![Op::CreateView(t.clone())]);
            }
            Some(_) => {}
        }
    }
    for (k, v) in &to.views {
        if !from.views.contains_key(k) {
            ctx.push(Phase::CreateView, "add-view", format!("view {k}"), vec![Additive], vec![Op::CreateView(v.clone())]);
        }
    }
    let _ = d;
}

/// An unchanged foreign key whose target key (primary key, unique
/// constraint or unique index on exactly its referenced columns) is dropped
/// and re-created must itself be dropped first and added again last: the
/// database refuses to drop a key a foreign key depends on.
fn refresh_dependent_foreign_keys(ctx: &mut Ctx, from: &Schema) {
    let d = ctx.d;
    let mut dropped: BTreeSet<(String, Vec<String>)> = BTreeSet::new();
    for (_, c) in ctx.out.iter().filter(|(p, _)| *p == Phase::DropIndex) {
        for op in &c.ops {
            let (schema, table, cols) = match op {
                Op::DropPrimaryKey { schema, table, .. } => {
                    let t = from.tables.get(&schema::key(d, schema, table));
                    (schema, table, t.and_then(|t| t.primary_key.as_ref()).map(|pk| pk.columns.clone()))
                }
                Op::DropConstraint { schema, table, name } | Op::DropIndex { schema, table, name } => {
                    let t = from.tables.get(&schema::key(d, schema, table));
                    let cols = t.and_then(|t| {
                        t.uniques.iter().find(|u| &u.name == name).map(|u| u.columns.clone()).or_else(|| {
                            t.indexes.iter().find(|i| &i.name == name && i.unique && i.columns.iter().all(|c| !c.expression)).map(|i| i.columns.iter().map(|c| c.name.clone()).collect())
                        })
                    });
                    (schema, table, cols)
                }
                _ => continue,
            };
            if let Some(cols) = cols {
                dropped.insert((schema::key(d, schema, table), cols));
            }
        }
    }
    if dropped.is_empty() {
        return;
    }
    let already: BTreeSet<(String, String)> = ctx
        .out
        .iter()
        .flat_map(|(_, c)| c.ops.iter())
        .filter_map(|op| match op {
            Op::DropForeignKey { schema, table, name } => Some((schema::key(d, schema, table), name.clone())),
            _ => None,
        })
        .collect();
    let mut todo = Vec::new();
    for (k, t) in &from.tables {
        let Some(target) = ctx.to.tables.get(k) else { continue };
        for fk in &t.foreign_keys {
            let unchanged = target.foreign_keys.iter().any(|x| x == fk);
            let rk = schema::key(d, &fk.referenced_schema, &fk.referenced_table);
            if unchanged && !already.contains(&(k.clone(), fk.name.clone())) && dropped.contains(&(rk, fk.referenced_columns.clone())) {
                todo.push((t.schema.clone(), t.name.clone(), fk.clone()));
            }
        }
    }
    for (s, n, fk) in todo {
        let obj = format!("constraint {}.{}", display_table(d, &s, &n), fk.name);
        ctx.push(Phase::DropForeignKey, "drop-foreign-key", obj.clone(), vec![Additive], vec![Op::DropForeignKey { schema: s.clone(), table: n.clone(), name: fk.name.clone() }]);
        ctx.push(Phase::AddForeignKey, "add-foreign-key", obj, vec![Locking], vec![Op::AddForeignKey { schema: s, table: n, fk }]);
    }
}

/// Tables whose existing columns are dropped, retyped or rebuilt.
fn touched_tables(from: &Schema, to: &Schema) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (k, f) in &from.tables {
        let Some(t) = to.tables.get(k) else {
            out.insert(f.name.clone());
            continue;
        };
        for c in &f.columns {
            match t.columns.iter().find(|x| x.name == c.name) {
                None => {
                    out.insert(f.name.clone());
                }
                Some(x) if x.data_type != c.data_type || x.generated != c.generated => {
                    out.insert(f.name.clone());
                }
                _ => {}
            }
        }
    }
    out
}

/// Does a (normalised) view definition mention `name` as a whole word?
fn mentions(def: &str, name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let hay = def.to_ascii_lowercase();
    let bytes = hay.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut start = 0;
    while let Some(i) = hay.get(start..).and_then(|h| h.find(&lower)) {
        let at = start + i;
        let end = at + lower.len();
        let before_ok = at == 0 || !word(bytes[at - 1]);
        let after_ok = end >= bytes.len() || !word(bytes[end]);
        if before_ok && after_ok && !lower.is_empty() {
            return true;
        }
        start = at + lower.len().max(1);
        if start > hay.len() {
            break;
        }
    }
    false
}

fn drop_tables(ctx: &mut Ctx, dropped: &[&Table]) {
    let d = ctx.d;
    let keys: BTreeSet<String> = dropped.iter().map(|t| schema::key(d, &t.schema, &t.name)).collect();
    let by_key: BTreeMap<String, &Table> = dropped.iter().map(|t| (schema::key(d, &t.schema, &t.name), *t)).collect();
    // A table is dropped only once no other dropped table references it.
    let refs = |t: &Table| -> BTreeSet<String> {
        t.foreign_keys
            .iter()
            .map(|f| schema::key(d, &f.referenced_schema, &f.referenced_table))
            .filter(|k| keys.contains(k) && *k != schema::key(d, &t.schema, &t.name))
            .collect()
    };
    let mut remaining: BTreeSet<String> = keys.clone();
    let mut order: Vec<String> = Vec::new();
    loop {
        let next = remaining.iter().find(|k| !remaining.iter().any(|o| o != *k && by_key.get(o).is_some_and(|t| refs(t).contains(*k)))).cloned();
        match next {
            Some(k) => {
                remaining.remove(&k);
                order.push(k);
            }
            None => break,
        }
    }
    // A cycle: drop the foreign keys between the remaining tables first.
    for k in &remaining {
        let Some(t) = by_key.get(k) else { continue };
        for f in &t.foreign_keys {
            let rk = schema::key(d, &f.referenced_schema, &f.referenced_table);
            if remaining.contains(&rk) && rk != *k {
                let op = Op::DropForeignKey { schema: t.schema.clone(), table: t.name.clone(), name: f.name.clone() };
                ctx.push(Phase::DropForeignKey, "drop-foreign-key", format!("constraint {}.{}", display_table(d, &t.schema, &t.name), f.name), vec![Additive], vec![op]);
            }
        }
    }
    order.extend(remaining);
    for k in order {
        let Some(t) = by_key.get(&k) else { continue };
        let op = Op::DropTable { schema: t.schema.clone(), name: t.name.clone() };
        ctx.push(Phase::DropTable, "drop-table", format!("table {k}"), vec![BackwardIncompatible, Destructive], vec![op]);
    }
}

fn create_table(ctx: &mut Ctx, t: &Table) {
    let d = ctx.d;
    let k = schema::key(d, &t.schema, &t.name);
    let disp = display_table(d, &t.schema, &t.name);
    let mut inline = t.clone();
    inline.indexes.clear();
    inline.foreign_keys.clear();
    let columns = t.columns.iter().map(|c| ctx.coldef(c)).collect();
    ctx.push(Phase::CreateTable, "add-table", format!("table {k}"), vec![Additive], vec![Op::CreateTable { table: inline, columns }]);
    for i in t.indexes.iter().filter(|i| !i.implicit) {
        ctx.push(Phase::AddIndex, "add-index", format!("index {disp}.{}", i.name), vec![Additive], vec![Op::CreateIndex { schema: t.schema.clone(), table: t.name.clone(), index: i.clone() }]);
    }
    for f in &t.foreign_keys {
        ctx.push(Phase::AddForeignKey, "add-foreign-key", format!("constraint {disp}.{}", f.name), vec![Additive], vec![Op::AddForeignKey { schema: t.schema.clone(), table: t.name.clone(), fk: f.clone() }]);
    }
}

fn index_eq(a: &Index, b: &Index) -> bool {
    a.name == b.name && a.columns == b.columns && a.unique == b.unique && a.method == b.method && a.predicate == b.predicate
}

fn index_shape_eq(a: &Index, b: &Index) -> bool {
    a.columns == b.columns && a.unique == b.unique && a.method == b.method && a.predicate == b.predicate
}

/// Is a default volatile (Postgres rewrites the table to fill it in)?
fn volatile_default(e: &str) -> bool {
    ["random(", "gen_random_uuid(", "uuid_generate", "clock_timestamp(", "nextval(", "timeofday(", "uuid()"].iter().any(|f| e.contains(f))
}

/// A type change that keeps every value and old code working: longer
/// varchar, varchar → text, a wider integer, more precision.
fn widening(d: Dialect, from: &str, to: &str) -> bool {
    fn arg(t: &str, base: &str) -> Option<u32> {
        t.strip_prefix(base)?.strip_prefix('(')?.strip_suffix(')')?.parse().ok()
    }
    let ints: &[&str] = match d {
        Dialect::Postgres => &["smallint", "integer", "bigint"],
        Dialect::Mysql => &["tinyint", "smallint", "mediumint", "int", "bigint"],
    };
    let rank = |t: &str| ints.iter().position(|x| *x == t);
    if let (Some(a), Some(b)) = (rank(from), rank(to)) {
        return b >= a;
    }
    for base in ["varchar", "char", "varbinary"] {
        if let (Some(a), Some(b)) = (arg(from, base), arg(to, base)) {
            return b >= a;
        }
    }
    if d == Dialect::Postgres && (from.starts_with("varchar") || from.starts_with("char(")) && (to == "text" || to == "varchar") {
        return true;
    }
    if d == Dialect::Mysql && from.starts_with("varchar") && matches!(to, "text" | "mediumtext" | "longtext") {
        return true;
    }
    if d == Dialect::Mysql {
        // ENUM/SET with values appended keep every stored value.
        for base in ["enum(", "set("] {
            if let (Some(a), Some(b)) = (from.strip_prefix(base), to.strip_prefix(base)) {
                let a = a.trim_end_matches(')');
                return b.starts_with(a) && (b.len() == a.len() + 1 || b[a.len()..].starts_with(','));
            }
        }
    }
    false
}

fn diff_table(ctx: &mut Ctx, f: &Table, t: &Table) {
    let d = ctx.d;
    let disp = display_table(d, &t.schema, &t.name);
    let (s, n) = (t.schema.clone(), t.name.clone());
    let col_obj = |c: &str| format!("column {disp}.{c}");

    // Columns rebuilt by drop + add (a generated expression added or changed).
    let rebuilt: BTreeSet<String> = t
        .columns
        .iter()
        .filter(|c| f.columns.iter().any(|x| x.name == c.name && c.generated.is_some() && x.generated != c.generated))
        .map(|c| c.name.clone())
        .collect();
    let dropped_cols: BTreeSet<String> = f.columns.iter().filter(|c| !t.columns.iter().any(|x| x.name == c.name)).map(|c| c.name.clone()).collect();
    let gone = |cols: &[String]| cols.iter().any(|c| rebuilt.contains(c) || dropped_cols.contains(c));

    // Primary key.
    if f.primary_key != t.primary_key {
        let renamed = match (&f.primary_key, &t.primary_key) {
            (Some(a), Some(b)) if a.columns == b.columns && d == Dialect::Postgres => a.name.clone().zip(b.name.clone()),
            _ => None,
        };
        if let Some((from_name, to_name)) = renamed {
            let op = Op::RenameConstraint { schema: s.clone(), table: n.clone(), from: from_name.clone(), to: to_name };
            ctx.push(Phase::RenameName, "rename-constraint", format!("constraint {disp}.{from_name}"), vec![Additive], vec![op]);
        } else {
            if let Some(pk) = &f.primary_key {
                if !pk.columns.iter().any(|c| dropped_cols.contains(c)) || t.primary_key.is_some() {
                    let op = Op::DropPrimaryKey { schema: s.clone(), table: n.clone(), name: pk.name.clone() };
                    ctx.push(Phase::DropIndex, "drop-primary-key", format!("primary key {disp}"), vec![BackwardIncompatible], vec![op]);
                }
            }
            if let Some(pk) = &t.primary_key {
                let op = Op::AddPrimaryKey { schema: s.clone(), table: n.clone(), pk: pk.clone() };
                ctx.push(Phase::AddIndex, "add-primary-key", format!("primary key {disp}"), vec![Locking], vec![op]);
            }
        }
    } else if let (Some(pk), Some(tpk)) = (&f.primary_key, &t.primary_key) {
        if gone(&pk.columns) {
            let op = Op::DropPrimaryKey { schema: s.clone(), table: n.clone(), name: pk.name.clone() };
            ctx.push(Phase::DropIndex, "drop-primary-key", format!("primary key {disp}"), vec![BackwardIncompatible], vec![op]);
            let op = Op::AddPrimaryKey { schema: s.clone(), table: n.clone(), pk: tpk.clone() };
            ctx.push(Phase::AddIndex, "add-primary-key", format!("primary key {disp}"), vec![Locking], vec![op]);
        }
    }

    // Unique constraints (Postgres; MySQL keeps them as unique indexes).
    let (mut u_drop, mut u_add) = (Vec::new(), Vec::new());
    for u in &f.uniques {
        match t.uniques.iter().find(|x| x.name == u.name) {
            Some(x) if x == u && !gone(&u.columns) => {}
            Some(_) => {
                u_drop.push(u.clone());
                if let Some(x) = t.uniques.iter().find(|x| x.name == u.name) {
                    u_add.push(x.clone());
                }
            }
            None => u_drop.push(u.clone()),
        }
    }
    u_add.extend(t.uniques.iter().filter(|x| !f.uniques.iter().any(|u| u.name == x.name)).cloned());
    // Same structure, new name: a rename.
    u_drop.retain(|u| {
        let same = |x: &schema::UniqueConstraint| x.columns == u.columns && x.nulls_not_distinct == u.nulls_not_distinct && !f.uniques.iter().any(|o| o.name == x.name);
        if let Some(pos) = u_add.iter().position(|x| same(x) && !gone(&u.columns)) {
            let x = u_add.remove(pos);
            let op = Op::RenameConstraint { schema: s.clone(), table: n.clone(), from: u.name.clone(), to: x.name.clone() };
            ctx.push(Phase::RenameName, "rename-constraint", format!("constraint {disp}.{}", u.name), vec![Additive], vec![op]);
            false
        } else {
            true
        }
    });
    for u in u_drop {
        if u.columns.iter().all(|c| dropped_cols.contains(c)) {
            continue; // goes with its column
        }
        let op = Op::DropConstraint { schema: s.clone(), table: n.clone(), name: u.name.clone() };
        ctx.push(Phase::DropIndex, "drop-unique", format!("constraint {disp}.{}", u.name), vec![BackwardIncompatible], vec![op]);
    }
    for u in u_add {
        let op = Op::AddUnique { schema: s.clone(), table: n.clone(), unique: u.clone() };
        ctx.push(Phase::AddIndex, "add-unique", format!("constraint {disp}.{}", u.name), vec![Locking], vec![op]);
    }

    // Indexes (implicit MySQL foreign-key indexes are the database's business).
    let (mut i_drop, mut i_add): (Vec<Index>, Vec<Index>) = (Vec::new(), Vec::new());
    let index_cols = |i: &Index| i.columns.iter().filter(|c| !c.expression).map(|c| c.name.clone()).collect::<Vec<_>>();
    for i in &f.indexes {
        let target = t.indexes.iter().find(|x| x.name == i.name && !x.implicit);
        match target {
            Some(x) if index_eq(i, x) && !gone(&index_cols(i)) => {}
            Some(x) => {
                i_drop.push(i.clone());
                i_add.push(x.clone());
            }
            None if i.implicit => {}
            None => i_drop.push(i.clone()),
        }
    }
    i_add.extend(t.indexes.iter().filter(|x| !x.implicit && !f.indexes.iter().any(|i| i.name == x.name)).cloned());
    i_drop.retain(|i| {
        if i.implicit {
            return true;
        }
        let pos = i_add.iter().position(|x| index_shape_eq(x, i) && !f.indexes.iter().any(|o| o.name == x.name) && !gone(&index_cols(i)));
        if let Some(pos) = pos {
            let x = i_add.remove(pos);
            let op = Op::RenameIndex { schema: s.clone(), table: n.clone(), from: i.name.clone(), to: x.name.clone() };
            ctx.push(Phase::RenameName, "rename-index", format!("index {disp}.{}", i.name), vec![Additive], vec![op]);
            false
        } else {
            true
        }
    });
    for i in i_drop {
        let cols = index_cols(&i);
        if !cols.is_empty() && cols.iter().all(|c| dropped_cols.contains(c)) && i.columns.iter().all(|c| !c.expression) {
            continue; // goes with its column
        }
        let kind = if i.unique { "drop-unique-index" } else { "drop-index" };
        let mut class = vec![if i.unique { BackwardIncompatible } else { Additive }];
        if d == Dialect::Postgres {
            class.push(Locking);
        }
        let op = if d == Dialect::Postgres && t.uniques.iter().any(|u| u.name == i.name) {
            Op::DropConstraint { schema: s.clone(), table: n.clone(), name: i.name.clone() }
        } else {
            Op::DropIndex { schema: s.clone(), table: n.clone(), name: i.name.clone() }
        };
        ctx.push(Phase::DropIndex, kind, format!("index {disp}.{}", i.name), class, vec![op]);
    }
    for i in i_add {
        let op = Op::CreateIndex { schema: s.clone(), table: n.clone(), index: i.clone() };
        ctx.push(Phase::AddIndex, if i.unique { "add-unique-index" } else { "add-index" }, format!("index {disp}.{}", i.name), vec![Locking], vec![op]);
    }

    // Checks.
    for c in &f.checks {
        let target = t.checks.iter().find(|x| x.name == c.name);
        if target != Some(c) {
            let op = Op::DropCheck { schema: s.clone(), table: n.clone(), name: c.name.clone() };
            ctx.push(Phase::DropIndex, "drop-check", format!("constraint {disp}.{}", c.name), vec![Additive], vec![op]);
        }
    }
    for c in &t.checks {
        if f.checks.iter().find(|x| x.name == c.name) != Some(c) {
            let op = Op::AddCheck { schema: s.clone(), table: n.clone(), check: c.clone() };
            ctx.push(Phase::AddIndex, "add-check", format!("constraint {disp}.{}", c.name), vec![Locking], vec![op]);
        }
    }

    // Foreign keys: changed ones, and unchanged ones whose columns are rebuilt.
    for fk in &f.foreign_keys {
        let target = t.foreign_keys.iter().find(|x| x.name == fk.name);
        let rebuild = target == Some(fk) && gone(&fk.columns);
        if target != Some(fk) || rebuild {
            if target.is_none() && fk.columns.iter().all(|c| dropped_cols.contains(c)) {
                continue; // goes with its column
            }
            let op = Op::DropForeignKey { schema: s.clone(), table: n.clone(), name: fk.name.clone() };
            ctx.push(Phase::DropForeignKey, "drop-foreign-key", format!("constraint {disp}.{}", fk.name), vec![Additive], vec![op]);
            if let Some(x) = target {
                let op = Op::AddForeignKey { schema: s.clone(), table: n.clone(), fk: x.clone() };
                ctx.push(Phase::AddForeignKey, "add-foreign-key", format!("constraint {disp}.{}", x.name), vec![Locking], vec![op]);
            }
        }
    }
    for fk in &t.foreign_keys {
        if !f.foreign_keys.iter().any(|x| x.name == fk.name) {
            let op = Op::AddForeignKey { schema: s.clone(), table: n.clone(), fk: fk.clone() };
            ctx.push(Phase::AddForeignKey, "add-foreign-key", format!("constraint {disp}.{}", fk.name), vec![Locking], vec![op]);
        }
    }

    // Columns.
    for c in &f.columns {
        if dropped_cols.contains(&c.name) {
            let op = Op::DropColumn { schema: s.clone(), table: n.clone(), column: c.name.clone() };
            ctx.push(Phase::DropColumn, "drop-column", col_obj(&c.name), vec![BackwardIncompatible, Destructive], vec![op]);
        }
    }
    for c in &t.columns {
        match f.columns.iter().find(|x| x.name == c.name) {
            None => {
                let mut class = vec![Additive];
                if !c.nullable && c.default.is_none() && c.identity.is_none() && c.generated.is_none() {
                    class = vec![BackwardIncompatible];
                }
                if d == Dialect::Postgres && (c.default.as_deref().is_some_and(volatile_default) || c.generated.is_some() || matches!(c.identity, Some(Identity::Serial | Identity::Always | Identity::ByDefault))) {
                    class.push(Locking);
                }
                let op = Op::AddColumn { schema: s.clone(), table: n.clone(), column: ctx.coldef(c) };
                ctx.push(Phase::Column, "add-column", col_obj(&c.name), class, vec![op]);
            }
            Some(old) if old != c => alter_column(ctx, t, old, c, rebuilt.contains(&c.name)),
            Some(_) => {}
        }
    }
}

fn alter_column(ctx: &mut Ctx, t: &Table, old: &Column, new: &Column, rebuild: bool) {
    let d = ctx.d;
    let (s, n) = (t.schema.clone(), t.name.clone());
    let obj = format!("column {}.{}", display_table(d, &s, &n), new.name);
    if rebuild {
        let ops = vec![
            Op::DropColumn { schema: s.clone(), table: n.clone(), column: old.name.clone() },
            Op::AddColumn { schema: s.clone(), table: n.clone(), column: ctx.coldef(new) },
        ];
        ctx.push(Phase::Column, "alter-column-generated", obj, vec![BackwardIncompatible, Locking], ops);
        return;
    }
    let (from, to) = (ctx.coldef(old), ctx.coldef(new));
    let base = |ty: &str| ty.strip_suffix("[]").unwrap_or(ty).to_string();
    let via_text = ctx.enum_types.contains(&base(&old.data_type)) || ctx.enum_types.contains(&base(&new.data_type));
    let mut first = true;
    let mut emit = |ctx: &mut Ctx, aspect: Aspect, kind: &str, class: Vec<Classification>| {
        let op = Op::AlterColumn { schema: s.clone(), table: n.clone(), aspect, from: from.clone(), to: to.clone(), via_text, first };
        first = false;
        ctx.push(Phase::Column, kind, obj.clone(), class, vec![op]);
    };
    if old.data_type != new.data_type {
        let class = if widening(d, &old.data_type, &new.data_type) {
            let binary_coercible = d == Dialect::Postgres && (old.data_type.starts_with("varchar") && (new.data_type.starts_with("varchar") || new.data_type == "text"));
            if binary_coercible {
                vec![Additive]
            } else {
                vec![Locking]
            }
        } else {
            vec![BackwardIncompatible, Destructive, Locking]
        };
        emit(ctx, Aspect::Type, "alter-column-type", class);
    }
    if old.generated.is_some() && new.generated.is_none() {
        emit(ctx, Aspect::DropExpression, "alter-column-generated", vec![BackwardIncompatible]);
    }
    let serial_default_handled = old.identity == Some(Identity::Serial) && new.identity != Some(Identity::Serial);
    if old.default != new.default && !(serial_default_handled && new.default.is_none()) {
        let (kind, class) = match &new.default {
            Some(v) => ("set-default", if d == Dialect::Postgres && volatile_default(v) { vec![Additive] } else { vec![Additive] }),
            None if !new.nullable => ("drop-default", vec![BackwardIncompatible]),
            None => ("drop-default", vec![Additive]),
        };
        emit(ctx, Aspect::Default, kind, class);
    }
    if old.nullable != new.nullable {
        if new.nullable {
            emit(ctx, Aspect::Nullability, "drop-not-null", vec![Additive]);
        } else {
            let mut class = vec![Locking];
            if new.default.is_none() {
                class.push(BackwardIncompatible);
            }
            emit(ctx, Aspect::Nullability, "set-not-null", class);
        }
    }
    if old.identity != new.identity {
        let class = if new.identity.is_none() { vec![BackwardIncompatible] } else { vec![Additive] };
        emit(ctx, Aspect::Identity, "alter-column-identity", class);
    }
}

fn diff_enum(ctx: &mut Ctx, key: &str, old: &Enum, new: &Enum) {
    let removed: Vec<&String> = old.values.iter().filter(|v| !new.values.contains(v)).collect();
    let kept_in_order = {
        let kept: Vec<&String> = new.values.iter().filter(|v| old.values.contains(v)).collect();
        kept.iter().copied().eq(old.values.iter())
    };
    if removed.is_empty() && kept_in_order {
        // ADD VALUE, each placed relative to a value already there.
        let mut current: Vec<String> = old.values.clone();
        for (i, v) in new.values.iter().enumerate() {
            if current.contains(v) {
                continue;
            }
            let (before, after) = if i == 0 {
                (current.first().cloned(), None)
            } else if i + 1 == new.values.len() {
                (None, None)
            } else {
                (None, new.values.get(i - 1).cloned())
            };
            let op = Op::AddEnumValue { schema: new.schema.clone(), name: new.name.clone(), value: v.clone(), before, after };
            let pos = match i.checked_sub(1).and_then(|p| new.values.get(p)).and_then(|prev| current.iter().position(|x| x == prev)) {
                Some(p) => p + 1,
                None => 0,
            };
            current.insert(pos.min(current.len()), v.clone());
            ctx.push(Phase::CreateType, "add-enum-value", format!("enum {key}"), vec![Additive], vec![op]);
        }
        return;
    }
    // Removal or reorder: Postgres cannot; recreate the type and cast every column.
    let d = ctx.d;
    let tref = type_ref(&new.schema, &new.name);
    let mut uses = Vec::new();
    for t in ctx.from.tables.values() {
        let Some(tt) = ctx.to.tables.get(&schema::key(d, &t.schema, &t.name)) else { continue };
        for c in &t.columns {
            let array = c.data_type == format!("{tref}[]");
            if c.data_type != tref && !array {
                continue;
            }
            let Some(target) = tt.columns.iter().find(|x| x.name == c.name) else { continue };
            uses.push(EnumUse {
                schema: t.schema.clone(),
                table: t.name.clone(),
                column: c.name.clone(),
                array,
                default: c.default.clone(),
                restore_default: c.default.is_some() && c.default == target.default,
            });
            if c.default.is_some() && c.default != target.default {
                // The default aspect of the column diff sets the new one; it
                // is dropped here, so make sure that change exists.
            }
        }
    }
    let taken = |n: &str| ctx.from.enums.contains_key(&schema::key(d, &new.schema, n)) || ctx.to.enums.contains_key(&schema::key(d, &new.schema, n));
    let free = |base: String| (0..).map(|i| if i == 0 { base.clone() } else { format!("{base}{i}") }).find(|n| !taken(n)).unwrap_or(base.clone());
    let temp_new = free(format!("{}_new", new.name));
    let temp_old = free(format!("{}_old", new.name));
    let kind = if removed.is_empty() { "reorder-enum-values" } else { "remove-enum-value" };
    let class = if removed.is_empty() { vec![Locking] } else { vec![BackwardIncompatible, Destructive, Locking] };
    let op = Op::RecreateEnum { target: new.clone(), temp_new, temp_old, uses };
    ctx.push(Phase::CreateType, kind, format!("enum {key}"), class, vec![op]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::replay::{replay, replay_from, MigrationSource};

    fn model(sql: &str, d: Dialect) -> Schema {
        let r = replay(&[MigrationSource { name: "m", sql }], d);
        assert!(r.unmodelled.is_empty(), "{:?}", r.unmodelled);
        r.schema
    }

    /// Diff `a` → `b`, and check that the script replays on `a` to `b`.
    fn rt_models(a: &Schema, b: &Schema, opts: &DiffOptions) -> DiffResult {
        let r = diff(a, b, opts);
        let sql = render_sql(&r, b.dialect);
        let c = replay_from(a.clone(), &[MigrationSource { name: "diff.sql", sql: &sql }]);
        assert!(c.unmodelled.is_empty(), "{:?}\n{sql}", c.unmodelled);
        let diffs = c.schema.differences(b);
        assert!(diffs.is_empty(), "{diffs:#?}\n{sql}");
        assert!(diff(&c.schema, b, &DiffOptions::default()).changes.is_empty(), "{sql}");
        r
    }

    /// `a` = replay(before); `b` = replay(before + step).
    fn rt(before: &str, step: &str, d: Dialect) -> DiffResult {
        rt_opts(before, step, d, &DiffOptions::default())
    }

    fn rt_opts(before: &str, step: &str, d: Dialect, opts: &DiffOptions) -> DiffResult {
        let a = model(before, d);
        let b = model(&format!("{before};\n{step}"), d);
        rt_models(&a, &b, opts)
    }

    fn kinds(r: &DiffResult) -> Vec<String> {
        r.changes.iter().map(|c| format!("{} {}", c.kind, c.object)).collect()
    }

    fn pos(r: &DiffResult, kind: &str, object: &str) -> usize {
        r.changes.iter().position(|c| c.kind == kind && c.object == object).unwrap_or_else(|| panic!("no {kind} {object} in {:#?}", kinds(r)))
    }

    fn class(r: &DiffResult, kind: &str, object: &str) -> Vec<Classification> {
        r.changes[pos(r, kind, object)].classification.clone()
    }

    const PG: Dialect = Dialect::Postgres;
    const MY: Dialect = Dialect::Mysql;

    #[test]
    fn identical_models_have_no_changes() {
        let a = model("CREATE TABLE t (id int PRIMARY KEY, a text);", PG);
        assert!(diff(&a, &a, &DiffOptions::default()).is_empty());
        assert_eq!(render_sql(&diff(&a, &a, &DiffOptions::default()), PG), "");
    }

    #[test]
    fn foreign_keys_are_dropped_before_the_tables_they_reference() {
        let before = "CREATE TABLE users (id int PRIMARY KEY);\nCREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users(id));\nCREATE TABLE notes (id int PRIMARY KEY, user_id int CONSTRAINT notes_user_fk REFERENCES users(id))";
        // users goes; posts goes too; notes stays without its key.
        let r = rt(before, "ALTER TABLE notes DROP CONSTRAINT notes_user_fk; DROP TABLE posts; DROP TABLE users;", PG);
        let fk = pos(&r, "drop-foreign-key", "constraint notes.notes_user_fk");
        let users = pos(&r, "drop-table", "table public.users");
        let posts = pos(&r, "drop-table", "table public.posts");
        assert!(fk < users && posts < users, "{:#?}", kinds(&r));
        assert_eq!(class(&r, "drop-table", "table public.users"), vec![Classification::BackwardIncompatible, Classification::Destructive]);
        // A cycle between dropped tables: the keys go first.
        let r = rt(
            "CREATE TABLE a (id int PRIMARY KEY, b_id int);\nCREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a(id));\nALTER TABLE a ADD CONSTRAINT a_b FOREIGN KEY (b_id) REFERENCES b(id)",
            "DROP TABLE a, b CASCADE",
            PG,
        );
        let first_table = r.changes.iter().position(|c| c.kind == "drop-table").unwrap();
        assert!(r.changes[..first_table].iter().filter(|c| c.kind == "drop-foreign-key").count() == 2, "{:#?}", kinds(&r));
    }

    #[test]
    fn creation_order_types_tables_indexes_foreign_keys() {
        let r = rt(
            "",
            "CREATE SCHEMA app; CREATE TYPE app.state AS ENUM ('a', 'b'); CREATE TABLE app.u (id int PRIMARY KEY, s app.state NOT NULL DEFAULT 'a');\nCREATE TABLE app.p (id int PRIMARY KEY, u_id int NOT NULL REFERENCES app.u(id)); CREATE INDEX p_u ON app.p (u_id); CREATE VIEW app.v AS SELECT id FROM app.u",
            PG,
        );
        let k = kinds(&r);
        let order = ["add-schema schema app", "add-enum enum app.state", "add-table table app.u", "add-index index app.p.p_u", "add-view view app.v", "add-foreign-key constraint app.p.p_u_id_fkey"];
        let idx: Vec<usize> = order.iter().map(|o| k.iter().position(|x| x == o).unwrap_or_else(|| panic!("{o} not in {k:#?}"))).collect();
        assert!(idx.windows(2).all(|w| w[0] < w[1]), "{k:#?}");
        let sql = render_sql(&r, PG);
        assert!(sql.contains("\"s\" \"app\".\"state\" NOT NULL DEFAULT 'a'"), "{sql}");
        assert!(r.changes.iter().all(|c| c.classification == vec![Classification::Additive]), "{:#?}", r.changes);
    }

    #[test]
    fn enum_values_added_in_place() {
        let r = rt("CREATE TYPE s AS ENUM ('b', 'd')", "ALTER TYPE s ADD VALUE 'a' BEFORE 'b'; ALTER TYPE s ADD VALUE 'c' AFTER 'b'; ALTER TYPE s ADD VALUE 'e'", PG);
        assert_eq!(r.changes.len(), 3);
        assert!(r.changes.iter().all(|c| c.kind == "add-enum-value" && c.classification == vec![Classification::Additive]));
        let sql = render_sql(&r, PG);
        assert!(sql.contains("ADD VALUE 'a' BEFORE 'b'") && sql.contains("ADD VALUE 'c' AFTER 'b'") && sql.contains("ADD VALUE 'e';"), "{sql}");
    }

    #[test]
    fn enum_value_removal_recreates_the_type() {
        let before = "CREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN', 'GUEST');\nCREATE TABLE \"User\" (id int PRIMARY KEY, role \"Role\" NOT NULL DEFAULT 'USER', roles \"Role\"[], old \"Role\");";
        let step = "ALTER TABLE \"User\" DROP COLUMN old; CREATE TYPE \"Role_new\" AS ENUM ('USER', 'ADMIN');\nALTER TABLE \"User\" ALTER COLUMN role DROP DEFAULT;\nALTER TABLE \"User\" ALTER COLUMN role TYPE \"Role_new\" USING (role::text::\"Role_new\");\nALTER TABLE \"User\" ALTER COLUMN roles TYPE \"Role_new\"[] USING (roles::text[]::\"Role_new\"[]);\nALTER TYPE \"Role\" RENAME TO \"Role_old\"; ALTER TYPE \"Role_new\" RENAME TO \"Role\"; DROP TYPE \"Role_old\";\nALTER TABLE \"User\" ALTER COLUMN role SET DEFAULT 'USER';";
        let r = rt(before, step, PG);
        let c = &r.changes[pos(&r, "remove-enum-value", "enum public.Role")];
        assert_eq!(c.classification, vec![Classification::BackwardIncompatible, Classification::Destructive, Classification::Locking]);
        let sql = c.sql.join(";\n");
        assert!(sql.contains("CREATE TYPE \"Role_new\" AS ENUM ('USER', 'ADMIN')"), "{sql}");
        assert!(sql.contains("USING (\"role\"::text::\"Role_new\")") && sql.contains("\"Role_new\"[] USING (\"roles\"::text[]::\"Role_new\"[])"), "{sql}");
        assert!(sql.contains("SET DEFAULT 'USER'") && !sql.contains("\"old\""), "{sql}");
        // The dropped column goes before the recreate.
        assert!(pos(&r, "drop-column", "column User.old") < pos(&r, "remove-enum-value", "enum public.Role"));
        // Reordering without removal is a recreate too.
        let r = rt("CREATE TYPE s AS ENUM ('a', 'b'); CREATE TABLE t (x s)", "CREATE TYPE s2 AS ENUM ('b', 'a'); ALTER TABLE t ALTER COLUMN x TYPE s2 USING x::text::s2; DROP TYPE s; ALTER TYPE s2 RENAME TO s", PG);
        assert_eq!(kinds(&r), vec!["reorder-enum-values enum public.s"]);
    }

    #[test]
    fn column_changes_are_classified() {
        let before = "CREATE TABLE t (id int PRIMARY KEY, name varchar(50), age int NOT NULL DEFAULT 0, note text, code varchar(20), big bigint)";
        let step = "ALTER TABLE t ALTER COLUMN name TYPE varchar(255); ALTER TABLE t ALTER COLUMN age DROP DEFAULT; ALTER TABLE t ALTER COLUMN note SET NOT NULL;\nALTER TABLE t ALTER COLUMN code TYPE integer USING code::integer; ALTER TABLE t ALTER COLUMN big TYPE int;\nALTER TABLE t ADD COLUMN req int NOT NULL; ALTER TABLE t ADD COLUMN opt int; ALTER TABLE t ADD COLUMN tok uuid NOT NULL DEFAULT gen_random_uuid(); ALTER TABLE t DROP COLUMN id";
        let r = rt(before, step, PG);
        use Classification::*;
        assert_eq!(class(&r, "alter-column-type", "column t.name"), vec![Additive]);
        assert_eq!(class(&r, "alter-column-type", "column t.code"), vec![BackwardIncompatible, Destructive, Locking]);
        assert_eq!(class(&r, "alter-column-type", "column t.big"), vec![BackwardIncompatible, Destructive, Locking]);
        assert_eq!(class(&r, "drop-default", "column t.age"), vec![BackwardIncompatible]);
        assert_eq!(class(&r, "set-not-null", "column t.note"), vec![BackwardIncompatible, Locking]);
        assert_eq!(class(&r, "add-column", "column t.req"), vec![BackwardIncompatible]);
        assert_eq!(class(&r, "add-column", "column t.opt"), vec![Additive]);
        assert_eq!(class(&r, "add-column", "column t.tok"), vec![Additive, Locking]);
        assert_eq!(class(&r, "drop-column", "column t.id"), vec![BackwardIncompatible, Destructive]);
        // The primary key goes with its column (no separate drop).
        assert!(!kinds(&r).iter().any(|k| k.starts_with("drop-primary-key")), "{:#?}", kinds(&r));
        let sql = render_sql(&r, PG);
        assert!(sql.contains("ALTER TABLE \"t\" ALTER COLUMN \"code\" TYPE integer USING (\"code\"::integer);"), "{sql}");
    }

    #[test]
    fn identity_serial_and_generated_columns() {
        let before = "CREATE TABLE t (id serial PRIMARY KEY, a int GENERATED BY DEFAULT AS IDENTITY, b int NOT NULL, c int, g int GENERATED ALWAYS AS (c * 2) STORED, h int GENERATED ALWAYS AS (c + 1) STORED); CREATE INDEX t_g ON t (g)";
        let step = "ALTER TABLE t ALTER COLUMN id DROP DEFAULT; ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;\nALTER TABLE t ALTER COLUMN a SET GENERATED ALWAYS; ALTER TABLE t ALTER COLUMN b ADD GENERATED BY DEFAULT AS IDENTITY;\nALTER TABLE t DROP COLUMN g; ALTER TABLE t ADD COLUMN g int GENERATED ALWAYS AS (c * 3) STORED; CREATE INDEX t_g ON t (g);\nALTER TABLE t ALTER COLUMN h DROP EXPRESSION";
        let r = rt(before, step, PG);
        let k = kinds(&r);
        assert!(k.contains(&"alter-column-identity column t.id".to_string()) && k.contains(&"alter-column-identity column t.b".to_string()), "{k:#?}");
        // The generated column is rebuilt and its index with it.
        assert!(pos(&r, "drop-index", "index t.t_g") < pos(&r, "alter-column-generated", "column t.g"));
        assert!(pos(&r, "alter-column-generated", "column t.g") < pos(&r, "add-index", "index t.t_g"));
        let sql = render_sql(&r, PG);
        assert!(sql.contains("ALTER COLUMN \"h\" DROP EXPRESSION") && sql.contains("ALTER COLUMN \"a\" SET GENERATED ALWAYS"), "{sql}");
    }

    #[test]
    fn constraints_indexes_and_renamed_names() {
        let before = "CREATE TABLE t (id int, a int, b text, CONSTRAINT t_pk PRIMARY KEY (id), CONSTRAINT t_a_key UNIQUE (a), CONSTRAINT t_a_pos CHECK (a > 0));\nCREATE INDEX t_b_idx ON t (b); CREATE INDEX t_lower ON t (lower(b)) WHERE a > 1; CREATE INDEX t_gin ON t USING gin (b gin_trgm_ops)";
        let step = "ALTER TABLE t RENAME CONSTRAINT t_pk TO t_pkey; ALTER INDEX t_b_idx RENAME TO t_b_index; ALTER TABLE t RENAME CONSTRAINT t_a_key TO t_a_uniq;\nALTER TABLE t DROP CONSTRAINT t_a_pos; ALTER TABLE t ADD CONSTRAINT t_a_pos CHECK (a >= 0); DROP INDEX t_lower; CREATE UNIQUE INDEX t_lower ON t (lower(b)) WHERE a > 2;\nCREATE INDEX t_ab ON t (a DESC, b)";
        let r = rt(before, step, PG);
        let k = kinds(&r);
        for want in ["rename-constraint constraint t.t_pk", "rename-index index t.t_b_idx", "rename-constraint constraint t.t_a_key", "drop-check constraint t.t_a_pos", "add-check constraint t.t_a_pos", "drop-index index t.t_lower", "add-unique-index index t.t_lower", "add-index index t.t_ab"] {
            assert!(k.contains(&want.to_string()), "{want} not in {k:#?}");
        }
        let sql = render_sql(&r, PG);
        assert!(sql.contains("CREATE UNIQUE INDEX \"t_lower\" ON \"t\" ((lower(b))) WHERE a>2"), "{sql}");
        assert!(sql.contains("\"a\" DESC, \"b\""), "{sql}");
        // Creating an expression / method / partial index from nothing.
        rt("", before, PG);
    }

    #[test]
    fn primary_key_change() {
        let r = rt("CREATE TABLE t (a int NOT NULL, b int NOT NULL, CONSTRAINT t_pkey PRIMARY KEY (a))", "ALTER TABLE t DROP CONSTRAINT t_pkey; ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY (a, b)", PG);
        assert!(pos(&r, "drop-primary-key", "primary key t") < pos(&r, "add-primary-key", "primary key t"));
        let r = rt("CREATE TABLE t (a int NOT NULL, b int NOT NULL, PRIMARY KEY (a))", "ALTER TABLE t DROP PRIMARY KEY; ALTER TABLE t ADD PRIMARY KEY (a, b)", MY);
        assert!(render_sql(&r, MY).contains("DROP PRIMARY KEY"));
    }

    #[test]
    fn foreign_keys_on_a_recreated_key_are_recreated_around_it() {
        let before = "CREATE TABLE u (id int NOT NULL, org int NOT NULL, CONSTRAINT u_pkey PRIMARY KEY (id));\nCREATE TABLE p (id int PRIMARY KEY, u_id int, CONSTRAINT p_u FOREIGN KEY (u_id) REFERENCES u(id))";
        let r = rt(before, "ALTER TABLE u RENAME CONSTRAINT u_pkey TO u_old; ALTER TABLE u DROP CONSTRAINT u_old; ALTER TABLE u ADD CONSTRAINT u_pkey PRIMARY KEY (id) DEFERRABLE", PG);
        // Only the name changed: a rename, nothing else.
        assert_eq!(kinds(&r), Vec::<String>::new());
        let a = model(before, PG);
        let mut b = a.clone();
        if let Some(t) = b.tables.get_mut("public.u") {
            t.primary_key = Some(schema::PrimaryKey { name: Some("u_pkey".into()), columns: vec!["id".into()] });
            t.uniques.push(schema::UniqueConstraint { name: "u_id_org_key".into(), columns: vec!["id".into(), "org".into()], nulls_not_distinct: false });
        }
        assert!(diff(&a, &b, &DiffOptions::default()).changes.iter().all(|c| c.kind == "add-unique"));
        // The referenced key itself changes shape: the foreign key must go first and come back last.
        let r = rt(before, "ALTER TABLE p DROP CONSTRAINT p_u; ALTER TABLE u DROP CONSTRAINT u_pkey; ALTER TABLE u ADD CONSTRAINT u_pkey PRIMARY KEY (id, org); ALTER TABLE u ADD CONSTRAINT u_id_key UNIQUE (id); ALTER TABLE p ADD CONSTRAINT p_u FOREIGN KEY (u_id) REFERENCES u(id)", PG);
        let k = kinds(&r);
        let drop_fk = pos(&r, "drop-foreign-key", "constraint p.p_u");
        let drop_pk = pos(&r, "drop-primary-key", "primary key u");
        let add_fk = pos(&r, "add-foreign-key", "constraint p.p_u");
        assert!(drop_fk < drop_pk && drop_pk < add_fk, "{k:#?}");
    }

    #[test]
    fn views_are_dropped_first_and_created_last() {
        let before = "CREATE TABLE t (id int, a varchar(10)); CREATE VIEW v AS SELECT id, a FROM t; CREATE VIEW w AS SELECT 1 AS one";
        let r = rt(before, "DROP VIEW v; ALTER TABLE t ALTER COLUMN a TYPE int USING a::int; CREATE VIEW v AS SELECT id, a FROM t; DROP VIEW w; CREATE VIEW w AS SELECT 2 AS two", PG);
        let drop_v = pos(&r, "drop-view", "view public.v");
        let ty = pos(&r, "alter-column-type", "column t.a");
        let create_v = pos(&r, "recreate-view", "view public.v");
        assert!(drop_v < ty && ty < create_v, "{:#?}", kinds(&r));
        assert_eq!(class(&r, "alter-view", "view public.w"), vec![Classification::BackwardIncompatible]);
    }

    #[test]
    fn explicit_renames_replace_drop_and_add() {
        let before = "CREATE TABLE users (id int PRIMARY KEY, full_name text NOT NULL);\nCREATE TABLE posts (id int PRIMARY KEY, author_id int REFERENCES users(id));\nCREATE INDEX users_full_name_idx ON users (full_name)";
        let step = "ALTER TABLE users RENAME TO people; ALTER TABLE people RENAME COLUMN full_name TO name";
        let opts = DiffOptions {
            renames: vec![
                RenameHint { table: None, from: "users".into(), to: "people".into() },
                RenameHint { table: Some("users".into()), from: "full_name".into(), to: "name".into() },
                RenameHint { table: Some("people".into()), from: "nope".into(), to: "name".into() },
            ],
            ..Default::default()
        };
        let r = rt_opts(before, step, PG, &opts);
        assert_eq!(kinds(&r), vec!["rename-table table public.users", "rename-column column people.full_name"]);
        assert!(r.changes.iter().all(|c| c.classification == vec![Classification::BackwardIncompatible]));
        assert_eq!(r.renames.len(), 2);
        assert_eq!(r.renames[1].table.as_deref(), Some("people"));
        assert_eq!(r.rename_candidates.len(), 1);
        assert!(r.rename_candidates[0].evidence[0].contains("not applied"), "{:?}", r.rename_candidates);
        // Without the hints: a drop and an add, destructive.
        let a = model(before, PG);
        let b = model(&format!("{before};\n{step}"), PG);
        let plain = rt_models(&a, &b, &DiffOptions::default());
        assert!(kinds(&plain).contains(&"drop-table table public.users".to_string()));
        // Schema-qualified table rename moves the table.
        let r = rt_opts("CREATE SCHEMA s; CREATE TABLE a (id int)", "ALTER TABLE a RENAME TO b; ALTER TABLE b SET SCHEMA s", PG, &DiffOptions { renames: vec![RenameHint { table: None, from: "a".into(), to: "s.b".into() }], ..Default::default() });
        assert_eq!(r.renames[0].to, "s.b");
    }

    #[test]
    fn mysql_dialect() {
        let before = "CREATE TABLE `t` (`id` INT NOT NULL AUTO_INCREMENT, `a` VARCHAR(10), `s` ENUM('x','y') NOT NULL DEFAULT 'x', `u_id` INT, PRIMARY KEY (`id`), INDEX `t_a` (`a`));\nCREATE TABLE `u` (`id` INT NOT NULL, PRIMARY KEY (`id`));\nALTER TABLE `t` ADD CONSTRAINT `t_u` FOREIGN KEY (`u_id`) REFERENCES `u` (`id`)";
        let step = "ALTER TABLE `t` MODIFY `a` VARCHAR(50) NOT NULL DEFAULT 'q'; ALTER TABLE `t` MODIFY `s` ENUM('x','y','z') NOT NULL DEFAULT 'x';\nDROP INDEX `t_a` ON `t`; ALTER TABLE `t` DROP FOREIGN KEY `t_u`; ALTER TABLE `t` ADD FULLTEXT INDEX `t_ft` (`a`); ALTER TABLE `t` ADD COLUMN `j` JSON NULL";
        let r = rt(before, step, MY);
        let sql = render_sql(&r, MY);
        assert!(sql.contains("ALTER TABLE `t` MODIFY COLUMN `a` varchar(50) NOT NULL DEFAULT 'q';"), "{sql}");
        assert_eq!(sql.matches("MODIFY COLUMN `a`").count(), 1, "{sql}");
        assert!(sql.contains("DROP INDEX `t_a` ON `t`") && sql.contains("DROP FOREIGN KEY `t_u`") && sql.contains("ADD FULLTEXT INDEX `t_ft`"), "{sql}");
        assert_eq!(class(&r, "alter-column-type", "column t.s"), vec![Classification::Locking]);
        // Renames.
        let opts = DiffOptions { renames: vec![RenameHint { table: None, from: "u".into(), to: "v".into() }, RenameHint { table: Some("t".into()), from: "a".into(), to: "b".into() }], ..Default::default() };
        let r = rt_opts(before, "RENAME TABLE `u` TO `v`; ALTER TABLE `t` RENAME COLUMN `a` TO `b`", MY, &opts);
        let sql = render_sql(&r, MY);
        assert!(sql.contains("RENAME TABLE `u` TO `v`;") && sql.contains("ALTER TABLE `t` RENAME COLUMN `a` TO `b`;"), "{sql}");
        // Everything away and back.
        let m = model(before, MY);
        rt_models(&m, &Schema::new(MY), &DiffOptions::default());
        rt_models(&Schema::new(MY), &m, &DiffOptions::default());
    }

    #[test]
    fn serialises_camel_case_and_kebab_classifications() {
        let r = rt("CREATE TABLE t (a int)", "ALTER TABLE t DROP COLUMN a", PG);
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["changes"][0]["kind"], "drop-column");
        assert_eq!(v["changes"][0]["object"], "column t.a");
        assert_eq!(v["changes"][0]["classification"], serde_json::json!(["backward-incompatible", "destructive"]));
        assert_eq!(v["changes"][0]["sql"], serde_json::json!(["ALTER TABLE \"t\" DROP COLUMN \"a\""]));
        assert!(v.get("renameCandidates").is_some() && v["changes"][0].get("ops").is_none());
        let back: DiffResult = serde_json::from_value(v).unwrap();
        assert_eq!(render_sql(&back, PG), "ALTER TABLE \"t\" DROP COLUMN \"a\";\n");
    }

    #[test]
    fn deterministic() {
        let a = model("CREATE TABLE b (id int); CREATE TABLE a (id int, x text); CREATE INDEX i1 ON a (x); CREATE INDEX i2 ON a (id)", PG);
        let b = Schema::new(PG);
        let r1 = diff(&a, &b, &DiffOptions::default());
        let r2 = diff(&a.clone(), &b.clone(), &DiffOptions::default());
        assert_eq!(r1, r2);
    }
}
