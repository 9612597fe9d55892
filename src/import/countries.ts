// Country names → ISO 3166-1 alpha-2 codes, for sources that write names (Topology Zoo's
// `Country`, NetBox region names): the ISO short names of src/data/countries.ts, plus the other
// names and spellings found in real data (Macedonia, Myanmar [Burma], UK…; TeleGeography's "Congo, Dem. Rep.").
import { countries } from "../data/countries.js";

const aliases = `AE UAE|BN Brunei|BO Bolivia, Plurinational State of|BQ Bonaire, Saint Eustatius and Saba|CD Democratic Republic of the Congo|CI Ivory Coast|CV Cape Verde|CZ Czech Republic|FM Micronesia, Federated States of|GB UK|GB Great Britain|GB England|GB Scotland|GB Wales|GB Northern Ireland|IR Iran, Islamic Republic of|KR Korea, Republic of|KR Republic of Korea|KP Korea, Democratic People's Republic of|LA Lao People's Democratic Republic|MD Moldova, Republic of|MK Macedonia|MK The former Yugoslav Republic of Macedonia|MM Myanmar [Burma]|MM Burma|MO Macau|NL The Netherlands|NL Holland|PS Palestine, State of|RU Russian Federation|SY Syrian Arab Republic|SZ Swaziland|TR Turkiye|TW Taiwan, Province of China|TZ Tanzania, United Republic of|US USA|US United States of America|US U.S.|US U.S.A.|VA Vatican City|VE Venezuela, Bolivarian Republic of|VI Virgin Islands, U.S.|VG Virgin Islands, British|VN Viet Nam|CD Congo, Dem. Rep.|CG Congo, Rep.|VG Virgin Islands (U.K.)|VN Vietnam|TR Turkey|SX Sint Maarten|MF Saint Martin|FK Falkland Islands`;

/** Case, accents, punctuation and a leading "the" do not matter. */
function normalise(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/^the /, "");
}

const byName = new Map<string, string>();
const codes = new Set<string>();
for (const c of countries) {
  codes.add(c.alpha2);
  byName.set(normalise(c.name), c.alpha2);
}
for (const entry of aliases.split("|")) byName.set(normalise(entry.slice(3)), entry.slice(0, 2));

/** The ISO 3166-1 alpha-2 code for a country name or code, or undefined when unknown. */
export function countryCode(name: string): string | undefined {
  const trimmed = name.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && codes.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return byName.get(normalise(trimmed));
}
