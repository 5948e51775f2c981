import { describe, expect, it } from "vitest";
import { functionYaml, props, renderYaml, resourcesAllowed } from "../test-support";

const SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:kafka";
const withKafka = (authentication: string, extra = "") => `
resources:
${functionYaml(
  "consumer",
  `      events:
        - type: kafka-topic
          properties:
${extra}            customKafkaConfiguration:
              bootstrapServers:
                - broker-1.example.com:9092
                - broker-2.example.com:9092
              topicName: orders
              authentication:
${authentication}`,
)}`;

describe("kafka-topic event", () => {
  it("reads a self-managed cluster with SASL/SCRAM credentials from Secrets Manager", () => {
    const { template, diagnostics } = renderYaml(
      withKafka(`                type: SASL_SCRAM_256_AUTH
                properties:
                  authenticationSecretArn: ${SECRET}
`),
    );
    expect(diagnostics).toEqual([]);
    const mapping = props(template, "ConsumerEvent0EventSourceMapping");
    expect(mapping.SelfManagedEventSource).toEqual({
      Endpoints: { KafkaBootstrapServers: ["broker-1.example.com:9092", "broker-2.example.com:9092"] },
    });
    expect(mapping.Topics).toEqual(["orders"]);
    expect(mapping.SourceAccessConfigurations).toEqual([{ Type: "SASL_SCRAM_256_AUTH", URI: SECRET }]);
    expect(mapping.BatchSize).toBe(100);
    expect(mapping.StartingPosition).toBe("TRIM_HORIZON");
    expect(resourcesAllowed(template, "ConsumerRole", "secretsmanager:GetSecretValue")).toEqual([SECRET]);
  });

  it("uses the client certificate and the brokers' root CA for mTLS, and maps batching", () => {
    const { template } = renderYaml(
      withKafka(
        `                type: MTLS
                properties:
                  clientCertificate: ${SECRET}-client
                  serverRootCaCertificate: ${SECRET}-ca
`,
        "            batchSize: 500\n            maxBatchWindowSeconds: 5\n",
      ),
    );
    const mapping = props(template, "ConsumerEvent0EventSourceMapping");
    expect(mapping.SourceAccessConfigurations).toEqual([
      { Type: "CLIENT_CERTIFICATE_TLS_AUTH", URI: `${SECRET}-client` },
      { Type: "SERVER_ROOT_CA_CERTIFICATE", URI: `${SECRET}-ca` },
    ]);
    expect(mapping.BatchSize).toBe(500);
    expect(mapping.MaximumBatchingWindowInSeconds).toBe(5);
    expect(resourcesAllowed(template, "ConsumerRole", "secretsmanager:GetSecretValue")).toEqual([
      `${SECRET}-client`,
      `${SECRET}-ca`,
    ]);
  });

  it("refuses Upstash topics, which this renderer does not provision", () => {
    const { diagnostics } = renderYaml(`
resources:
${functionYaml(
  "consumer",
  `      events:
        - type: kafka-topic
          properties:
            upstashKafkaTopic: myTopic
`,
)}`);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        path: ["resources", "consumer", "properties", "events", 0, "properties", "upstashKafkaTopic"],
      }),
    ]);
  });
});
