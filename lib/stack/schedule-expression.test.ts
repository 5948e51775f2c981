import { describe, expect, it } from "vitest";
import { checkScheduleExpression } from "./schedule-expression";

describe("checkScheduleExpression", () => {
  it.each([
    "rate(1 minute)",
    "rate(5 minutes)",
    "rate(1 hour)",
    "rate(2 hours)",
    "rate(1 day)",
    "rate(7 days)",
    "cron(0 10 * * ? *)",
    "cron(15 10 ? * 6L 2026-2030)",
    "cron(0/15 * * * ? *)",
    "cron(0 8 1 * ? *)",
    "cron(0 18 ? * MON-FRI *)",
    "cron(0 9 ? * 2#1 *)",
    "cron(0 0 L * ? *)",
    "cron(0 0 15W * ? *)",
    "cron(5,35 14 * JAN,JUN ? *)",
  ])("accepts %s", (expr) => expect(checkScheduleExpression(expr)).toBeUndefined());

  it.each([
    ["rate(1 minutes)", /singular unit for 1/],
    ["rate(2 hour)", /plural unit/],
    ["rate(0 minutes)", /positive integer/],
    ["rate(1.5 hours)", /positive integer/],
    ["rate(5 weeks)", /unknown unit 'weeks'/],
    ["rate(5)", /needs a value and a unit/],
    ["cron(0 10 * * *)", /needs 6 fields.*got 5/],
    ["cron(0 10 * * * *)", /exactly one of day-of-month and day-of-week must be '\?'/],
    ["cron(0 10 ? * ? *)", /exactly one of day-of-month and day-of-week/],
    ["cron(60 10 * * ? *)", /minutes value 60 is outside 0-59/],
    ["cron(0 24 * * ? *)", /hours value 24 is outside 0-23/],
    ["cron(0 10 * 13 ? *)", /month value 13 is outside 1-12/],
    ["cron(0 10 * FOO ? *)", /'FOO' is not a valid month value/],
    ["cron(0 10 ? * 8 *)", /day-of-week value 8/],
    ["cron(0 10 * * ? 1969)", /year value 1969/],
    ["cron(? 10 * * ? *)", /only allowed in day-of-month or day-of-week/],
    ["cron(0/0 10 * * ? *)", /step after '\/' must be a positive integer/],
    ["every 5 minutes", /not a schedule expression/],
  ])("rejects %s", (expr, message) => expect(checkScheduleExpression(expr)).toMatch(message));
});
