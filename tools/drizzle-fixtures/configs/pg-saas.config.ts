import { defineConfig } from 'drizzle-kit';

// Used by scripts/gen-drizzle-fixtures.sh (run with cwd = tools/drizzle-fixtures).
export default defineConfig({
  dialect: 'postgresql',
  schema: './work/pg-saas/schema.ts',
  out: '../../fixtures/drizzle/pg-saas/migrations',
});
