// AWS SDK errors turned into sentences a user can act on. Pure: reads only the error's fields.

export interface AwsErrorContext {
  /** What was being done, e.g. "calling sts:GetCallerIdentity" or "assuming arn:aws:iam::...:role/x". */
  doing: string;
  /** The endpoint override, when the connection has one. */
  endpoint?: string | null;
  /** The IAM action the call needs (e.g. "logs:FilterLogEvents"), named when AWS's denial does not say. */
  iamAction?: string;
}

interface ErrorFields {
  name?: string;
  code?: string;
  message?: string;
  Code?: string;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
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

export function describeAwsError(error: unknown, context: AwsErrorContext): string {
  const f = fields(error);
  const message = (f.message ?? "").trim();
  const code = awsErrorCode(error);
  const where = context.endpoint ? `the endpoint ${context.endpoint}` : "AWS";

  if (f.name === "ConnectionNotAllowed") return f.message ?? "This connection is not allowed on this instance.";
  if ([f.code, fields(f.cause).code].includes(OUTBOUND_REFUSED)) {
    return `Refused to call ${where} while ${context.doing}: the address is private and LAMBDAPLANE_OUTBOUND_ALLOW does not list it.`;
  }
  const network = networkCode(f);
  if (network) return `Could not reach ${where} while ${context.doing}: ${NETWORK_CODES[network]} (${network}).`;
  if (f.name === "TimeoutError" || f.name === "AbortError" || code === "RequestTimeout") {
    return `No answer from ${where} in time while ${context.doing}.`;
  }
  if (f.name === "CredentialsProviderError") {
    return (
      `No AWS credentials were found while ${context.doing}: the server's default credential chain ` +
      "(environment variables, shared config and credentials files, container or instance role) is empty. " +
      "Give the Lambdaplane server credentials, or use an endpoint override for an emulator."
    );
  }
  const action = missingIamAction(message);
  if (action) return `Access denied while ${context.doing}: the identity is missing the IAM permission ${action}. AWS said: ${message}`;

  switch (code) {
    case "AccessDenied":
    case "AccessDeniedException":
    case "UnauthorizedOperation":
    case "AccessDeniedFault":
      if (context.iamAction) {
        return `Access denied while ${context.doing}: the identity is missing the IAM permission ${context.iamAction}. AWS said: ${message || code}`;
      }
      return `Access denied while ${context.doing}. AWS said: ${message || code}`;
    case "InvalidClientTokenId":
    case "UnrecognizedClientException":
      return `AWS does not recognise the access key used while ${context.doing} (${code}): the credentials are wrong or belong to another partition.`;
    case "SignatureDoesNotMatch":
      return `The secret key does not match the access key used while ${context.doing} (SignatureDoesNotMatch).`;
    case "ExpiredToken":
    case "ExpiredTokenException":
    case "RequestExpired":
      return `The AWS credentials used while ${context.doing} have expired (${code}).`;
    case "RegionDisabledException":
      return `STS is not activated in this region, needed while ${context.doing}: activate it in the IAM account settings or choose another region.`;
    case "Throttling":
    case "ThrottlingException":
    case "TooManyRequestsException":
      return `AWS is throttling requests (${code}) while ${context.doing}; try again in a moment.`;
  }
  return `${code} while ${context.doing}: ${message || "no message"}`;
}
