import type { TextReporter } from "./context.js";

/** The AuditResult itself (SPEC §7): the contract every other format and tool reads. */
export const json: TextReporter = (result) => JSON.stringify(result, null, 2) + "\n";
