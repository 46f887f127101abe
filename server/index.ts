// The reference server's public entry points: what the CLI (serve, reproduce, fault names), the suites (an embedded
// server per worker), the package's users (mocks) and the self-validation use. cli/ and suites/ import the server
// only from here (.dependency-cruiser.cjs), so its internals can change without them.
export {
  BASE_PATH,
  createFlowService,
  // what it does: the credentials the server accepts, from AEP_* variables or its defaults
  credentialsFromEnv as acceptedCredentialsFromEnv,
  DEFAULT_CREDENTIALS,
  DEFAULT_SANDBOX,
  type AppRequest,
  type AppResponse,
  type FlowService,
  type FlowServiceOptions,
} from './app.ts';
export { FAULT_NAMES, FAULTS, isFaultName, MODEL_ONLY_FAULTS, SCENARIO_FAULTS, type FaultDefinition, type FaultName } from './faults.ts';
export { startReferenceServer, type RunningServer } from './listen.ts';
export { serve, type ServeOptions } from './serve.ts';
