import { describe, expect, it } from "vitest";
import { boundedEditDistance, looseVendorKey } from "../../src/vendors/names.js";
import { normaliseVendorName } from "../../src/vendors/registry.js";

describe("normaliseVendorName", () => {
  it.each([
    ["Huawei", "huawei"],
    ["HUAWEI TECHNOLOGIES CO., LTD.", "huaweitechnologies"],
    ["Huawei Technologies Co Ltd", "huaweitechnologies"],
    ["Nokia Solutions and Networks Oy", "nokiasolutionsandnetworks"],
    ["Nokia Solutions & Networks OY", "nokiasolutionsandnetworks"],
    ["Cisco Systems, Inc.", "ciscosystems"],
    ["Hangzhou Hikvision Digital Technology Co., Ltd.", "hangzhouhikvisiondigitaltechnology"],
    ["Telefonaktiebolaget LM Ericsson (publ)", "telefonaktiebolagetlmericsson"],
    ["Ericsson AB", "ericsson"],
    ["Siemens AG", "siemens"],
    ["Example GmbH", "example"],
    ["Alcatel S.A.", "alcatel"],
    ["Alcatel S. A.", "alcatel"],
    ["Philips N.V.", "philips"],
    ["Vodafone Group Plc", "vodafonegroup"],
    ["Nokia SE", "nokia"],
    ["Acme Company", "acme"],
    ["Acme Limited", "acme"],
    ["Acme Corporation", "acme"],
    ["Acme Corp.", "acme"],
    ["Acme, LLC", "acme"],
    ["The Acme Company", "acme"],
    ["SIA Mikrotīkls", "siamikrotikls"],
    ["Mikrotīkls SIA", "mikrotikls"],
    ["Télécom Électronique", "telecomelectronique"],
    ["  juniper   networks ", "junipernetworks"],
    ["Hewlett-Packard", "hewlettpackard"],
    ["Dahua Technology USA Inc.", "dahuatechnologyusa"],
    ["ComNet (USA) LLC", "comnetusa"],
    ["AT&T", "atandt"],
    ["H3C", "h3c"],
    ["F5, Inc.", "f5"],
    ["6WIND", "6wind"],
  ])("%s → %s", (input, key) => {
    expect(normaliseVendorName(input)).toBe(key);
  });

  it("never strips words that distinguish vendors", () => {
    expect(normaliseVendorName("Huawei Technologies")).not.toBe(normaliseVendorName("Huawei"));
    expect(normaliseVendorName("Huawei Marine")).not.toBe(normaliseVendorName("Huawei"));
    expect(normaliseVendorName("China Telecom")).not.toBe(normaliseVendorName("China Mobile"));
    expect(normaliseVendorName("Dahua Technology USA")).not.toBe(normaliseVendorName("Dahua Technology"));
  });

  it("keeps a name that is nothing but a legal form", () => {
    expect(normaliseVendorName("SA")).toBe("sa");
    expect(normaliseVendorName("Co. Ltd.")).toBe("co");
    expect(normaliseVendorName("")).toBe("");
    expect(normaliseVendorName("—")).toBe("");
  });
});

describe("looseVendorKey", () => {
  it.each([
    ["Juniper Networks, Inc.", "juniper"],
    ["Hytera Communications Corporation Limited", "hytera"],
    ["Keysight Technologies", "keysight"],
    ["China Telecom", "chinatelecom"],
    ["Networks", "networks"],
  ])("%s → %s", (input, key) => {
    expect(looseVendorKey(input)).toBe(key);
  });
});

describe("boundedEditDistance", () => {
  it.each([
    ["huawei", "huawei", 0],
    ["huawey", "huawei", 1],
    ["cisko", "cisco", 1],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
  ])("%s / %s = %i", (a, b, d) => {
    expect(boundedEditDistance(a, b, 5)).toBe(d);
    expect(boundedEditDistance(b, a, 5)).toBe(d);
  });

  it("gives up past the limit", () => {
    expect(boundedEditDistance("kitten", "sitting", 1)).toBe(2);
    expect(boundedEditDistance("a", "abcdef", 2)).toBe(3);
  });
});
