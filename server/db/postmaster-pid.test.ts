import { describe, expect, it } from "vitest";
import { isPostmasterOf, parsePostmasterPid } from "./postmaster-pid";

const LOCK = "4242\n/repo/.data/pg\n1763790000\n5433\n\n127.0.0.1\n  5433001     32768\nready   \n";

describe("parsePostmasterPid", () => {
  it("reads pid, data dir, port and status", () => {
    expect(parsePostmasterPid(LOCK)).toEqual({ pid: 4242, dataDir: "/repo/.data/pg", port: 5433, status: "ready" });
  });

  it("rejects a truncated file (a crash while writing it)", () => {
    expect(parsePostmasterPid("4242\n")).toBeNull();
    expect(parsePostmasterPid("")).toBeNull();
  });
});

describe("isPostmasterOf", () => {
  const cmdline = (...args: string[]) => args.join("\0") + "\0";

  it("recognises the postmaster of this data directory", () => {
    expect(isPostmasterOf("/repo/.data/pg", cmdline("/repo/node_modules/x/bin/postgres", "-D", "/repo/.data/pg", "-p", "5433"))).toBe(true);
  });

  it("does not take a reused pid for the postmaster", () => {
    expect(isPostmasterOf("/repo/.data/pg", cmdline("node", "server.js"))).toBe(false);
    expect(isPostmasterOf("/repo/.data/pg", cmdline("/usr/lib/postgresql/15/bin/postgres", "-D", "/var/lib/postgresql/15/main"))).toBe(false);
  });

  it("trusts a live pid where /proc is unavailable", () => {
    expect(isPostmasterOf("/repo/.data/pg", null)).toBe(true);
  });
});
