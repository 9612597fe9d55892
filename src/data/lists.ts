/**
 * Designation lists: who each list names, since when and for what. Vendor, cloud, cable-vendor
 * and software entries use vendor-registry ids (src/data/vendors.ts); operator entries use
 * operator ids (kebab-case) plus `aliases` to match a topology's operator names.
 */
import type { DesignationList } from "./types.js";
import {
  cleanCableHuaweiMarine,
  cleanCarrierNames,
  cleanNetworkRemarks,
  cleanNetworkStatement,
  chinaCarriersFcc,
  chinaUnicomFcc,
  coveredList2021,
  coveredList2022March,
  coveredList2022September,
  coveredListDrones,
  coveredListDronesExemptions,
  coveredListKaspersky2024,
  coveredListNebraska,
  far52204_25,
  hmnSubmarineNetworks,
  ndaa889,
  ndaa889Dates,
  stateCleanPath,
} from "./sources.js";

const coveredTelecom =
  "Telecommunications equipment, and telecommunications or video-surveillance services provided by it or using such equipment (subsidiaries and affiliates included)";
const coveredLimited =
  "Video-surveillance and telecommunications equipment, and services using it, to the extent used for public safety, security of government facilities, physical security of critical infrastructure or other national-security purposes (subsidiaries and affiliates included)";
const droneScope =
  "Communications and video-surveillance equipment (FY25 NDAA §1709(a)(1)); exemptions added 2026-01-07 are valid until 2027-01-01";

const chinaTelecomAliases = ["China Telecom", "China Telecom (Americas) Corp.", "China Telecom Americas", "China Telecom Corporation Limited"];
const chinaMobileAliases = ["China Mobile", "China Mobile International USA Inc.", "China Mobile International (USA)", "China Mobile Limited"];
const chinaUnicomAliases = ["China Unicom", "China Unicom (Americas) Operations Ltd.", "China Unicom Americas"];
// "PacNet" is left out on purpose: it is also the name of an unrelated Asian carrier (now Telstra).
const pacificNetworksAliases = ["Pacific Networks", "Pacific Network Corp.", "Pacific Networks Corp."];
const comnetAliases = ["ComNet (USA) LLC", "ComNet (USA)", "ComNet USA"];

const ndaaPartA = "Part A from 2019-08-13 (no federal procurement); Part B from 2020-08-13 (no federal contracts with entities that use it)";

export const lists: DesignationList[] = [
  {
    id: "fcc-covered-list",
    title: "FCC Covered List (Secure and Trusted Communications Networks Act of 2019; 47 CFR §1.50002)",
    description:
      "Equipment and services the FCC deems an unacceptable national-security risk. Each entry includes the entity's subsidiaries and affiliates. The Hytera, Hikvision and Dahua entries are limited to public-safety, government-facility, critical-infrastructure and national-security uses: cleanpath cannot see an item's purpose, so it designates all their equipment and leaves out-of-scope uses to waivers. The December 2025 entry also covers all foreign-produced UAS and UAS critical components, a category with no vendor to match (tag such items instead).",
    sources: [coveredListNebraska, coveredList2021, coveredList2022March, coveredList2022September, coveredListKaspersky2024, coveredListDrones],
    entries: [
      { kind: "vendor", id: "huawei", name: "Huawei Technologies Company", added: "2021-03-12", scope: coveredTelecom, sources: [coveredListNebraska, coveredList2021] },
      { kind: "vendor", id: "zte", name: "ZTE Corporation", added: "2021-03-12", scope: coveredTelecom, sources: [coveredListNebraska, coveredList2021] },
      { kind: "vendor", id: "hytera", name: "Hytera Communications Corporation", added: "2021-03-12", scope: coveredLimited, sources: [coveredListNebraska, coveredList2021] },
      { kind: "vendor", id: "hikvision", name: "Hangzhou Hikvision Digital Technology Company", added: "2021-03-12", scope: coveredLimited, sources: [coveredListNebraska, coveredList2021] },
      { kind: "vendor", id: "dahua", name: "Dahua Technology Company", added: "2021-03-12", scope: coveredLimited, sources: [coveredListNebraska, coveredList2021] },
      { kind: "vendor", id: "kaspersky", name: "AO Kaspersky Lab", added: "2022-03-25", scope: "Information-security products, solutions and services", sources: [coveredListNebraska, coveredList2022March] },
      { kind: "operator", id: "china-mobile", name: "China Mobile International USA Inc.", aliases: chinaMobileAliases, added: "2022-03-25", scope: "International telecommunications services under §214 of the Communications Act", sources: [coveredListNebraska, coveredList2022March] },
      { kind: "operator", id: "china-telecom", name: "China Telecom (Americas) Corp.", aliases: chinaTelecomAliases, added: "2022-03-25", scope: "Telecommunications services under §214 of the Communications Act", sources: [coveredListNebraska, coveredList2022March] },
      { kind: "operator", id: "pacific-networks", name: "Pacific Network Corp.", aliases: pacificNetworksAliases, added: "2022-09-20", scope: "International telecommunications services (per the PSHSB Public Notice)", sources: [coveredListNebraska, coveredList2022September] },
      { kind: "operator", id: "comnet", name: "ComNet (USA) LLC", aliases: comnetAliases, added: "2022-09-20", scope: "International telecommunications services (per the PSHSB Public Notice)", sources: [coveredListNebraska, coveredList2022September] },
      { kind: "operator", id: "china-unicom", name: "China Unicom (Americas) Operations Ltd.", aliases: chinaUnicomAliases, added: "2022-09-20", scope: "International telecommunications services (per the PSHSB Public Notice)", sources: [coveredListNebraska, coveredList2022September] },
      {
        kind: "software",
        id: "kaspersky",
        name: "Kaspersky Lab, Inc. (and its successors, assignees, parents, subsidiaries and affiliates)",
        added: "2024-09-03",
        scope: "Cybersecurity and anti-virus software it produces or provides; equipment that integrates that software cannot get FCC equipment authorisation. The date is inferred (see the source note).",
        sources: [coveredListKaspersky2024, coveredListNebraska],
      },
      { kind: "vendor", id: "dji", name: "SZ DJI Technology Co., Ltd. (DJI)", added: "2025-12-22", scope: droneScope, sources: [coveredListDrones, coveredListDronesExemptions] },
      { kind: "vendor", id: "autel", name: "Autel Robotics", added: "2025-12-22", scope: droneScope, sources: [coveredListDrones, coveredListDronesExemptions] },
    ],
  },
  {
    id: "ndaa-889",
    title: "NDAA FY2019 §889 (Pub. L. 115-232): covered telecommunications equipment or services",
    description:
      "Section 889 names Huawei and ZTE (telecommunications equipment) and Hytera, Hikvision and Dahua (video-surveillance and telecommunications equipment for public-safety and national-security uses), with their subsidiaries and affiliates. It bites in two steps: Part A bars federal agencies from procuring covered equipment from 2019-08-13; Part B bars them from contracting with entities that use it from 2020-08-13. Each entry is dated 2019-08-13, the first day the statute has effect; a contractor auditing its own network under Part B should judge with --as-of 2020-08-13 or later. The exceptions of §889(a)(2)(A)-(B) (third-party backhaul, roaming or interconnection; equipment that cannot route or redirect user data or see it) are not applied automatically: record them as waivers. The Secretary of Defense may add PRC-linked entities; none are listed here.",
    sources: [ndaa889, ndaa889Dates, far52204_25],
    entries: [
      { kind: "vendor", id: "huawei", name: "Huawei Technologies Company", added: "2019-08-13", scope: `Telecommunications equipment and services using it. ${ndaaPartA}`, sources: [ndaa889] },
      { kind: "vendor", id: "zte", name: "ZTE Corporation", added: "2019-08-13", scope: `Telecommunications equipment and services using it. ${ndaaPartA}`, sources: [ndaa889] },
      { kind: "vendor", id: "hytera", name: "Hytera Communications Corporation", added: "2019-08-13", scope: `Video-surveillance and telecommunications equipment for public-safety, government-facility, critical-infrastructure or national-security purposes. ${ndaaPartA}`, sources: [ndaa889] },
      { kind: "vendor", id: "hikvision", name: "Hangzhou Hikvision Digital Technology Company", added: "2019-08-13", scope: `Video-surveillance and telecommunications equipment for public-safety, government-facility, critical-infrastructure or national-security purposes. ${ndaaPartA}`, sources: [ndaa889] },
      { kind: "vendor", id: "dahua", name: "Dahua Technology Company", added: "2019-08-13", scope: `Video-surveillance and telecommunications equipment for public-safety, government-facility, critical-infrastructure or national-security purposes. ${ndaaPartA}`, sources: [ndaa889] },
    ],
  },
  {
    id: "clean-network-2020",
    title: "Clean Network program (US State Department, 2020): Clean Path, Clean Carrier, Clean Cloud, Clean Cable",
    description:
      "The 5G Clean Path (2020-04-29) names Huawei and ZTE as untrusted vendors. The press statement of 2020-08-05 added Clean Carrier (untrusted PRC carriers not connected to US networks), Clean Cloud (Alibaba, Baidu and Tencent named in the statement; China Mobile and China Telecom in the spoken remarks) and Clean Cable. The carriers are those the remarks asked the FCC to act against. The Huawei Marine (HMN Technologies) entry rests on an unverified report of the remarks. Clean Store and Clean Apps concern apps and handsets, not network equipment, and are not listed. The program's pages are archived, not updated.",
    sources: [stateCleanPath, cleanNetworkStatement, cleanNetworkRemarks, cleanCarrierNames],
    entries: [
      { kind: "vendor", id: "huawei", name: "Huawei", added: "2020-04-29", scope: "5G Clean Path: transmission, control, computing or storage equipment on 5G traffic into and out of US diplomatic facilities", sources: [stateCleanPath] },
      { kind: "vendor", id: "zte", name: "ZTE", added: "2020-04-29", scope: "5G Clean Path: transmission, control, computing or storage equipment on 5G traffic into and out of US diplomatic facilities", sources: [stateCleanPath] },
      { kind: "operator", id: "china-telecom", name: "China Telecom", aliases: chinaTelecomAliases, added: "2020-08-05", scope: "Clean Carrier: not to be connected with US networks or provide international services to and from the US", sources: [cleanNetworkStatement, cleanNetworkRemarks, chinaCarriersFcc] },
      { kind: "operator", id: "china-unicom", name: "China Unicom", aliases: chinaUnicomAliases, added: "2020-08-05", scope: "Clean Carrier: not to be connected with US networks or provide international services to and from the US", sources: [cleanNetworkStatement, cleanCarrierNames, chinaUnicomFcc] },
      { kind: "operator", id: "pacific-networks", name: "Pacific Networks", aliases: pacificNetworksAliases, added: "2020-08-05", scope: "Clean Carrier: not to be connected with US networks or provide international services to and from the US", sources: [cleanNetworkStatement, cleanCarrierNames, chinaCarriersFcc] },
      { kind: "operator", id: "comnet", name: "ComNet (USA)", aliases: comnetAliases, added: "2020-08-05", scope: "Clean Carrier: not to be connected with US networks or provide international services to and from the US", sources: [cleanNetworkStatement, cleanCarrierNames, chinaCarriersFcc] },
      {
        kind: "operator",
        id: "china-mobile",
        name: "China Mobile",
        aliases: chinaMobileAliases,
        added: "2020-08-05",
        scope: "Clean Carrier: not to be connected with US networks or provide international services to and from the US",
        sources: [
          cleanNetworkStatement,
          {
            ...chinaCarriersFcc,
            confidence: "unverified",
            note: "Listed as an untrusted PRC carrier under Clean Carrier; the sources seen name China Mobile only in the Clean Cloud remarks and for its §214 denial of May 2019.",
          },
        ],
      },
      { kind: "cloud", id: "alibaba", name: "Alibaba", added: "2020-08-05", scope: "Clean Cloud: sensitive data and intellectual property kept off its clouds", sources: [cleanNetworkStatement] },
      { kind: "cloud", id: "baidu", name: "Baidu", added: "2020-08-05", scope: "Clean Cloud: sensitive data and intellectual property kept off its clouds", sources: [cleanNetworkStatement] },
      { kind: "cloud", id: "tencent", name: "Tencent", added: "2020-08-05", scope: "Clean Cloud: sensitive data and intellectual property kept off its clouds", sources: [cleanNetworkStatement] },
      { kind: "cloud", id: "china-mobile", name: "China Mobile", added: "2020-08-05", scope: "Clean Cloud (named in the spoken remarks)", sources: [cleanNetworkRemarks] },
      { kind: "cloud", id: "china-telecom", name: "China Telecom", added: "2020-08-05", scope: "Clean Cloud (named in the spoken remarks)", sources: [cleanNetworkRemarks] },
      { kind: "cable-vendor", id: "hmn-technologies", name: "Huawei Marine Networks (now HMN Technologies)", added: "2020-08-05", scope: "Clean Cable: undersea cables not to be subverted for PRC intelligence gathering", sources: [cleanCableHuaweiMarine, hmnSubmarineNetworks] },
    ],
  },
];
