// What the function page exchanges between server and browser: a deployed function as AWS reports it,
// read in sections that each succeed or fail on their own.

/** One section of the page: its value, or why it could not be read (an AWS error in words). */
export type Section<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** The endpoint does not implement the call (an emulator): the section says so instead of an error. */
      unavailable: boolean;
      message: string;
      details: string;
    };

/** A list read page by page up to a cap; `capped` says there were more. */
export interface Bounded<T> {
  items: T[];
  capped: boolean;
}

export interface EnvironmentVariable {
  name: string;
  /** Null when the viewer's role may not see values (they never leave the server then). */
  value: string | null;
}

export interface FunctionConfiguration {
  functionName: string;
  functionArn: string | null;
  description: string | null;
  state: string | null;
  stateReason: string | null;
  packageType: string | null;
  runtime: string | null;
  architectures: string[];
  memoryMb: number | null;
  timeoutSeconds: number | null;
  ephemeralStorageMb: number | null;
  handler: string | null;
  role: string | null;
  environment: EnvironmentVariable[];
  /** True when values were withheld for the viewer's role. */
  environmentRedacted: boolean;
  layers: { arn: string; codeSizeBytes: number | null }[];
  vpc: { vpcId: string | null; subnetIds: string[]; securityGroupIds: string[] } | null;
  codeSizeBytes: number | null;
  codeSha256: string | null;
  lastModified: string | null;
}

export interface ProvisionedConcurrency {
  qualifier: string;
  requested: number | null;
  available: number | null;
  allocated: number | null;
  status: string | null;
  statusReason: string | null;
}

export interface FunctionVersion {
  version: string;
  description: string | null;
  codeSha256: string | null;
  lastModified: string | null;
}

export interface FunctionAlias {
  name: string;
  version: string;
  description: string | null;
  /** Besides `version`, the versions that take a share of the traffic, and the share (0..1). */
  additionalWeights: { version: string; weight: number }[];
}

export interface FunctionUrl {
  url: string;
  authType: string | null;
  invokeMode: string | null;
}

export interface EventSourceMapping {
  uuid: string;
  eventSourceArn: string | null;
  state: string | null;
  stateTransitionReason: string | null;
  lastProcessingResult: string | null;
  batchSize: number | null;
  lastModified: string | null;
}

/** One invocation from its REPORT line. */
export interface Invocation {
  timestamp: number;
  requestId: string;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  /** Present on a cold start. */
  initDurationMs: number | null;
  failed: boolean;
}

export interface RecentInvocations {
  start: number;
  end: number;
  /** Newest first, at most the page's display count. */
  invocations: Invocation[];
  /** REPORT lines read in the window. */
  count: number;
  coldStarts: number;
  /** Invocations with an error or timeout line (or a REPORT status) of the same request. */
  errors: number;
  /** errors / count; null without invocations. */
  errorRate: number | null;
  /** The window held more lines than are read: the numbers cover the oldest part of it, up to `readUntil`. */
  capped: boolean;
  readUntil: number;
  /** The function has no log group yet (never invoked). */
  noLogGroup: boolean;
}

export interface FunctionLiveView {
  physicalName: string;
  region: string;
  configuration: Section<FunctionConfiguration>;
  /** Null when no reserved concurrency is set. */
  reservedConcurrency: Section<number | null>;
  provisionedConcurrency: Section<Bounded<ProvisionedConcurrency>>;
  versions: Section<Bounded<FunctionVersion>>;
  aliases: Section<Bounded<FunctionAlias>>;
  /** Null when the function has no URL. */
  url: Section<FunctionUrl | null>;
  eventSourceMappings: Section<Bounded<EventSourceMapping>>;
  recentInvocations: Section<RecentInvocations>;
}
