// A check the runner never started, or stopped because the target stopped answering: the fold makes it `error` with
// this reason ("not run: …"), never a silently absent requirement. Plain text, not JSON: the reason is the message.
import type { Annotation, AnnotationSink } from './annotation.ts';

export const NOT_RUN = 'not-run';

export function writeNotRun(sink: AnnotationSink, reason: string): void {
  sink.annotations.push({ type: NOT_RUN, description: reason });
}

/** The first not-run reason, if the test has one. */
export function readNotRun(annotations: readonly Annotation[]): string | undefined {
  return annotations.find((a) => a.type === NOT_RUN && typeof a.description === 'string')?.description;
}
