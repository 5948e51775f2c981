import { describe, expect, it } from "vitest";
import { ssoSettingsInput } from "./mutations";

const valid = { issuer: "https://idp.example.com", clientId: "client", allowedDomains: ["acme.com"], defaultRole: "editor", enforced: false };

describe("ssoSettingsInput", () => {
  it("normalises domains as typed by an admin", () => {
    expect(ssoSettingsInput.parse({ ...valid, allowedDomains: ["@Acme.com", " acme.co.uk"] }).allowedDomains).toEqual(["acme.com", "acme.co.uk"]);
  });

  it("names the entry that is not a domain, at its index", () => {
    const r = ssoSettingsInput.safeParse({ ...valid, allowedDomains: ["acme.com", "not_a domain"] });
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["allowedDomains.1", '"not_a domain" is not a domain; each must look like example.com.'],
    ]);
  });
});
