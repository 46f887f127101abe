// What the model-based suite generates: the commands, weighted towards what the order rules are about.
import fc from 'fast-check';
import type { Kind } from '../../kit/kinds.ts';
import { AddSourceCommand, CreateCommand, DeleteCommand, PatchCommand, PublishCommand, RaceCommand } from './commands.ts';

export function commandArbitraries() {
  // flows are where the order rules meet, so every operation leans towards them
  const kind = fc.constantFrom<Kind>('connections', 'sourceConnections', 'targetConnections', 'flows', 'flows');
  const index = fc.nat({ max: 3 });
  const create = fc.tuple(kind, fc.boolean(), index, index).map(([k, draft, a, b]) => new CreateCommand(k, draft, a, b));
  const publish = fc.tuple(kind, index).map(([k, i]) => new PublishCommand(k, i, true));
  return [
    create, create, create,
    publish, publish, publish,
    fc.tuple(kind, index).map(([k, i]) => new PublishCommand(k, i, false)),
    fc.tuple(index, index).map(([f, s]) => new AddSourceCommand(f, s)),
    fc.tuple(kind, index).map(([k, i]) => new PatchCommand(k, i)),
    fc.tuple(kind, index).map(([k, i]) => new PatchCommand(k, i)),
    fc.tuple(kind, index).map(([k, i]) => new DeleteCommand(k, i)),
    fc.tuple(kind, index, fc.integer({ min: 2, max: 5 })).map(([k, i, n]) => new RaceCommand(k, i, n)),
  ];
}
