import type { Reporter } from "./context.js";
import { jsonPieces } from "./pieces.js";

/**
 * The AuditResult itself (SPEC §7): the contract every other format and tool reads. In pieces,
 * because a result with a 10^6-hop path is longer than the longest string V8 can build; joined,
 * they are exactly `JSON.stringify(result, null, 2) + "\n"`.
 */
export const json: Reporter = (result) => jsonPieces(result);
