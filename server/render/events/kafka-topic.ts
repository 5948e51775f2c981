// kafka-topic: an event source mapping on a self-managed Kafka cluster. The role may read the
// Secrets Manager secrets the authentication method names (AWS requires that for SASL and mTLS).
import type { Diagnostic } from "@/lib/stack/diagnostics";
import { DEFAULT_KAFKA_BATCH_SIZE, DEFAULT_STARTING_POSITION } from "@/lib/stack/defaults";
import type { CustomKafkaEventSource, KafkaTopicIntegration } from "@/lib/stack/schema";
import type { CfValue } from "../cfn";
import type { RenderContext } from "../context";
import { fragment, type DefinitionPath, type Fragment } from "../fragment";
import { allow } from "../iam";
import { logicalIds } from "../naming";
import type { EventRenderInput } from "./types";

function sourceAccessConfigurations(
  ctx: RenderContext,
  auth: CustomKafkaEventSource["authentication"],
  path: DefinitionPath,
  diagnostics: Diagnostic[],
): { Type: string; URI: CfValue }[] {
  const at = (key: string) => [...path, "authentication", "properties", key];
  if (auth.type === "MTLS") {
    const configurations = [
      {
        Type: "CLIENT_CERTIFICATE_TLS_AUTH",
        URI: ctx.resolve(auth.properties.clientCertificate, at("clientCertificate"), diagnostics).value,
      },
    ];
    if (auth.properties.serverRootCaCertificate !== undefined) {
      configurations.push({
        Type: "SERVER_ROOT_CA_CERTIFICATE",
        URI: ctx.resolve(auth.properties.serverRootCaCertificate, at("serverRootCaCertificate"), diagnostics).value,
      });
    }
    return configurations;
  }
  // BASIC_AUTH, SASL_SCRAM_256_AUTH and SASL_SCRAM_512_AUTH are Lambda's own type names.
  return [
    {
      Type: auth.type,
      URI: ctx.resolve(auth.properties.authenticationSecretArn, at("authenticationSecretArn"), diagnostics).value,
    },
  ];
}

export function renderKafkaTopicEvent({ ctx, functionName, index, event, path }: EventRenderInput<KafkaTopicIntegration>): Fragment {
  const props = event.properties;
  const kafka = props.customKafkaConfiguration;
  if (!kafka) {
    return fragment(path, {
      diagnostics: [
        {
          severity: "error",
          code: "unsupported",
          message: "Upstash Kafka topics are not supported; use customKafkaConfiguration with your cluster's brokers",
          path: [...path, "properties", props.upstashKafkaTopic !== undefined ? "upstashKafkaTopic" : "customKafkaConfiguration"],
        },
      ],
    });
  }

  const diagnostics: Diagnostic[] = [];
  const target = ctx.functionTarget(functionName);
  const access = sourceAccessConfigurations(
    ctx,
    kafka.authentication,
    [...path, "properties", "customKafkaConfiguration"],
    diagnostics,
  );
  const properties: Record<string, CfValue> = {
    FunctionName: target.name,
    SelfManagedEventSource: { Endpoints: { KafkaBootstrapServers: kafka.bootstrapServers } },
    Topics: [kafka.topicName],
    SourceAccessConfigurations: access,
    StartingPosition: DEFAULT_STARTING_POSITION,
    BatchSize: props.batchSize ?? DEFAULT_KAFKA_BATCH_SIZE,
  };
  if (props.maxBatchWindowSeconds !== undefined) properties.MaximumBatchingWindowInSeconds = props.maxBatchWindowSeconds;

  return fragment(path, {
    resources: {
      [logicalIds.event(functionName, index, "EventSourceMapping")]: {
        Type: "AWS::Lambda::EventSourceMapping",
        Properties: properties,
      },
    },
    policyStatements: [
      {
        role: target.role,
        statement: allow(
          ["secretsmanager:GetSecretValue"],
          access.map((a) => a.URI),
        ),
      },
    ],
    diagnostics,
  });
}
