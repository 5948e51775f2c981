import { test as base, expect } from "@playwright/test";

// Every spec's `test`: besides its own checks, it fails when an error response the page received
// (status >= 400) or the text of an alert or status on the page at the end shows the SDK's or Prisma's
// internals, which belong behind a "Details" toggle (closed <details> are not in innerText).

export const RAW_ERROR_MARKERS = /\$response|Deserialization error|PrismaClient|@aws-sdk|@smithy\/|Unexpected token '<'|XML parse error/;

export const test = base.extend<{ rawErrorScan: void }>({
  rawErrorScan: [
    async ({ page }, use) => {
      const found: string[] = [];
      const reading: Promise<void>[] = [];
      page.on("response", (response) => {
        if (response.status() < 400 || /text\/html/.test(response.headers()["content-type"] ?? "")) return;
        reading.push(
          response
            .text()
            .then((body) => {
              const marker = RAW_ERROR_MARKERS.exec(body);
              if (marker) found.push(`${response.status()} ${response.url()}: "${marker[0]}" in ${body.slice(0, 300)}`);
            })
            .catch(() => undefined),
        );
      });
      await use();
      await Promise.all(reading);
      if (!page.isClosed()) {
        const shown = await page.locator('[role="alert"], [role="status"]').allInnerTexts().catch(() => []);
        for (const text of shown) {
          const marker = RAW_ERROR_MARKERS.exec(text);
          if (marker) found.push(`on the page: "${marker[0]}" in ${text.slice(0, 300)}`);
        }
      }
      expect(found, "raw SDK or Prisma text reached the user").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
