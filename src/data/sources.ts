/**
 * The sources the built-in data cites, one constant each, so that a vendor, a list entry and a
 * profile rule that rest on the same document cite it identically. Facts and dates come from
 * ../shared/research/policy-facts.md (verification log of 2026-11-22); `confidence: "unverified"`
 * and `note` carry that file's [unverified] marks and caveats. URLs appear only where the research
 * (or a page seen while compiling this data) gives one.
 */
import type { Source } from "./types.js";

// ── Clean Network (US State Department) ──────────────────────────────────────────────────────

export const stateCleanPath: Source = {
  title: "U.S. Department of State, \"5G Clean Network\" page (archived snapshot)",
  date: "2020-07-10",
  note: "Announces the 5G Clean Path of 2020-04-29: no transmission, control, computing or storage equipment from untrusted IT vendors such as Huawei and ZTE on 5G traffic into and out of US diplomatic facilities. Also: \"Building a Clean Network: Key Milestones\" (2017-2021.state.gov).",
};

export const cleanNetworkStatement: Source = {
  title: "Seeking Alpha, \"Tech war escalates: Washington unveils Clean Network program\" (reproduces the State Department press statement of 2020-08-05)",
  date: "2020-08-06",
  url: "https://seekingalpha.com/news/3601592-tech-war-escalates-washington-unveils-clean-network-program",
  note: "Five new lines: Clean Carrier, Clean Store, Clean Apps, Clean Cloud (\"companies such as Alibaba, Baidu, and Tencent\"), Clean Cable. Also Light Reading, \"Trump lays out 'Clean Network' agenda against China\" (2020-08-06).",
};

export const cleanNetworkRemarks: Source = {
  title: "Breitbart, report of Secretary Pompeo's Clean Network remarks",
  date: "2020-08-06",
  note: "The remarks urged the FCC to revoke the authorisations of China Telecom and three other companies, and named China Mobile and China Telecom under Clean Cloud.",
};

export const cleanCarrierNames: Source = {
  title: "gizchina, report on the Clean Network announcement",
  date: "2020-08-06",
  note: "Names the three companies beside China Telecom as China Unicom, Pacific Networks and its subsidiary ComNet (USA).",
};

export const cleanCableHuaweiMarine: Source = {
  title: "Clean Network remarks of 2020-08-05 (Clean Cable) as reported",
  date: "2020-08-05",
  confidence: "unverified",
  note: "The Clean Cable line itself is confirmed (Seeking Alpha 2020-08-06). That the remarks cited Huawei Marine bids is unverified: the copies found were cut off before any such mention.",
};

// ── FCC Covered List ─────────────────────────────────────────────────────────────────────────

export const coveredListNebraska: Source = {
  title: "FCC Covered List (47 CFR §1.50002), copy kept by the Nebraska Broadband Office, \"Updated September 3, 2024\"",
  date: "2024-09-03",
  note: "Entries include subsidiaries and affiliates.",
};

export const coveredList2021: Source = {
  title: "Anthony Veach Law, FCC Covered List summary",
  date: "2022-03-29",
  note: "Huawei, ZTE, Hytera, Hikvision and Dahua on the first list of 2021-03-12; March 2022 additions.",
};

export const coveredList2022March: Source = {
  title: "Business Standard, FCC adds Kaspersky, China Mobile and China Telecom units to its national-security threat list",
  date: "2022-03-26",
  note: "The FCC acted \"on Friday\", i.e. 2022-03-25. Also ExecutiveGov (2022-03-29).",
};

export const coveredList2022September: Source = {
  title: "TLP Law, \"FCC adds PacNet/ComNet and China Unicom to Covered List\"",
  date: "2022-09-22",
  url: "https://www.tlp.law/2022/09/22/fcc-adds-pacnet-comnet-and-china-unicom-to-covered-list/",
  note: "PSHSB Public Notice of 2022-09-20 covers their international telecommunications services. Also Reuters via Daily Mail (2022-09-20).",
};

export const coveredListKaspersky2024: Source = {
  title: "Trade Law Daily digest: Office of Engineering and Technology and PSHSB \"Tuesday notice\" adding Kaspersky Lab, Inc. software",
  date: "2024-09-03",
  url: "https://tradelawdaily.com/category/51",
  confidence: "unverified",
  note: "Date inferred: 2024-09-03 was a Tuesday and the Nebraska copy of the list is \"Updated September 3, 2024\"; the notice itself was not seen. Follows Commerce's ICTS Final Determination (89 FR 52434, 2024-06-24; new transactions barred from 2024-07-20; Morrison & Foerster 2024-07-16).",
};

export const coveredListDrones: Source = {
  title: "Pillsbury, FCC adds foreign-produced UAS and DJI/Autel equipment to the Covered List (FY25 NDAA §1709(a)(1))",
  date: "2025-12",
  note: "Added 2025-12-22; exemptions added 2026-01-07, valid until 2027-01-01 (Phillips Lytle, 2026-02-24).",
};

export const coveredListDronesExemptions: Source = {
  title: "Phillips Lytle, Covered List UAS update and exemptions",
  date: "2026-02-24",
};

// ── NDAA FY2019 §889 ─────────────────────────────────────────────────────────────────────────

export const ndaa889: Source = {
  title: "Section 889 of the FY2019 NDAA (Pub. L. 115-232): DPC/DARS page (acq.osd.mil/dpap/dars/section889), NDIA, EAC",
  date: "2022-10-19",
  note: "Part A (no procurement) effective 2019-08-13; Part B (no contracts with entities that use covered equipment) effective 2020-08-13. Dates re-checked: Arent Fox (2019-08), Government Contracts Legal Forum (2020-07), EAC (2022-10-19).",
};

export const ndaa889Dates: Source = {
  title: "Government Contracts Legal Forum, Section 889 Part B",
  date: "2020-07",
  note: "Reads Part B as having no exception for a contractor's own use of backhaul or roaming that includes covered equipment.",
};

export const far52204_25: Source = {
  title: "FAR 52.204-25 (AUG 2020), paragraph (c): exceptions under §889(a)(2)(A)-(B) (verbatim copy in a GSA contract template)",
  date: "2020-08",
  note: "Not prohibited: (1) a service that connects to the facilities of a third party (backhaul, roaming, interconnection); (2) telecommunications equipment that cannot route or redirect user data traffic or permit visibility into user data.",
};

// ── United Kingdom ───────────────────────────────────────────────────────────────────────────

export const ukHrv2020: Source = {
  title: "UK Government statement to the House of Lords on the NCSC high-risk-vendor advice (also convergedigest)",
  date: "2020-01-28",
  note: "HRVs excluded from safety-critical CNI networks, from security-critical core functions and from sensitive geographic locations (nuclear sites, military bases); capped at 35% of the access network.",
};

export const ukHrvManagement: Source = {
  title: "UK NCSC high-risk-vendor advice (2020-01-28), reading of \"security-critical core functions\"",
  date: "2020-01-28",
  confidence: "unverified",
  note: "cleanpath reads network management as a security-critical function; the sources seen say \"core functions\" without listing management.",
};

export const ukJuly2020: Source = {
  title: "Freshfields Risk & Compliance, \"UK bans Huawei…\"",
  date: "2020-07",
  note: "No new Huawei 5G purchases after 2020-12-31; all Huawei out of 5G by end-2027.",
};

export const ukNov2020: Source = {
  title: "ISPreview, \"Gov Tightens Huawei 5G Mobile and FTTP Broadband Restrictions\"",
  date: "2020-11-30",
  url: "https://www.ispreview.co.uk/index.php/2020/11/gov-tightens-huawei-5g-mobile-and-fttp-broadband-restrictions.html",
};

export const ukDvd2022: Source = {
  title: "TeleGeography CommsUpdate, \"DCMS confirms issuance of legal notices to operators related to removal of Huawei equipment\"",
  date: "2022-10-14",
  url: "https://www.commsupdate.com/articles/2022/10/14/dcms-confirms-issuance-of-legal-notices-to-operators-related-to-removal-of-huawei-equipment/",
  note: "Designation notice to Huawei and designated vendor direction to 35 providers, 2022-10-13 (Telecommunications (Security) Act 2021). Also the GOV.UK release and Reuters via devdiscourse (2022-10-13).",
};

export const ukDvdStatement: Source = {
  title: "House of Commons written statement \"5G Network: Removal of Huawei Equipment\"",
  date: "2022-10-13",
  note: "Eight other requirements unchanged from the draft.",
};

export const ukDvd5gAccessCap: Source = {
  title: "scl.org, UK draft designated vendor direction (Feb 2022)",
  date: "2022-02-24",
  confidence: "unverified",
  note: "The draft capped Huawei at 35% of \"full fibre and 5G access (i.e. non-core) networks\"; the final release names only full fibre. Whether the final direction still caps 5G access is unverified (final DVD text not seen).",
};

export const ukDvdHighDataRate: Source = {
  title: "scl.org, UK draft designated vendor direction (Feb 2022): high-data-rate transmission",
  date: "2022-02-24",
  confidence: "unverified",
  note: "The draft required removal of Huawei high-data-rate intra-core and inter-operator transmission equipment from all networks by 2025-12-31; the final summaries do not repeat it (unverified against the final DVD text).",
};

// ── European Union ───────────────────────────────────────────────────────────────────────────

export const eu5gToolbox: Source = {
  title: "NIS Cooperation Group, Cybersecurity of 5G networks: EU Toolbox of risk mitigating measures; Commission communication COM(2020) 50",
  date: "2020-01-29",
  note: "SM03: restrict high-risk suppliers for critical and sensitive assets (core functions, network management and orchestration, access network). SM05/SM06: multi-vendor strategy per operator and nationally. Summaries: Jones Day (2020-05), Mobile World Live (2020-01).",
};

export const euCommission2023: Source = {
  title: "European Commission statement on Huawei and ZTE (reported by SCMP, AFP and medianama)",
  date: "2023-06-15",
  note: "Huawei and ZTE \"represent in fact materially higher risks\" than other 5G suppliers.",
};

// ── Belgium ──────────────────────────────────────────────────────────────────────────────────

export const beLaw2022: Source = {
  title: "Belgian Law of 17 February 2022 (numac 2022031089, art. 105 of the 2005 Electronic Communications Act) and Royal Decree of 16 April 2023 (numac 2023030636), via etaamb.openjustice.be",
  date: "2023-05-11",
  note: "Law published 2022-03-11, Royal Decree published 2023-05-11; from the National Security Council decision of 2020-06-22. Initially covers mobile network operators with their own networks.",
};

export const beLecho2021: Source = {
  title: "L'Echo, Belgian 5G security rules",
  date: "2021-03",
  note: "High-risk suppliers excluded from the core (and backbone), capped at 35% of the RAN counted \"pour tout le réseau\", excluded from sensitive zones (e.g. NATO, embassies). Transitional years (2028/2031 per Le Vif and ANSA) are unverified.",
};

export const beSensitiveZones: Source = {
  title: "De Tijd (2020-06), L'Echo (2020-10, 2021-03), Brussels Times (2020): examples of Belgian sensitive zones",
  date: "2021-03",
  note: "Press examples, not the legal list: ports (Antwerp), airports, NATO and European Commission buildings, embassies, the vicinity of military compounds. The zones are defined by the security services.",
};

// ── Germany ──────────────────────────────────────────────────────────────────────────────────

export const de2024: Source = {
  title: "BMI press release \"Greater security and technological sovereignty for the German 5G mobile network\"",
  date: "2024-07-11",
  url: "https://bmi.bund.de/SharedDocs/pressemitteilungen/EN/2024/07/5g-en.html",
  note: "Public-law contracts with Deutsche Telekom, Vodafone and Telefónica under §9b(4) BSI Act (old version): critical Huawei and ZTE components out of 5G core networks by end-2026; critical functions of their 5G network management systems in access and transport networks replaced by end-2029.",
};

// ── Mexico ───────────────────────────────────────────────────────────────────────────────────

export const mxReuters2019: Source = {
  title: "Reuters (Julia Love) via Euronews, \"U.S. campaign against Huawei hits a snag south of the border\"",
  date: "2019-05-09",
  url: "https://www.euronews.com/2019/05/09/us-campaign-against-huawei-hits-a-snag-south-of-the-border",
  note: "Altán announced that the core and sites near the U.S. border would go to Nokia, Huawei getting southern and central Mexico; Huawei later gained work in three northern cities.",
};

export const mxTelecoms2017: Source = {
  title: "telecoms.com, \"Start chopping the limes, Huawei and Nokia are throwing a party in Mexico\"",
  date: "2017-04-03",
  url: "https://telecoms.com/481063/start-chopping-the-limes-huawei-and-nokia-are-throwing-a-party-in-mexico/",
  note: "Nokia: northern region and the core, including the NOC and SOC; Huawei: central and southern regions and the backbone.",
};

export const mxBorderDistance: Source = {
  title: "Reuters via Euronews (2019-05-09): \"sites near the U.S. border\"",
  date: "2019-05-09",
  url: "https://www.euronews.com/2019/05/09/us-campaign-against-huawei-hits-a-snag-south-of-the-border",
  confidence: "unverified",
  note: "The reports give no distance; 100 km is cleanpath's reading of \"near the border\".",
};

// ── Company ownership (research section (h)) ─────────────────────────────────────────────────

export const entityList: Source = {
  title: "BIS Entity List additions for Huawei affiliates (Federal Register 2019-17921 summary; Orrick via natlawreview 2019-05; Thompson Hine 2020-08)",
  date: "2020-08",
  note: "About 152 Huawei affiliates listed after 2019-05-16 (+68), 2019-08-19 (+46) and 2020-08-17 (+38).",
};

export const hisiliconScmp: Source = {
  title: "South China Morning Post, \"US strikes at a Huawei prize\" (HiSilicon, Huawei's chip-design unit founded 2004)",
  date: "2020-05",
};

export const futureweiReuters: Source = {
  title: "Reuters via Taipei Times: Futurewei, Huawei's wholly owned US R&D unit founded 2001",
  date: "2019-06-26",
  note: "Not named in the May 2019 Entity List additions (TechNode, 2019-06-25).",
};

export const huaweiUnitsUnverified: Source = {
  title: "Huawei Device, Huawei Cloud and Huawei Digital Power as Huawei subsidiaries",
  date: "2026-11-22",
  confidence: "unverified",
  note: "Not confirmed by any source seen (one pages search returned only Futurewei pages).",
};

export const honorScmp: Source = {
  title: "South China Morning Post: Huawei sells Honor to Shenzhen Zhixin New Information Technology and keeps no shares",
  date: "2020-11-17",
  note: "The buyer was formed by a Shenzhen government-owned company and 30+ Honor agents and dealers (AP via Washington Post, 2020-11-16).",
};

export const xfusionPandaily: Source = {
  title: "Pandaily (citing the Qichacha registry) and itreseller.ch: Huawei's x86 server unit Super Fusion Digital Technology changes ownership",
  date: "2021-11-05",
  note: "Ownership moved on 2021-11-05 to a consortium led by Henan Information Industry Investment, a Henan provincial-government firm.",
};

export const xfusionNameUnverified: Source = {
  title: "English brand name \"xFusion\" for Super Fusion Digital Technology",
  date: "2026-11-22",
  confidence: "unverified",
  note: "The English name xFusion was not in the sources seen.",
};

export const hmnSubmarineNetworks: Source = {
  title: "submarinenetworks.com, Hengtong's acquisition of Huawei Marine Networks",
  date: "2020-06",
  note: "2008 Huawei–Global Marine JV, Huawei 51%. Hengtong signed for Huawei's 51% on 2019-05-31 and completed that transfer in March 2020 (day not given), then bought 30% from Global Marine for 81% by May 2020; renamed HMN Technologies in 2020.",
};

export const hmnLaTercera: Source = {
  title: "La Tercera, quoting a Huawei statement on HMN Technologies",
  date: "2026-02-23",
  note: "Hengtong reached 100% of HMN Technologies in March 2023.",
};

export const zteInfobox: Source = {
  title: "Wikipedia infobox \"ZTE\" (copies 2018–2023): Nubia (49.9%), ZTEsoft, Zonergy",
  date: "2023",
  note: "Copies dated 2018 to 2023; the year of the latest is given.",
};

export const zteMicroelectronics: Source = {
  title: "ITProPortal: China's National IC Fund takes 24% of ZTE Microelectronics",
  date: "2015-11-25",
};

export const sanechipsUnverified: Source = {
  title: "Sanechips as the later name of ZTE Microelectronics",
  date: "2026-11-22",
  confidence: "unverified",
  note: "Two pages searches showed no rename.",
};

export const fiberhomeCict: Source = {
  title: "FiberHome announcement on its controlling shareholder (q.stock.sohu.com)",
  date: "2021-06-24",
  note: "Not a Huawei or ZTE subsidiary; its indirect controlling shareholder is China Information and Communication Technologies Group (CICT), a central SOE formed in 2018 from the Wuhan Research Institute of Posts and Telecommunications (FiberHome Group) and Datang.",
};

export const h3cHistory: Source = {
  title: "telecoms.com (2015-05-22), The Register (2023-01-03), SCMP (2023-01-04): H3C ownership history",
  date: "2023-01-04",
  note: "Founded in 2003 as the Huawei–3Com JV; 3Com bought out Huawei in 2006–07; HP acquired 3Com in 2010; Unisplendour agreed to buy 51% in May 2015; HPE sold its remaining 49% from January 2023. Not a Huawei alias.",
};

export const h3cJvEndUnverified: Source = {
  title: "End of the Huawei–3Com joint venture",
  date: "2023-01-04",
  confidence: "unverified",
  note: "The sources date the buyout \"2006–07\" without a day; the link is kept until 2008-01-01 so that the JV period is never understated. The 2003 start day is likewise unknown (2003-01-01 used).",
};

export const ezvizTechcrunch: Source = {
  title: "TechCrunch (via aitopics): EZVIZ, Hikvision's consumer brand",
  date: "2021",
};

export const lorexBackstreet: Source = {
  title: "backstreet-surveillance.com: Dahua announces the sale of Lorex to a Taiwan-based buyer",
  date: "2022-11",
  confidence: "unverified",
  note: "Lorex was Dahua-owned from 2018 (day not given; 2018-01-01 used). The sale was announced in November 2022, the day of the FCC equipment-authorisation ban; the closing date is unverified, so the link to Dahua is kept open.",
};

export const dahuaUsaNikkei: Source = {
  title: "Nikkei via thehongkongpost: Dahua Technology USA sold to Central Motion Picture USA for $15m",
  date: "2024-04-17",
  note: "Sold in January 2024 (day not given; the link is kept until 2024-02-01).",
};

export const imouUnverified: Source = {
  title: "Imou as a Dahua brand",
  date: "2026-11-22",
  confidence: "unverified",
  note: "One pages search on Dahua/Hikvision brands found nothing on Imou.",
};

export const chinaCarriersFcc: Source = {
  title: "FCC actions on Chinese carriers: China Telecom (Americas) §214 revoked 2021-10-26 (chinatechnews 2021-10-27); Pacific Networks/ComNet revoked 2022-03-16, released 2022-03-23 (FCC 22-22; Trade Law Daily 2022-04-19)",
  date: "2022-04-19",
  note: "China Mobile International (USA) was denied §214 authority in May 2019 (recap in gnews.org, 2022; weak source).",
};

export const chinaUnicomFcc: Source = {
  title: "FCC press release \"FCC Revokes China Unicom Americas' Authority…\"",
  date: "2022-01-27",
  url: "https://docs.fcc.gov/public/attachments/DOC-379680A1.txt",
  note: "Order on Revocation adopted 2022-01-27, 4-0; the release date is unverified.",
};

// ── Datasets and company identity ────────────────────────────────────────────────────────────

export const containerlabKinds: Source = {
  title: "containerlab node kinds (kindNames in nodes/*), srl-labs/containerlab @ 39ff2b7ccce20f3c4610fcbd1fc030582f4499c1, and the kinds manual",
  date: "2026-11",
  url: "https://containerlab.dev/manual/kinds/",
  note: "Snapshot read in November 2026 (../shared/datasets/README.md). The vr-<vendor>_<x> spelling is a third alias for most VM kinds.",
};

export const netboxDemoManufacturers: Source = {
  title: "netbox-community/netbox-demo-data, json/netbox-demo-v3.6.json: dcim.manufacturer",
  date: "2026-11",
  url: "https://github.com/netbox-community/netbox-demo-data",
  note: "Snapshot read in November 2026 (../shared/datasets/README.md): 14 manufacturers, of which Generic is not a vendor.",
};

/**
 * Identity facts (legal name, headquarters country, brand spellings) of vendors the research
 * does not cover. Marked unverified because no stored copy of a filing or page was checked;
 * spread it with the company's own site as `url`.
 */
export const companyIdentity: Source = {
  title: "Company identity as the company publishes it (legal name, headquarters)",
  date: "2026-11-22",
  confidence: "unverified",
  note: "Compiled for cleanpath from the company's public identity; not checked against a stored filing. Not a regulatory fact.",
};
