import { audit } from "../audit/index.js";
import type { PairRequest } from "../audit/pairs.js";
import { errorAt, InputError } from "../diagnostics.js";
import { designate } from "../policy/designation.js";
import type { Drawing } from "../report/graph-formats.js";
import { topologyDiagram } from "../report/graph-model.js";
import type { PairResult } from "../result.js";
import { closest } from "../suggest.js";
import type { Topology } from "../topology/types.js";
import { version } from "../version.js";
import { flowRequests } from "./audit.js";
import type { RunHost } from "./host.js";
import { loadInputs, type RunEvents } from "./load.js";
import type { AuditRequest } from "./request.js";

export interface GraphRequest extends Omit<AuditRequest, "mode"> {
  /** Draw the neighbourhood of this declared flow's pairs. */
  flow?: string;
  maxNodes: number;
}

/** The pairs whose neighbourhood is drawn: one flow, the `--from/--to` pair, or none (the whole topology). */
function requestsFor(request: GraphRequest, topology: Topology): PairRequest[] {
  if (request.flow !== undefined && request.pair) throw new InputError([errorAt("E_USAGE", "give --flow or --from/--to, not both")]);
  if (request.flow !== undefined) {
    const flow = topology.flows.find((f) => f.id === request.flow);
    if (!flow) {
      const ids = topology.flows.map((f) => f.id);
      const guess = closest(request.flow, ids);
      throw new InputError([
        errorAt("E_USAGE", `no flow \`${request.flow}\`${guess ? ` — did you mean \`${guess}\`?` : ""}${ids.length > 0 ? ` (flows: ${ids.slice(0, 10).join(", ")})` : " (the files declare no flows)"}`),
      ]);
    }
    return flowRequests({ ...topology, flows: [flow] }, request.failures, request.thresholds);
  }
  if (request.pair) return [{ flow: null, from: request.pair.from, to: request.pair.to, failures: request.failures, failOn: request.thresholds.pairs }];
  return [];
}

/** The drawing `cleanpath graph` renders: the topology, or the neighbourhood of a flow or pair. */
export function graphDrawing(host: RunHost, request: GraphRequest, events: RunEvents = {}): Drawing {
  const loaded = loadInputs(host, request, events);
  const { topology, registry } = loaded;
  const requests = requestsFor(request, topology);
  const spec = loaded.policy.spec;
  let pairs: PairResult[] = [];
  if (requests.length > 0) pairs = audit({ topology, registry, spec, requests, asOf: request.asOf, generatedAt: request.generatedAt, version, maxPairs: request.maxPairs }).pairs;
  const diagram = topologyDiagram(topology, designate(topology, registry, spec, request.asOf), pairs, { maxNodes: request.maxNodes });
  return { diagram, title: topology.name ?? "cleanpath" };
}
