// Prometheus text exposition (format 0.0.4) of counters, gauges and histograms, in the shape of
// prom-client's API (Counter, Gauge, Histogram, Registry.metrics()), which is not installed here:
// swapping to prom-client is this one file. Pure apart from the values it holds.
//
// Label values must come from fixed sets (statuses, queue names, limit names): never an id or
// anything a user typed, or the number of series grows without bound.

type Labels<L extends string> = Partial<Record<L, string>>;

interface Metric {
  readonly name: string;
  render(): Promise<string>;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

export function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

function labelText(pairs: [string, string][]): string {
  return pairs.length ? `{${pairs.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(",")}}` : "";
}

/** Series of one metric, keyed by their label values in the metric's label order. */
class Series<L extends string, V> {
  private readonly values = new Map<string, { pairs: [string, string][]; value: V }>();
  constructor(
    private readonly metric: string,
    private readonly labelNames: readonly L[],
  ) {}

  entry(labels: Labels<L>, initial: () => V): { pairs: [string, string][]; value: V } {
    for (const key of Object.keys(labels)) {
      if (!this.labelNames.includes(key as L)) throw new Error(`${this.metric}: unknown label ${key}`);
    }
    const pairs = this.labelNames.filter((n) => labels[n] !== undefined).map((n): [string, string] => [n, String(labels[n])]);
    const key = JSON.stringify(pairs);
    let found = this.values.get(key);
    if (!found) this.values.set(key, (found = { pairs, value: initial() }));
    return found;
  }

  all() {
    return [...this.values.values()];
  }

  reset() {
    this.values.clear();
  }
}

interface Config<L extends string> {
  name: string;
  help: string;
  labelNames?: readonly L[];
  registers?: Registry[];
}

abstract class Base<L extends string, V> implements Metric {
  readonly name: string;
  protected readonly help: string;
  protected readonly series: Series<L, V>;

  constructor(config: Config<L>) {
    if (!NAME.test(config.name)) throw new Error(`Invalid metric name: ${config.name}`);
    for (const l of config.labelNames ?? []) if (!LABEL.test(l) || l === "le") throw new Error(`${config.name}: invalid label name ${l}`);
    this.name = config.name;
    this.help = config.help;
    this.series = new Series(config.name, config.labelNames ?? []);
    for (const r of config.registers ?? [defaultRegistry()]) r.registerMetric(this);
  }

  protected header(type: string): string {
    return `# HELP ${this.name} ${escapeHelp(this.help)}\n# TYPE ${this.name} ${type}\n`;
  }

  reset(): void {
    this.series.reset();
  }

  abstract render(): Promise<string>;
}

export class Counter<L extends string = string> extends Base<L, number> {
  inc(labels: Labels<L> = {}, value = 1): void {
    if (!(value >= 0)) throw new Error(`${this.name}: a counter only goes up (got ${value})`);
    this.series.entry(labels, () => 0).value += value;
  }

  async render(): Promise<string> {
    return this.header("counter") + this.series.all().map((s) => `${this.name}${labelText(s.pairs)} ${formatValue(s.value)}\n`).join("");
  }
}

export class Gauge<L extends string = string> extends Base<L, number> {
  private readonly collect?: (gauge: Gauge<L>) => void | Promise<void>;

  /** `collect` runs at each scrape and sets the current values (a count read from the database, a set's size). */
  constructor(config: Config<L> & { collect?: (gauge: Gauge<L>) => void | Promise<void> }) {
    super(config);
    this.collect = config.collect;
  }

  set(labels: Labels<L>, value: number): void {
    this.series.entry(labels, () => 0).value = value;
  }

  inc(labels: Labels<L> = {}, value = 1): void {
    this.series.entry(labels, () => 0).value += value;
  }

  dec(labels: Labels<L> = {}, value = 1): void {
    this.inc(labels, -value);
  }

  async render(): Promise<string> {
    if (this.collect) {
      this.series.reset();
      await this.collect(this);
    }
    return this.header("gauge") + this.series.all().map((s) => `${this.name}${labelText(s.pairs)} ${formatValue(s.value)}\n`).join("");
  }
}

interface HistogramValue {
  counts: number[];
  sum: number;
  count: number;
}

export class Histogram<L extends string = string> extends Base<L, HistogramValue> {
  private readonly buckets: number[];

  constructor(config: Config<L> & { buckets: number[] }) {
    super(config);
    this.buckets = [...config.buckets].sort((a, b) => a - b);
  }

  observe(labels: Labels<L>, value: number): void {
    const h = this.series.entry(labels, () => ({ counts: this.buckets.map(() => 0), sum: 0, count: 0 })).value;
    this.buckets.forEach((le, i) => {
      if (value <= le) h.counts[i] += 1;
    });
    h.sum += value;
    h.count += 1;
  }

  async render(): Promise<string> {
    const lines = this.series.all().flatMap(({ pairs, value }) => [
      ...this.buckets.map((le, i) => `${this.name}_bucket${labelText([...pairs, ["le", formatValue(le)]])} ${value.counts[i]}\n`),
      `${this.name}_bucket${labelText([...pairs, ["le", "+Inf"]])} ${value.count}\n`,
      `${this.name}_sum${labelText(pairs)} ${formatValue(value.sum)}\n`,
      `${this.name}_count${labelText(pairs)} ${value.count}\n`,
    ]);
    return this.header("histogram") + lines.join("");
  }
}

export class Registry {
  readonly contentType = "text/plain; version=0.0.4; charset=utf-8";
  private readonly metricsByName = new Map<string, Metric>();

  registerMetric(metric: Metric): void {
    if (this.metricsByName.has(metric.name)) throw new Error(`A metric named ${metric.name} is already registered.`);
    this.metricsByName.set(metric.name, metric);
  }

  getSingleMetric(name: string): Metric | undefined {
    return this.metricsByName.get(name);
  }

  /** The exposition: every metric in registration order. */
  async metrics(): Promise<string> {
    const parts = await Promise.all([...this.metricsByName.values()].map((m) => m.render()));
    return parts.join("");
  }
}

// One registry per process, on globalThis: Next loads instrumentation (which runs the deploy
// workers) and route handlers as separate module instances, and both must count into one place.
const shared = globalThis as unknown as { lambdaplaneMetricsRegistry?: Registry };

export function defaultRegistry(): Registry {
  return (shared.lambdaplaneMetricsRegistry ??= new Registry());
}
