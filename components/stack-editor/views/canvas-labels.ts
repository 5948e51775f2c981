// What the canvas calls each kind of node.
const KIND_LABEL: Record<string, string> = {
  function: "Function",
  "edge-lambda-function": "Edge function",
  "http-api-gateway": "HTTP API",
  bucket: "Bucket",
  "event-bus": "Event bus",
  "user-auth-pool": "User pool",
  "dynamo-db-table": "DynamoDB table",
  "application-load-balancer": "Load balancer",
  queue: "SQS queue",
  topic: "SNS topic",
  stream: "Kinesis stream",
};
export const kindLabel = (kind: string) => KIND_LABEL[kind] ?? kind;
