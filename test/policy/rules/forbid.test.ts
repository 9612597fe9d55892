import { ruleTester, riskSpec, type TestNet } from "./tester.js";

const core = (vendor: string, extra = {}): TestNet => ({ elements: [{ id: "core-1", role: "core", vendor, ...extra }] });

// A base at 50°N 4°E and sites 3.0 km (0.027° of latitude) and 10 km (0.09°) north of it.
const sensitive: TestNet["sites"] = [
  { id: "base", lat: 50, lon: 4, tags: ["military"] },
  { id: "near-3km", lat: 50.027, lon: 4 },
  { id: "far-10km", lat: 50.09, lon: 4 },
  { id: "lost" },
];

// Real places: Nuevo Laredo and Mexico City (MX), San Diego (US).
const mexico: TestNet["sites"] = [
  { id: "nuevo-laredo", country: "MX", lat: 27.4861, lon: -99.5069 },
  { id: "cdmx", country: "MX", lat: 19.4326, lon: -99.1332 },
  { id: "san-diego", country: "US", lat: 32.7157, lon: -117.1611 },
  { id: "unlocated", country: "MX" },
];
const border = { forbid: { withinKmOfCountry: { country: "US", km: 100 } } };

ruleTester("forbid", {
  valid: [
    { name: "a clean vendor in a forbidden role", net: core("Nokia"), rule: { forbid: { role: "core" } } },
    { name: "high-risk outside the forbidden roles", net: { elements: [{ id: "ran-1", role: "ran", vendor: "Huawei" }] }, rule: { forbid: { role: ["core", "management"] } } },
    { name: "out of service", net: core("Huawei", { state: "out-of-service" }), rule: { forbid: { role: "core" } } },
    { name: "planned elements are not in service", net: core("Huawei", { state: "planned" }), rule: { forbid: { role: "core" } } },
    { name: "decommissioned on the as-of day", net: core("Huawei", { decommission: "2025-01-01" }), rule: { forbid: { role: "core" } } },
    { name: "passive elements are exempt", net: core("Huawei", { passive: true }), rule: { forbid: { role: "core" } } },
    {
      name: "outside the scope",
      net: { elements: [{ id: "core-b", role: "core", vendor: "Huawei", operator: "b" }] },
      rule: { forbid: { role: "core", scope: { operator: "a" } } },
    },
    {
      name: "at a site without the forbidden tags",
      net: { sites: [{ id: "s1", tags: ["office"] }, { id: "s2", tags: ["military"] }], elements: [{ id: "e1", vendor: "Huawei", site: "s1" }] },
      rule: { forbid: { siteTag: ["military", "nuclear"] } },
    },
    {
      name: "farther than withinKm from every matching site",
      net: { sites: sensitive, elements: [{ id: "e1", vendor: "Huawei", site: "far-10km" }] },
      rule: { forbid: { near: { tag: "military" }, withinKm: 5 } },
    },
    {
      name: "more than 100 km from the US (Mexico City)",
      net: { sites: mexico, elements: [{ id: "e1", vendor: "Huawei", site: "cdmx" }, { id: "e2", vendor: "Nokia", site: "nuevo-laredo" }] },
      rule: border,
    },
    {
      name: "an unknown vendor counted as clean is only noted",
      net: core("Acme Routers"),
      rule: { forbid: { role: "core" } },
      spec: riskSpec({ unknownVendor: "clean" }),
      notes: [{ level: "note", items: ["core-1"], message: /unknown vendor, counted as clean .*forbids/ }],
    },
    {
      name: "no site carries the tags: a note says so",
      net: { sites: [{ id: "s1" }], elements: [{ id: "e1", vendor: "Huawei", site: "s1" }] },
      rule: { forbid: { siteTag: "nuclear" } },
      notes: [{ level: "note", items: [], message: /no site is tagged nuclear/ }],
    },
    {
      name: "no site matches near: a note says so",
      net: { sites: [{ id: "s1", lat: 1, lon: 1 }], elements: [{ id: "e1", vendor: "Huawei", site: "s1" }] },
      rule: { forbid: { near: { tag: "nato" }, withinKm: 5 } },
      notes: [{ level: "note", message: /no site matches tag=nato/ }],
    },
  ],
  invalid: [
    {
      name: "Huawei in the core",
      net: { elements: [{ id: "ran-1", role: "ran", vendor: "Huawei" }, { id: "core-1", role: "core", vendor: "Huawei" }] },
      rule: { forbid: { role: "core" } },
      findings: [{ level: "error", items: ["core-1"], message: /`core-1` is high-risk \(vendor huawei: test list\) in role core/, details: { criterion: "role", role: "core" }, location: { line: 2 } }],
    },
    {
      name: "a legal name resolves through the registry",
      net: { elements: [{ id: "mgmt-1", role: "management", vendor: "ZTE Corporation" }] },
      rule: { forbid: { role: ["core", "management"] } },
      findings: [{ level: "error", items: ["mgmt-1"], message: /vendor zte/ }],
    },
    {
      name: "an unknown vendor counts as high-risk by default",
      net: core("Acme Routers"),
      rule: { forbid: { role: "core" } },
      findings: [{ level: "error", items: ["core-1"], message: /`Acme Routers` not in the registry: counted as high-risk/ }],
    },
    {
      name: "an element with no vendor is unknown too",
      net: { elements: [{ id: "core-1", role: "core" }] },
      rule: { forbid: { role: "core" } },
      findings: [{ level: "error", items: ["core-1"], message: /no vendor given/ }],
    },
    {
      name: "at a tagged site",
      net: { sites: [{ id: "s1", tags: ["office", "military"] }], elements: [{ id: "e1", vendor: "Huawei", site: "s1" }] },
      rule: { forbid: { siteTag: ["nuclear", "military"] } },
      findings: [{ level: "error", items: ["e1"], message: /at site s1, tagged military/, details: { criterion: "siteTag", tag: "military", site: "s1" } }],
    },
    {
      name: "in a forbidden country (codes in any case)",
      net: { sites: [{ id: "s1", country: "GB" }], elements: [{ id: "e1", vendor: "Huawei", site: "s1" }] },
      rule: { forbid: { country: "gb" } },
      findings: [{ level: "error", items: ["e1"], details: { criterion: "country", country: "GB" } }],
    },
    {
      name: "in a forbidden region",
      net: { sites: [{ id: "s1", region: "north" }], elements: [{ id: "e1", vendor: "Huawei", site: "s1" }] },
      rule: { forbid: { region: ["north"] } },
      findings: [{ level: "error", items: ["e1"], details: { criterion: "region", region: "north" } }],
    },
    {
      name: "3 km from a military site with a 5 km limit",
      net: { sites: sensitive, elements: [{ id: "e1", vendor: "Huawei", site: "near-3km" }] },
      rule: { forbid: { near: { tag: "military" }, withinKm: 5 } },
      findings: [{ level: "error", items: ["e1"], message: /3\.002 km from site base \(limit 5 km\)/, details: { criterion: "near", nearSite: "base", limitKm: 5 } }],
    },
    {
      name: "at the sensitive site itself with withinKm 0",
      net: { sites: sensitive, elements: [{ id: "e1", vendor: "Huawei", site: "base" }] },
      rule: { forbid: { near: { tag: "military" }, withinKm: 0 } },
      findings: [{ level: "error", items: ["e1"], message: /which itself matches tag=military/, details: { distanceKm: 0 } }],
    },
    {
      name: "Nuevo Laredo is within 100 km of the US",
      net: { sites: mexico, elements: [{ id: "e1", vendor: "Huawei", site: "nuevo-laredo" }, { id: "e2", vendor: "Huawei", site: "cdmx" }] },
      rule: border,
      findings: [{ level: "error", items: ["e1"], message: /at site nuevo-laredo, \d\.\d km from US \(limit 100 km\)/, details: { criterion: "withinKmOfCountry", country: "US", limitKm: 100 } }],
    },
    {
      name: "a site inside the US is at distance 0",
      net: { sites: mexico, elements: [{ id: "e1", vendor: "ZTE", site: "san-diego" }] },
      rule: border,
      findings: [{ level: "error", items: ["e1"], message: /inside US/, details: { distanceKm: 0 } }],
    },
    {
      name: "sites without coordinates are reported, the rest still checked",
      net: { sites: mexico, elements: [{ id: "e1", vendor: "Huawei", site: "cdmx" }, { id: "e2", vendor: "Huawei", site: "unlocated" }, { id: "e3", vendor: "Huawei" }] },
      rule: border,
      passed: true,
      findings: [{ level: "warning", items: ["e2", "e3"], message: /2 high-risk elements could not be checked: 2 sites without coordinates/, details: { sites: ["(no site)", "unlocated"] } }],
    },
    {
      name: "nothing could be measured: the rule is not checked",
      net: { sites: mexico, elements: [{ id: "e2", vendor: "Huawei", site: "unlocated" }] },
      rule: border,
      checked: false,
      findings: [{ level: "warning", items: ["e2"] }],
    },
    {
      name: "sensitive sites without coordinates: nothing can be measured",
      net: { sites: [{ id: "base", tags: ["military"] }, { id: "s1", lat: 1, lon: 1 }], elements: [{ id: "e1", vendor: "Huawei", site: "s1" }] },
      rule: { forbid: { near: { tag: "military" }, withinKm: 5 } },
      checked: false,
      findings: [{ level: "warning", items: [], message: /1 site matching tag=military has no coordinates/, details: { sites: ["base"] } }],
    },
    {
      name: "a role match needs no coordinates",
      net: { sites: mexico, elements: [{ id: "core-1", role: "core", vendor: "Huawei", site: "unlocated" }] },
      rule: { forbid: { role: "core", withinKmOfCountry: { country: "US", km: 100 } } },
      findings: [{ level: "error", items: ["core-1"], details: { criterion: "role" } }],
    },
    {
      name: "no placement given: forbidden anywhere in the scope",
      net: { elements: [{ id: "gov-1", vendor: "Huawei", tags: ["gov"] }, { id: "pub-1", vendor: "Huawei" }] },
      rule: { forbid: { scope: { tag: "gov" } } },
      findings: [{ level: "error", items: ["gov-1"], details: { criterion: "scope" } }],
    },
    {
      name: "the rule's level applies to its findings",
      net: core("Huawei"),
      rule: { level: "warning", forbid: { role: "core" } },
      findings: [{ level: "warning", items: ["core-1"] }],
    },
    {
      name: "a decommission date after the as-of day does not remove it yet",
      net: core("Huawei", { decommission: "2025-01-02" }),
      rule: { forbid: { role: "core" } },
      findings: [{ level: "error", items: ["core-1"] }],
    },
    {
      name: "passive elements count when the designation includes them",
      net: core("Huawei", { passive: true }),
      rule: { forbid: { role: "core" } },
      spec: riskSpec({ includePassive: true }),
      findings: [{ level: "error", items: ["core-1"] }],
    },
    {
      name: "one finding per element, in file order",
      net: { elements: [{ id: "c2", role: "core", vendor: "ZTE" }, { id: "c1", role: "core", vendor: "Huawei" }] },
      rule: { forbid: { role: "core" } },
      findings: [
        { level: "error", items: ["c2"], location: { line: 1 } },
        { level: "error", items: ["c1"], location: { line: 2 } },
      ],
    },
  ],
});
