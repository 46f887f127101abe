// A pass that covered less than its budget asked (the model-based suite out of time): the requirement's reason says
// so. Plain text, read as it is into that reason.
import type { Annotation, AnnotationSink } from './annotation.ts';

export const COVERAGE = 'coverage';

export function writeCoverage(sink: AnnotationSink, shortfall: string): void {
  sink.annotations.push({ type: COVERAGE, description: shortfall });
}

export function readCoverage(annotations: readonly Annotation[]): string[] {
  return annotations.flatMap((a) => (a.type === COVERAGE && a.description ? [a.description] : []));
}
