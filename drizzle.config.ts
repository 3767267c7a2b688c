import { defineConfig } from 'drizzle-kit';

// Generates the committed SQL migrations from src/store/schema.ts: `npm run db:generate`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema.ts',
  out: './src/store/migrations',
});
