#!/usr/bin/env node
// The package's bin. Installed from the registry or a tarball, the package holds the compiled kit (dist/) and no
// TypeScript sources: run that. In a clone, run the sources, so no build step stands between an edit and a run (and a
// stale dist/ left by `npm pack` is never what runs). tsx is registered either way: a user's
// flow-conformance.config.ts is TypeScript too.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const sources = new URL('../cli/main.ts', import.meta.url);
await import(existsSync(sources) ? sources.href : new URL('../dist/cli/main.js', import.meta.url).href);
