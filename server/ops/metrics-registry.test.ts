import { describe, expect, it } from "vitest";
import { Counter, Gauge, Histogram, Registry } from "./metrics-registry";

describe("Prometheus text exposition", () => {
  it("writes counters with HELP, TYPE and escaped label values", async () => {
    const registry = new Registry();
    const c = new Counter({ name: "jobs_total", help: "Jobs done.\nSecond line", labelNames: ["queue", "result"], registers: [registry] });
    c.inc({ queue: "deploy", result: "ok" });
    c.inc({ queue: "deploy", result: "ok" }, 2);
    c.inc({ queue: 'a"b\\c\nd', result: "failed" });
    expect(await registry.metrics()).toBe(
      [
        "# HELP jobs_total Jobs done.\\nSecond line",
        "# TYPE jobs_total counter",
        'jobs_total{queue="deploy",result="ok"} 3',
        'jobs_total{queue="a\\"b\\\\c\\nd",result="failed"} 1',
        "",
      ].join("\n"),
    );
  });

  it("refuses a counter going down, an unknown label and a second metric of one name", () => {
    const registry = new Registry();
    const c = new Counter({ name: "x_total", help: "x", labelNames: ["a"], registers: [registry] });
    expect(() => c.inc({}, -1)).toThrow(/only goes up/);
    expect(() => c.inc({ b: "1" } as never)).toThrow(/unknown label b/);
    expect(() => new Counter({ name: "x_total", help: "x", registers: [registry] })).toThrow(/already registered/);
    expect(() => new Counter({ name: "bad-name", help: "x", registers: [registry] })).toThrow(/Invalid metric name/);
  });

  it("writes cumulative histogram buckets with +Inf, sum and count", async () => {
    const registry = new Registry();
    const h = new Histogram({ name: "took_seconds", help: "Time.", labelNames: ["status"], buckets: [1, 0.1], registers: [registry] });
    for (const v of [0.05, 0.5, 3]) h.observe({ status: "200" }, v);
    expect(await registry.metrics()).toBe(
      [
        "# HELP took_seconds Time.",
        "# TYPE took_seconds histogram",
        'took_seconds_bucket{status="200",le="0.1"} 1',
        'took_seconds_bucket{status="200",le="1"} 2',
        'took_seconds_bucket{status="200",le="+Inf"} 3',
        'took_seconds_sum{status="200"} 3.55',
        'took_seconds_count{status="200"} 3',
        "",
      ].join("\n"),
    );
  });

  it("collects gauges at scrape time, dropping series the collector no longer sets", async () => {
    const registry = new Registry();
    let depth: Record<string, number> = { deploy: 4, notify: 1 };
    new Gauge({
      name: "queue_jobs",
      help: "Waiting jobs.",
      labelNames: ["queue"],
      registers: [registry],
      collect: (g) => {
        for (const [queue, n] of Object.entries(depth)) g.set({ queue }, n);
      },
    });
    expect(await registry.metrics()).toContain('queue_jobs{queue="deploy"} 4\nqueue_jobs{queue="notify"} 1\n');
    depth = { deploy: 0 };
    const text = await registry.metrics();
    expect(text).toContain('queue_jobs{queue="deploy"} 0\n');
    expect(text).not.toContain("notify");
  });
});
