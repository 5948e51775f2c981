// The stack editor's canvas in Chromium: edges are selected and deleted, destinations and failure targets
// are drawn (a function -> function edge asks what it means), a bus -> function trigger does not match a
// source named after the function, two routes of one API to one function lie apart with their labels
// on top, an open group's routes from its hub are drawn and can be deleted, at a phone's width nothing
// opens under the zoom controls and the minimap is hidden, nodes show keyboard focus and Enter selects;
// a 100-function stack opens readable, with groups that collapse, a minimap, search and the Resources
// list panning to what they find.
import type { Locator, Page } from "@playwright/test";
import { parse as parseYaml } from "yaml";
import { definitionYaml } from "@/bench/stacks";
import { functionYaml } from "@/server/render/test-support";
import { STARTER_HANDLER } from "@/server/stacks/starter";
import { seedNewStack, withE2eDatabase } from "./db-fixtures";
import { E2E, USERS } from "./env";
import { signInWithOrgSso } from "./helpers";
import { expect, test } from "./test";


// Seven nodes: below the grouping threshold, so every edge carries its own label.
const SMALL = `resources:
  api:
    type: http-api-gateway
  bus:
    type: event-bus
${functionYaml(
  "orders",
  `      events:
        - type: http-api-gateway
          properties:
            httpApiGatewayName: api
            method: GET
            path: /orders
        - type: http-api-gateway
          properties:
            httpApiGatewayName: api
            method: POST
            path: /orders
`,
)}${functionYaml("audit")}${functionYaml(
  "ingest",
  `      events:
        - type: kinesis-stream
          properties:
            streamArn: $CfResourceParam('clicks', 'Arn')
`,
)}cloudformationResources:
  clicks:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 1
  deadLetters:
    Type: AWS::SQS::Queue
`;

// Nine nodes: past the grouping threshold, so the API's eight functions make its group.
const GROUPED_FUNCTIONS = Array.from({ length: 8 }, (_, i) => `fn${i + 1}`);
const GROUPED = `resources:
  api:
    type: http-api-gateway
${GROUPED_FUNCTIONS.map((fn) =>
  functionYaml(
    fn,
    `      events:
        - type: http-api-gateway
          properties:
            httpApiGatewayName: api
            method: GET
            path: /${fn}
`,
  ),
).join("")}`;

async function seed(name: string, yaml: string, files: string[]) {
  await seedNewStack(name, { number: 1, yaml, definition: parseYaml(yaml), code: Object.fromEntries(files.map((f) => [f, STARTER_HANDLER])), message: "Seeded" });
}

async function openEditor(page: Page, stack: string) {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await page.goto(`${E2E.appUrl}/${E2E.acme.orgSlug}/stacks/${stack}/edit`);
  await expect(page.locator("html[data-editor-ready=true]")).toHaveCount(1);
  const canvas = page.getByRole("region", { name: "Stack canvas" });
  // The view fits itself once the nodes are measured: wait until it holds still.
  let last = "";
  await expect.poll(async () => last === (last = await canvas.locator(".react-flow__viewport").getAttribute("style").then(String))).toBe(true);
  return canvas;
}

const node = (canvas: Locator, id: string) => canvas.locator(`.react-flow__node[data-id="${id}"]`);
const edge = (canvas: Locator, label: string) => canvas.locator(`.react-flow__edge[aria-label="${label}"]`);
const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });

async function drawEdge(canvas: Locator, from: string, to: string) {
  await node(canvas, from).locator(".react-flow__handle.source").dragTo(node(canvas, to).locator(".react-flow__handle.target"));
}

/** Saves, and reads back the YAML the save stored (CodeMirror renders only the lines near its viewport). */
async function savedDefinition(page: Page, stack: string): Promise<Record<string, Record<string, { properties: Record<string, unknown> }>>> {
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#save-status")).toHaveText("Saved revision 2.");
  const saved = await withE2eDatabase((client) =>
    client.stackRevision.findFirstOrThrow({ where: { number: 2, stack: { name: stack, organization: { slug: E2E.acme.orgSlug } } }, select: { yaml: true } }),
  );
  return parseYaml(saved.yaml);
}

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

test("two routes of one API to one function lie apart, their labels apart and not under a node", async ({ page }, testInfo) => {
  await seed("canvas-routes", SMALL, ["src/orders.ts", "src/audit.ts", "src/ingest.ts"]);
  const canvas = await openEditor(page, "canvas-routes");
  await canvas.screenshot({ path: testInfo.outputPath("routes.png") });
  const labels = ["GET /orders", "POST /orders"].map((text) => canvas.locator("[data-edge-label]", { hasText: text }));
  const [a, b] = [(await labels[0].boundingBox())!, (await labels[1].boundingBox())!];
  expect(overlap(a, b)).toBe(false);
  // No node covers (or clips) either label.
  const nodes = await canvas.locator(".react-flow__node-resource").all();
  expect(nodes.length).toBe(7);
  for (const n of nodes) {
    const box = (await n.boundingBox())!;
    expect([overlap(a, box), overlap(b, box)], await n.getAttribute("data-id").then(String)).toEqual([false, false]);
  }
  // The two curves themselves run apart: their middles are where the labels are.
  const paths = ["GET /orders", "POST /orders"].map((l) => edge(canvas, `trigger ${l} from api to orders`).locator("path.react-flow__edge-path"));
  const middles = await Promise.all(
    paths.map((p) =>
      p.evaluate((el: SVGPathElement) => {
        const m = el.getPointAtLength(el.getTotalLength() / 2);
        const ctm = el.getScreenCTM()!;
        return new DOMPoint(m.x, m.y).matrixTransform(ctm).y;
      }),
    ),
  );
  expect(Math.abs(middles[0] - middles[1])).toBeGreaterThan(Math.max(a.height, b.height));
});

test("an edge is selected by click or by keyboard and deleted with Delete; the YAML loses only what it stood for", async ({ page }) => {
  await seed("canvas-delete", SMALL, ["src/orders.ts", "src/audit.ts", "src/ingest.ts"]);
  const canvas = await openEditor(page, "canvas-delete");
  const post = edge(canvas, "trigger POST /orders from api to orders");
  // A click on the curve (the label sits on it and lets clicks through) selects it.
  const label = (await canvas.locator("[data-edge-label]", { hasText: "POST /orders" }).boundingBox())!;
  await page.mouse.click(label.x + label.width / 2, label.y + label.height / 2);
  await expect(post).toHaveClass(/selected/);
  await page.keyboard.press("Delete");
  await expect(post).toHaveCount(0);
  await expect(edge(canvas, "trigger GET /orders from api to orders")).toHaveCount(1);

  // By keyboard: focus the other route's edge, Enter selects it, Delete removes it.
  const get = edge(canvas, "trigger GET /orders from api to orders");
  await get.focus();
  await page.keyboard.press("Enter");
  await expect(get).toHaveClass(/selected/);
  await page.keyboard.press("Delete");
  await expect(get).toHaveCount(0);

  const def = await savedDefinition(page, "canvas-delete");
  expect(def.resources.orders.properties.events).toBeUndefined();
  expect(Object.keys(def.resources)).toEqual(["api", "bus", "orders", "audit", "ingest"]);
});

test("in an open group the hub's routes are drawn, and one is selected by click or keyboard and deleted", async ({ page }, testInfo) => {
  await seed("canvas-grouped", GROUPED, GROUPED_FUNCTIONS.map((fn) => `src/${fn}.ts`));
  const canvas = await openEditor(page, "canvas-grouped");
  await canvas.screenshot({ path: testInfo.outputPath("grouped.png") });
  await expect(canvas.getByRole("button", { name: /HTTP API api: 9 resources.*collapse group/ })).toBeVisible();
  for (const fn of GROUPED_FUNCTIONS) await expect(edge(canvas, `trigger GET /${fn} from api to ${fn}`).locator("path.react-flow__edge-path")).toBeVisible();

  // A click on the middle of the curve selects it; Delete removes that route only.
  const route = edge(canvas, "trigger GET /fn3 from api to fn3");
  const middle = await route.locator("path.react-flow__edge-path").evaluate((el: SVGPathElement) => {
    const m = el.getPointAtLength(el.getTotalLength() / 2);
    const p = new DOMPoint(m.x, m.y).matrixTransform(el.getScreenCTM()!);
    return { x: p.x, y: p.y };
  });
  await page.mouse.click(middle.x, middle.y);
  await expect(route).toHaveClass(/selected/);
  await expect(canvas.locator("[data-edge-label]", { hasText: "GET /fn3" })).toBeVisible();
  await page.keyboard.press("Delete");
  await expect(route).toHaveCount(0);
  await expect(edge(canvas, "trigger GET /fn4 from api to fn4")).toHaveCount(1);

  // By keyboard: focus another route, Enter selects it, Delete removes it.
  const other = edge(canvas, "trigger GET /fn6 from api to fn6");
  await other.focus();
  await page.keyboard.press("Enter");
  await expect(other).toHaveClass(/selected/);
  await page.keyboard.press("Delete");
  await expect(other).toHaveCount(0);

  const def = await savedDefinition(page, "canvas-grouped");
  expect(def.resources.fn3.properties.events).toBeUndefined();
  expect(def.resources.fn6.properties.events).toBeUndefined();
  expect((def.resources.fn4.properties.events as unknown[]).length).toBe(1);
});

test("function -> function offers a destination or a grant (no CloudWatch Logs trigger); a stream's failure target and a bus trigger are drawn", async ({ page }) => {
  await seed("canvas-connect", SMALL, ["src/orders.ts", "src/audit.ts", "src/ingest.ts"]);
  const canvas = await openEditor(page, "canvas-connect");

  await drawEdge(canvas, "orders", "audit");
  const choice = canvas.getByRole("dialog", { name: "Connect orders to audit as" });
  await expect(choice.getByRole("button")).toHaveText(["onSuccess destination", "onFailure destination", "Access grant (allowAccessTo audit)", "Cancel"]);
  await choice.getByRole("button", { name: "onFailure destination" }).click();
  await expect(choice).toHaveCount(0);
  await expect(edge(canvas, "destination onFailure from orders to audit")).toHaveCount(1);

  // The stream trigger's failed records to the queue: drawn, and then drawn as an edge.
  await drawEdge(canvas, "ingest", "deadLetters");
  const streamChoice = canvas.getByRole("dialog", { name: "Connect ingest to deadLetters as" });
  await streamChoice.getByRole("button", { name: "Failed records of the kinesis-stream trigger (onFailure)" }).click();
  await expect(edge(canvas, "destination onFailure of kinesis-stream from ingest to deadLetters")).toHaveCount(1);

  // A bus has one meaning for a function: a trigger, added at once.
  await drawEdge(canvas, "bus", "audit");
  await expect(edge(canvas, "trigger event-bus from bus to audit")).toHaveCount(1);

  // Escape closes the question without drawing anything.
  await drawEdge(canvas, "audit", "bus");
  await page.keyboard.press("Escape");
  await expect(canvas.getByRole("dialog")).toHaveCount(0);

  await expect(page.locator("#save-status")).toHaveText("Unsaved changes (based on revision 1).");
  const def = await savedDefinition(page, "canvas-connect");
  expect(def.resources.orders.properties.destinations).toEqual({ onFailure: "$ResourceParam('audit', 'arn')" });
  expect(JSON.stringify(def)).not.toContain("cloudwatch-log");
  expect((def.resources.ingest.properties.events as { properties: unknown }[])[0].properties).toEqual({
    streamArn: "$CfResourceParam('clicks', 'Arn')",
    onFailure: { arn: "$CfResourceParam('deadLetters', 'Arn')", type: "sqs" },
  });
  const [busTrigger] = def.resources.audit.properties.events as { properties: { eventBusName: string; eventPattern: { source: unknown[] } } }[];
  expect(busTrigger.properties.eventBusName).toBe("bus");
  expect(busTrigger.properties.eventPattern.source).not.toContain("audit");
  expect(busTrigger.properties.eventPattern).toEqual({ source: [{ prefix: "" }] });
});

test("the keyboard Connect form asks what a function -> function edge means, as the canvas does", async ({ page }) => {
  await seed("canvas-connect-keys", SMALL, ["src/orders.ts", "src/audit.ts", "src/ingest.ts"]);
  const canvas = await openEditor(page, "canvas-connect-keys");
  const form = page.getByRole("group", { name: "Connect" });
  await form.getByLabel("From").selectOption("orders");
  await form.getByLabel("To").selectOption("audit");
  const connect = form.getByRole("button", { name: "Connect" });
  await expect(connect).toBeDisabled();
  await form.getByLabel("As").selectOption({ label: "onSuccess destination" });
  await connect.click();
  await expect(edge(canvas, "destination onSuccess from orders to audit")).toHaveCount(1);
  // A pair that cannot be connected says why, and nothing can be sent.
  await form.getByLabel("From").selectOption("api");
  await form.getByLabel("To").selectOption("bus");
  await expect(form).toContainText("cannot be connected");
  await expect(connect).toBeDisabled();
  const def = await savedDefinition(page, "canvas-connect-keys");
  expect(def.resources.orders.properties.destinations).toEqual({ onSuccess: "$ResourceParam('audit', 'arn')" });
});

test("at a phone's width the minimap is hidden and no node opens under the zoom controls", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // Big enough that the nodes fill the canvas down to the controls in its bottom-left corner.
  await seed("canvas-phone", definitionYaml(100), ["src/handler.ts"]);
  const canvas = await openEditor(page, "canvas-phone");
  await expect(canvas.getByRole("img", { name: "Canvas minimap" })).toBeHidden();
  const controls = (await canvas.locator(".react-flow__controls").boundingBox())!;
  const boxes = await canvas.locator(".react-flow__node-resource").evaluateAll((nodes) =>
    nodes.map((n) => {
      const r = n.getBoundingClientRect();
      return { id: n.getAttribute("data-id"), x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  expect(boxes.length).toBe(201);
  expect(boxes.filter((b) => overlap(b, controls)).map((b) => b.id)).toEqual([]);
});

test("a node shows keyboard focus and Enter selects it", async ({ page }) => {
  await seed("canvas-keys", SMALL, ["src/orders.ts", "src/audit.ts", "src/ingest.ts"]);
  const canvas = await openEditor(page, "canvas-keys");
  await canvas.getByRole("searchbox", { name: "Find a resource" }).click();
  // Back from the search box (drawn after the graph) until a node has focus.
  let focused = "";
  for (let i = 0; i < 40 && !focused; i++) {
    await page.keyboard.press("Shift+Tab");
    focused = await page.evaluate(() => (document.activeElement?.classList.contains("react-flow__node") ? document.activeElement.getAttribute("data-id")! : ""));
  }
  expect(focused).not.toBe("");
  const card = node(canvas, focused).locator("div").first();
  expect(await card.evaluate((el) => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth])).toEqual(["solid", "3px"]);
  await page.keyboard.press("Enter");
  await expect(inspector(page).getByRole("heading", { name: new RegExp(`^${focused}`) })).toBeVisible();
  await expect(node(canvas, focused)).toHaveClass(/selected/);
});

test("a 100-function stack opens with names readable, groups that collapse, a minimap, search and the Resources list that pan to a node", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await seed("canvas-hundred", definitionYaml(100), ["src/handler.ts"]);
  const canvas = await openEditor(page, "canvas-hundred");
  // Measured each time: choosing in the Resources list may scroll the page.
  const onCanvas = async (id: string) => inside((await node(canvas, id).boundingBox())!, (await canvas.boundingBox())!);

  // Names drawn at 9 px or more, and many of them on screen (not a one-pixel column).
  const shown = await canvas.locator(".react-flow__node-resource .font-mono").evaluateAll((names) => {
    const viewport = names[0].closest(".react-flow__viewport")!;
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    const box = viewport.closest(".react-flow")!.getBoundingClientRect();
    return names
      .filter((n) => {
        const r = n.getBoundingClientRect();
        return r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
      })
      .map((n) => parseFloat(getComputedStyle(n).fontSize) * zoom);
  });
  expect(shown.length).toBeGreaterThanOrEqual(6);
  expect(Math.min(...shown)).toBeGreaterThanOrEqual(9);
  await canvas.screenshot({ path: testInfo.outputPath("hundred.png") });

  await expect(canvas.getByRole("img", { name: "Canvas minimap" })).toBeVisible();

  // Search: the far-away function is selected and panned to.
  await canvas.getByRole("searchbox", { name: "Find a resource" }).fill("fn87");
  await canvas.getByRole("searchbox", { name: "Find a resource" }).press("Enter");
  await expect(inspector(page).getByRole("heading", { name: /^fn87/ })).toBeVisible();
  await expect.poll(() => onCanvas("fn87")).toBe(true);

  // The Resources list: another far one.
  await page.getByRole("complementary", { name: "Palette and resources" }).getByRole("button", { name: /^queue3 / }).click();
  await expect.poll(() => onCanvas("queue3")).toBe(true);

  // Collapse the API's group (its header is in view once the whole graph is): one node stands for the 201, and it opens again.
  await canvas.getByRole("button", { name: "Fit View" }).click();
  await canvas.getByRole("button", { name: /HTTP API api: 201 resources.*collapse group/ }).click();
  await expect(canvas.locator(".react-flow__node-resource")).toHaveCount(1);
  await expect(node(canvas, "api")).toContainText("+200 hidden");
  await canvas.getByRole("button", { name: /expand group/ }).click();
  await expect(canvas.locator(".react-flow__node-resource")).toHaveCount(201);
});
