// The package's public API for config files and embedding: `import { defineConfig } from 'flow-service-conformance'`.
export { defineConfig, type KitConfig } from './suites/support/config.ts';
export { startReferenceServer } from './server/listen.ts';
export { createFlowService } from './server/app.ts';
