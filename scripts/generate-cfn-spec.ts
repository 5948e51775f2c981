// Writes server/validate/cfn-spec.json (format: server/validate/cfn-spec-format.ts): the part of the
// CloudFormation resource spec (@aws-cdk/aws-service-spec) that template validation reads, so nothing loads the whole spec
// database (about 1 s and 100 MB) at run time. Run after upgrading that package:
//   npx tsx scripts/generate-cfn-spec.ts
// server/validate/cfn-spec.test.ts fails while the committed file differs from what this writes.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildCfnSpecData } from "@/server/validate/cfn-spec-build";

const target = path.join(import.meta.dirname, "..", "server", "validate", "cfn-spec.json");
const text = buildCfnSpecData();
writeFileSync(target, text);
console.log(`wrote ${path.relative(process.cwd(), target)} (${text.length} bytes)`);
