import { describe, expect, it } from "vitest";
import { databaseName, quoteIdent, redactPassword, withDatabase } from "./database-url";

describe("withDatabase", () => {
  it("swaps only the database, keeping credentials, host, port and parameters", () => {
    const url = withDatabase("postgresql://u:p%40ss@db.example:6543/app?sslmode=require", "lp_test_1");
    expect(url).toBe("postgresql://u:p%40ss@db.example:6543/lp_test_1?sslmode=require");
  });

  it("adds a database to a URL that names none", () => {
    expect(withDatabase("postgresql://postgres@127.0.0.1:5432", "x")).toBe("postgresql://postgres@127.0.0.1:5432/x");
  });
});

describe("databaseName", () => {
  it("reads the path", () => {
    expect(databaseName("postgresql://postgres@127.0.0.1:5432/lambdaplane")).toBe("lambdaplane");
  });

  it("falls back to the user name like libpq does", () => {
    expect(databaseName("postgresql://alice@127.0.0.1:5432")).toBe("alice");
  });
});

describe("redactPassword", () => {
  it("masks the password and leaves URLs without one alone", () => {
    expect(redactPassword("postgresql://u:secret@h:1/d")).toBe("postgresql://u:***@h:1/d");
    expect(redactPassword("postgresql://u@h:1/d")).toBe("postgresql://u@h:1/d");
  });
});

describe("quoteIdent", () => {
  it("doubles embedded quotes", () => {
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });
});
