// The one translator of AWS SDK errors (and the database errors that reach the same callers) into a
// message a user can act on: which service and action, what happened, what to do. The SDK's own text
// goes to `details`, shown only behind a "Details" toggle. Pure: reads only the error's fields.

import { databaseProblem } from "@/server/db/errors";
import { redactSecrets } from "@/server/redact/error-for-log";

export interface AwsCall {
  /**
   * The call's IAM action, which names the service and the API action: "lambda:InvokeFunction"; or only
   * the service ("cloudformation") where several calls could have failed.
   */
  action: string;
  /** What the call was for, e.g. "invoking shop-dev-api" or "assuming arn:aws:iam::...:role/x". */
  doing?: string;
  /** The endpoint override, when the connection has one. */
  endpoint?: string | null;
}

export type AwsProblemKind =
  | "denied"
  | "credentials"
  | "throttled"
  | "unreachable"
  | "timeout"
  | "refused"
  | "not-found"
  | "not-aws"
  | "aws-fault"
  | "database"
  | "rejected";

export interface AwsProblem {
  kind: AwsProblemKind;
  /** For the user: never the SDK's internals. */
  message: string;
  /** The raw error text, for the "Details" toggle; "" when the message says it all. */
  details: string;
  /** The HTTP status a route answers with. */
  status: 403 | 404 | 429 | 502 | 503;
}

interface ErrorFields {
  name?: string;
  code?: string;
  message?: string;
  Code?: string;
  cause?: unknown;
  $fault?: "client" | "server";
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: "the connection was refused",
  ENOTFOUND: "the host name does not resolve",
  EAI_AGAIN: "the host name could not be resolved (DNS)",
  ETIMEDOUT: "the connection timed out",
  ECONNRESET: "the connection was reset",
  EHOSTUNREACH: "the host is unreachable",
};

/** The outbound guard's code (server/net) for a connection it refused: not transient, not a network fault. */
const OUTBOUND_REFUSED = "ELAMBDAPLANE_REFUSED";

/** Text that is the SDK's or Prisma's, not AWS's: never in a user's message. */
export const INTERNALS = /Deserialization error|\$response|@aws-sdk|@smithy|PrismaClient|Unexpected token|is not valid JSON|XML parse|char \d+ is not expected/i;

const SERVICES: Record<string, string> = {
  lambda: "Lambda",
  logs: "CloudWatch Logs",
  cloudwatch: "CloudWatch",
  sts: "STS",
  cloudformation: "CloudFormation",
  s3: "S3",
  ce: "Cost Explorer",
  iam: "IAM",
};

function fields(error: unknown): ErrorFields {
  return typeof error === "object" && error !== null ? (error as ErrorFields) : { message: String(error) };
}

/** The IAM action AWS names in an authorization failure ("... is not authorized to perform: s3:PutObject on ..."). */
export function missingIamAction(message: string): string | undefined {
  return /not authorized to perform:?\s+([A-Za-z0-9-]+:[A-Za-z0-9*]+)/.exec(message)?.[1];
}

/** The error code of an AWS error: the service's code (`ValidationError`, `AccessDenied`) or the network one. */
export function awsErrorCode(error: unknown): string {
  const f = fields(error);
  const causeCode = fields(f.cause).code;
  return f.Code ?? (f.code && f.code in NETWORK_CODES ? f.code : undefined) ?? causeCode ?? f.name ?? "Error";
}

function networkCode(f: ErrorFields): string | undefined {
  for (const code of [f.code, fields(f.cause).code]) if (code && code in NETWORK_CODES) return code;
  return undefined;
}

const TRANSIENT_CODES = new Set(["Throttling", "ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded", "ServiceUnavailable", "InternalFailure", "InternalError", "RequestTimeout"]);

/** Whether the call may succeed if simply made again: the network, a timeout, throttling, a 5xx. */
export function isTransientAwsError(error: unknown): boolean {
  const f = fields(error);
  if (networkCode(f) || f.name === "TimeoutError" || f.name === "AbortError") return true;
  if (TRANSIENT_CODES.has(awsErrorCode(error))) return true;
  const status = f.$metadata?.httpStatusCode;
  return status === 429 || (status !== undefined && status >= 500);
}

const serviceName = (action: string) => SERVICES[action.split(":")[0]] ?? action.split(":")[0];

/** "Lambda InvokeFunction" from "lambda:InvokeFunction", "A call to CloudFormation" from "cloudformation". */
export function callName(action: string): string {
  const name = action.split(":")[1];
  return name ? `${serviceName(action)} ${name}` : `A call to ${serviceName(action)}`;
}

/** The SDK's text of the error: name, code, message, HTTP status, request id and cause, on one line each. */
export function rawErrorText(error: unknown): string {
  const f = fields(error);
  const head = [f.name, f.Code ?? f.code].filter((x, i, all) => x && all.indexOf(x) === i).join(" ");
  const lines = [`${head || "Error"}: ${(f.message ?? "").trim()}`];
  if (f.$metadata?.httpStatusCode) lines.push(`HTTP status ${f.$metadata.httpStatusCode}`);
  if (f.$metadata?.requestId) lines.push(`Request id ${f.$metadata.requestId}`);
  const cause = f.cause === undefined ? undefined : fields(f.cause);
  if (cause?.message || cause?.code) lines.push(`Cause: ${[cause.code, cause.message].filter(Boolean).join(" ")}`);
  return redactSecrets(lines.join("\n"));
}

/** The response could not be read as the service's protocol: HTML, malformed JSON or XML, or no error code at all. */
function isNotAwsResponse(f: ErrorFields): boolean {
  if (f.name === "SyntaxError" || INTERNALS.test(f.message ?? "")) return true;
  if ("$response" in f && !f.$fault) return true;
  return (f.name === "Unknown" || f.name === "UnknownError") && f.$fault !== undefined;
}

const DENIED = new Set(["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AccessDeniedFault", "AuthorizationError"]);
const BAD_KEYS = new Set(["InvalidClientTokenId", "UnrecognizedClientException", "InvalidAccessKeyId"]);
const EXPIRED = new Set(["ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired"]);
const THROTTLED = new Set(["Throttling", "ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded", "SlowDown"]);
const NOT_FOUND = new Set(["ResourceNotFoundException", "ResourceNotFound", "NoSuchEntity", "NoSuchBucket", "NotFoundException"]);

export function translateAwsError(error: unknown, call: AwsCall): AwsProblem {
  const database = databaseProblem(error);
  if (database) return { kind: database.kind, message: database.message, details: database.details, status: database.status };
  const f = fields(error);
  const said = (f.message ?? "").trim();
  const code = awsErrorCode(error);
  const status = f.$metadata?.httpStatusCode;
  const where = call.endpoint ? `the endpoint ${call.endpoint}` : "AWS";
  const head = `${callName(call.action)} failed${call.doing ? ` while ${call.doing}` : ""}`;
  const details = rawErrorText(error);
  const problem = (kind: AwsProblemKind, message: string, httpStatus: AwsProblem["status"] = 502): AwsProblem => ({ kind, message, details, status: httpStatus });
  // AWS's own words are worth showing; the SDK's are not.
  const awsSaid = said && !INTERNALS.test(said) ? ` AWS said: ${said}` : "";

  if (f.name === "ConnectionNotAllowed") return { kind: "refused", message: said || "This connection is not allowed on this instance.", details: "", status: 403 };
  if ([f.code, fields(f.cause).code].includes(OUTBOUND_REFUSED)) {
    return problem(
      "refused",
      `${callName(call.action)} was not called${call.doing ? ` while ${call.doing}` : ""}: ${where} is a private address that LAMBDAPLANE_OUTBOUND_ALLOW does not list. An administrator can add it to that list.`,
      403,
    );
  }
  const network = networkCode(f);
  if (network) {
    const todo = call.endpoint ? "Check the connection's endpoint URL and that the service there is running." : "Check this server's network access to AWS.";
    return problem("unreachable", `${head}: could not reach ${where}: ${NETWORK_CODES[network]} (${network}). ${todo}`);
  }
  if (f.name === "TimeoutError" || f.name === "AbortError" || code === "RequestTimeout") {
    return problem("timeout", `${head}: no answer from ${where} in time. Try again; if it keeps happening, check the network between this server and ${where}.`);
  }
  if (f.name === "CredentialsProviderError") {
    return problem(
      "credentials",
      `${head}: no AWS credentials were found. The server's default credential chain ` +
        "(environment variables, shared config and credentials files, container or instance role) is empty. " +
        "Give the Lambdaplane server credentials, or use an endpoint override for an emulator.",
    );
  }
  const named = missingIamAction(said);
  if (named || DENIED.has(code)) {
    const action = named ?? (call.action.includes(":") ? call.action : undefined);
    const missing = action ? `the IAM permission ${action}: grant it` : `an IAM permission for this call to ${serviceName(call.action)}: grant it`;
    return problem("denied", `${head}: access denied. The identity is missing ${missing} in the role's (or user's) policy.${awsSaid}`, 403);
  }
  if (BAD_KEYS.has(code)) {
    return problem("credentials", `${head}: AWS does not recognise the access key (${code}). The credentials are wrong or belong to another partition: check the connection's credentials.`, 403);
  }
  if (code === "SignatureDoesNotMatch") {
    return problem("credentials", `${head}: the secret key does not match the access key (SignatureDoesNotMatch). Check the connection's credentials.`, 403);
  }
  if (EXPIRED.has(code)) {
    return problem("credentials", `${head}: the AWS credentials have expired (${code}). Renew the server's credentials (or the role session) and try again.`, 403);
  }
  if (code === "RegionDisabledException") {
    return problem("credentials", `${head}: STS is not activated in this region. Activate it in the IAM account settings or choose another region.`, 403);
  }
  if (THROTTLED.has(code) || status === 429) {
    return problem("throttled", `${head}: AWS is throttling requests (${code}). Wait a moment and try again.`, 429);
  }
  if (NOT_FOUND.has(code)) {
    return problem("not-found", `${head}: it does not exist (${code}). It may have been deleted outside Lambdaplane: deploy the stage again.${awsSaid}`, 404);
  }
  if (isNotAwsResponse(f)) {
    const answered = status ? `answered HTTP ${status} with` : "sent";
    const todo = call.endpoint
      ? "Check that the connection's endpoint override points at an AWS API or emulator that supports this call."
      : "Try again in a moment; if it keeps happening, check for a proxy between this server and AWS.";
    return problem("not-aws", `${head}: ${where} ${answered} something that is not an AWS response (a web page or malformed data). ${todo}`);
  }
  if (f.$fault === "server" || (status !== undefined && status >= 500)) {
    return problem("aws-fault", `${head}: ${where} had an internal error (${code}). Try again in a moment.${awsSaid}`);
  }
  return problem("rejected", `${head}: ${code}.${awsSaid || " AWS gave no message."}`);
}

/** A failed AWS call, translated: thrown where a route answers with it (`status`, `{ error, details }`). */
export class AwsCallError extends Error {
  readonly status: AwsProblem["status"];
  readonly details: string;
  readonly kind: AwsProblemKind;

  constructor(problem: AwsProblem) {
    super(problem.message);
    this.status = problem.status;
    this.details = problem.details;
    this.kind = problem.kind;
  }
}
