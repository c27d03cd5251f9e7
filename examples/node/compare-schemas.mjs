// Compare two driftgate schema models by name: tables, columns (type and
// nullability), indexes and foreign keys. Returns one line per difference.
// (`driftgate check` and the addon's checkProject compare everything,
// exactly; this shows how to read the model the JS API returns.)
export function compareSchemas(migrations, snapshot) {
  const problems = [];
  const names = (what, a, b) => {
    for (const n of a) if (!b.includes(n)) problems.push(`${what} ${n}: produced by the migrations, not in the snapshot`);
    for (const n of b) if (!a.includes(n)) problems.push(`${what} ${n}: in the snapshot, not produced by the migrations`);
  };
  names('table', Object.keys(migrations.tables), Object.keys(snapshot.tables));
  for (const [key, table] of Object.entries(migrations.tables)) {
    const other = snapshot.tables[key];
    if (!other) continue;
    names('column', table.columns.map((c) => `${key}.${c.name}`), other.columns.map((c) => `${key}.${c.name}`));
    for (const c of table.columns) {
      const d = other.columns.find((x) => x.name === c.name);
      const show = (x) => `${x.type}${x.nullable ? '' : ' not null'}`;
      if (d && show(c) !== show(d)) problems.push(`column ${key}.${c.name}: ${show(c)} in the migrations, ${show(d)} in the snapshot`);
    }
    // MySQL creates an index for each foreign key itself (`implicit`); snapshots do not list those.
    const indexes = (t) => t.indexes.filter((i) => !i.implicit).map((i) => `${key}.${i.name}`);
    names('index', indexes(table), indexes(other));
    names('foreign key', table.foreignKeys.map((f) => `${key}.${f.name}`), other.foreignKeys.map((f) => `${key}.${f.name}`));
  }
  return problems;
}
