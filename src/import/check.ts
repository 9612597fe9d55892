// Everything an imported document must satisfy before it is written: the topology schema plus
// the reference checks `validate` makes. One function, so that it can be swapped for the
// topology loader (which will also give positions) without touching the importers.
import type { ErrorObject } from "ajv";
import { errorAt, type Diagnostic } from "../diagnostics.js";
import { validate as validateAll } from "../generated/topology-all.js";
import { validate as validateFast } from "../generated/topology-fast.js";
import type { TopologyDocument } from "./types.js";

function schemaDiagnostics(errors: readonly ErrorObject[] | null | undefined): Diagnostic[] {
  return (errors ?? []).map((e) =>
    errorAt("E_IMPORT_SCHEMA", `${e.instancePath || "/"} ${e.message ?? "is invalid"}${e.params && "allowedValues" in e.params ? ` (${String(e.params.allowedValues)})` : ""}`),
  );
}

/** The id SPEC §7 gives a link: its `id`, else `a--b`, with `#2`, `#3`… for later parallels. */
function linkIds(doc: TopologyDocument): string[] {
  const seen = new Map<string, number>();
  return doc.links.map((l) => {
    if (l.id !== undefined) return l.id;
    const base = `${l.a}--${l.b}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

function referenceDiagnostics(doc: TopologyDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const sites = doc.sites ?? {};
  const operators = doc.operators ?? {};
  const ids = new Set<string>();
  doc.elements.forEach((e, i) => {
    const at = `/elements/${i}`;
    if (ids.has(e.id)) out.push(errorAt("E_IMPORT_DUPLICATE_ID", `${at} id \`${e.id}\` is used twice`));
    ids.add(e.id);
    if (e.site !== undefined && !Object.hasOwn(sites, e.site)) out.push(errorAt("E_IMPORT_REFERENCE", `${at} site \`${e.site}\` is not declared under sites`));
    if (e.operator !== undefined && !Object.hasOwn(operators, e.operator)) out.push(errorAt("E_IMPORT_REFERENCE", `${at} operator \`${e.operator}\` is not declared under operators`));
  });
  // Written link ids, and generated `a--b` ids when an element id could clash with one.
  const clashPossible = doc.elements.some((e) => e.id.includes("--"));
  const linkIdList = clashPossible ? linkIds(doc) : doc.links.flatMap((l) => (l.id === undefined ? [] : [l.id]));
  doc.links.forEach((l, i) => {
    const at = `/links/${i}`;
    for (const end of [l.a, l.b]) if (!ids.has(end)) out.push(errorAt("E_IMPORT_REFERENCE", `${at} end \`${end}\` is not an element`));
    if (l.a === l.b) out.push(errorAt("E_IMPORT_SELF_LOOP", `${at} joins \`${l.a}\` to itself`));
    if (l.operator !== undefined && !Object.hasOwn(operators, l.operator)) out.push(errorAt("E_IMPORT_REFERENCE", `${at} operator \`${l.operator}\` is not declared under operators`));
  });
  for (const id of linkIdList) {
    if (ids.has(id)) out.push(errorAt("E_IMPORT_DUPLICATE_ID", `link id \`${id}\` is already used`));
    ids.add(id);
  }
  return out;
}

/**
 * Checks an imported document as `validate` would: schema, unique ids across elements and
 * links, link ends and site/operator references that exist, no self-loops. Returns every problem.
 */
export function checkImported(doc: TopologyDocument): Diagnostic[] {
  if (!validateFast(doc)) {
    validateAll(doc);
    return schemaDiagnostics(validateAll.errors);
  }
  return referenceDiagnostics(doc);
}
