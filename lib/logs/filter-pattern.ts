// A syntax check of CloudWatch Logs filter patterns (the "Filter pattern syntax" page of the CloudWatch
// Logs user guide), run before a query: moto accepts any pattern, and CloudWatch's own answer to a broken
// one only says it is invalid. Pure and browser-safe; it checks the form, not what a pattern matches.
// Where the guide is silent the check accepts, so a valid pattern is never refused here; CloudWatch
// still has the last word.

export interface FilterPatternProblem {
  /** What is wrong, e.g. "expected a value after '='". */
  message: string;
  /** 0-based index into the pattern where the problem is (the pattern's length for "ended too early"). */
  offset: number;
}

/** The guide's limit of regular expressions in one JSON or space-delimited pattern when filtering events. */
export const MAX_REGEX_PER_PATTERN = 2;

class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const COMPARISONS = ["!=", ">=", "<=", "=", ">", "<"] as const;
type Comparison = (typeof COMPARISONS)[number];
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// Property and field names: the guide's are alphanumeric with underscores; '-' and '@' are let through, as log keys use them.
const IDENTIFIER = /[\w@-]+/y;
// The guide: regexes cannot group with ( and ), '!' is not a supported symbol, multi-byte characters are not supported.
const REGEX_REFUSED = /[()!]|[^\x00-\x7f]/;

/** A cursor over the pattern with the few helpers every grammar needs. */
class Reader {
  pos = 0;
  regexCount = 0;
  constructor(readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }
  peek(length = 1): string {
    return this.text.slice(this.pos, this.pos + length);
  }
  skipSpace(): void {
    while (!this.done && /\s/.test(this.text[this.pos])) this.pos++;
  }
  fail(message: string, at = this.pos): never {
    throw new SyntaxProblem(message, at);
  }
  /** What the reader is at, for messages: "'&'" or "the end of the pattern". */
  here(): string {
    return this.done ? "the end of the pattern" : `'${this.text[this.pos]}'`;
  }
  eat(token: string): boolean {
    if (this.text.startsWith(token, this.pos)) {
      this.pos += token.length;
      return true;
    }
    return false;
  }
  expect(token: string, what: string): void {
    this.skipSpace();
    if (!this.eat(token)) this.fail(`expected ${what}, found ${this.here()}`);
  }
  /** A case-insensitive keyword followed by a non-word character. */
  keyword(word: string): boolean {
    const next = this.text[this.pos + word.length];
    if (this.peek(word.length).toUpperCase() === word && (next === undefined || !/\w/.test(next))) {
      this.pos += word.length;
      return true;
    }
    return false;
  }
  comparison(): Comparison | undefined {
    return COMPARISONS.find((op) => this.eat(op));
  }

  /** A double-quoted string; backslash escapes the next character. */
  quoted(): void {
    const start = this.pos++;
    while (!this.done && this.text[this.pos] !== '"') this.pos += this.text[this.pos] === "\\" ? 2 : 1;
    if (this.done) this.fail("unclosed quotation mark: add the closing \"", start);
    this.pos++;
  }

  /** A regular expression between % signs; `limited` when it counts towards the limit (JSON and space-delimited patterns). */
  regex(limited: boolean): void {
    const start = this.pos++;
    const end = this.text.indexOf("%", this.pos);
    if (end === -1) this.fail("unclosed regular expression: add the closing %", start);
    const body = this.text.slice(this.pos, end);
    if (body === "") this.fail("empty regular expression between % signs", start);
    const refused = REGEX_REFUSED.exec(body);
    if (refused) {
      const what = refused[0] === "(" || refused[0] === ")" ? "parentheses are not supported in a regular expression" : `'${refused[0]}' is not supported in a regular expression`;
      this.fail(what, this.pos + refused.index);
    }
    this.regexCount++;
    if (limited && this.regexCount > MAX_REGEX_PER_PATTERN) this.fail(`at most ${MAX_REGEX_PER_PATTERN} regular expressions in one pattern`, start);
    this.pos = end + 1;
  }
}

/** Plain terms: words, "quoted phrases", %regexes%, each optionally marked ?optional or -excluded. */
function checkTerms(r: Reader): void {
  for (r.skipSpace(); !r.done; r.skipSpace()) {
    const start = r.pos;
    if (r.eat("?") || r.eat("-")) {
      if (r.done || /\s/.test(r.peek())) r.fail(`expected a term right after '${r.text[start]}'`, start);
    }
    const c = r.peek();
    if (c === '"') {
      const open = r.pos;
      r.quoted();
      // CloudWatch answers "Invalid character(s) in term '\"\"'" for an empty phrase.
      if (r.pos - open === 2) r.fail("empty quoted term: put the phrase between the quotation marks", start);
    } else if (c === "%") r.regex(false);
    else {
      while (!r.done && !/\s/.test(r.peek())) r.pos++;
    }
  }
}

/** A value after a comparison: "string", %regex%, a number, or a bare word (wildcards * allowed). */
function checkValue(r: Reader, op: Comparison, stop: RegExp): void {
  r.skipSpace();
  const start = r.pos;
  const c = r.peek();
  if (r.done || stop.test(c) || r.peek(2) === "&&" || r.peek(2) === "||") r.fail(`expected a value after '${op}', found ${r.here()}`);
  if (c === '"') r.quoted();
  else if (c === "%") r.regex(true);
  else {
    while (!r.done && !stop.test(r.peek()) && !/\s/.test(r.peek()) && r.peek(2) !== "&&" && r.peek(2) !== "||") r.pos++;
  }
  const isString = c === '"' || c === "%";
  if (op !== "=" && op !== "!=" && (isString || !NUMBER.test(r.text.slice(start, r.pos)))) {
    r.fail(`'${op}' compares numbers: expected a number, found ${isString ? "a string" : `'${r.text.slice(start, r.pos)}'`}`, start);
  }
}

/** `$.a.b[0].c`, `$.*` and `$.list[*]`: a JSON property selector. */
function checkSelector(r: Reader): void {
  r.skipSpace();
  if (!r.eat("$")) r.fail(`expected a property selector like $.level, found ${r.here()}`);
  let parts = 0;
  for (;;) {
    if (r.eat(".")) {
      if (r.eat("*")) {
        parts++;
        continue;
      }
      IDENTIFIER.lastIndex = r.pos;
      const name = IDENTIFIER.exec(r.text);
      if (!name) r.fail(`expected a property name after '.', found ${r.here()}`);
      r.pos += name[0].length;
      parts++;
    } else if (r.eat("[")) {
      const index = /^(?:\d+|\*)/.exec(r.text.slice(r.pos));
      if (!index) r.fail(`expected an array index or * after '[', found ${r.here()}`);
      r.pos += index[0].length;
      if (!r.eat("]")) r.fail(`expected ']' to close the array index, found ${r.here()}`);
      parts++;
    } else break;
  }
  if (parts === 0) r.fail(`expected a property after '$' (as in $.level), found ${r.here()}`);
}

function checkJsonCondition(r: Reader): void {
  r.skipSpace();
  if (r.eat("(")) {
    checkJsonOr(r);
    r.expect(")", "')' to close the '('");
    return;
  }
  checkSelector(r);
  r.skipSpace();
  const op = r.comparison();
  if (op) return checkValue(r, op, /[()}]/);
  if (r.keyword("IS")) {
    r.skipSpace();
    if (r.keyword("NULL") || r.keyword("TRUE") || r.keyword("FALSE")) return;
    r.fail(`expected NULL, TRUE or FALSE after IS, found ${r.here()}`);
  }
  if (r.keyword("NOT")) {
    r.skipSpace();
    if (r.keyword("EXISTS")) return;
    r.fail(`expected EXISTS after NOT, found ${r.here()}`);
  }
  if (r.keyword("EXISTS")) return;
  r.fail(`expected a comparison (=, !=, >, <, >=, <=), IS NULL, IS TRUE, IS FALSE or NOT EXISTS, found ${r.here()}`);
}

function checkJsonAnd(r: Reader): void {
  checkJsonCondition(r);
  for (r.skipSpace(); r.eat("&&"); r.skipSpace()) checkJsonCondition(r);
}

function checkJsonOr(r: Reader): void {
  checkJsonAnd(r);
  for (r.skipSpace(); r.eat("||"); r.skipSpace()) checkJsonAnd(r);
}

/** `{ $.level = "error" && $.latency > 500 }`. */
function checkJson(r: Reader): void {
  r.eat("{");
  checkJsonOr(r);
  r.skipSpace();
  if (r.done) r.fail("expected '}' to close the JSON pattern");
  if (r.peek() !== "}") {
    const c = r.peek();
    r.fail(c === "&" || c === "|" ? `expected && or || to join conditions, found '${c}'` : `expected &&, || or '}', found ${r.here()}`);
  }
  r.pos++;
  r.skipSpace();
  if (!r.done) r.fail(`nothing may follow the JSON pattern's closing '}', found ${r.here()}`);
}

/** One field of a space-delimited pattern: `...`, `name`, or `name = value` conditions joined by && / ||. */
function checkDelimitedField(r: Reader): void {
  r.skipSpace();
  if (r.eat("...")) return;
  const condition = (): void => {
    r.skipSpace();
    IDENTIFIER.lastIndex = r.pos;
    const name = IDENTIFIER.exec(r.text);
    if (!name) r.fail(`expected a field name or '...', found ${r.here()}`);
    r.pos += name[0].length;
    r.skipSpace();
    const op = r.comparison();
    if (op) checkValue(r, op, /[,\]]/);
  };
  condition();
  for (r.skipSpace(); r.eat("&&") || r.eat("||"); r.skipSpace()) condition();
}

/** `[ip, user, ..., status_code = 4*, bytes > 1000]`. */
function checkDelimited(r: Reader): void {
  r.eat("[");
  r.skipSpace();
  if (r.peek() === "]") r.fail("expected at least one field between '[' and ']'");
  checkDelimitedField(r);
  for (r.skipSpace(); r.eat(","); r.skipSpace()) checkDelimitedField(r);
  if (r.done) r.fail("expected ']' to close the space-delimited pattern");
  if (r.peek() !== "]") r.fail(`expected ',' or ']', found ${r.here()}`);
  r.pos++;
  r.skipSpace();
  if (!r.done) r.fail(`nothing may follow the closing ']', found ${r.here()}`);
}

/** The first syntax problem of a filter pattern, or undefined when it is well formed (an empty pattern matches everything). */
export function filterPatternProblem(pattern: string): FilterPatternProblem | undefined {
  const r = new Reader(pattern);
  r.skipSpace();
  try {
    if (r.peek() === "{") checkJson(r);
    else if (r.peek() === "[") checkDelimited(r);
    else checkTerms(r);
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxProblem) return { message: error.message, offset: error.offset };
    throw error;
  }
}

/** A problem as the filter field shows it: what is wrong and where, counting characters from 1. */
export function describeFilterPatternProblem(pattern: string, problem: FilterPatternProblem): string {
  const where = problem.offset >= pattern.length ? "at the end of the pattern" : `at character ${problem.offset + 1}`;
  return `Invalid filter pattern ${where}: ${problem.message}.`;
}

/** FilterLogEvents and StartLiveTail take patterns of at most 1,024 characters. */
export const FILTER_PATTERN_MAX = 1024;

/** The filter field's message for a pattern CloudWatch would refuse, or undefined when it may be sent. */
export function filterPatternError(pattern: string): string | undefined {
  if (pattern.length > FILTER_PATTERN_MAX) return `The filter pattern may be at most ${FILTER_PATTERN_MAX.toLocaleString("en-US")} characters.`;
  const problem = filterPatternProblem(pattern);
  return problem ? describeFilterPatternProblem(pattern, problem) : undefined;
}
