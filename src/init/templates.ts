import type { Profile } from "../data/policy-document.js";

/** Text wrapped into `# ` comment lines of at most `width` characters. */
export function commentBlock(text: string, width = 96, prefix = "# "): string {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line !== "" && prefix.length + line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line === "" ? word : `${line} ${word}`;
      }
    }
    lines.push(line);
  }
  return lines.map((l) => `${prefix}${l}`.trimEnd()).join("\n");
}

/**
 * A small network that validates and audits out of the box: an office reaches its headquarters
 * application over a clean carrier, with a backup over a carrier whose access gear is Huawei. The
 * routed path is clean, so the verdict is `exposed` (a risky item lies on some path) and it passes
 * the default threshold; raising one metric makes it `routed-dirty`.
 */
export function topologyTemplate(): string {
  return `# A starter topology for cleanpath (format version 1). Replace it with your own network.
# Reference: the cleanpath README and docs/; schema: \`cleanpath schema topology\`.
#
#   cleanpath validate network.yaml
#   cleanpath audit path network.yaml --from office-cpe --to hq-app --failures 1
#
# Try it: raise the metric of office-cpe--blue-access-1 to 50, and the routed path moves onto
# the Huawei access switch (verdict routed-dirty, exit code 1).
cleanpath: 1
name: starter-network

# Who runs the network (referenced by elements and links).
operators:
  bluenet:  { name: BlueNet Carrier, country: US }
  redline:  { name: Redline Telecom, country: US }

# Where equipment stands. Coordinates put the sites on the report's map.
sites:
  office:   { name: Branch office, country: US, region: TX, lat: 30.2672, lon: -97.7431 }
  pop-aus:  { name: Austin point of presence, country: US, region: TX, lat: 30.2500, lon: -97.7500 }
  pop-dal:  { name: Dallas point of presence, country: US, region: TX, lat: 32.7767, lon: -96.7970 }
  hq:       { name: Headquarters data center, country: US, region: VA, lat: 38.9586, lon: -77.3570, tags: [sensitive] }

# Network elements: id and role are required; vendor is any name or alias ("Huawei
# Technologies Co., Ltd." works). Roles: core, ran, access, aggregation, transport, backbone, edge,
# management, datacenter, cloud, landing-station, cable, ixp, endpoint, service, other.
elements:
  - { id: office-cpe,    role: endpoint,   vendor: Cisco,   site: office, model: ISR 1100 }

  # BlueNet: the primary carrier.
  - { id: blue-access-1, role: access,     vendor: Nokia,   operator: bluenet, site: pop-aus }
  - { id: blue-core-1,   role: core,       vendor: Juniper, operator: bluenet, site: pop-dal }

  # Redline: the backup carrier, with Huawei access equipment.
  - { id: red-access-1,  role: access,     vendor: Huawei,  operator: redline, site: pop-aus, installed: 2019-04-01 }
  - { id: red-core-1,    role: core,       vendor: Ericsson, operator: redline, site: pop-dal }

  # Headquarters.
  - { id: hq-gw,         role: edge,       vendor: Juniper, site: hq }
  - { id: hq-app,        role: datacenter, vendor: Dell,    site: hq }

# Links: metric is the routing cost (lower is preferred; default 1). A link can be equipment
# itself (a microwave hop, a leased wave): give it a vendor and an operator.
links:
  - { a: office-cpe,    b: blue-access-1, metric: 10, medium: fiber, operator: bluenet }
  - { a: blue-access-1, b: blue-core-1,   metric: 20, medium: fiber }
  - { a: blue-core-1,   b: hq-gw,         metric: 30, medium: fiber }
  - { a: office-cpe,    b: red-access-1,  metric: 40, medium: fiber, operator: redline }
  - { a: red-access-1,  b: red-core-1,    metric: 20, medium: fiber }
  - { a: red-core-1,    b: hq-gw,         metric: 30, medium: fiber }
  - { a: hq-gw,         b: hq-app,        metric: 1 }

# Flows: traffic that must stay clean. \`cleanpath report\` audits every flow declared here.
flows:
  - id: office-to-hq
    description: Branch office traffic to the headquarters application.
    from: office-cpe
    to: hq-app
    failOn: routed-dirty     # unreachable | dirty | routed-dirty | fragile | exposed
    failures: 1              # also check what one failure does
`;
}

/** A policy that extends the chosen profile, with the other sections of SPEC §5 as commented examples. */
export function policyTemplate(profile: Profile): string {
  const sources = profile.sources.map((s) => `#   - ${s.title}${s.date ? ` (${s.date})` : ""}${s.url ? `: ${s.url}` : ""}${s.confidence ? " [unverified]" : ""}`).join("\n");
  return `# A cleanpath policy: who counts as high-risk, and which placement rules apply.
# It extends the built-in profile \`${profile.id}\`: ${profile.title}.
#
${commentBlock(profile.summary)}
#
# Sources of the profile:
${sources}
#
# See every profile with \`cleanpath profiles\`; list several to combine them.
cleanpath: 1
kind: policy
extends: [${profile.id}]

# Add to the designation (every entry is a reason the report cites):
# risk:
#   vendors: [huawei, zte]          # registry ids; aliases resolve (HiSilicon -> huawei)
#   lists: [fcc-covered-list]       # built-in designation lists
#   operators: [china-telecom]      # carriers (Clean Carrier)
#   jurisdictions: [CN, HK]         # items at sites in these countries
#   tags: [untrusted]
#   components: true                # a box with a designated component is risky
#   unknownVendor: risky            # risky | clean
#   includePassive: false

# Placement rules of your own, next to the profile's:
# rules:
#   - { id: no-hrv-core, forbid: { role: [core, management] } }
#   - { id: sensitive-sites, forbid: { near: { tag: sensitive }, withinKm: 5 } }
#   - { id: ran-cap, cap: { scope: { role: ran }, max: 35%, per: operator, measure: count } }
#   - { id: core-deadline, deadline: { scope: { role: core }, by: 2027-12-31 } }

# Accepted exceptions, each with a reason and an expiry date:
# waivers:
#   - { target: red-access-1, rules: [clean-path], reason: "backup carrier swap scheduled", expires: 2027-06-30 }
`;
}

/** GitHub Actions: audit on every push and pull request, SARIF to code scanning even when the audit fails. */
export function workflowTemplate(version: string): string {
  return `# cleanpath in CI: audits the network on every push and pull request. The job fails when a flow
# or rule fails its threshold (exit code 1), and the findings appear in the repository's code
# scanning alerts, located at the YAML line of the offending element.
name: cleanpath

on:
  push:
    branches: [main]
  pull_request:

permissions:
  contents: read
  security-events: write   # upload SARIF to code scanning

jobs:
  audit:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Audit the network
        run: npx --yes cleanpath-audit@${version} audit network.yaml --policy policy.yaml --format table --format sarif:cleanpath.sarif
      - name: Upload the findings to code scanning
        if: \${{ always() && hashFiles('cleanpath.sarif') != '' }}
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: cleanpath.sarif
          category: cleanpath
`;
}
