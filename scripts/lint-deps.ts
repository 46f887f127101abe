// `npm run lint:deps`: dependency-cruiser with .dependency-cruiser.cjs over the tree. Through its API rather than its
// bin, which refuses Node 20 outright (its engines say ^22) although the cruise itself runs on it.
// Usage: lint-deps [--config FILE] [PATH...]; paths default to every folder of the project; exit 1 on a violation.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cruise, type IReporterOutput } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const ROOTS = ['bench', 'cli', 'generators', 'index.ts', 'kit', 'playwright.config.ts', 'schemas', 'scripts', 'server', 'suites', 'tests'];

const { values, positionals } = parseArgs({ options: { config: { type: 'string' } }, allowPositionals: true });
const config = resolve(values.config ?? new URL('../.dependency-cruiser.cjs', import.meta.url).pathname);
const options = await extractDepcruiseOptions(config);
const tsConfigFile = options.tsConfig?.fileName;
const tsConfig = tsConfigFile ? extractTSConfig(tsConfigFile) : undefined;
const paths = positionals.length > 0 ? positionals : ROOTS.filter((path) => existsSync(path));
const result: IReporterOutput = await cruise(paths, { ...options, outputType: 'err' }, {}, tsConfig ? { tsConfig } : {});
process.stdout.write(String(result.output));
process.exitCode = result.exitCode === 0 ? 0 : 1;
