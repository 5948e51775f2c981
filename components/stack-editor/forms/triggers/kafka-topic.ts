import { DEFAULT_KAFKA_BATCH_SIZE } from "@/lib/stack";
import type { TriggerSpec } from "../spec";

// Seed 000, "Kafka Topic event" and KafkaTopicIntegration / CustomKafkaEventSource API references.
const custom = ["customKafkaConfiguration"];
const auth = [...custom, "authentication", "properties"];
const authType = [...custom, "authentication", "type"];
const SASL_TYPES = ["BASIC_AUTH", "SASL_SCRAM_256_AUTH", "SASL_SCRAM_512_AUTH"];
export const kafkaTrigger: TriggerSpec<"kafka-topic"> = {
  type: "kafka-topic",
  label: "Kafka topic",
  help: "The function is triggered whenever there are messages in the specified Kafka topic; messages are processed in batches. A custom cluster needs bootstrapServers, topicName and an authentication method.",
  fields: [
    { key: ["upstashKafkaTopic"], label: "Upstash Kafka topic", kind: "text", help: "Name of an upstash-kafka-topic resource, instead of a custom cluster below." },
    { key: [...custom, "bootstrapServers"], label: "Bootstrap servers (one host:port per line)", kind: "lines", required: true, help: "Brokers of your own Kafka cluster, e.g. broker.example.com:9092." },
    { key: [...custom, "topicName"], label: "Topic name", kind: "text", required: true },
    {
      key: [...custom, "authentication"],
      label: "Authentication",
      kind: "variant",
      options: [...SASL_TYPES, "MTLS"],
      optionLabels: { BASIC_AUTH: "Basic authentication", SASL_SCRAM_256_AUTH: "SASL/SCRAM-256", SASL_SCRAM_512_AUTH: "SASL/SCRAM-512", MTLS: "Mutual TLS (client certificate)" },
      required: true,
      help: "SASL and basic authentication read username and password from a Secrets Manager secret; MTLS uses a client certificate.",
      create: (type) => ({ type, properties: type === "MTLS" ? { clientCertificate: "" } : { authenticationSecretArn: "" } }),
    },
    { key: [...auth, "authenticationSecretArn"], label: "Authentication secret ARN", kind: "text", required: true, showWhen: { key: authType, values: SASL_TYPES }, help: "Secrets Manager secret holding username and password." },
    { key: [...auth, "clientCertificate"], label: "Client certificate secret ARN", kind: "text", required: true, showWhen: { key: authType, values: ["MTLS"] }, help: "Secrets Manager secret holding the client certificate and private key." },
    { key: [...auth, "serverRootCaCertificate"], label: "Server root CA secret ARN", kind: "text", showWhen: { key: authType, values: ["MTLS"] }, help: "Secrets Manager secret holding the brokers' root CA certificate." },
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
