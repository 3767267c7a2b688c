// tsc does not copy the SQL migrations; the built app applies them at start-up.
import { cpSync } from 'node:fs';

cpSync('src/store/migrations', 'dist/src/store/migrations', { recursive: true });
