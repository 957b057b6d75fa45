import { defineConfig } from 'drizzle-kit';

// Generating migrations needs no database; `db:studio` reads DATABASE_URL.
export default defineConfig({
	schema: './src/lib/server/db/schema/index.ts',
	out: './supabase/migrations',
	migrations: { prefix: 'supabase' },
	dialect: 'postgresql',
	dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/tandem' },
	verbose: true,
	strict: true
});
