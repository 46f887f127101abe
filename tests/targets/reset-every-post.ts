// Broken target: the reference server, except that every POST (create or action) has its socket reset before any
// answer. Reads work; nothing can be created or published, and a reset is no answer at all: the kit cannot check
// anything that needs a POST, which is `error`, never `pass` nor `fail`.
import { createFlowService, DEFAULT_CREDENTIALS, type AppRequest } from '../../server/app.ts';
import type { Justified } from './justified.ts';
import { serveTarget, type RunningTarget } from './serve.ts';

export async function startResetEveryPost(): Promise<RunningTarget> {
  const reference = createFlowService({ credentials: DEFAULT_CREDENTIALS });
  return serveTarget((request: AppRequest) => (request.method === 'POST' ? 'hang-up' : reference.handle(request)));
}

/** What reads alone earn (not API-001..003: a POST without credentials gets no answer at all). */
export const RESET_EVERY_POST_JUSTIFIED: Justified = {
  'SPEC-001': 'spec reads are the reference server\'s',
  'SPEC-002': 'spec reads are the reference server\'s, name filter included',
  'SPEC-003': 'every spec served carries a boolean flag',
  'API-006': 'GET of any id answers 404',
  'API-007': 'it never answers 5xx (a reset is no answer)',
  'API-008': 'its 2xx answers are the reference server\'s reads',
};
