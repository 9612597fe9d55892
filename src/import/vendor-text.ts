// The vendor a free-text description names: LLDP system descriptions ("Huawei Versatile Routing
// Platform Software", "Juniper Networks, Inc. ex2200-24t-4g", "Cisco IOS XR Software") and
// manufacturer strings. A vendor's registry spellings (name, legal names, aliases) are looked for
// as whole words, earliest first and longest at a place; a few operating-system names that only
// one vendor ships stand in for it. Names of devices are never read: an access point called
// `AP_Huawei` that describes itself as a Cisco AIR-AP2802I is Cisco.
import { VendorRegistry } from "../vendors/registry.js";

const registry = new VendorRegistry();

/** Operating systems and product lines that name their vendor (registry id) on their own. */
const productHints: Record<string, string> = {
  "versatile routing platform": "huawei",
  vrp: "huawei",
  arubaos: "hpe",
  "aruba os": "hpe",
  junos: "juniper",
  "nx os": "cisco",
  "ios xr": "cisco",
  "ios xe": "cisco",
  "arista eos": "arista",
  routeros: "mikrotik",
  zxr10: "zte",
  zxros: "zte",
  timos: "nokia",
  fortios: "fortinet",
  fortigate: "fortinet",
  "pan os": "palo-alto",
  "cumulus linux": "nvidia",
  edgeos: "ubiquiti",
  unifi: "ubiquiti",
  exos: "extreme",
  extremexos: "extreme",
};

/** Registry spellings that are also common words or acronyms in device descriptions. */
const ambiguous = new Set(["asn", "honor", "os", "ios"]);

/** Lower-case words: accents dropped, dots and apostrophes removed, anything else splits. */
function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[.'’]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

interface Phrase {
  words: string[];
  vendor: string;
}

/** Phrases by their first word, longest first. */
function buildIndex(): Map<string, Phrase[]> {
  const index = new Map<string, Phrase[]>();
  const add = (spelling: string, vendor: string): void => {
    const w = words(spelling);
    // One-letter words and a few acronyms that free text uses for other things match too much.
    if (w.length === 0 || (w.length === 1 && (w[0]!.length < 2 || ambiguous.has(w[0]!)))) return;
    const list = index.get(w[0]!) ?? [];
    if (!list.some((p) => p.words.join(" ") === w.join(" "))) list.push({ words: w, vendor });
    index.set(w[0]!, list);
  };
  for (const e of registry.entries()) {
    for (const s of [e.name, ...e.legalNames, ...e.aliases, e.id]) add(s, e.name);
  }
  for (const [hint, id] of Object.entries(productHints)) {
    const entry = registry.byVendorId(id);
    if (entry) add(hint, entry.name);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

const index = buildIndex();
const cache = new Map<string, string | null>();
const cacheLimit = 65_536;

/** The vendor (its registry name) a description names first, if any. */
export function vendorInText(text: string): string | undefined {
  const hit = cache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const w = words(text);
  let found: string | null = null;
  for (let i = 0; i < w.length && found === null; i++) {
    for (const p of index.get(w[i]!) ?? []) {
      if (p.words.every((x, j) => w[i + j] === x)) {
        found = p.vendor;
        break;
      }
    }
  }
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(text, found);
  return found ?? undefined;
}
