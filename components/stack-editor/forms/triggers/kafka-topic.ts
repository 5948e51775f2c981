import { DEFAULT_KAFKA_BATCH_SIZE } from "@/lib/stack";
import type { TriggerSpec } from "../spec";

// Seed 000, "Kafka Topic event" and KafkaTopicIntegration API reference.
export const kafkaTrigger: TriggerSpec<"kafka-topic"> = {
  type: "kafka-topic",
  label: "Kafka topic",
  help: "The function is triggered whenever there are messages in the specified Kafka topic; messages are processed in batches. A custom cluster needs bootstrapServers, topicName and an authentication method.",
  fields: [
    {
      key: ["customKafkaConfiguration"],
      label: "Custom Kafka configuration (JSON)",
      kind: "json",
      help: '{"bootstrapServers": ["broker:9092"], "topicName": "t", "authentication": {"type": "SASL_SCRAM_256_AUTH", "properties": {"authenticationSecretArn": "arn:..."}}}',
    },
    { key: ["batchSize"], label: "Batch size", kind: "number", defaultValue: DEFAULT_KAFKA_BATCH_SIZE, help: "Maximum amount of messages in one invocation (1-10000)." },
    { key: ["maxBatchWindowSeconds"], label: "Max batch window (seconds)", kind: "number", help: "How long to gather messages before invoking (0-300)." },
  ],
  create: () => ({
    type: "kafka-topic",
    properties: {
      customKafkaConfiguration: {
        bootstrapServers: ["broker.example.com:9092"],
        topicName: "my-topic",
        authentication: { type: "SASL_SCRAM_256_AUTH", properties: { authenticationSecretArn: "" } },
      },
    },
  }),
};
