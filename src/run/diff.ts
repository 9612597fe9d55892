import { diffResults, type ItemSnapshot, topologyItems } from "../diff/compare.js";
import type { DiffResult } from "../diff/types.js";
import { errorAt, InputError } from "../diagnostics.js";
import type { AuditResult } from "../result.js";
import { version } from "../version.js";
import { auditLoaded } from "./audit.js";
import type { RunHost } from "./host.js";
import { loadInputs, type RunEvents } from "./load.js";
import { refuseInputTargets } from "./outputs.js";
import type { AuditRequest } from "./request.js";
import { loadSavedResult, savedResultAt } from "./saved.js";

function auditSide(host: RunHost, input: string, request: AuditRequest, events: RunEvents): { result: AuditResult; items: ItemSnapshot } {
  const loaded = loadInputs(host, { ...request, inputs: [input] }, events);
  const result = auditLoaded(loaded, request, events);
  return { result, items: topologyItems(loaded.topology, result) };
}

/**
 * Compares two versions of a network: two saved results as they are, or two topologies (files
 * or folders), each audited with the same request (its flows and rules, or the pair --from/--to).
 */
export function diffRequest(host: RunHost, before: string, after: string, request: AuditRequest, events: RunEvents = {}): DiffResult {
  const savedBefore = savedResultAt(host, before);
  const savedAfter = savedResultAt(host, after);
  if ((savedBefore === undefined) !== (savedAfter === undefined)) {
    throw new InputError([errorAt("E_USAGE", `compare two topologies or two saved results, not one of each (${savedBefore ? before : after} is a saved result)`)]);
  }
  if (savedBefore && savedAfter) {
    if (request.pair) throw new InputError([errorAt("E_USAGE", "--from/--to choose pairs to audit: saved results are compared as they are")]);
    refuseInputTargets(host, request.outputs, [savedBefore.path, savedAfter.path]);
    return diffResults(loadSavedResult(savedBefore), loadSavedResult(savedAfter), { mode: "result", version });
  }
  const b = auditSide(host, before, request, events);
  const a = auditSide(host, after, request, events);
  return diffResults(b.result, a.result, { mode: "topology", version, items: { before: b.items, after: a.items } });
}
