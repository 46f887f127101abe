// What a replay's answer may change without the target behaving differently: values the target makes up for each
// request (ids, etags, timestamps, who and when, continuation tokens). The check at the end of a repro compares the
// answer that broke the rule with the replay's after these are replaced by their JSON type, so a target answers
// "the same" only when its status, fields and every other value are the same.

/** Keys whose values are the target's own per-request choices. */
export const VOLATILE_KEY = /^(id|etag|href|createdAt|updatedAt|createdBy|updatedBy|createdClient|updatedClient|started|completed|providerRefId|sandboxId|imsOrgId|continuationToken|version)$|(Id|Ids|At)$/;

/** `value` with every volatile value replaced by `<type>`, keys sorted. */
export function maskVolatile(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskVolatile);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => {
    const child = (value as Record<string, unknown>)[key];
    return [key, VOLATILE_KEY.test(key) ? `<${child === null ? 'null' : Array.isArray(child) ? 'array' : typeof child}>` : maskVolatile(child)];
  }));
}

/**
 * The paths at which the recorded answer holds a value the report masked (a secret the target showed, or its own
 * mask of it): the replay's answer is compared there by presence only, since the report kept no value to compare.
 */
export function maskedPaths(value: unknown, masked: string, path: (string | number)[] = []): (string | number)[][] {
  if (value === masked) return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => maskedPaths(v, masked, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => maskedPaths(v, masked, [...path, k]));
  return [];
}

/** `value` with the value at each of `paths` that it has replaced by `<masked>`. */
export function blankPaths(value: unknown, paths: (string | number)[][]): unknown {
  const copy = structuredClone(value);
  for (const path of paths) {
    let node = copy as Record<string | number, unknown> | undefined;
    for (const key of path.slice(0, -1)) node = node !== null && typeof node === 'object' ? (node[key] as typeof node) : undefined;
    const last = path[path.length - 1];
    if (last !== undefined && node !== null && typeof node === 'object' && last in node) node[last] = '<masked>';
  }
  return copy;
}

/** blankPaths as a jq filter. */
export function jqBlankPaths(paths: (string | number)[][]): string {
  return paths.map((p) => ` | if (try getpath(${JSON.stringify(p)}) catch null) != null then setpath(${JSON.stringify(p)}; "<masked>") else . end`).join('');
}

/** The same as maskVolatile, as a jq filter (jq 1.6+), for the curl script. */
export const JQ_MASK_VOLATILE = `def mask: if type == "array" then map(mask) elif type == "object" then with_entries(if (.key | test(${JSON.stringify(VOLATILE_KEY.source)})) then .value = "<\\(.value | type)>" else .value |= mask end) else . end; mask`;
