// drift.json: what `flow-conformance compare` found, the source of drift.html. Its JSON Schema is
// specs/drift.schema.json.
import type { Drift } from './drift.ts';

export interface DriftSide {
  target: string;
  verdict: string;
  reportDir: string;
}

export interface DriftFile {
  kit: { name: string; version: string };
  a: DriftSide;
  b: DriftSide;
  /** The seed both runs used (the model-based suite's); null when the runs were given as files without one. */
  seed: number | null;
  requirementsCompared: number;
  pairs: number;
  /** Requirements whose status differs: 0 is exit code 0. */
  disagreements: number;
  differences: Drift[];
}
