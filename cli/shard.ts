// A shard's identity: which slice of which run it is. Shards of one run are often made on different CI machines, so
// the run id cannot be invented by any one of them: it comes from the environment the CI gives every job of a
// pipeline, or from the user. `merge` (cli/merge.ts) reads it back to refuse repeated shards and shards of other runs.

import { readRunSetting } from '../kit/run-settings.ts';

export interface ShardIdentity {
  /** I of --shard I/N. */
  index: number;
  /** N of --shard I/N. */
  total: number;
  /** Shared by every shard of one run; absent when nothing in the environment names the run. */
  runId?: string;
  /** The embedded reference server's fault modes (results.target does not name them). */
  faults?: string[];
}

/**
 * The id every shard of one run shares: FLOW_CONFORMANCE_SHARD_RUN_ID, else the CI's own pipeline id (GitHub Actions
 * with its attempt, so a re-run is another run; GitLab; Jenkins and others' BUILD_ID), else none.
 */
export function sharedRunId(env: NodeJS.ProcessEnv = process.env): string | undefined {
  // set the same FLOW_CONFORMANCE_SHARD_RUN_ID for every shard of one run when the CI is none of those below
  const given = readRunSetting('shardRunId', env)?.trim();
  if (given) return given;
  if (env.GITHUB_RUN_ID) return `github-${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT || '1'}`;
  if (env.CI_PIPELINE_ID) return `gitlab-${env.CI_PIPELINE_ID}`;
  if (env.BUILD_ID) return `build-${env.BUILD_ID}`;
  return undefined;
}

/** "I/N" as --shard takes it (cli/args.ts has validated it). */
export function parseShard(shard: string): { index: number; total: number } | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(shard.trim());
  return match ? { index: Number(match[1]), total: Number(match[2]) } : undefined;
}

export function shardIdentity(shard: string, faults: string[], env: NodeJS.ProcessEnv = process.env): ShardIdentity | undefined {
  const parsed = parseShard(shard);
  if (!parsed) return undefined;
  const runId = sharedRunId(env);
  return { ...parsed, ...(runId ? { runId } : {}), ...(faults.length > 0 ? { faults: [...faults].sort() } : {}) };
}
