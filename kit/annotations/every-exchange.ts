// How many of a test's exchanges each every-exchange requirement (API-007, API-008) could judge: a pass of those needs
// some, across the run (cli/fold.ts).
import { isRecord, readAllJson, writeJson, type Annotation, type AnnotationSink } from './annotation.ts';

export const EVERY_EXCHANGE_NOTE = 'every-exchange';

/** Requirement id → exchanges judged. */
export type JudgedCounts = Record<string, number>;

const isCounts = (value: unknown): value is JudgedCounts => isRecord(value) && Object.values(value).every((n) => typeof n === 'number' && n >= 0);

export function writeJudgedCounts(sink: AnnotationSink, counts: JudgedCounts): void {
  writeJson(sink, EVERY_EXCHANGE_NOTE, counts);
}

export function readJudgedCounts(annotations: readonly Annotation[]): JudgedCounts[] {
  return readAllJson(annotations, EVERY_EXCHANGE_NOTE, isCounts);
}
