// The reference server's constants, apart from the server itself: its base path, the credentials it accepts when
// none are configured, and its default sandbox. A second public entry beside server/index.ts for what only needs to
// name them (the CLI's Reproduce box): loading the whole server was about a sixth of the CLI's start.
/** Where Adobe serves Flow Service (platform.adobe.io/data/foundation/flowservice), and so the reference server. */
export const BASE_PATH = '/data/foundation/flowservice';

/** The sandbox a request without x-sandbox-name works in: Platform's default, `prod`. */
export const DEFAULT_SANDBOX = 'prod';

/** What the server accepts when AEP_ACCESS_TOKEN, AEP_API_KEY and AEP_ORG_ID are unset (documented in the README). */
export const DEFAULT_CREDENTIALS: { accessToken: string; apiKey: string; orgId: string } = {
  accessToken: 'reference-access-token',
  apiKey: 'reference-api-key',
  orgId: 'REFERENCE0000000000000000@AdobeOrg',
};
