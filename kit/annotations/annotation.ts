// What the suites and the CLI share about test annotations: Playwright carries each as a type and a description
// string, so every structured kind below is written as JSON by its one writer and read back by its one reader. A reader
// never throws: an annotation of the right type whose description does not parse or has the wrong shape is dropped
// (`undefined`), since a report that cannot use one note must still be written.

/** An annotation as Playwright carries it (testInfo.annotations, a TestCase's, a TestResult's). */
export interface Annotation {
  type: string;
  description?: string;
}

/** Where a writer puts its annotation: a running test's `testInfo`, or an outcome the reporter is building. */
export interface AnnotationSink {
  annotations: Annotation[];
}

export type Shape<T> = (value: unknown) => value is T;

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');
export const isInteger = (value: unknown): value is number => Number.isInteger(value);
export const isOptional = <T>(value: unknown, shape: (v: unknown) => v is T): boolean => value === undefined || shape(value);

export function writeJson(sink: AnnotationSink, type: string, value: unknown): void {
  sink.annotations.push({ type, description: JSON.stringify(value) });
}

/** One annotation's value if it is of `type` and its description is JSON of the shape; else undefined. */
export function parseJson<T>(annotation: Annotation, type: string, shape: Shape<T>): T | undefined {
  if (annotation.type !== type || annotation.description === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(annotation.description);
    return shape(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Every well-formed annotation of `type` in `annotations`, in order. */
export function readAllJson<T>(annotations: readonly Annotation[], type: string, shape: Shape<T>): T[] {
  return annotations.flatMap((a) => {
    const value = parseJson(a, type, shape);
    return value === undefined ? [] : [value];
  });
}
