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
