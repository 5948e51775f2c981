import { parse as parseYaml } from "yaml";

// What a new stack (and the demo stack seeded on first run) starts with: one function behind an
// HTTP API, in the seed's format.
export const STARTER_HANDLER_PATH = "src/hello.ts";

export const STARTER_YAML = `resources:
  helloApi:
    type: http-api-gateway
  hello:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: ${STARTER_HANDLER_PATH}
      memory: 256
      timeout: 10
      events:
        - type: http-api-gateway
          properties:
            httpApiGatewayName: helloApi
            path: /hello
            method: GET
`;

export const STARTER_HANDLER = `// GET /hello?name=... on the stack's HTTP API.
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

/** What a new stack starts from: the starter above, or nothing (the editor's palette fills it). */
export const STACK_STARTS = ["starter", "empty"] as const;
export type StackStart = (typeof STACK_STARTS)[number];

export const EMPTY_YAML = "resources: {}\n";

/** Revision 1 of an empty stack: no resources and no handler code. */
export function emptyRevision(message: string, authorId: string | null = null) {
  return { number: 1, yaml: EMPTY_YAML, definition: { resources: {} }, code: {}, message, authorId };
}

/** Revision 1 of a stack that starts from the starter. */
export function starterRevision(message: string, authorId: string | null = null) {
  return {
    number: 1,
    yaml: STARTER_YAML,
    definition: parseYaml(STARTER_YAML),
    code: { [STARTER_HANDLER_PATH]: STARTER_HANDLER },
    message,
    authorId,
  };
}
