import { beforeAll, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, sha256Hex } from "./crypto";

beforeAll(() => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = "a".repeat(64);
});

describe("secret encryption", () => {
  it("round-trips and never stores the plain text", () => {
    const sealed = encryptSecret("client-secret-123");
    expect(sealed).not.toContain("client-secret-123");
    expect(decryptSecret(sealed)).toBe("client-secret-123");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("x")).not.toBe(encryptSecret("x"));
  });

  it("rejects tampered ciphertext", () => {
    const [v, iv, tag, data] = encryptSecret("hello").split(":");
    const flipped = Buffer.from(data, "base64");
    flipped[0] ^= 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString("base64")].join(":"))).toThrow();
  });

  it("rejects a key of the wrong length with a message naming the variable", () => {
    const saved = process.env.LAMBDAPLANE_ENCRYPTION_KEY;
    process.env.LAMBDAPLANE_ENCRYPTION_KEY = "abcd";
    expect(() => encryptSecret("x")).toThrow(/LAMBDAPLANE_ENCRYPTION_KEY/);
    process.env.LAMBDAPLANE_ENCRYPTION_KEY = saved;
  });

  it("hashes tokens deterministically", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
