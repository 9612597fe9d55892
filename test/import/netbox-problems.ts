import { checkImported } from "../../src/import/check.js";
import type { TopologyDocument } from "../../src/import/types.js";

/**
 * What `validate` reports on an imported document, beside what a schema without SPEC §4.1 says
 * about `medium: circuit` and `underlay` (with §4.1 in the schema, this is every problem).
 */
export function problems(doc: TopologyDocument): string[] {
  return checkImported(doc)
    .map((d) => d.message)
    .filter((m) => !/^`circuit` is not a valid `medium`|^unknown property `underlay` in links\[\d+\]/.test(m));
}
