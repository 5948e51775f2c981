import { describe, expect, it } from "vitest";
import { schedulesPerMonth } from "./schedule-rate";

// A month is 730 hours, the convention AWS's own monthly figures use.
describe("schedulesPerMonth", () => {
  it.each([
    ["rate(1 minute)", 43_800],
    ["rate(5 minutes)", 8_760],
    ["rate(1 hour)", 730],
    ["rate(2 hours)", 365],
    ["rate(1 day)", 730 / 24],
  ])("%s fires %d times", (expression, expected) => {
    expect(schedulesPerMonth(expression)).toBeCloseTo(expected, 9);
  });

  it("counts a daily cron (seed 000: cron(0 10 * * ? *)) once a day", () => {
    expect(schedulesPerMonth("cron(0 10 * * ? *)")).toBeCloseTo(730 / 24, 9);
  });

  it("counts every 15 minutes on weekdays", () => {
    expect(schedulesPerMonth("cron(0/15 * ? * MON-FRI *)")).toBeCloseTo(4 * 24 * 5 * (730 / 24 / 7), 9);
  });

  it("counts listed days of the month and months of the year", () => {
    expect(schedulesPerMonth("cron(30 8 1,15 JAN,JUL ? *)")).toBeCloseTo(2 * (2 / 12), 9);
  });

  it("counts a last-day-of-month special once a month", () => {
    expect(schedulesPerMonth("cron(0 0 L * ? *)")).toBeCloseTo(1, 9);
  });

  it("counts hour ranges with steps", () => {
    expect(schedulesPerMonth("cron(0 8-18/2 * * ? *)")).toBeCloseTo(6 * (730 / 24), 9);
  });

  it("is undefined for something that is not a schedule", () => {
    expect(schedulesPerMonth("every day")).toBeUndefined();
  });
});
