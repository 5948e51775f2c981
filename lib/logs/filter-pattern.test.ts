import { describe, expect, it } from "vitest";
import { describeFilterPatternProblem, filterPatternError, filterPatternProblem } from "./filter-pattern";

// Valid patterns: the examples of the CloudWatch Logs "Filter pattern syntax" guide, by section.
const VALID = {
  regex: ["%AUTHORIZED%", "%colou?r%", "%gray|grey%", "%[a-z]%", "%10\\.10\\.0\\.1%"],
  unstructured: ["ERROR", "ERROR ARGUMENTS", '"INTERNAL SERVER ERROR"', "?ERROR ?ARGUMENTS", "ERROR -ARGUMENTS", '" "', '"ERROR 401"', '"ERROR" "Exception"', '"say \\"hi\\""', ""],
  json: [
    '{ $.eventType = "UpdateTrail" }',
    "{ $.sourceIPAddress != 123.123.* }",
    '{ $.arrayKey[0] = "value" }',
    "{ $.objectList[1].id = 2 }",
    "{ $.SomeObject IS NULL }",
    "{ $.SomeOtherObject NOT EXISTS }",
    "{ $.ThisFlag IS TRUE }",
    "{ $.bandwidth > 75 }",
    "{ $.latency < 50 }",
    "{ $.refreshRate <= 60 }",
    "{ $.responseTime >= 1e+3 }",
    '{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }',
    '{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = "nonmatch" && $.actions[2] = "nonmatch" }',
    '{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = "nonmatch") && $.actions[2] = "nonmatch" }',
    '{ $.eventType = %Update.*% }',
    '{ $.users[*].name = "*" }',
    '{ $.request-id = "abc" && $.@timestamp > 0 }',
  ],
  delimited: [
    "[ip, user, username, timestamp, request, status_code, bytes]",
    '[ip, user, username, timestamp, request = "*html*", status_code = 4*, bytes]',
    "[ip, user, username, timestamp, request, status_code = 404, bytes > 1000]",
    "[ip, user, ..., status_code, bytes]",
    "[w1=ERROR, w2]",
    "[ip, user, username, timestamp, request, status_code = 4* || status_code = 5*, bytes]",
    "[ip, user, username, timestamp, request = %DELETE%, status_code != 200, bytes]",
  ],
};

describe("filterPatternProblem", () => {
  it.each(Object.entries(VALID).flatMap(([section, patterns]) => patterns.map((p) => [section, p])))("accepts the guide's %s example %s", (_section, pattern) => {
    expect(filterPatternProblem(pattern)).toBeUndefined();
  });

  it("accepts the filter help's examples", () => {
    for (const p of ["ERROR", "ERROR timeout", '"Task timed out"', "?ERROR ?WARN", "ERROR -healthcheck", '{ $.level = "error" }', "{ $.durationMs > 1000 }"]) {
      expect(filterPatternProblem(p)).toBeUndefined();
    }
  });

  it.each([
    // A JSON pattern cut off after its operator: the review's example.
    ["{ $.level = ", "expected a value after '=', found the end of the pattern", 12],
    ['{ $.level = "error"', "expected '}' to close the JSON pattern", 19],
    ["{ $.level }", "expected a comparison (=, !=, >, <, >=, <=), IS NULL, IS TRUE, IS FALSE or NOT EXISTS, found '}'", 10],
    ["{ level = 1 }", "expected a property selector like $.level, found 'l'", 2],
    ["{ $. = 1 }", "expected a property name after '.', found ' '", 4],
    ["{ $.a[x] = 1 }", "expected an array index or * after '[', found 'x'", 6],
    ['{ $.a = 1 & $.b = 2 }', "expected && or || to join conditions, found '&'", 10],
    ['{ $.a = 1 && }', "expected a property selector like $.level, found '}'", 13],
    ["{ $.a > fast }", "'>' compares numbers: expected a number, found 'fast'", 8],
    ['{ $.a >= "5" }', "'>=' compares numbers: expected a number, found a string", 9],
    ["{ $.a IS MAYBE }", "expected NULL, TRUE or FALSE after IS, found 'M'", 9],
    ["{ $.a NOT THERE }", "expected EXISTS after NOT, found 'T'", 10],
    ["{ ($.a = 1 }", "expected ')' to close the '(', found '}'", 11],
    ['{ $.a = 1 } ERROR', "nothing may follow the JSON pattern's closing '}', found 'E'", 12],
    ["{ $.a = %x% || $.b = %y% || $.c = %z% }", "at most 2 regular expressions in one pattern", 34],
    ['ERROR ""', "empty quoted term: put the phrase between the quotation marks", 6],
    ['-""', "empty quoted term: put the phrase between the quotation marks", 0],
    ['"unclosed phrase', 'unclosed quotation mark: add the closing "', 0],
    ["ERROR ? WARN", "expected a term right after '?'", 6],
    ["ERROR -", "expected a term right after '-'", 6],
    ["%AUTHORIZED", "unclosed regular expression: add the closing %", 0],
    ["%%", "empty regular expression between % signs", 0],
    ["%(ERROR|WARN)%", "parentheses are not supported in a regular expression", 1],
    ["%something!%", "'!' is not supported in a regular expression", 10],
    ["[]", "expected at least one field between '[' and ']'", 1],
    ["[ip, user", "expected ']' to close the space-delimited pattern", 9],
    ["[ip, = 4]", "expected a field name or '...', found '='", 5],
    ["[ip, status =, bytes]", "expected a value after '=', found ','", 13],
    ["[ip user]", "expected ',' or ']', found 'u'", 4],
  ])("refuses %s: %s (at %i)", (pattern, message, offset) => {
    expect(filterPatternProblem(pattern)).toEqual({ message, offset });
  });
});

describe("describeFilterPatternProblem", () => {
  it("says what and where, counting from 1, or at the end", () => {
    expect(describeFilterPatternProblem("{ $.level = ", filterPatternProblem("{ $.level = ")!)).toBe(
      "Invalid filter pattern at the end of the pattern: expected a value after '=', found the end of the pattern.",
    );
    expect(describeFilterPatternProblem("{ $.a > fast }", filterPatternProblem("{ $.a > fast }")!)).toBe(
      "Invalid filter pattern at character 9: '>' compares numbers: expected a number, found 'fast'.",
    );
  });
});

describe("filterPatternError", () => {
  it("refuses a pattern over 1,024 characters, explains a syntax problem, and passes a valid pattern", () => {
    expect(filterPatternError("a".repeat(1025))).toBe("The filter pattern may be at most 1,024 characters.");
    expect(filterPatternError("a".repeat(1024))).toBeUndefined();
    expect(filterPatternError('"open')).toBe('Invalid filter pattern at character 1: unclosed quotation mark: add the closing ".');
    expect(filterPatternError('{ $.level = "error" }')).toBeUndefined();
  });
});
