import { S3_EVENT_TYPES } from "@/lib/stack";
import type { TriggerSpec } from "../spec";

// Seed 000, "S3 event" and S3Integration API reference.
export const s3Trigger: TriggerSpec<"s3"> = {
  type: "s3",
  label: "S3 bucket",
  help: "The function is triggered when a specified event occurs in your bucket.",
  fields: [
    { key: ["bucketArn"], label: "Bucket ARN", kind: "text", required: true, help: "e.g. $ResourceParam('myBucket', 'arn')." },
    { key: ["s3EventType"], label: "Event type", kind: "select", options: S3_EVENT_TYPES, required: true, help: "Which bucket events trigger the function." },
    { key: ["filterRule", "prefix"], label: "Key prefix", kind: "text", help: "Only objects whose key starts with this, e.g. order-." },
    { key: ["filterRule", "suffix"], label: "Key suffix", kind: "text", help: "Only objects whose key ends with this, e.g. .jpg." },
  ],
  create: () => ({ type: "s3", properties: { bucketArn: "", s3EventType: "s3:ObjectCreated:*" } }),
};
