import { profiles } from "../data/profiles.js";
import { errorAt, InputError } from "../diagnostics.js";
import type { Profile } from "../data/policy-document.js";
import { closest } from "../suggest.js";
import { policyTemplate, topologyTemplate, workflowTemplate } from "./templates.js";

/** A file `cleanpath init` writes, relative to the target folder. */
export interface ScaffoldFile {
  path: string;
  what: string;
  text: string;
}

export const defaultProfile = "us-clean-path-2020";

/** The built-in profile of that id, or an InputError naming the ids (with a "did you mean"). */
export function profileFor(id: string): Profile {
  const found = profiles.find((p) => p.id === id);
  if (found) return found;
  const ids = profiles.map((p) => p.id);
  const guess = closest(id, ids);
  throw new InputError([errorAt("E_USAGE", `unknown profile \`${id}\`${guess ? ` — did you mean \`${guess}\`?` : ""} (profiles: ${ids.join(", ")})`)]);
}

/** The starter files: a commented topology, a policy extending the profile, and a CI workflow. */
export function scaffold(profileId: string, version: string): ScaffoldFile[] {
  const profile = profileFor(profileId);
  return [
    { path: "network.yaml", what: "starter topology: replace it with your elements, links, sites and flows", text: topologyTemplate() },
    { path: "policy.yaml", what: `policy extending ${profile.id} (${profile.title})`, text: policyTemplate(profile) },
    { path: ".github/workflows/cleanpath.yml", what: "GitHub Actions: the audit on every push and pull request, findings in code scanning", text: workflowTemplate(version) },
  ];
}

/** What to run next, from the folder the user is in (`dir` as they wrote it, "." for here). */
export function nextSteps(dir: string): string[] {
  const at = (f: string): string => (dir === "." || dir === "" ? f : `${dir.replace(/[\\/]+$/, "")}/${f}`);
  const net = at("network.yaml");
  return [
    `cleanpath validate ${net}`,
    `cleanpath audit path ${net} --from office-cpe --to hq-app --failures 1`,
    `cleanpath report ${net} -o report.html`,
    `cleanpath graph ${net} --format svg -o network.svg`,
  ];
}
