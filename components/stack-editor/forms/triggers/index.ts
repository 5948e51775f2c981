// Every trigger type's form, in the order the seed documents them.
import type { FunctionEventType } from "@/lib/stack";
import type { TriggerSpec } from "../spec";
import { albTrigger } from "./application-load-balancer";
import { cloudwatchLogTrigger } from "./cloudwatch-log";
import { eventBusTrigger } from "./event-bus";
import { httpApiTrigger } from "./http-api-gateway";
import { kafkaTrigger } from "./kafka-topic";
import { s3Trigger } from "./s3";
import { scheduleTrigger } from "./schedule";
import { snsTrigger } from "./sns";
import { sqsTrigger } from "./sqs";
import { dynamoDbStreamTrigger, kinesisTrigger } from "./streams";

export const TRIGGERS = {
  "http-api-gateway": httpApiTrigger,
  schedule: scheduleTrigger,
  "event-bus": eventBusTrigger,
  "kafka-topic": kafkaTrigger,
  sns: snsTrigger,
  sqs: sqsTrigger,
  "kinesis-stream": kinesisTrigger,
  "dynamo-db-stream": dynamoDbStreamTrigger,
  s3: s3Trigger,
  "cloudwatch-log": cloudwatchLogTrigger,
  "application-load-balancer": albTrigger,
} as const satisfies { [T in FunctionEventType]: TriggerSpec<T> };
