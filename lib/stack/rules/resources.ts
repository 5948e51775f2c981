// Rules for the non-compute resources.
import { resourcesOfType, type Path, type RuleContext } from "./context";
import { checkReference, KINDS } from "./reference-fields";

export function checkResources(ctx: RuleContext): void {
  for (const [name, lb] of resourcesOfType(ctx.definition, "application-load-balancer")) {
    const listeners = lb.properties?.listeners ?? [];
    const seen = new Set<number>();
    listeners.forEach((l, i) => {
      const at: Path = ["resources", name, "properties", "listeners", i];
      if (seen.has(l.port)) ctx.report([...at, "port"], "duplicate", `two listeners on port ${l.port}`);
      seen.add(l.port);
      if (l.protocol === "HTTPS" && !l.customCertificateArns?.length) ctx.report(at, "syntax", "an HTTPS listener needs customCertificateArns");
      (l.customCertificateArns ?? []).forEach((arn, j) => checkReference(ctx, [...at, "customCertificateArns", j], arn, KINDS.certificateArn));
    });
  }
  for (const [name, table] of resourcesOfType(ctx.definition, "dynamo-db-table")) {
    const { partitionKey, sortKey } = table.properties.primaryKey;
    if (sortKey && sortKey.name === partitionKey.name) {
      ctx.report(["resources", name, "properties", "primaryKey", "sortKey", "name"], "conflict", "the sort key must differ from the partition key");
    }
  }
}
