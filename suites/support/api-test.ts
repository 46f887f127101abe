// The base of every suite's `test`: Playwright's, without the browser. Playwright's `test` sets up some 30 browser
// context options (viewport, locale, userAgent, ...) for every test, because its trace recorder depends on them
// through `_combinedContextOptions`. Each is a fixture step whose stack trace Playwright captures and source-maps,
// in setup and again in teardown: about 6,600 of them in a default run, near a tenth of a worker's CPU. The kit
// opens no browser page, so those options are one empty value here and none of them is set up. (Private to
// Playwright: should a version rename it, this override is an unused fixture and the run only slower.)
import { test as playwrightTest } from '@playwright/test';

const noBrowserContextOptions = { _combinedContextOptions: [{}, { box: true }] };

export const apiTest = playwrightTest.extend(noBrowserContextOptions as Record<never, never>);
