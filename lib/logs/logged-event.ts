// "Invoke with this event": the event a handler logged, found in a log line's message. Pure and
// browser-safe. The event is the first balanced {...} in the message that parses as a JSON object
// (a line like `Received event: {"Records":[...]}`, or a runtime prefix before it).

/** Lambda's synchronous invoke payload limit: a larger object could not be invoked with anyway. */
export const LOGGED_EVENT_MAX_CHARS = 256 * 1024;
// Each candidate start may scan to the end of the message: a bounded number of them keeps a
// hostile message ("{{{{…") linear in its length instead of quadratic.
const MAX_CANDIDATES = 32;
// A CloudWatch log event is at most 256 KB; anything much longer is not a log line.
const MAX_MESSAGE_CHARS = 4 * LOGGED_EVENT_MAX_CHARS;

/** End (exclusive) of the balanced {...} starting at `start`, strings respected; null when it never closes in bounds. */
function balancedEnd(message: string, start: number): number | null {
  const limit = Math.min(message.length, start + LOGGED_EVENT_MAX_CHARS);
  let depth = 0;
  let inString = false;
  for (let i = start; i < limit; i++) {
    const c = message.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b) depth++;
    else if (c === 0x7d && --depth === 0) return i + 1;
  }
  return null;
}

/** The logged event as pretty-printed JSON (2-space indent), or null when the message carries none. */
export function loggedEvent(message: string): string | null {
  if (message.length > MAX_MESSAGE_CHARS) return null;
  let from = 0;
  for (let tried = 0; tried < MAX_CANDIDATES; tried++) {
    const start = message.indexOf("{", from);
    if (start < 0) return null;
    const end = balancedEnd(message, start);
    if (end !== null) {
      try {
        const value: unknown = JSON.parse(message.slice(start, end));
        if (value !== null && typeof value === "object" && !Array.isArray(value)) return JSON.stringify(value, null, 2);
      } catch {
        // Not JSON ("{bad}", a JavaScript object literal): a later brace may start the event.
      }
    }
    from = start + 1;
  }
  return null;
}
