// EventBridge schedule expressions: rate(<value> <unit>) and cron(<minutes> <hours> <day-of-month> <month>
// <day-of-week> <year>), as AWS documents them for scheduled rules.

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const WEEKDAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

interface CronField {
  name: string;
  min: number;
  max: number;
  names?: string[];
  /** Extra single-item forms the field allows besides numbers, ranges, lists and steps. */
  special?: RegExp;
}

const FIELDS: CronField[] = [
  { name: "minutes", min: 0, max: 59 },
  { name: "hours", min: 0, max: 23 },
  // L = last day of the month, nW = weekday nearest to day n, LW = last weekday.
  { name: "day-of-month", min: 1, max: 31, special: /^(L|LW|([1-9]|[12][0-9]|3[01])W)$/ },
  { name: "month", min: 1, max: 12, names: MONTHS },
  // nL = last <weekday n> of the month, n#k = k-th <weekday n> of the month.
  { name: "day-of-week", min: 1, max: 7, names: WEEKDAYS, special: /^(L|([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)(L|#[1-5]))$/ },
  { name: "year", min: 1970, max: 2199 },
];

function parseValue(token: string, field: CronField): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  const index = field.names?.indexOf(token.toUpperCase());
  return index !== undefined && index >= 0 ? index + 1 : undefined;
}

function checkCronItem(item: string, field: CronField): string | undefined {
  if (field.special?.test(item.toUpperCase())) return undefined;
  const [base, step, extra] = item.split("/");
  if (extra !== undefined) return `'${item}' has more than one '/'`;
  if (step !== undefined && !/^[1-9]\d*$/.test(step)) return `'${item}': the step after '/' must be a positive integer`;
  if (base === "*") return undefined;
  const bounds = base.split("-");
  if (bounds.length > 2) return `'${item}' is not a value or a range`;
  const values = bounds.map((b) => parseValue(b, field));
  for (const [i, v] of values.entries()) {
    if (v === undefined) return `'${bounds[i]}' is not a valid ${field.name} value`;
    if (v < field.min || v > field.max) return `${field.name} value ${bounds[i]} is outside ${field.min}-${field.max}`;
  }
  return undefined;
}

function checkCron(body: string): string | undefined {
  const parts = body.trim().split(/\s+/);
  if (parts.length !== 6) {
    return `cron() needs 6 fields (minutes hours day-of-month month day-of-week year), got ${parts.length}`;
  }
  const dom = parts[2];
  const dow = parts[4];
  if ((dom === "?") === (dow === "?")) {
    return "cron(): exactly one of day-of-month and day-of-week must be '?' (AWS does not allow both or neither)";
  }
  for (const [i, field] of FIELDS.entries()) {
    const value = parts[i];
    if (value === "?") {
      if (i === 2 || i === 4) continue;
      return `cron(): '?' is only allowed in day-of-month or day-of-week, not in ${field.name}`;
    }
    for (const item of value.split(",")) {
      const problem = checkCronItem(item, field);
      if (problem) return `cron() ${field.name}: ${problem}`;
    }
  }
  return undefined;
}

function checkRate(body: string): string | undefined {
  const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(body);
  if (!m) return "rate() needs a value and a unit, e.g. rate(5 minutes)";
  const [, value, unit] = m;
  if (!/^[1-9]\d*$/.test(value)) return `rate(): the value must be a positive integer, got '${value}'`;
  const singular = ["minute", "hour", "day"];
  const plural = ["minutes", "hours", "days"];
  if (value === "1" && !singular.includes(unit)) {
    return plural.includes(unit) ? `rate(): use the singular unit for 1, e.g. rate(1 ${unit.slice(0, -1)})` : `rate(): unknown unit '${unit}'; use minute, hour or day`;
  }
  if (value !== "1" && !plural.includes(unit)) {
    return singular.includes(unit) ? `rate(): use the plural unit for values above 1, e.g. rate(${value} ${unit}s)` : `rate(): unknown unit '${unit}'; use minutes, hours or days`;
  }
  return undefined;
}

/** A description of what is wrong with the expression, or undefined when EventBridge accepts it. */
export function checkScheduleExpression(expression: string): string | undefined {
  const rate = /^rate\((.*)\)$/.exec(expression);
  if (rate) return checkRate(rate[1]);
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (cron) return checkCron(cron[1]);
  return `'${expression}' is not a schedule expression; use rate(<value> <unit>) or cron(<6 fields>)`;
}
