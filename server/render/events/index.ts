// Dispatch from an event's `type` to the module that renders it.
import type { FunctionEvent } from "@/lib/stack/schema";
import type { Fragment } from "../fragment";
import { renderApplicationLoadBalancerEvent } from "./application-load-balancer";
import { renderCloudwatchLogEvent } from "./cloudwatch-log";
import { renderDynamoDbStreamEvent } from "./dynamo-db-stream";
import { renderEventBusEvent } from "./event-bus";
import { renderHttpApiGatewayEvent } from "./http-api-gateway";
import { renderKafkaTopicEvent } from "./kafka-topic";
import { renderKinesisStreamEvent } from "./kinesis-stream";
import { renderS3Event } from "./s3";
import { renderScheduleEvent } from "./schedule";
import { renderSnsEvent } from "./sns";
import { renderSqsEvent } from "./sqs";
import type { EventRenderInput } from "./types";

export function renderEvent(input: EventRenderInput<FunctionEvent>): Fragment {
  const { event } = input;
  switch (event.type) {
    case "http-api-gateway":
      return renderHttpApiGatewayEvent({ ...input, event });
    case "schedule":
      return renderScheduleEvent({ ...input, event });
    case "event-bus":
      return renderEventBusEvent({ ...input, event });
    case "kafka-topic":
      return renderKafkaTopicEvent({ ...input, event });
    case "sns":
      return renderSnsEvent({ ...input, event });
    case "sqs":
      return renderSqsEvent({ ...input, event });
    case "kinesis-stream":
      return renderKinesisStreamEvent({ ...input, event });
    case "dynamo-db-stream":
      return renderDynamoDbStreamEvent({ ...input, event });
    case "s3":
      return renderS3Event({ ...input, event });
    case "cloudwatch-log":
      return renderCloudwatchLogEvent({ ...input, event });
    case "application-load-balancer":
      return renderApplicationLoadBalancerEvent({ ...input, event });
  }
}
