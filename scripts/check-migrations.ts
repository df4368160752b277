// Fails when the Drizzle schema would generate a migration nobody committed (schema drift).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const committed = path.join(root, 'apps/server/drizzle');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-migrations-'));
fs.cpSync(committed, tmp, { recursive: true });
const before = new Set(fs.readdirSync(tmp));
execFileSync(
  path.join(root, 'node_modules/.bin/drizzle-kit'),
  [
    'generate',
    '--dialect',
    'postgresql',
    '--schema',
    'apps/server/src/platform/db/schema-all.ts',
    '--out',
    tmp,
    '--name',
    'drift',
  ],
  { cwd: root, stdio: 'pipe' },
);
const added = fs.readdirSync(tmp).filter((f) => !before.has(f));
fs.rmSync(tmp, { recursive: true, force: true });
if (added.length) {
  console.error(
    `Schema drift: drizzle-kit generated ${added.join(', ')}. Run \`npm run db:generate -- --name <change>\` and commit it.`,
  );
  process.exit(1);
}
console.log('migrations match the schema');
