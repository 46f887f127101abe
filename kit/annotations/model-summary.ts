// What one part of the model-based suite (ORD-007) made: the run's seed and the part's own, runs and steps, and the
// path when it replayed one sequence (a baseline entry of a model-based failure is fixed only by a pass of its own).
import { isInteger, isOptional, isRecord, readAllJson, writeJson, type Annotation, type AnnotationSink } from './annotation.ts';

export const MODEL_SUMMARY = 'model';

export interface ModelSummary {
  /** The run's seed, each part's derived from it. */
  seed: number;
  part: number;
  partSeed: number;
  path?: string;
  runs: number;
  steps: number;
  /** The runs the budget asked for (1 for a replay). */
  asked: number;
  /** What the part made when it made less than asked. */
  shortfall?: string;
}

const isSummary = (v: unknown): v is ModelSummary =>
  isRecord(v) && isInteger(v.seed) && isInteger(v.part) && isInteger(v.partSeed) && isInteger(v.runs) && isInteger(v.steps) && isInteger(v.asked)
  && isOptional(v.path, (p): p is string => typeof p === 'string') && isOptional(v.shortfall, (s): s is string => typeof s === 'string');

export function writeModelSummary(sink: AnnotationSink, summary: ModelSummary): void {
  writeJson(sink, MODEL_SUMMARY, summary);
}

export function readModelSummaries(annotations: readonly Annotation[]): ModelSummary[] {
  return readAllJson(annotations, MODEL_SUMMARY, isSummary);
}
