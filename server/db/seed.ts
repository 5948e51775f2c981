// First-run content for `npm run dev`: a demo organization (no members yet: the first owner of a
// fresh install is added to it, see server/orgs/mutations.ts) with one small stack to explore.
import { parse } from "yaml";
import { DEMO_ORG_SLUG } from "../orgs/demo";
import type { PrismaClient } from "./generated/client";

export const DEMO_ORG_NAME = "Demo";
export const DEMO_STACK_NAME = "hello-api";
export const DEMO_HANDLER_PATH = "src/hello.ts";

export const DEMO_STACK_YAML = `resources:
  helloApi:
    type: http-api-gateway
  hello:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: ${DEMO_HANDLER_PATH}
      memory: 256
      timeout: 10
      events:
        - type: http-api-gateway
          properties:
            httpApiGatewayName: helloApi
            path: /hello
            method: GET
`;

export const DEMO_HANDLER_SOURCE = `// GET /hello?name=... on the stack's HTTP API.
type Event = { queryStringParameters?: Record<string, string | undefined> | null };

export default async function handler(event: Event) {
  const name = event.queryStringParameters?.name ?? "world";
  return {
    statusCode: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ message: \`Hello, \${name}!\` }),
  };
}
`;

/**
 * Seeds a fresh install: does nothing (and returns false) once any organization exists, so a
 * deleted demo organization is not brought back on the next start.
 */
export async function seedDemo(prisma: PrismaClient): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    if ((await tx.organization.count()) > 0) return false;
    await tx.organization.create({
      data: {
        name: DEMO_ORG_NAME,
        slug: DEMO_ORG_SLUG,
        stacks: {
          create: {
            name: DEMO_STACK_NAME,
            revisions: {
              create: {
                number: 1,
                yaml: DEMO_STACK_YAML,
                definition: parse(DEMO_STACK_YAML),
                code: { [DEMO_HANDLER_PATH]: DEMO_HANDLER_SOURCE },
                message: "Demo stack created on first run",
              },
            },
          },
        },
      },
    });
    return true;
  });
}
