// Everything an imported document must satisfy before it is written: exactly what `validate`
// checks (the topology schema, ids, references, dates), run on the document in memory.
import { type Diagnostic, InputError } from "../diagnostics.js";
import type { LoadedFile } from "../load/index.js";
import { buildTopology } from "../topology/index.js";
import type { TopologyDocument } from "./types.js";

/** The problems `validate` would report for this document (an empty list when it is valid). */
export function checkImported(doc: TopologyDocument, name = "imported topology"): Diagnostic[] {
  const here = { file: name, line: 1, column: 1 };
  const file: LoadedFile = {
    file: name,
    path: name,
    bytes: 0,
    value: doc as unknown as Record<string, unknown>,
    pos: here,
    // Never written to disk yet, so there is no position to give: point at the document.
    locate: () => here,
    locateAll: (paths) => paths.map(() => here),
  };
  try {
    buildTopology([file]);
    return [];
  } catch (err) {
    if (err instanceof InputError) return [...err.diagnostics];
    throw err;
  }
}
