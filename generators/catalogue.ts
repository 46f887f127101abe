// Renders generators/generated/requirements.json: the requirement catalogue (specs/requirements.yaml) with its YAML
// aliases expanded, as the CLI and its reporter read it on every run. Parsing the YAML took about 150 ms in each of
// those processes, the CLI's share before the checks could start; JSON.parse takes under a millisecond. The order of
// areas and requirements is the YAML's: it is the order of the report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const CATALOGUE_SOURCE = 'specs/requirements.yaml';
export const CATALOGUE_OUTPUT = 'generators/generated/requirements.json';

export function renderCatalogue(root: string, banner: string): { path: string; content: string } {
  const { areas, requirements } = parse(readFileSync(join(root, CATALOGUE_SOURCE), 'utf8')) as { areas: unknown; requirements: unknown };
  return { path: CATALOGUE_OUTPUT, content: `${JSON.stringify({ $comment: banner, areas, requirements }, null, 2)}\n` };
}
