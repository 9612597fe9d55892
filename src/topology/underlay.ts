import type { DiagnosticCode } from "../diagnostics.js";
import { closest } from "../suggest.js";
import type { Element, Link, Topology, UnderlayIndex } from "./types.js";

/** What the underlay computation reads of an element. */
export type UnderlayElement = Pick<Element, "id" | "state" | "underlay">;
/** What it reads of a link: its ends too (a link may not rest on them, and is down with them). */
export type UnderlayLink = Pick<Link, "id" | "state" | "underlay" | "ai" | "bi">;

export interface UnderlayOptions {
  /** Most closure entries kept, over all items (default 50,000,000: 200 MB of Int32). */
  maxClosureEntries?: number;
  /** Most problems reported (default 200). */
  maxProblems?: number;
  /** Unknown ids that get a "did you mean" (each one scans every id; default 20). */
  maxHints?: number;
}

/**
 * A problem with one `underlay` entry: item `item` (elements 0..E-1, then links), entry
 * `entry` of its list; `related` is another item worth pointing at (the start of a cycle, the
 * first copy of a duplicate). No item when the problem concerns the whole topology.
 */
export interface UnderlayProblem {
  code: DiagnosticCode;
  severity: "error" | "warning";
  message: string;
  item?: number;
  entry?: number;
  related?: { item: number; entry?: number };
}

export interface UnderlayResult {
  /** Absent when some error was found, or when no item lists an underlay entry. */
  index?: UnderlayIndex;
  problems: UnderlayProblem[];
}

const EMPTY_LIST: readonly string[] = [];
/** Cycles longer than this are named by their first and last few items. */
const CYCLE_SHOWN = 10;

/**
 * Resolves every `underlay` entry (SPEC §4.1) to an item, refuses unknown ids, self and own-end
 * references and cycles, then computes every item's closure (depth first in written order,
 * without duplicates) and which items are up. Iterative throughout: any depth is safe.
 * `find` maps an id to its item number (element index, or E + link index), -1 when unknown.
 */
export function computeUnderlay(
  elements: readonly UnderlayElement[],
  links: readonly UnderlayLink[],
  find: (id: string) => number,
  allIds: () => Iterable<string>,
  options: UnderlayOptions = {},
): UnderlayResult {
  const E = elements.length;
  const N = E + links.length;
  const maxProblems = options.maxProblems ?? 200;
  const problems: UnderlayProblem[] = [];
  const report = (p: UnderlayProblem): void => {
    if (problems.length < maxProblems) problems.push(p);
  };
  const listOf = (i: number): readonly string[] => (i < E ? elements[i]!.underlay : links[i - E]!.underlay) ?? EMPTY_LIST;
  const idOf = (i: number): string => (i < E ? elements[i]!.id : links[i - E]!.id);

  // Direct underlay of each item, resolved, in written order, without duplicates (CSR).
  const dStart = new Int32Array(N + 1);
  for (let i = 0; i < N; i++) dStart[i + 1] = dStart[i]! + listOf(i).length;
  const written = dStart[N]!;
  if (written === 0) return { problems };
  const dItem = new Int32Array(written);
  const dEntry = new Int32Array(written);
  // seenBy[t] = i + 1 while item i's list is read: duplicates without a Set per item.
  const seenBy = new Int32Array(N);
  const seenAt = new Int32Array(N);
  let hints = options.maxHints ?? 20;
  let k = 0;
  let errors = 0;
  for (let i = 0; i < N; i++) {
    dStart[i] = k;
    const list = listOf(i);
    const link = i >= E ? links[i - E]! : undefined;
    for (let j = 0; j < list.length; j++) {
      const id = list[j]!;
      const t = find(id);
      if (t < 0) {
        const c = hints-- > 0 ? closest(id, allIds()) : undefined;
        errors++;
        report({ code: "E_UNKNOWN_ITEM", severity: "error", item: i, entry: j,
          message: `\`underlay\` of \`${idOf(i)}\` names \`${id}\`, which is not an element or a link${c === undefined ? "" : ` — did you mean \`${c}\`?`}` });
        continue;
      }
      if (t === i || (link !== undefined && (t === link.ai || t === link.bi))) {
        errors++;
        const what = t === i ? "itself" : `its own end \`${id}\` (a link rests on what carries it, not on the elements it joins)`;
        report({ code: "E_UNDERLAY_SELF", severity: "error", item: i, entry: j, message: `\`underlay\` of \`${idOf(i)}\` lists ${what}` });
        continue;
      }
      if (seenBy[t] === i + 1) {
        report({ code: "W_UNDERLAY_DUPLICATE", severity: "warning", item: i, entry: j, related: { item: i, entry: seenAt[t]! },
          message: `\`underlay\` of \`${idOf(i)}\` lists \`${id}\` twice (the second is ignored)` });
        continue;
      }
      seenBy[t] = i + 1;
      seenAt[t] = j;
      dItem[k] = t;
      dEntry[k] = j;
      k++;
    }
  }
  dStart[N] = k;
  if (k === 0) return { problems };

  const post = postOrder(N, dStart, dItem, (v, edge, path) => {
    errors++;
    report({ code: "E_UNDERLAY_CYCLE", severity: "error", item: v, entry: dEntry[edge]!, related: { item: dItem[edge]! },
      message: `\`underlay\` entry \`${idOf(dItem[edge]!)}\` of \`${idOf(v)}\` closes a cycle: ${cycleText(path, idOf)}` });
  });
  if (errors > 0) return { problems };

  const closures = closuresOf(N, post, dStart, dItem, options.maxClosureEntries ?? 50_000_000);
  if (closures === undefined) {
    report({ code: "E_TOO_LARGE", severity: "error",
      message: `the underlay closures hold more than ${(options.maxClosureEntries ?? 50_000_000).toLocaleString("en-US")} entries in all (long underlay chains: each item's closure lists everything beneath it); shorten the chains or split the topology` });
    return { problems };
  }
  const up = upItems(elements, links, dStart, dItem);
  return { index: { start: closures.start, items: closures.items, up }, problems };
}

/**
 * Depth-first post order over the underlay relation (carriers before what they carry), roots in
 * item order and children in written order. `onCycle` gets the item and the edge that close each
 * cycle (each back edge once) and the cycle's items, from the item it returns to.
 */
function postOrder(
  N: number,
  dStart: Int32Array,
  dItem: Int32Array,
  onCycle: (v: number, edge: number, path: { at(k: number): number; length: number }) => void,
): Int32Array {
  const state = new Uint8Array(N); // 0 new, 1 on the stack, 2 done
  const stack = new Int32Array(N);
  const cursor = new Int32Array(N);
  const depth = new Int32Array(N); // position on the stack while state is 1
  const post = new Int32Array(N);
  let p = 0;
  for (let root = 0; root < N; root++) {
    if (state[root] !== 0) continue;
    if (dStart[root] === dStart[root + 1]) {
      state[root] = 2;
      post[p++] = root;
      continue;
    }
    let sp = 0;
    stack[0] = root;
    cursor[0] = dStart[root]!;
    depth[root] = 0;
    state[root] = 1;
    while (sp >= 0) {
      const v = stack[sp]!;
      const e = cursor[sp]!;
      if (e < dStart[v + 1]!) {
        cursor[sp] = e + 1;
        const c = dItem[e]!;
        if (state[c] === 0) {
          sp++;
          stack[sp] = c;
          cursor[sp] = dStart[c]!;
          depth[c] = sp;
          state[c] = 1;
        } else if (state[c] === 1) {
          const from = depth[c]!;
          const top = sp;
          onCycle(v, e, { length: top - from + 1, at: (i) => stack[from + i]! });
        }
      } else {
        state[v] = 2;
        post[p++] = v;
        sp--;
      }
    }
  }
  return post;
}

/** `a → b → c → a`; a long cycle keeps its first and last few items. */
function cycleText(path: { at(k: number): number; length: number }, idOf: (i: number) => string): string {
  const ids: string[] = [];
  const n = path.length;
  if (n <= CYCLE_SHOWN) {
    for (let i = 0; i < n; i++) ids.push(idOf(path.at(i)));
  } else {
    const half = CYCLE_SHOWN / 2;
    for (let i = 0; i < half; i++) ids.push(idOf(path.at(i)));
    ids.push(`… ${(n - 2 * half).toLocaleString("en-US")} more …`);
    for (let i = n - half; i < n; i++) ids.push(idOf(path.at(i)));
  }
  ids.push(idOf(path.at(0)));
  return ids.join(" → ");
}

/**
 * Every closure, carriers first (post order): item v's closure is each direct underlay item c in
 * written order followed by c's own closure, skipping what is already listed. That is the depth
 * first order of a walk from v, since c's closure was computed the same way. The work is the
 * sum over items of their direct entries' closure sizes: linear in the closures' total size
 * when no item reaches the same carrier along two of its own entries.
 */
function closuresOf(N: number, post: Int32Array, dStart: Int32Array, dItem: Int32Array, max: number): { start: Int32Array; items: Int32Array } | undefined {
  const off = new Int32Array(N);
  const len = new Int32Array(N);
  const mark = new Int32Array(N);
  let buf = new Int32Array(Math.min(max, Math.max(1024, dStart[N]! * 2)));
  let used = 0;
  for (let r = 0; r < N; r++) {
    const v = post[r]!;
    const s = dStart[v]!;
    const t = dStart[v + 1]!;
    if (s === t) continue;
    const stamp = v + 1;
    off[v] = used;
    for (let e = s; e < t; e++) {
      const c = dItem[e]!;
      // Room for c and all of its closure, grown by doubling.
      const need = used + 1 + len[c]!;
      if (need > buf.length) {
        if (need > max) return undefined;
        const grown = new Int32Array(Math.min(max, Math.max(need, buf.length * 2)));
        grown.set(buf.subarray(0, used));
        buf = grown;
      }
      if (mark[c] !== stamp) {
        mark[c] = stamp;
        buf[used++] = c;
      }
      const cs = off[c]!;
      const ce = cs + len[c]!;
      for (let x = cs; x < ce; x++) {
        const y = buf[x]!;
        if (mark[y] !== stamp) {
          mark[y] = stamp;
          buf[used++] = y;
        }
      }
    }
    len[v] = used - off[v]!;
  }
  // Laid out again in item order, as the index promises.
  const start = new Int32Array(N + 1);
  for (let i = 0; i < N; i++) start[i + 1] = start[i]! + len[i]!;
  const items = new Int32Array(used);
  for (let i = 0; i < N; i++) if (len[i]! > 0) items.set(buf.subarray(off[i]!, off[i]! + len[i]!), start[i]!);
  return { start, items };
}

/**
 * Up items: in service, and (for a link) both ends up, and every direct underlay item up. "Down"
 * spreads from the items not in service to what rests on them and, from an element, to its
 * links; each item is queued at most once, so element ↔ link loops end.
 */
function upItems(elements: readonly UnderlayElement[], links: readonly UnderlayLink[], dStart: Int32Array, dItem: Int32Array): Uint8Array {
  const E = elements.length;
  const L = links.length;
  const N = E + L;
  // Reverse relation: who rests on each item.
  const rStart = new Int32Array(N + 1);
  const K = dStart[N]!;
  for (let e = 0; e < K; e++) rStart[dItem[e]! + 1]!++;
  for (let i = 0; i < N; i++) rStart[i + 1]! += rStart[i]!;
  const rItem = new Int32Array(K);
  const fill = rStart.slice(0, N);
  for (let i = 0; i < N; i++) for (let e = dStart[i]!; e < dStart[i + 1]!; e++) rItem[fill[dItem[e]!]!++] = i;
  // Links at each element.
  const iStart = new Int32Array(E + 1);
  for (let l = 0; l < L; l++) {
    const { ai, bi } = links[l]!;
    if (ai >= 0) iStart[ai + 1]!++;
    if (bi >= 0 && bi !== ai) iStart[bi + 1]!++;
  }
  for (let e = 0; e < E; e++) iStart[e + 1]! += iStart[e]!;
  const iLink = new Int32Array(iStart[E]!);
  const at = iStart.slice(0, E);
  for (let l = 0; l < L; l++) {
    const { ai, bi } = links[l]!;
    if (ai >= 0) iLink[at[ai]!++] = l;
    if (bi >= 0 && bi !== ai) iLink[at[bi]!++] = l;
  }

  const up = new Uint8Array(N).fill(1);
  const queue = new Int32Array(N);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < N; i++) {
    const state = i < E ? elements[i]!.state : links[i - E]!.state;
    if (state !== "in-service") {
      up[i] = 0;
      queue[tail++] = i;
    }
  }
  while (head < tail) {
    const x = queue[head++]!;
    for (let r = rStart[x]!; r < rStart[x + 1]!; r++) {
      const d = rItem[r]!;
      if (up[d] === 1) {
        up[d] = 0;
        queue[tail++] = d;
      }
    }
    if (x < E) {
      for (let r = iStart[x]!; r < iStart[x + 1]!; r++) {
        const d = E + iLink[r]!;
        if (up[d] === 1) {
          up[d] = 0;
          queue[tail++] = d;
        }
      }
    }
  }
  return up;
}

/** The element or link at index `x` of the underlay's item space (elements, then links). */
export function itemAt(topology: Pick<Topology, "elements" | "links">, x: number): Element | Link {
  const E = topology.elements.length;
  return x < E ? topology.elements[x]! : topology.links[x - E]!;
}

/** Ids of the closure of item `x`, in the index's order (depth first, as written). */
export function closureIdsAt(topology: Topology, under: UnderlayIndex, x: number): string[] {
  const ids: string[] = [];
  for (let k = under.start[x]!; k < under.start[x + 1]!; k++) ids.push(itemAt(topology, under.items[k]!).id);
  return ids;
}
