// The import rules of issue 14 (`npm run lint:deps`, part of `npm test`): the CLI and the suites share only kit/,
// reach the reference server only through its public entry (server/index.ts), and nothing forms a cycle, file or folder.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'cli-not-suites',
      comment: 'cli/ and suites/ share what both use through kit/, not each other\'s internals',
      severity: 'error',
      from: { path: '^cli/' },
      to: { path: '^suites/' },
    },
    {
      name: 'suites-not-cli',
      comment: 'cli/ and suites/ share what both use through kit/, not each other\'s internals',
      severity: 'error',
      from: { path: '^suites/' },
      to: { path: '^cli/' },
    },
    {
      name: 'server-only-via-index',
      comment: 'the CLI and the checks use the reference server only through its public entry points',
      severity: 'error',
      from: { path: '^(cli|suites)/' },
      // server/defaults.ts: its constants (base path, default credentials), without loading the server
      to: { path: '^server/', pathNot: '^server/(index|defaults)\\.ts$' },
    },
    {
      name: 'kit-stands-alone',
      comment: 'kit/ is the vocabulary the others share: it imports none of them',
      severity: 'error',
      from: { path: '^kit/' },
      to: { path: '^(cli|suites|server|tests|bench)/' },
    },
    {
      name: 'bench-not-tests',
      comment: 'benchmarks do not depend on the project\'s tests',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-circular',
      comment: 'no file imports itself back at run time, however far round',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-circular-via-types',
      comment: 'a cycle that an `import type` closes vanishes at run time: shown, to be untangled, not yet an error',
      severity: 'warn',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      comment: 'no folder depends on itself back through another',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    // the tree imports `.ts` files by their own name (allowImportingTsExtensions): resolved through the tsconfig
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
