import { InputError } from "../../src/diagnostics.js";

/** The InputError `f` throws; the test fails when it throws nothing or something else. */
export function inputErrorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("expected an InputError");
}
