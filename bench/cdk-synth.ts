// One CDK synth of the benchmark stack as a process of its own (cdk.ts), the peer of a whole
// `lambdaplane render` process. Run: node --import tsx bench/cdk-synth.ts <functions>
import { synthesizeWithCdk } from "./cdk";

const functions = Number(process.argv[2] ?? 200);
console.log(`${synthesizeWithCdk(functions)} resources`);
