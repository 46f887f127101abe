// The one shape of the credentials every Platform call carries. Written by kit/ims.ts's resolveCredentials (a token
// given in AEP_ACCESS_TOKEN, or one exchanged with IMS); read by the suites' client and the CLI's own calls
// (preflight, cleanup, sweep), both through kit/platform-headers.ts. The sandbox is not part of it: one set of
// credentials speaks to every sandbox of its org.

export interface Credentials {
  accessToken: string;
  /** `x-api-key`: AEP_API_KEY, else the IMS client id. */
  apiKey: string;
  /** `x-gw-ims-org-id`. */
  orgId: string;
  /** Where the token came from: given (AEP_ACCESS_TOKEN) or exchanged with IMS; absent when there is none. */
  tokenSource?: 'env' | 'ims';
  /** Present when the token came from IMS: the current token, refreshed before it expires. */
  getAccessToken?: () => Promise<string>;
}
