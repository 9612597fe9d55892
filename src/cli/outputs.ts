import { resolve } from "node:path";
import type { RenderedOutput } from "../run/outputs.js";
import { writeFileAtomic } from "./files.js";
import type { CliIo } from "./io.js";

/** Writes each file atomically, then the stdout output piece by piece; returns the files written. */
export function writeOutputs(io: CliIo, rendered: readonly RenderedOutput[]): string[] {
  const files: string[] = [];
  for (const { spec, text } of rendered) {
    if (spec.path === undefined) continue;
    writeFileAtomic(resolve(io.cwd, spec.path), text);
    files.push(spec.path);
  }
  for (const { spec, text } of rendered) {
    if (spec.path !== undefined) continue;
    if (typeof text === "string") io.stdout(text);
    else for (const piece of text) io.stdout(piece);
  }
  return files;
}
