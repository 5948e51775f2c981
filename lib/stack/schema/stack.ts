// The whole stack definition: named resources plus raw CloudFormation resources.
import { z } from "zod";
import { LogicalIdSchema, ResourceNameSchema } from "./common";
import { EdgeLambdaFunctionSchema, LambdaFunctionSchema } from "./functions";
import {
  ApplicationLoadBalancerSchema,
  BucketSchema,
  CloudformationResourceSchema,
  DynamoDbTableSchema,
  EventBusSchema,
  HttpApiGatewaySchema,
  UserAuthPoolSchema,
} from "./resources";

export const StackResourceSchema = z.discriminatedUnion("type", [
  LambdaFunctionSchema,
  EdgeLambdaFunctionSchema,
  HttpApiGatewaySchema,
  BucketSchema,
  EventBusSchema,
  UserAuthPoolSchema,
  DynamoDbTableSchema,
  ApplicationLoadBalancerSchema,
]);
export type StackResource = z.infer<typeof StackResourceSchema>;
export type StackResourceType = StackResource["type"];
export type ResourceOfType<T extends StackResourceType> = Extract<StackResource, { type: T }>;

export const STACK_RESOURCE_TYPES = StackResourceSchema.options.map((o) => o.shape.type.value) as StackResourceType[];

export const StackDefinitionSchema = z.strictObject({
  resources: z.record(ResourceNameSchema, StackResourceSchema),
  cloudformationResources: z.record(LogicalIdSchema, CloudformationResourceSchema).optional(),
});
export type StackDefinition = z.infer<typeof StackDefinitionSchema>;
