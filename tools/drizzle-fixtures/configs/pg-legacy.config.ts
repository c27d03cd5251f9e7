// drizzle-kit 0.20.x config format (`driver`, no `dialect`); run as
// `drizzle-kit generate:pg --config=configs/pg-legacy.config.ts` with
// cwd = tools/drizzle-fixtures, see scripts/gen-drizzle-fixtures.sh.
export default {
  schema: './work/pg-legacy/schema.ts',
  out: '../../fixtures/drizzle/pg-legacy/migrations',
  driver: 'pg',
  dbCredentials: { connectionString: 'postgres://localhost/unused' },
};
