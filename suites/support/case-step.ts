// One step per generated case (a model run, a property case), placed at its test's own location. Playwright
// otherwise captures and source-maps a stack trace for every step to find where it was called from: about a
// millisecond each, paid again for every case of the model-based and property suites.
import { test } from './fixtures.ts';

export async function caseStep<T>(title: string, body: () => Promise<T>): Promise<T> {
  const { file, line, column } = test.info();
  return test.step(title, body, { location: { file, line, column } });
}
