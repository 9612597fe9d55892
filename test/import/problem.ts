// The first diagnostic of an InputError as one line, for tests of refused input.
import { expect } from "vitest";
import { InputError } from "../../src/diagnostics.js";

/** `file:line:col CODE message` of the first diagnostic `run` throws; fails the test when it throws none. */
export function problem(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    const d = (err as InputError).diagnostics[0]!;
    return `${d.location?.file}:${d.location?.line}:${d.location?.column} ${d.code} ${d.message}`;
  }
  throw new Error("expected an InputError");
}
