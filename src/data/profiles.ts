/**
 * Built-in regulatory profiles (SPEC §5). Each is a policy plus what it is and where it comes
 * from; each rule cites its source, and facts the research could not confirm carry
 * `confidence: "unverified"`. Tag conventions the rules rely on (docs/data-sources.md):
 * site tags `sensitive`, `national-security`, `nuclear`, `military`, `nato`, `embassy`, `port`,
 * `airport`, `eu-institution`; element tags `5g`, `full-fibre`, `high-data-rate`,
 * `sanctions-affected`.
 */
import type { Profile } from "./policy-document.js";
import {
  beLaw2022,
  beLecho2021,
  beSensitiveZones,
  cleanCarrierNames,
  cleanNetworkRemarks,
  cleanNetworkStatement,
  coveredList2021,
  coveredListNebraska,
  de2024,
  eu5gToolbox,
  euCommission2023,
  mxBorderDistance,
  mxReuters2019,
  mxTelecoms2017,
  ndaa889,
  stateCleanPath,
  ukDvd2022,
  ukDvd5gAccessCap,
  ukDvdHighDataRate,
  ukDvdStatement,
  ukHrv2020,
  ukHrvManagement,
  ukJuly2020,
  ukNov2020,
} from "./sources.js";

/** Roles that count as network equipment for vendor-diversity shares (no endpoints or services). */
const equipmentRoles = ["core", "ran", "access", "aggregation", "transport", "backbone", "edge", "management"];

export const profiles: Profile[] = [
  {
    id: "us-clean-path-2020",
    title: "US 5G Clean Path (2020)",
    jurisdiction: "US",
    summary:
      "The State Department's 5G Clean Path (29 Apr 2020): 5G traffic into and out of US diplomatic facilities must travel an end-to-end path with no transmission, control, computing or storage equipment from untrusted vendors such as Huawei and ZTE. Designates Huawei and ZTE. The flows to check are yours: declare them in the topology. No placement rules.",
    sources: [stateCleanPath],
    policy: { risk: { vendors: ["huawei", "zte"] }, rules: [] },
  },
  {
    id: "us-clean-network-2020",
    title: "US Clean Network (2020): Clean Path, Carrier, Cloud and Cable",
    jurisdiction: "US",
    summary:
      "The 5G Clean Path plus the lines announced on 5 Aug 2020: untrusted PRC carriers (China Telecom, China Unicom, China Mobile, Pacific Networks and ComNet), clouds (Alibaba, Baidu, Tencent; China Mobile and China Telecom from the remarks) and the cable vendor HMN Technologies (ex-Huawei Marine; that the remarks named it is unverified). Designates items by vendor, cloud provider and operator through the clean-network-2020 list. No placement rules.",
    sources: [stateCleanPath, cleanNetworkStatement, cleanNetworkRemarks, cleanCarrierNames],
    policy: {
      risk: {
        vendors: ["huawei", "zte"],
        lists: ["clean-network-2020"],
        operators: ["china-telecom", "china-unicom", "china-mobile", "pacific-networks", "comnet"],
      },
      rules: [],
    },
  },
  {
    id: "us-fcc-covered-list",
    title: "US FCC Covered List",
    jurisdiction: "US",
    summary:
      "Everything on the FCC Covered List, each entry from the day it was added: Huawei, ZTE, Hytera, Hikvision and Dahua (2021), Kaspersky and the China Mobile and China Telecom US units (2022), Pacific Networks/ComNet and China Unicom Americas (2022), Kaspersky software (2024, date inferred), DJI and Autel (2025). The Hytera, Hikvision and Dahua entries are limited to public-safety and national-security uses; cleanpath designates all their equipment, so waive uses outside that scope.",
    sources: [coveredListNebraska, coveredList2021],
    policy: { risk: { lists: ["fcc-covered-list"] }, rules: [] },
  },
  {
    id: "us-ndaa-889",
    title: "US NDAA FY2019 §889",
    jurisdiction: "US",
    summary:
      "Covered telecommunications equipment under §889: Huawei and ZTE, and Hytera, Hikvision and Dahua for public-safety and national-security uses (subsidiaries and affiliates included). Part A (procurement) from 13 Aug 2019, Part B (contractors' use) from 13 Aug 2020. The statutory exceptions (third-party backhaul, roaming, interconnection; equipment that cannot route or see user data) are not applied automatically: record them as waivers.",
    sources: [ndaa889],
    policy: { risk: { lists: ["ndaa-889"] }, rules: [] },
  },
  {
    id: "uk-hrv-2020",
    title: "UK high-risk vendor limits (NCSC advice, January 2020)",
    jurisdiction: "GB",
    summary:
      "The UK decision of 28 Jan 2020 on NCSC advice: high-risk vendors out of security-critical core functions and sensitive locations (nuclear sites, military bases), and at most 35% of each operator's access network. The NCSC's list of high-risk vendors is not public; the profile designates Huawei, the vendor the decision concerned (add others with risk.vendors). Network management counts as a core function here, which the sources do not state (unverified). Superseded for Huawei by uk-dvd-2022.",
    sources: [ukHrv2020],
    policy: {
      risk: { vendors: ["huawei"] },
      rules: [
        {
          id: "hrv-core",
          description: "No high-risk vendor in security-critical core functions.",
          source: ukHrv2020,
          forbid: { role: "core" },
        },
        {
          id: "hrv-management",
          description: "No high-risk vendor in network management (read as a security-critical core function).",
          source: ukHrvManagement,
          forbid: { role: "management" },
        },
        {
          id: "hrv-sensitive-sites",
          description: "No high-risk vendor at sensitive locations (sites tagged sensitive, nuclear or military).",
          source: ukHrv2020,
          forbid: { siteTag: ["sensitive", "nuclear", "military"] },
        },
        {
          id: "hrv-access-cap",
          description: "High-risk vendors at most 35% of each operator's access network.",
          source: ukHrv2020,
          cap: { scope: { role: ["access", "ran"] }, max: "35%", per: "operator", measure: "count" },
        },
      ],
    },
  },
  {
    id: "uk-dvd-2022",
    title: "UK designated vendor direction for Huawei (October 2022)",
    jurisdiction: "GB",
    summary:
      "The designated vendor direction issued on 13 Oct 2022 under the Telecommunications (Security) Act 2021, Huawei only: no new Huawei equipment in 5G networks once the direction was issued; out of the network core by 31 Dec 2023; out of sites significant to national security by 28 Jan 2023; at most 35% of the full-fibre access network by 31 Oct 2023; no sanctions-affected Huawei equipment installed in full fibre; all Huawei out of 5G by 31 Dec 2027. Unverified against the final text (which was not seen): a 35% cap on 5G access (in the Feb 2022 draft) and the removal of high-data-rate transmission equipment by 31 Dec 2025 (draft); both are warnings. A managed-services requirement is unverified and not modelled.",
    sources: [ukDvd2022, ukDvdStatement, ukJuly2020, ukNov2020],
    policy: {
      risk: { vendors: ["huawei"] },
      rules: [
        {
          id: "dvd-no-new-5g",
          description: "No Huawei equipment installed in 5G networks after the direction was issued (13 Oct 2022; the day of issue itself is allowed).",
          source: ukDvd2022,
          noNewAfter: { scope: { tag: "5g" }, date: "2022-10-13" },
        },
        {
          id: "dvd-core-removal",
          description: "Huawei removed from the network core by 31 Dec 2023 (originally 28 Jan 2023).",
          source: ukDvd2022,
          deadline: { scope: { role: "core" }, by: "2023-12-31" },
        },
        {
          id: "dvd-national-security-sites",
          description: "Huawei removed from sites significant to national security by 28 Jan 2023.",
          source: ukDvd2022,
          from: "2023-01-29",
          forbid: { siteTag: "national-security" },
        },
        {
          id: "dvd-full-fibre-access-cap",
          description: "Huawei at most 35% of each operator's full-fibre access network by 31 Oct 2023 (originally 31 Jul 2023).",
          source: ukDvd2022,
          from: "2023-11-01",
          cap: { scope: { role: "access", tag: "full-fibre" }, max: "35%", per: "operator", measure: "count" },
        },
        {
          id: "dvd-5g-access-cap",
          description: "Huawei at most 35% of each operator's 5G access network by 31 Oct 2023 (draft wording; unverified in the final direction).",
          level: "warning",
          source: ukDvd5gAccessCap,
          from: "2023-11-01",
          cap: { scope: { role: ["ran", "access"], tag: "5g" }, max: "35%", per: "operator", measure: "count" },
        },
        {
          id: "dvd-no-sanctions-affected-full-fibre",
          description: "No sanctions-affected Huawei equipment installed in full-fibre networks (tag such full-fibre items sanctions-affected).",
          source: ukDvd2022,
          noNewAfter: { scope: { tag: "sanctions-affected" }, date: "2022-10-13" },
        },
        {
          id: "dvd-high-data-rate-transmission",
          description: "Huawei high-data-rate intra-core and inter-operator transmission equipment removed by 31 Dec 2025 (draft; unverified in the final direction).",
          level: "warning",
          source: ukDvdHighDataRate,
          deadline: { scope: { tag: "high-data-rate" }, by: "2025-12-31" },
        },
        {
          id: "dvd-5g-removal",
          description: "All Huawei equipment out of 5G networks by 31 Dec 2027.",
          source: ukDvd2022,
          deadline: { scope: { tag: "5g" }, by: "2027-12-31" },
        },
      ],
    },
  },
  {
    id: "eu-5g-toolbox",
    title: "EU 5G Toolbox (January 2020)",
    jurisdiction: "EU",
    summary:
      "The NIS Cooperation Group's toolbox endorsed by the Commission on 29 Jan 2020. SM03 restricts high-risk suppliers for critical and sensitive assets (core functions, network management and orchestration); SM05/SM06 ask for a multi-vendor strategy per operator and nationally. The toolbox names no supplier; the profile designates Huawei and ZTE, which the Commission called \"materially higher risks\" on 15 Jun 2023. The toolbox gives no figure for diversity: cleanpath warns when one vendor holds more than half of the network equipment (a default of its own). Member-state laws (be-2023, de-2024) are stricter.",
    sources: [eu5gToolbox, euCommission2023],
    policy: {
      risk: { vendors: ["huawei", "zte"] },
      rules: [
        {
          id: "sm03-core-management",
          description: "SM03: no high-risk supplier in core functions or network management and orchestration.",
          source: eu5gToolbox,
          forbid: { role: ["core", "management"] },
        },
        {
          id: "sm05-multi-vendor-operator",
          description: "SM05: multi-vendor strategy per operator (no vendor above 50% of an operator's network equipment; 50% is cleanpath's default).",
          level: "warning",
          source: eu5gToolbox,
          diversity: { scope: { role: equipmentRoles }, maxVendorShare: "50%", per: "operator", measure: "count" },
        },
        {
          id: "sm06-multi-vendor-national",
          description: "SM06: multi-vendor resilience at national level (no vendor above 50% of a country's network equipment; 50% is cleanpath's default).",
          level: "warning",
          source: eu5gToolbox,
          diversity: { scope: { role: equipmentRoles }, maxVendorShare: "50%", per: "country", measure: "count" },
        },
      ],
    },
  },
  {
    id: "be-2023",
    title: "Belgium 5G security law (2022) and Royal Decree (2023)",
    jurisdiction: "BE",
    summary:
      "The Law of 17 Feb 2022 and the Royal Decree of 16 Apr 2023 (from the National Security Council decision of 22 Jun 2020): high-risk suppliers out of the core and backbone, at most 35% of the radio access network counted over the whole network, and out of sensitive zones the security services define. The zones are not public: tag sites sensitive, or with the press examples (port, airport, nato, eu-institution, embassy, military). The law names no supplier; the profile designates Huawei and ZTE (the EU Commission's 2023 statement). It first applies to mobile network operators with their own networks. The transition years reported by the press (2028/2031) are unverified and not modelled.",
    sources: [beLaw2022, beLecho2021, euCommission2023],
    policy: {
      risk: { vendors: ["huawei", "zte"] },
      rules: [
        {
          id: "be-core-backbone",
          description: "No high-risk supplier in the core or the backbone.",
          source: beLecho2021,
          forbid: { role: ["core", "backbone"] },
        },
        {
          id: "be-ran-cap",
          description: "High-risk suppliers at most 35% of the RAN, counted over the whole network.",
          source: beLecho2021,
          cap: { scope: { role: "ran" }, max: "35%", per: "network", measure: "count" },
        },
        {
          id: "be-sensitive-zones",
          description: "No high-risk supplier in sensitive zones (press examples: ports, airports, NATO and EU buildings, embassies, near military compounds).",
          source: beSensitiveZones,
          forbid: { siteTag: ["sensitive", "military", "nato", "embassy", "port", "airport", "eu-institution"] },
        },
      ],
    },
  },
  {
    id: "de-2024",
    title: "Germany: 5G agreements with operators (July 2024)",
    jurisdiction: "DE",
    summary:
      "Public-law contracts of July 2024 between the Federal Government and Deutsche Telekom, Vodafone and Telefónica (§9b(4) BSI Act, old version): critical Huawei and ZTE components out of 5G core networks by 31 Dec 2026, and the critical functions of their 5G network management systems in the access and transport networks replaced by 31 Dec 2029. RAN hardware may stay. The contracts' component list is not public: the rules apply to every element with role core or management (narrow them with a scope if your topology mixes network generations).",
    sources: [de2024],
    policy: {
      risk: { vendors: ["huawei", "zte"] },
      rules: [
        {
          id: "de-core-deadline",
          description: "Critical Huawei and ZTE components out of the 5G core by 31 Dec 2026.",
          source: de2024,
          deadline: { scope: { role: "core" }, by: "2026-12-31" },
        },
        {
          id: "de-management-deadline",
          description: "Huawei and ZTE 5G network management systems (access and transport) replaced by 31 Dec 2029.",
          source: de2024,
          deadline: { scope: { role: "management" }, by: "2029-12-31" },
        },
      ],
    },
  },
  {
    id: "mx-core-border",
    title: "Mexico shared network: core and US-border split (reported, not a law)",
    jurisdiction: "MX",
    summary:
      "Models the vendor split reported for Mexico's shared wholesale network (Red Compartida, Altán Redes, 2017): Nokia in the core, including the NOC and SOC, and at sites near the US border; Huawei in central and southern Mexico and the backbone. It is a contractual split reported by the press, not a law. High-risk vendors (Huawei, ZTE) are kept out of the core and management and out of sites within 100 km of the US border; the reports give no distance, so 100 km is cleanpath's reading (unverified). Reuters reported in 2019 that Huawei work crept into northern cities.",
    sources: [mxTelecoms2017, mxReuters2019],
    policy: {
      risk: { vendors: ["huawei", "zte"] },
      rules: [
        {
          id: "mx-core",
          description: "No high-risk vendor in the core or the network and security operation centres.",
          source: mxTelecoms2017,
          forbid: { role: ["core", "management"] },
        },
        {
          id: "mx-us-border",
          description: "No high-risk vendor at sites within 100 km of the US border.",
          source: mxBorderDistance,
          forbid: { withinKmOfCountry: { country: "US", km: 100 } },
        },
      ],
    },
  },
];
