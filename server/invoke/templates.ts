// Sample events for test invoke, as data: each is the shape AWS sends the function for that trigger
// (from the AWS Lambda developer guide's sample events), with placeholder ids. Pure.

export interface EventTemplate {
  id: string;
  label: string;
  event: (region: string) => unknown;
}

const ACCOUNT = "123456789012";
const TIME = "2026-12-01T08:00:00Z";
const EPOCH_MS = Date.parse(TIME);

export const EVENT_TEMPLATES: readonly EventTemplate[] = [
  {
    id: "http-api-v2",
    label: "HTTP API (payload format 2.0)",
    event: () => ({
      version: "2.0",
      routeKey: "GET /hello",
      rawPath: "/hello",
      rawQueryString: "name=world",
      cookies: [],
      headers: { accept: "application/json", host: "abc123.execute-api.amazonaws.com", "user-agent": "lambdaplane-test" },
      queryStringParameters: { name: "world" },
      requestContext: {
        accountId: ACCOUNT,
        apiId: "abc123",
        domainName: "abc123.execute-api.amazonaws.com",
        domainPrefix: "abc123",
        http: { method: "GET", path: "/hello", protocol: "HTTP/1.1", sourceIp: "192.0.2.1", userAgent: "lambdaplane-test" },
        requestId: "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
        routeKey: "GET /hello",
        stage: "$default",
        time: "01/Dec/2026:08:00:00 +0000",
        timeEpoch: EPOCH_MS,
      },
      isBase64Encoded: false,
    }),
  },
  {
    id: "sqs",
    label: "SQS batch",
    event: (region) => ({
      Records: [1, 2].map((n) => ({
        messageId: `059f36b4-87a3-44ab-83d2-66197525730${n}`,
        receiptHandle: `AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a${n}`,
        body: JSON.stringify({ orderId: n }),
        attributes: { ApproximateReceiveCount: "1", SentTimestamp: String(EPOCH_MS), SenderId: "AIDAIENQZJOLO23YVJ4VO", ApproximateFirstReceiveTimestamp: String(EPOCH_MS) },
        messageAttributes: {},
        md5OfBody: "e4e68fb7bd0e697a0ae8f1bb342846b3",
        eventSource: "aws:sqs",
        eventSourceARN: `arn:aws:sqs:${region}:${ACCOUNT}:my-queue`,
        awsRegion: region,
      })),
    }),
  },
  {
    id: "s3-put",
    label: "S3 put",
    event: (region) => ({
      Records: [
        {
          eventVersion: "2.1",
          eventSource: "aws:s3",
          awsRegion: region,
          eventTime: TIME,
          eventName: "ObjectCreated:Put",
          userIdentity: { principalId: "EXAMPLE" },
          requestParameters: { sourceIPAddress: "192.0.2.1" },
          responseElements: { "x-amz-request-id": "EXAMPLE123456789", "x-amz-id-2": "EXAMPLE123/abcdefghijklmn" },
          s3: {
            s3SchemaVersion: "1.0",
            configurationId: "testConfigRule",
            bucket: { name: "my-bucket", ownerIdentity: { principalId: "EXAMPLE" }, arn: "arn:aws:s3:::my-bucket" },
            object: { key: "uploads/photo.jpg", size: 1024, eTag: "0123456789abcdef0123456789abcdef", sequencer: "0A1B2C3D4E5F678901" },
          },
        },
      ],
    }),
  },
  {
    id: "eventbridge",
    label: "EventBridge event",
    event: (region) => ({
      version: "0",
      id: "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
      "detail-type": "OrderPlaced",
      source: "com.example.orders",
      account: ACCOUNT,
      time: TIME,
      region,
      resources: [],
      detail: { orderId: "42", total: 19.99 },
    }),
  },
  {
    id: "schedule",
    label: "Schedule (EventBridge scheduled event)",
    event: (region) => ({
      version: "0",
      id: "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa",
      "detail-type": "Scheduled Event",
      source: "aws.events",
      account: ACCOUNT,
      time: TIME,
      region,
      resources: [`arn:aws:events:${region}:${ACCOUNT}:rule/my-schedule`],
      detail: {},
    }),
  },
  {
    id: "sns",
    label: "SNS notification",
    event: (region) => ({
      Records: [
        {
          EventVersion: "1.0",
          EventSubscriptionArn: `arn:aws:sns:${region}:${ACCOUNT}:my-topic:c9135db0-26c4-47ec-8998-413945fb5a96`,
          EventSource: "aws:sns",
          Sns: {
            SignatureVersion: "1",
            Timestamp: TIME,
            Signature: "EXAMPLE",
            SigningCertUrl: "EXAMPLE",
            MessageId: "95df01b4-ee98-5cb9-9903-4c221d41eb5e",
            Message: "Hello from SNS!",
            MessageAttributes: {},
            Type: "Notification",
            UnsubscribeUrl: "EXAMPLE",
            TopicArn: `arn:aws:sns:${region}:${ACCOUNT}:my-topic`,
            Subject: "example subject",
          },
        },
      ],
    }),
  },
  {
    id: "dynamodb-stream",
    label: "DynamoDB stream",
    event: (region) => ({
      Records: [
        {
          eventID: "c4ca4238a0b923820dcc509a6f75849b",
          eventName: "INSERT",
          eventVersion: "1.1",
          eventSource: "aws:dynamodb",
          awsRegion: region,
          dynamodb: {
            ApproximateCreationDateTime: EPOCH_MS / 1000,
            Keys: { Id: { N: "101" } },
            NewImage: { Message: { S: "New item!" }, Id: { N: "101" } },
            SequenceNumber: "4421584500000000017450439091",
            SizeBytes: 26,
            StreamViewType: "NEW_AND_OLD_IMAGES",
          },
          eventSourceARN: `arn:aws:dynamodb:${region}:${ACCOUNT}:table/my-table/stream/2026-12-01T00:00:00.000`,
        },
      ],
    }),
  },
  {
    id: "kinesis",
    label: "Kinesis stream",
    event: (region) => ({
      Records: [
        {
          kinesis: {
            kinesisSchemaVersion: "1.0",
            partitionKey: "1",
            sequenceNumber: "49590338271490256608559692538361571095921575989136588898",
            data: btoa(JSON.stringify({ hello: "world" })),
            approximateArrivalTimestamp: EPOCH_MS / 1000,
          },
          eventSource: "aws:kinesis",
          eventVersion: "1.0",
          eventID: "shardId-000000000006:49590338271490256608559692538361571095921575989136588898",
          eventName: "aws:kinesis:record",
          invokeIdentityArn: `arn:aws:iam::${ACCOUNT}:role/lambda-role`,
          awsRegion: region,
          eventSourceARN: `arn:aws:kinesis:${region}:${ACCOUNT}:stream/my-stream`,
        },
      ],
    }),
  },
];

export function templatePayload(id: string, region: string): string | null {
  const t = EVENT_TEMPLATES.find((e) => e.id === id);
  return t ? JSON.stringify(t.event(region), null, 2) : null;
}
