import { defineConfig } from 'drizzle-kit';

// Used by scripts/gen-drizzle-fixtures.sh (run with cwd = tools/drizzle-fixtures).
export default defineConfig({
  dialect: 'mysql',
  schema: './work/mysql-blog/schema.ts',
  out: '../../fixtures/drizzle/mysql-blog/migrations',
});
