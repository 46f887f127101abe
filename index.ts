// The package's public API for config files and embedding: `import { defineConfig } from 'flow-service-conformance'`.
export { defineConfig, type KitConfig } from './kit/config.ts';
export { createFlowService, startReferenceServer } from './server/index.ts';
