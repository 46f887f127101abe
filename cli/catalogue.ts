// The requirement catalogue (specs/requirements.yaml) as the kit uses it at run time: read from its generated JSON
// (generators/catalogue.ts), which `npm run generate:check` keeps in step with the YAML.
import { readFileSync } from 'node:fs';

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

const FILE = new URL('../generators/generated/requirements.json', import.meta.url);
let cached: Catalogue | undefined;

export function loadCatalogue(): Catalogue {
  if (!cached) {
    const raw = JSON.parse(readFileSync(FILE, 'utf8')) as { requirements: Requirement[]; areas: Record<string, string> };
    cached = { requirements: raw.requirements, areas: raw.areas, byId: new Map(raw.requirements.map((r) => [r.id, r])) };
  }
  return cached;
}
