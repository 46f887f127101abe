// `npm run build` (and `npm pack`, through prepack): compiles the kit to dist/ and copies beside it the data files
// its modules read by path, so the installed package runs compiled JavaScript from node_modules with no TypeScript
// loader in the way (Playwright does not transpile files under node_modules). A clone keeps running the sources.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

/**
 * Read at run time relative to the module that reads them (cli/catalogue.ts, schemas/validators.ts, …), the
 * generated types the declarations of suites/support/bodies.ts import, and the precompiled validators.
 */
const DATA = [
  'specs',
  'generators/generated/operation-schemas.json',
  'generators/generated/flow-service.d.ts',
  'generators/generated/requirements.json',
  // plain JavaScript, which tsc does not copy, and its declaration, which schemas/validators.d.ts imports
  'generators/generated/validators.js',
  'generators/generated/validators.d.ts',
];

rmSync(DIST, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
for (const path of DATA) {
  mkdirSync(dirname(join(DIST, path)), { recursive: true });
  cpSync(join(ROOT, path), join(DIST, path), { recursive: true });
}
// cli/write-reports.ts reads the kit's name and version from ../package.json; inside dist/ that is this one, which
// also tells Node the compiled files are ES modules
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
writeFileSync(join(DIST, 'package.json'), `${JSON.stringify({ name, version, type: 'module', private: true }, null, 2)}\n`);
console.log(`built ${name} ${version} into dist/`);
