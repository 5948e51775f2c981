// Turns a raw CloudWatch event into what the viewer shows: level, request id, JSON part, REPORT numbers. Pure.
import type { LogLevel, LogLine } from "@/lib/logs/types";
import { parseReportLine } from "./report-line";

export interface RawEvent {
  id: string;
  timestamp: number;
  logStream: string;
  message: string;
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const LAMBDA_MARKER = new RegExp(`^(?:START|END|REPORT|INIT_REPORT) RequestId:\\s*(${UUID}|\\S+)`, "i");
// The Node/Python runtimes' text format: "<ISO time>\t<request id>\t<LEVEL>\t<message>".
const RUNTIME_PREFIX = new RegExp(`^\\S+\\t(${UUID})\\t([A-Z]+)\\t`, "i");

const LEVELS: Record<string, LogLevel> = {
  fatal: "error", critical: "error", error: "error", err: "error",
  warn: "warn", warning: "warn",
  info: "info", notice: "info",
  debug: "debug",
  trace: "trace", verbose: "trace",
};

export function levelOf(word: unknown): LogLevel | null {
  return typeof word === "string" ? (LEVELS[word.toLowerCase()] ?? null) : null;
}

/** Where parseable JSON (an object or array) starts in the message, and its value. */
export function jsonPart(message: string, from = 0): { offset: number; value: unknown } | null {
  const rest = message.slice(from);
  const start = rest.search(/\S/);
  if (start < 0 || (rest[start] !== "{" && rest[start] !== "[")) return null;
  try {
    return { offset: from + start, value: JSON.parse(rest.slice(start)) };
  } catch {
    return null;
  }
}

function fieldOf(value: unknown, names: string[]): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  for (const name of names) if (name in value) return (value as Record<string, unknown>)[name];
  return undefined;
}

const KEYWORD_ERROR = /\b(?:ERROR|Error:|Exception|Task timed out|Runtime\.\w+Error)\b/;
const KEYWORD_WARN = /\bWARN(?:ING)?\b/;

export function toLogLine(event: RawEvent, functionName: string): LogLine {
  const { message } = event;
  const report = parseReportLine(message);
  const marker = LAMBDA_MARKER.exec(message);
  const prefix = RUNTIME_PREFIX.exec(message);
  const json = jsonPart(message, prefix ? prefix[0].length : 0);

  const jsonLevel = levelOf(fieldOf(json?.value, ["level", "levelname", "severity", "log.level"]));
  const jsonRequestId = fieldOf(json?.value, ["requestId", "request_id", "awsRequestId", "AWSRequestId"]);
  const level =
    jsonLevel ??
    (prefix ? levelOf(prefix[2]) : null) ??
    (marker ? "info" : KEYWORD_ERROR.test(message) ? "error" : KEYWORD_WARN.test(message) ? "warn" : null);
  const requestId = report?.requestId ?? marker?.[1] ?? prefix?.[1] ?? (typeof jsonRequestId === "string" ? jsonRequestId : null);

  return {
    id: event.id,
    timestamp: event.timestamp,
    functionName,
    logStream: event.logStream,
    message,
    level,
    requestId,
    jsonOffset: json?.offset ?? null,
    report,
  };
}
