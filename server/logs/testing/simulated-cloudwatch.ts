// A simulated CloudWatch Logs FilterLogEvents for the paging property test. A mock, because no real
// peer pages like AWS does: moto returns stream after stream unless asked to interleave, and always
// fills its pages. This one follows AWS's documented behaviour:
// - the events of all the group's streams, interleaved, sorted by timestamp, then ingestion order;
// - startTime and endTime are inclusive ("events with a timestamp before/later than this time are not returned");
// - a page holds at most `limit` events and may hold fewer, or none, while a nextToken says more may
//   come; a nextToken may even lead to an empty last page; no nextToken means the end;
// - a token is good only for the query that issued it; a missing group is ResourceNotFoundException.
import type { FilterLogEventsCommand, FilterLogEventsCommandOutput } from "@aws-sdk/client-cloudwatch-logs";

export interface SimulatedEvent {
  eventId: string;
  logStreamName: string;
  timestamp: number;
  message: string;
  /** Order of ingestion: ties at one timestamp are returned in this order. */
  ingestion: number;
}

const serviceError = (name: string, message: string) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });

export class SimulatedCloudWatch {
  calls = 0;
  eventsReturned = 0;
  private shortfallIndex = 0;

  /**
   * @param groups each log group's events, in any order
   * @param shortfalls per call, in turn, how many events fewer than it could the page returns (then full pages)
   */
  constructor(
    private readonly groups: Map<string, SimulatedEvent[]>,
    private readonly shortfalls: number[] = [],
  ) {}

  async send(command: FilterLogEventsCommand): Promise<FilterLogEventsCommandOutput> {
    this.calls++;
    const { logGroupName = "", startTime, endTime, filterPattern = "", nextToken, limit = 10_000 } = command.input;
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw serviceError("InvalidParameterException", "limit must be between 1 and 10000");
    if (startTime === undefined || endTime === undefined || startTime > endTime) throw serviceError("InvalidParameterException", "startTime must be at or before endTime");
    const events = this.groups.get(logGroupName);
    if (!events) throw serviceError("ResourceNotFoundException", "The specified log group does not exist.");

    const query = JSON.stringify([logGroupName, startTime, endTime, filterPattern]);
    let offset = 0;
    if (nextToken) {
      const token = JSON.parse(nextToken) as { query: string; offset: number };
      if (token.query !== query) throw serviceError("InvalidParameterException", "The nextToken is not valid for this query");
      offset = token.offset;
    }
    const matching = events
      .filter((e) => e.timestamp >= startTime && e.timestamp <= endTime && (filterPattern === "" || e.message.includes(filterPattern)))
      .sort((a, b) => a.timestamp - b.timestamp || a.ingestion - b.ingestion);
    const shortfall = this.shortfalls[this.shortfallIndex++] ?? 0;
    const take = Math.max(0, Math.min(limit, matching.length - offset) - shortfall);
    const page = matching.slice(offset, offset + take);
    this.eventsReturned += page.length;
    const end = offset + take;
    // A short page always leaves a token; a full last page sometimes does too (AWS does not promise to know it is the last).
    const more = end < matching.length || (shortfall > 0 && end === matching.length);
    return {
      events: page.map(({ eventId, logStreamName, timestamp, message }) => ({ eventId, logStreamName, timestamp, message, ingestionTime: timestamp })),
      ...(more ? { nextToken: JSON.stringify({ query, offset: end }) } : {}),
      $metadata: {},
    };
  }
}
