// A failing part of the model-based suite (ORD-007), as fields: the cause, the shrunk sequence one step a line, the
// seed and path that replay it and the command line that does. results.json's model.failures, the HTML report's
// shrunk steps and replay box, and a baseline entry's counterexample all read it from here, never from the message.
import { isInteger, isOptional, isRecord, isStringArray, parseJson, readAllJson, writeJson, type Annotation, type AnnotationSink } from './annotation.ts';

export const MODEL_FAILURE = 'model-failure';

export interface ModelFailure {
  part: number;
  /** The part's own seed: the one --seed takes to replay it. */
  seed: number;
  path: string;
  steps: string[];
  replay: string;
  /** The first line of what went wrong at the last step. */
  cause?: string;
  /** What the report adds below the cause: the replay did not fail again, shrinking stopped early. */
  notes?: string[];
}

const isModelFailure = (v: unknown): v is ModelFailure =>
  isRecord(v) && isInteger(v.part) && isInteger(v.seed) && typeof v.path === 'string' && isStringArray(v.steps) && typeof v.replay === 'string'
  && isOptional(v.cause, (c): c is string => typeof c === 'string') && isOptional(v.notes, isStringArray);

export function writeModelFailure(sink: AnnotationSink, failure: ModelFailure): void {
  writeJson(sink, MODEL_FAILURE, failure);
}

export function readModelFailures(annotations: readonly Annotation[]): ModelFailure[] {
  return readAllJson(annotations, MODEL_FAILURE, isModelFailure);
}

/** The one model failure of a test (a part reports at most one), if it is well formed. */
export function readModelFailure(annotations: readonly Annotation[]): ModelFailure | undefined {
  for (const a of annotations) {
    const failure = parseJson(a, MODEL_FAILURE, isModelFailure);
    if (failure) return failure;
  }
  return undefined;
}
