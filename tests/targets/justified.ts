// The vocabulary of the justified-pass tables each broken target carries: requirement ID → why a pass against that
// target is earned. A pass is justified only where the target really meets the requirement AND a check can see it
// without degenerate evidence: a refusal counts only where the same request without the rule's trigger succeeds, an
// etag comparison only where etags differ between versions, a read-back only where it shows the kit's own entity.
import { loadCatalogue } from '../../cli/catalogue.ts';

export type Justified = Readonly<Record<string, string>>;

/** Requirements the fixes of issue 10 add to the catalogue; listed here so the tables hold them before they land. */
const COMING = ['DRAFT-012', 'DEL-003', 'API-011'];

export function catalogueIds(): string[] {
  const ids = loadCatalogue().requirements.map((r) => r.id);
  return [...ids, ...COMING.filter((id) => !ids.includes(id))];
}

/**
 * For a target that is the reference server behind one broken front: every requirement is earned as the reference
 * earns it, except those the front breaks (`broken`: ID → why a pass would be false).
 */
export function allBut(front: string, broken: Readonly<Record<string, string>>): Justified {
  return Object.fromEntries(catalogueIds().filter((id) => !(id in broken)).map((id) => [id, `the reference server meets it; the front only ${front}`]));
}
