import { resolve } from "node:path";
import type { AuditResult } from "../result.js";
import { errorAt, InputError } from "../diagnostics.js";
import { validate as validateAll } from "../generated/report-all.js";
import { validate as validateFast } from "../generated/report-fast.js";
import { type LoadedFile, parseFile } from "../load/index.js";
import { checkSchema } from "../topology/schema-check.js";
import type { RunHost } from "./host.js";

const GiB = 1024 * 1024 * 1024;

/** Reads and parses one file named on the command line, with positions for later messages. */
export function readInput(host: RunHost, arg: string, maxBytes = GiB): LoadedFile {
  const abs = resolve(host.cwd, arg);
  const shown = host.display(abs);
  let bytes: Uint8Array;
  try {
    const st = host.stat(abs);
    if (!st.isFile) throw new InputError([errorAt("E_READ", `${shown}: not a file`)]);
    if (st.size > maxBytes) throw new InputError([errorAt("E_TOO_LARGE", `${shown}: ${Math.round(st.size / 1048576)} MB is over the limit (--max-file-size)`)]);
    bytes = host.readFile(abs);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError([errorAt("E_READ", `${shown}: cannot read (${(err as { code?: string }).code ?? (err as Error).message})`)]);
  }
  return parseFile(shown, abs, bytes);
}

/** True when a parsed file looks like a saved result rather than a topology. */
export function isSavedResult(file: LoadedFile): boolean {
  const v = file.value;
  return Object.hasOwn(v, "tool") && Object.hasOwn(v, "summary") && Object.hasOwn(v, "pairs");
}

/** A saved `--format json` result, checked against the report schema (located messages otherwise). */
export function loadSavedResult(file: LoadedFile): AuditResult {
  const problems = checkSchema(file, validateFast, validateAll);
  if (problems.length > 0) {
    throw new InputError([errorAt("E_NOT_RESULT", `${file.file} is not a cleanpath result (\`--format json\` output): it breaks the report schema`), ...problems]);
  }
  return file.value as unknown as AuditResult;
}

/** A `.json` argument that holds a saved result (not a topology), or undefined. */
export function savedResultAt(host: RunHost, arg: string): LoadedFile | undefined {
  if (!/\.json$/i.test(arg)) return undefined;
  const abs = resolve(host.cwd, arg);
  let isFile = false;
  try {
    isFile = host.stat(abs).isFile;
  } catch {
    return undefined; // the topology loader reports the missing file with its usual message
  }
  if (!isFile) return undefined;
  const file = readInput(host, arg);
  return isSavedResult(file) ? file : undefined;
}
