// Secrets never reach an artifact: header values by name, auth params by name, and every known secret string
// wherever it appears (a server may echo a token inside an error message). Used by the suites' recorder on every
// exchange it keeps, and by the CLI on what it writes: the HTML report, Playwright's own records, config messages.

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'cookie', 'set-cookie']);
/** A parameter whose name says it holds a secret (password, passphrase, clientSecret, apiKey, token...). */
const SECRET_NAME = /pass|secret|token|key|credential/i;
export const REDACTED = '[redacted]';

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

export class Redactor {
  private readonly secrets: string[];
  constructor(secrets: Iterable<string>) {
    this.secrets = [...new Set(secrets)].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  }
  add(secret: string): void {
    if (secret.length >= 4 && !this.secrets.includes(secret)) {
      this.secrets.push(secret);
      this.secrets.sort((a, b) => b.length - a.length);
    }
  }
  text(value: string): string {
    let out = value;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }
  /**
   * Text written by someone else (Playwright's call logs list every request header as `name: value`): known secrets,
   * and the value of every secret header (SECRET_HEADERS) wherever it appears as `name: value` or `"name": "value"`.
   */
  freeText(value: string): string {
    return this.text(value)
      .replace(/\b((?:proxy-)?authorization)(["']?\s*:\s*["']?)([A-Za-z]+\s+)?[^\s"'\\,;]+/gi, `$1$2$3${REDACTED}`)
      .replace(/\b(x-api-key|set-cookie|cookie)(["']?\s*:\s*["']?)[^"'\\\n\r]+/gi, `$1$2${REDACTED}`);
  }
  /** One header's value: a secret header's masked (an authorization keeps its scheme), any other's scrubbed. */
  header(name: string, value: string): string {
    if (!isSecretHeader(name)) return this.text(value);
    return /authorization$/i.test(name) ? value.replace(/^(\w+\s+)?.*$/s, `$1${REDACTED}`) : REDACTED;
  }
  headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) out[name] = this.header(name, value);
    return out;
  }
  /** Auth params whose names say secret are masked; all strings are scrubbed of known secrets. */
  json(value: unknown, parentKey = ''): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.json(v, parentKey));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) {
        const inAuth = parentKey === 'params' || parentKey === 'auth';
        out[key] = inAuth && SECRET_NAME.test(key) && typeof child === 'string' ? REDACTED : this.json(child, key);
      }
      return out;
    }
    return value;
  }
}
