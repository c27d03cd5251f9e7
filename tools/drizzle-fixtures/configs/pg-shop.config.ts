import { defineConfig } from 'drizzle-kit';

// Used by scripts/gen-drizzle-fixtures.sh (run with cwd = tools/drizzle-fixtures).
export default defineConfig({
  dialect: 'postgresql',
  schema: './work/pg-shop/schema.ts',
  out: '../../fixtures/drizzle/pg-shop/migrations',
});
