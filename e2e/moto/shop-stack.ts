// The stack the deploy tests (integration, e2e, benchmarks) deploy to moto and to the CloudFormation
// double: what moto can create, and what the acceptance names.

/** Functions with code in S3 (built by the pipeline), an SQS trigger on a queue of the stack, a schedule; each function gets a log group. */
export function shopYaml(workerMemory = 256): string {
  return `resources:
  worker:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/worker.ts
      memory: ${workerMemory}
      events:
        - type: sqs
          properties:
            queueArn: $CfResourceParam('jobsQueue', 'Arn')
  cron:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/cron.ts
      events:
        - type: schedule
          properties:
            scheduleRate: rate(2 hours)
cloudformationResources:
  jobsQueue:
    Type: AWS::SQS::Queue
`;
}

export const SHOP_CODE = {
  "src/worker.ts": `import { describe } from "./lib/describe";\nexport default async (event: { Records: unknown[] }) => describe(event.Records.length);\n`,
  "src/cron.ts": `export default async () => ({ ran: new Date().toISOString() });\n`,
  "src/lib/describe.ts": `export const describe = (n: number) => \`\${n} message(s)\`;\n`,
};

/**
 * Past the 500 resources one stack may hold, so the deploy splits it into nested stacks: each
 * function has an SQS trigger on a queue of its own and a schedule (7 resources with its role, log
 * group, queue, rule and permission), and 72 of them are the fewest that split. All share one entry
 * file, so packaging builds it once. `memory` overrides the memory of the named functions.
 */
export const NESTED_SHOP_FUNCTIONS = 72;

export const nestedShopFunction = (i: number) => `job${String(i).padStart(2, "0")}`;

export function nestedShopYaml(memory: Record<string, number> = {}): string {
  const functions: string[] = [];
  const queues: string[] = [];
  for (let i = 0; i < NESTED_SHOP_FUNCTIONS; i++) {
    const name = nestedShopFunction(i);
    functions.push(`  ${name}:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/job.ts
      memory: ${memory[name] ?? 128}
      events:
        - type: sqs
          properties:
            queueArn: $CfResourceParam('${name}Queue', 'Arn')
        - type: schedule
          properties:
            scheduleRate: rate(1 hour)
`);
    queues.push(`  ${name}Queue:\n    Type: AWS::SQS::Queue\n`);
  }
  return `resources:\n${functions.join("")}cloudformationResources:\n${queues.join("")}`;
}

export const NESTED_SHOP_CODE = {
  "src/job.ts": `export default async (event: { Records?: unknown[] }) => ({ handled: event.Records?.length ?? 1 });\n`,
};
