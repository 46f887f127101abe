// A rule an exchange broke while a test ran (suites/support/recorder.ts: API-007, API-008), whichever check sent it.
// The fixture writes one per distinct message; the fold files it under its requirement.
import { isRecord, readAllJson, writeJson, type Annotation, type AnnotationSink } from './annotation.ts';

export const VIOLATION = 'violation';

export interface Violation {
  requirement: string;
  message: string;
  /** The exchange that broke it (redacted), for the first few messages of a test. */
  exchange?: unknown;
}

const isViolation = (value: unknown): value is Violation => isRecord(value) && typeof value.requirement === 'string' && typeof value.message === 'string';

export function writeViolation(sink: AnnotationSink, violation: Violation): void {
  writeJson(sink, VIOLATION, { requirement: violation.requirement, message: violation.message, ...(violation.exchange !== undefined ? { exchange: violation.exchange } : {}) });
}

export function readViolations(annotations: readonly Annotation[]): Violation[] {
  return readAllJson(annotations, VIOLATION, isViolation);
}
