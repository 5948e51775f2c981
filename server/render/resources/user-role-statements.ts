// accessControl.iamRoleStatements / iamRoleStatements: appended to the role as written, with
// directives resolved and Effect defaulting to Allow.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import type { StpIamRoleStatement } from "@/lib/stack/schema";
import type { RenderContext } from "../context";
import type { DefinitionPath } from "../fragment";
import type { IamStatement } from "../iam";

export function userRoleStatements(
  ctx: RenderContext,
  statements: StpIamRoleStatement[],
  path: DefinitionPath,
  diagnostics: Diagnostic[],
): IamStatement[] {
  return statements.map((s, i) => {
    const at = [...path, i];
    if (!s.Action?.length) {
      diagnostics.push({ severity: "error", code: "render", message: "an IAM statement needs at least one Action", path: at });
    }
    const statement: IamStatement = {
      Effect: s.Effect ?? "Allow",
      Action: s.Action ?? [],
      Resource: s.Resource.map((r, j) => ctx.resolve(r, [...at, "Resource", j], diagnostics).value),
    };
    if (s.Sid !== undefined) statement.Sid = s.Sid;
    if (s.Condition !== undefined) statement.Condition = ctx.resolveDeep(s.Condition, [...at, "Condition"], diagnostics);
    return statement;
  });
}
