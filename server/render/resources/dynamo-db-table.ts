// dynamo-db-table: on-demand unless provisioned throughput is given; a stream when streamType is set.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import type { DynamoDbTable } from "@/lib/stack/schema";
import { ref, type CfValue } from "../cfn";
import type { RenderContext } from "../context";
import { fragment, type DefinitionPath, type Fragment } from "../fragment";
import { logicalIds } from "../naming";

const ATTRIBUTE_TYPE = { string: "S", number: "N", binary: "B" } as const;

export function renderDynamoDbTable(_ctx: RenderContext, name: string, table: DynamoDbTable, path: DefinitionPath): Fragment {
  const diagnostics: Diagnostic[] = [];
  const props = table.properties;
  const { partitionKey, sortKey } = props.primaryKey;
  if (sortKey && sortKey.name === partitionKey.name) {
    diagnostics.push({
      severity: "error",
      code: "conflict",
      message: "the sort key must differ from the partition key",
      path: [...path, "properties", "primaryKey", "sortKey", "name"],
    });
  }
  const keys = sortKey ? [partitionKey, sortKey] : [partitionKey];
  const properties: Record<string, CfValue> = {
    AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: ATTRIBUTE_TYPE[k.type] })),
    KeySchema: keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? "HASH" : "RANGE" })),
    BillingMode: props.provisionedThroughput ? "PROVISIONED" : "PAY_PER_REQUEST",
  };
  if (props.provisionedThroughput) {
    properties.ProvisionedThroughput = {
      ReadCapacityUnits: props.provisionedThroughput.readUnits,
      WriteCapacityUnits: props.provisionedThroughput.writeUnits,
    };
  }
  if (props.streamType) properties.StreamSpecification = { StreamViewType: props.streamType };
  if (props.pointInTimeRecovery !== undefined) {
    properties.PointInTimeRecoverySpecification = { PointInTimeRecoveryEnabled: props.pointInTimeRecovery };
  }
  const tableId = logicalIds.dynamoDbTable(name);
  return fragment(path, {
    resources: { [tableId]: { Type: "AWS::DynamoDB::Table", Properties: properties } },
    outputs: { [logicalIds.output(name, "name")]: { Description: `Name of table ${name}`, Value: ref(tableId) } },
    diagnostics,
  });
}
