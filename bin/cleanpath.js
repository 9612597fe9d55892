#!/usr/bin/env node
// Only the heap check is loaded first: a large input runs in a child process with a tuned heap
// (src/cli/heap.ts), and this process need not load the rest.
import { runTunedIfLarge } from "../dist/cli/heap.js";

if (!runTunedIfLarge()) {
  const { run } = await import("../dist/cli/run.js");
  run();
}
