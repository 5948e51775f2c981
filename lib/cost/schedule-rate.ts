// How often an EventBridge schedule expression fires in a month: exact for rate(), an average for cron()
// (the year field is ignored; weekdays count 52.18/12 times a month). Expressions are already validated.
import { DAYS_PER_MONTH, HOURS_PER_MONTH } from "./units";

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const WEEKDAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const WEEKS_PER_MONTH = DAYS_PER_MONTH / 7;

interface Field {
  min: number;
  max: number;
  names?: string[];
}
const MINUTES: Field = { min: 0, max: 59 };
const HOURS: Field = { min: 0, max: 23 };
const DAYS_OF_MONTH: Field = { min: 1, max: 31 };
const MONTH: Field = { min: 1, max: 12, names: MONTHS };
const DAYS_OF_WEEK: Field = { min: 1, max: 7, names: WEEKDAYS };

function value(token: string, field: Field): number {
  const index = field.names?.indexOf(token.toUpperCase()) ?? -1;
  return index >= 0 ? index + 1 : Number(token);
}

/** The distinct values a cron field selects, plus how many once-a-month specials (L, W, #) it has. */
function expand(expression: string, field: Field): { values: Set<number>; specials: number } {
  const values = new Set<number>();
  let specials = 0;
  for (const item of expression.split(",")) {
    if (/[LW#]/i.test(item) && !/^[A-Z]{3}$/i.test(item)) {
      specials++;
      continue;
    }
    const [range, stepText] = item.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    let low = field.min;
    let high = field.max;
    if (range !== "*") {
      const [from, to] = range.split("-");
      low = value(from, field);
      // "5/10" runs from 5 to the end of the field; "5" alone is one value.
      high = to !== undefined ? value(to, field) : stepText !== undefined ? field.max : low;
    }
    for (let v = low; v <= high; v += step) values.add(v);
  }
  return { values, specials };
}

function cronPerMonth(body: string): number {
  const [minutes, hours, dayOfMonth, month, dayOfWeek] = body.trim().split(/\s+/);
  const perDay = expand(minutes, MINUTES).values.size * expand(hours, HOURS).values.size;
  let daysPerMonth: number;
  if (dayOfMonth === "?") {
    const { values, specials } = expand(dayOfWeek, DAYS_OF_WEEK);
    daysPerMonth = values.size * WEEKS_PER_MONTH + specials;
  } else if (dayOfMonth === "*") {
    daysPerMonth = DAYS_PER_MONTH;
  } else {
    const { values, specials } = expand(dayOfMonth, DAYS_OF_MONTH);
    daysPerMonth = values.size + specials;
  }
  const monthShare = expand(month, MONTH).values.size / 12;
  return perDay * daysPerMonth * monthShare;
}

function ratePerMonth(body: string): number {
  const [amount, unit] = body.trim().split(/\s+/);
  const every = Number(amount);
  if (unit.startsWith("minute")) return (HOURS_PER_MONTH * 60) / every;
  if (unit.startsWith("hour")) return HOURS_PER_MONTH / every;
  return DAYS_PER_MONTH / every;
}

/** Invocations a month from `rate(...)` or `cron(...)`; undefined for anything else. */
export function schedulesPerMonth(expression: string): number | undefined {
  const rate = /^rate\((.*)\)$/.exec(expression);
  if (rate) return ratePerMonth(rate[1]);
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (cron) return cronPerMonth(cron[1]);
  return undefined;
}
