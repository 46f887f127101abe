// The annotation type of a check that never ran to its end: the run's breaker had tripped (the suites' fixtures write
// it before skipping) or the runner stopped first (the outcomes reporter writes it). The fold (cli/fold.ts) reads it
// and folds the check as `error`, not as filtered out.
export const NOT_RUN = 'not-run';
