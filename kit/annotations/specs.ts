// The specs the target listed, each with its draft-support flag as the target answered it (SPEC-003's check): the
// report's draft-support table, results.json's `specs`.
import { isRecord, readAllJson, writeJson, type Annotation, type AnnotationSink } from './annotation.ts';

export const SPECS = 'specs';

export interface SpecFlag {
  collection: string;
  id: unknown;
  name: unknown;
  /** As answered: a boolean where the spec has one, null where it has none, anything else is SPEC-003's failure. */
  isDraftModeSupported: unknown;
}

const isSpecFlags = (value: unknown): value is SpecFlag[] => Array.isArray(value) && value.every((v) => isRecord(v) && typeof v.collection === 'string');

export function writeSpecFlags(sink: AnnotationSink, flags: SpecFlag[]): void {
  writeJson(sink, SPECS, flags);
}

export function readSpecFlags(annotations: readonly Annotation[]): SpecFlag[] {
  return readAllJson(annotations, SPECS, isSpecFlags).flat();
}
