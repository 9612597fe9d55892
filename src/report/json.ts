import type { Reporter } from "./context.js";

/** The AuditResult itself (SPEC §7): the contract every other format and tool reads. */
export const json: Reporter = (result) => JSON.stringify(result, null, 2) + "\n";
