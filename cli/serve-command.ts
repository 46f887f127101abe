// `flow-conformance serve`: the reference server from the installed package, for teams that mock Flow Service and
// for reproducing a failure the report shows (its "Reproduce" box prints this command with the run's faults).
import { FAULT_NAMES, isFaultName, serve } from '../server/index.ts';
import { UsageError, type RunOptions } from './args.ts';

export async function serveCommand(options: RunOptions): Promise<number> {
  const unknown = options.faults.filter((name) => !isFaultName(name));
  if (unknown.length > 0) throw new UsageError(`unknown fault mode ${unknown.join(', ')} (known: ${FAULT_NAMES.join(', ')})`);
  try {
    return await serve({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1', faults: options.faults });
  } catch (error) {
    throw new UsageError(`cannot start the reference server: ${(error as Error).message}`);
  }
}
