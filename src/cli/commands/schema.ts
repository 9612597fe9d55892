import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Argument } from "commander";
import type { CommandModule } from "./index.js";

/** The published schemas ship in the package's schemas/ folder, next to dist/. */
const schemaDir = fileURLToPath(new URL("../../../schemas/", import.meta.url));
const names = readdirSync(schemaDir)
  .filter((f) => f.endsWith(".schema.json"))
  .map((f) => f.replace(/\.schema\.json$/, ""))
  .sort();

export const schemaCommand: CommandModule = (command, ctx) => {
  command
    .description("Print one of the JSON Schemas (draft 2020-12) cleanpath validates with: for editors, CI and your own tools.")
    .addArgument(new Argument("<name>", "which schema").choices(names))
    .addHelpText("after", "\nExamples:\n  cleanpath schema topology > topology.schema.json\n  cleanpath schema report\n")
    .action((name: string) => {
      ctx.io.stdout(readFileSync(`${schemaDir}${name}.schema.json`, "utf8"));
    });
};
