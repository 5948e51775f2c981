// The target entry shared by schedule and event-bus rules: the function plus how the event is shaped.
import type { EventInputTransformer, JsonValue } from "@/lib/stack/schema";
import type { CfValue } from "../cfn";
import { pascal } from "../naming";

export interface RuleTargetInput {
  input?: JsonValue;
  inputPath?: string;
  inputTransformer?: EventInputTransformer;
}

export function ruleTarget(functionName: string, functionArn: CfValue, shape: RuleTargetInput): CfValue {
  // Target ids are unique per rule and at most 64 characters; each rule here has one target.
  const target: Record<string, CfValue> = { Id: pascal(functionName).slice(0, 64), Arn: functionArn };
  // EventBridge takes the constant input as JSON text.
  if (shape.input !== undefined) target.Input = JSON.stringify(shape.input);
  if (shape.inputPath !== undefined) target.InputPath = shape.inputPath;
  if (shape.inputTransformer !== undefined) {
    const transformer: Record<string, CfValue> = {};
    if (shape.inputTransformer.inputPathsMap !== undefined) transformer.InputPathsMap = shape.inputTransformer.inputPathsMap;
    transformer.InputTemplate = shape.inputTransformer.inputTemplate;
    target.InputTransformer = transformer;
  }
  return target;
}
