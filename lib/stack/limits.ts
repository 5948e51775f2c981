// AWS limits on what a stack definition may ask for (the CloudFormation template limits are in
// server/validate/limits.ts). Sources: seed 002-004 and the AWS Lambda / Lambda@Edge quotas pages.

/** Lambda: "Environment variables: 4 KB, for all environment variables associated with the function, in aggregate". */
export const LAMBDA_ENVIRONMENT_MAX_BYTES = 4096;

/** Lambda@Edge viewer request/response triggers: 128 MB memory, 5 s timeout, 1 MB zipped package. */
export const EDGE_VIEWER_MAX_MEMORY_MB = 128;
export const EDGE_VIEWER_MAX_TIMEOUT_SECONDS = 5;
export const EDGE_VIEWER_MAX_ZIPPED_BYTES = 1024 * 1024;
/** Lambda@Edge origin request/response triggers: 30 s timeout, 50 MB zipped package. */
export const EDGE_ORIGIN_MAX_TIMEOUT_SECONDS = 30;
export const EDGE_ORIGIN_MAX_ZIPPED_BYTES = 50 * 1024 * 1024;

/** ALB listener rule: each path or host pattern of a condition is at most 128 characters. */
export const ALB_CONDITION_VALUE_MAX_CHARS = 128;

/** SQS event source: a batch size above 10 needs a batching window of at least 1 second. */
export const SQS_MAX_BATCH_SIZE_WITHOUT_WINDOW = 10;
/** SQS event source on a FIFO queue: batches of at most 10, and no batching window. */
export const SQS_FIFO_MAX_BATCH_SIZE = 10;
/** AWS::SQS::Queue VisibilityTimeout when not set; an SQS trigger's function timeout may not exceed it. */
export const SQS_DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;
/** CloudWatch Logs: subscription filters per log group. */
export const LOG_GROUP_MAX_SUBSCRIPTION_FILTERS = 2;
/** Lambda event source mapping for self-managed Kafka: bootstrap servers per event source. */
export const KAFKA_MAX_BOOTSTRAP_SERVERS = 10;

/** Environment variable names Lambda reserves for itself. */
export const LAMBDA_RESERVED_ENV_VARS = [
  "_HANDLER",
  "_X_AMZN_TRACE_ID",
  "AWS_DEFAULT_REGION",
  "AWS_REGION",
  "AWS_EXECUTION_ENV",
  "AWS_LAMBDA_FUNCTION_NAME",
  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
  "AWS_LAMBDA_FUNCTION_VERSION",
  "AWS_LAMBDA_INITIALIZATION_TYPE",
  "AWS_LAMBDA_LOG_GROUP_NAME",
  "AWS_LAMBDA_LOG_STREAM_NAME",
  "AWS_ACCESS_KEY",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_LAMBDA_RUNTIME_API",
  "LAMBDA_TASK_ROOT",
  "LAMBDA_RUNTIME_DIR",
] as const;

/** ALB listener rules: up to 3 match evaluations per condition and 5 per rule. */
export const ALB_MAX_VALUES_PER_CONDITION = 3;
export const ALB_MAX_VALUES_PER_RULE = 5;

// What Lambdaplane accepts as input: the bounds that keep parsing, validating and storing one stack
// cheap for the shared server, the CLI and the browser editor. Far above real stacks (the benchmark's
// 200-function stack has 401 resources, about 9,000 nodes and nesting 12 deep). Sizes are UTF-8 bytes.
export const STACK_INPUT_LIMITS = {
  /** The definition's text. */
  bytes: 1_000_000,
  /** Nested mappings, lists and flow brackets; the yaml parser recurses per level (deep input crashed it). */
  depth: 64,
  /** Keys, values and list items (scalars, aliases, collections) before aliases are expanded. */
  nodes: 50_000,
  /** Alias references (`*name`); their expansion is also bounded by `nodes` (billion laughs). */
  aliases: 1_000,
  /** Entries of `resources` and `cloudformationResources` together. */
  resources: 1_000,
  /** Diagnostics listed; the rest are counted in one "and N more" diagnostic. */
  diagnostics: 100,
} as const;

/** The handler files stored with a revision (every save path, and the import's zip unzipped). */
export const CODE_LIMITS = {
  files: 500,
  fileBytes: 1_000_000,
  totalBytes: 10 * 1024 * 1024,
  /** Characters in one file's path. */
  pathLength: 512,
  /**
   * Bytes one stack's packaging may take in, summed over its distinct packages (a Node.js bundle,
   * or a Python/Ruby folder as it is), checked before anything is deflated. A file is taken in once
   * per package that holds it, so nested folders with a function each (or many bundles of one big
   * module) could otherwise make a 10 MB revision cost gigabytes of deflate. Four times the stored
   * code: packages of a real stack share little, and the deflate stays a few seconds of one worker.
   */
  packagingBytes: 4 * 10 * 1024 * 1024,
} as const;
