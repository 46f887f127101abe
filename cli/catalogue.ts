// The requirement catalogue (specs/requirements.yaml) as the kit uses it at run time.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type Level = 'MUST' | 'SHOULD';

export interface Requirement {
  id: string;
  level: Level;
  area: string;
  title: string;
  statement: string;
  source: string[];
  operations: string[];
}

export interface Catalogue {
  requirements: Requirement[];
  areas: Record<string, string>;
  byId: Map<string, Requirement>;
}

const FILE = new URL('../specs/requirements.yaml', import.meta.url);
let cached: Catalogue | undefined;

export function loadCatalogue(): Catalogue {
  if (!cached) {
    const raw = parse(readFileSync(FILE, 'utf8')) as { requirements: Requirement[]; areas: Record<string, string> };
    cached = { requirements: raw.requirements, areas: raw.areas, byId: new Map(raw.requirements.map((r) => [r.id, r])) };
  }
  return cached;
}
