// TypeScript declarations of driftgate's Node addon (napi-rs). The first eight
// functions and their types are DESIGN §11's JS API, with the same names and
// result shapes as the WebAssembly package (wasm/pkg/*.d.ts); `lintFiles` and
// `checkProject` are host conveniences that read files off the main thread.
//
// Every function throws (or, for the async ones, rejects with) an `Error`
// whose message says what is wrong; with the addon, a location is appended to
// the message as ` (line L, column C)`.

/** Options every function accepts. Unknown keys are an error. */
export interface Options {
  /** SQL dialect; default 'postgres'. */
  dialect?: 'postgres' | 'mysql';
  /** Postgres major version the migrations run on; default 15. */
  pgVersion?: number;
  /** The file's name (a `.down.sql` name lints it as a rollback). */
  filename?: string;
  /** Rule levels; `'off'` turns a rule off, a severity turns it on at that level. */
  rules?: Record<string, RuleLevel>;
  /** Which tool runs the migration (decides transaction semantics); default 'plain'. */
  history?: 'prisma' | 'drizzle' | 'plain';
  /** Treat every statement as inside a transaction. */
  assumeInTransaction?: boolean;
}

export type RuleLevel = 'off' | 'info' | 'warning' | 'error';
export type Severity = 'info' | 'warning' | 'error';
export type Dialect = 'postgres' | 'mysql';

/**
 * Where something is: `start`/`end` are UTF-16 offsets (so
 * `sql.slice(start, end)` is the text), lines and columns are 1-based
 * (columns in characters).
 */
export interface Location {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A mechanical fix: replace `sql.slice(start, end)` with `replacement`. */
export interface Fix extends Location {
  replacement: string;
}

export interface Diagnostic extends Location {
  /** The rule id, e.g. `'drop-column'` (see `rules()`). */
  rule: string;
  severity: Severity;
  message: string;
  /** The safe alternative, with the file's own names. */
  help: string;
  /** 1-based number of the statement it is about. */
  statement: number | null;
  fix: Fix | null;
}

export interface StatementError extends Location {
  message: string;
}

export interface Statement extends Location {
  /** 0-based, in execution order (statements inside a `DO` block follow it). */
  index: number;
  /** The token reader's classification, e.g. `'create-table'`, `'alter-table'`. */
  kind: string;
  /** 'parsed' (by sqlparser), 'unparsed' (classified by the token reader), 'unclassified'. */
  status: 'parsed' | 'unparsed' | 'unclassified';
  text: string;
  /** The `DO` block a statement was extracted from. */
  parent: number | null;
  /** Why sqlparser rejected it. */
  error: StatementError | null;
}

export interface Migration {
  name: string;
  sql: string;
}

export interface Column {
  name: string;
  /** Normalised type, e.g. `'integer'`, `'varchar(255)'`. */
  type: string;
  nullable: boolean;
  default?: string;
  identity?: 'always' | 'by-default' | 'serial' | 'auto-increment';
  /** Generated column expression. */
  generated?: string;
}

export interface PrimaryKey {
  /** `null` when the source does not record it (a Drizzle snapshot's single-column key). */
  name: string | null;
  columns: string[];
}

export interface UniqueConstraint {
  name: string;
  columns: string[];
  nullsNotDistinct?: boolean;
}

export interface IndexColumn {
  /** A column name, or an expression when `expression` is true. */
  name: string;
  expression?: boolean;
  descending?: boolean;
  opclass?: string;
}

export interface Index {
  name: string;
  columns: IndexColumn[];
  unique: boolean;
  method?: string;
  /** Partial index predicate. */
  where?: string;
  /** Created by the database itself (MySQL's index for a foreign key). */
  implicit?: boolean;
}

export interface ForeignKey {
  name: string;
  columns: string[];
  referencedSchema: string;
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface Check {
  name: string;
  expression: string;
}

export interface Table {
  schema: string;
  name: string;
  columns: Column[];
  primaryKey?: PrimaryKey;
  uniques: UniqueConstraint[];
  indexes: Index[];
  foreignKeys: ForeignKey[];
  checks: Check[];
}

/** The schema model. Objects are keyed `schema.name` on Postgres, `name` on MySQL. */
export interface Schema {
  dialect: Dialect;
  schemas: string[];
  tables: Record<string, Table>;
  enums: Record<string, { schema: string; name: string; values: string[] }>;
  sequences: Record<string, { schema: string; name: string }>;
  views: Record<string, { schema: string; name: string; materialized: boolean; definition: string }>;
  extensions: string[];
}

/** A statement replay could not (fully) apply. */
export interface Unmodelled {
  migration: string;
  /** 0-based statement index in the migration. */
  statement: number;
  line: number;
  column: number;
  /** Byte offsets in the migration's UTF-8 text. */
  span: { start: number; end: number };
  kind: string;
  reason: string;
}

/** A statement sqlparser rejected; replay used what the token reader classified. */
export interface Unparsed {
  migration: string;
  statement: number;
  line: number;
  column: number;
  kind: string;
  classified: boolean;
  error: string;
}

export interface ReplayResult {
  schema: Schema;
  unmodelled: Unmodelled[];
  unparsed: Unparsed[];
  summary: { files: number; statements: number; parsed: number; unparsed: number; unclassified: number };
}

/** A catalog query: run `sql` with your own driver and pass its rows to `schemaFromCatalog` under `name`. */
export interface CatalogQuery {
  name: string;
  sql: string;
}

export interface RuleInfo {
  id: string;
  /** Default severity. */
  severity: Severity;
  enabledByDefault: boolean;
  /** The dialect the rule applies to; `null`: both. */
  dialect: Dialect | null;
  summary: string;
  /** Markdown, as `driftgate explain RULE` prints it. */
  documentation: string;
}

/** Lint one SQL file (no schema before it: an empty database). */
export function lint(sql: string, options?: Options | null): Diagnostic[];
/** The statements of a SQL file, in execution order. */
export function splitStatements(sql: string, options?: Options | null): Statement[];
/** Replay migrations in order from an empty schema. */
export function replay(migrations: Migration[], options?: Options | null): ReplayResult;
/** A Drizzle `meta/NNNN_snapshot.json` as a schema. */
export function parseDrizzleSnapshot(json: string): Schema;
/** The rule catalog. */
export function rules(): RuleInfo[];
/**
 * The queries that introspect a live database (a fixed list per dialect,
 * whatever its size). Run each with your own driver, in one connection, and
 * pass the rows to `schemaFromCatalog` keyed by `name`.
 */
export function catalogQueries(dialect: Dialect): CatalogQuery[];
/**
 * The schema model from the rows of every catalog query, keyed by query
 * name; each row is an object keyed by column name. Values may be text (as
 * the text protocol gives them) or typed (numbers, booleans). Throws when a
 * query's rows are missing or a row is malformed, naming the query and row.
 */
export function schemaFromCatalog(dialect: Dialect, rows: Record<string, Record<string, unknown>[]>): Schema;

// ---- host conveniences (addon only) -----------------------------------------

/** Options of `lintFiles` and `checkProject`. Unknown keys are an error. */
export interface ProjectOptions {
  /** Overrides the folder's own dialect (lock file, journal) and driftgate.toml's. */
  dialect?: Dialect;
  pgVersion?: number;
  rules?: Record<string, RuleLevel>;
  /** Runner semantics for lone files (a migration folder implies its own). */
  history?: 'prisma' | 'drizzle' | 'plain';
  assumeInTransaction?: boolean;
  /**
   * `driftgate.toml`: a path, or `false` for none. Default: found walking up
   * from the first path, as the CLI finds it.
   */
  config?: string | boolean;
  /**
   * checkProject only: what to compare the history with, as `driftgate check
   * --schema`: `prisma:PATH`, `drizzle:PATH` (a snapshot or an out folder),
   * `sql:FILE`, `migrations:DIR`, `empty`, or a path whose kind its name makes
   * obvious. Default: schema.prisma (or schema/) beside a Prisma migrations
   * folder, the latest snapshot of a Drizzle folder.
   */
  schema?: string;
  /**
   * checkProject only: the migrations this change adds (paths relative to the
   * migrations folder, or migration names); they are linted, as `driftgate
   * check --since` lints the files changed since a git ref.
   */
  newMigrations?: string[];
}

/** A diagnostic of `lintFiles`/`checkProject`: the file, then `lint()`'s fields. */
export interface FileDiagnostic extends Diagnostic {
  /** Path as the CLI shows it: relative to the working directory when inside it. */
  file: string;
}

/** `driftgate lint --format json`'s object (plus UTF-16 `start`/`end`). */
export interface LintReport {
  version: 1;
  diagnostics: FileDiagnostic[];
  summary: { files: number; statements: number; unparsed: number; errors: number; warnings: number; infos: number };
}

export interface HistoryIssue {
  /** `missing-from-journal`, `journal-entry-without-file`, `duplicate-prefix`, `non-increasing-when`, … */
  code: string;
  message: string;
  path: string;
}

export interface Drift {
  direction: 'missing-from-migrations' | 'missing-from-schema' | 'different' | 'renamed';
  /** The diff change kind (`add-column`, `alter-column-type`, …). */
  kind: string;
  object: string;
  message: string;
  /** SQL that would bring the migrations to the schema file. */
  sql: string[];
}

/** `driftgate check --format json`'s object. */
export interface CheckResult {
  version: 1;
  /** The migrations folder that was checked. */
  history: string;
  format: 'prisma' | 'drizzle' | 'plain';
  historyIssues: HistoryIssue[];
  /** The schema compared with; `null` when there is none (a plain folder without `schema`). */
  schema: string | null;
  drift: Drift[] | null;
  /** The migration that is missing, in the history's dialect. */
  migrationSql: string | null;
  notes: string[];
  /** Lint of `newMigrations` (empty when none were named). */
  lint: LintReport;
  /** No history problem, no drift, no error-level lint finding. */
  passed: boolean;
}

/**
 * Lint files and migration folders as `driftgate lint --format json` does:
 * a folder's migrations, or a file inside a history, each against the replay
 * of the migrations before it with that tool's transaction semantics; other
 * files on their own. Runs on the libuv thread pool.
 */
export function lintFiles(paths: string[], options?: ProjectOptions | null): Promise<LintReport>;

/**
 * The pull-request gate of `driftgate check DIR`: history integrity, drift
 * between the replayed migrations and the schema file, the missing
 * migration's SQL, lint of `newMigrations`. `dir` is a migrations folder or a
 * project with one at `prisma/migrations`, `migrations` or `drizzle`.
 * Runs on the libuv thread pool.
 */
export function checkProject(dir: string, options?: ProjectOptions | null): Promise<CheckResult>;
