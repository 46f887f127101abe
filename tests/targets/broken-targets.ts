// The broken targets of the false-pass self-test (tests/kit/false-pass.spec.ts), each with its table of justified
// passes. `otherSandbox` is given only to targets that really keep sandboxes apart.
import { ACCEPT_EVERYTHING_JUSTIFIED, startAcceptEverything } from './accept-everything.ts';
import { CANNED_EXAMPLES_JUSTIFIED, startCannedExamples } from './canned-examples.ts';
import { CONSTANT_ETAG_JUSTIFIED, startConstantEtag } from './constant-etag.ts';
import { DELETED_STAY_LISTED_JUSTIFIED, startDeletedStayListed } from './deleted-stay-listed.ts';
import { IGNORE_FILTERS_JUSTIFIED, startIgnoreFilters } from './ignore-filters.ts';
import { IGNORE_IF_MATCH_JUSTIFIED, startIgnoreIfMatch } from './ignore-if-match.ts';
import type { Justified } from './justified.ts';
import { REFUSE_EVERYTHING_JUSTIFIED, startRefuseEverything } from './refuse-everything.ts';
import type { RunningTarget } from './serve.ts';
import { FAILS_AFTER_PREFLIGHT_JUSTIFIED, startFailsAfterPreflight } from './fails-after-preflight.ts';
import { PRISM_JUSTIFIED, startPrism } from './prism.ts';
import { RESET_EVERY_POST_JUSTIFIED, startResetEveryPost } from './reset-every-post.ts';

export interface BrokenTarget {
  name: string;
  start(): Promise<RunningTarget>;
  justified: Justified;
  otherSandbox?: string;
}

export const BROKEN_TARGETS: BrokenTarget[] = [
  { name: 'accept-everything', start: startAcceptEverything, justified: ACCEPT_EVERYTHING_JUSTIFIED },
  { name: 'refuse-everything', start: startRefuseEverything, justified: REFUSE_EVERYTHING_JUSTIFIED },
  { name: 'canned-examples', start: startCannedExamples, justified: CANNED_EXAMPLES_JUSTIFIED },
  { name: 'ignore-filters', start: startIgnoreFilters, justified: IGNORE_FILTERS_JUSTIFIED, otherSandbox: 'broken-other' },
  { name: 'ignore-if-match', start: startIgnoreIfMatch, justified: IGNORE_IF_MATCH_JUSTIFIED, otherSandbox: 'broken-other' },
  { name: 'constant-etag', start: startConstantEtag, justified: CONSTANT_ETAG_JUSTIFIED, otherSandbox: 'broken-other' },
  { name: 'deleted-stay-listed', start: startDeletedStayListed, justified: DELETED_STAY_LISTED_JUSTIFIED, otherSandbox: 'broken-other' },
];

/**
 * Targets on which nearly every check fails or errors. Playwright starts a new worker after each failed test, about
 * 2 s of CPU apiece, so these cost minutes: run with FLOW_CONFORMANCE_FALSE_PASS=all (the bench, or by hand).
 */
export const COSTLY_TARGETS: BrokenTarget[] = [
  { name: 'fails-after-preflight', start: startFailsAfterPreflight, justified: FAILS_AFTER_PREFLIGHT_JUSTIFIED },
  { name: 'reset-every-post', start: startResetEveryPost, justified: RESET_EVERY_POST_JUSTIFIED },
  { name: 'prism', start: startPrism, justified: PRISM_JUSTIFIED },
];
