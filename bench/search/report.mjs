// The benchmark's Markdown report and console summary, from the result object run.mjs
// builds (the same object it writes as JSON). Formatting only: no measuring, no judging
// beyond printing the met/missed flags run.mjs computed.
import { CLASSES } from "./corpus.mjs";

const kb = (bytes) => (bytes == null ? "–" : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1000).toFixed(1)} KB`);
const ms = (v) => (v == null ? "–" : v < 10 ? v.toFixed(2) : v.toFixed(0));
const share = (c) => (c?.share == null ? "–" : c.share.toFixed(3));
const mb = (bytes) => (bytes == null ? "–" : `${(bytes / 1e6).toFixed(1)} MB`);

function row(r) {
  const q = r.quality;
  const bundle = r.bytes.bundle != null ? ` (bundle ${kb(r.bytes.bundle)})` : "";
  const split = r.bytes.indexFile != null ? ` (index file ${kb(r.bytes.indexFile)}, texts ${kb(r.bytes.texts)})` : "";
  return [
    r.engine, r.setting, r.items.toLocaleString("en"),
    kb(r.bytes.code), kb(r.bytes.index) + bundle + split, kb(r.bytes.total),
    ms(r.median.searchableMs), ms(r.median.p50), ms(r.median.p95), ms(r.median.max),
    mb(r.median.memory.bytes),
    ...CLASSES.map((c) => share(q?.classes[c.name])),
    q ? `${q.probes.passed}/${q.probes.total} (${q.probes.atRank1} first)` : "–",
  ];
}

const HEADER = [
  "engine", "setting", "items", "code gz", "index gz", "total gz", "searchable ms",
  "p50 ms", "p95 ms", "max ms", "memory", ...CLASSES.map((c) => c.name), "probes",
];

function table(header, rows) {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

function targetValue(t) {
  if (t.unit === "B") return kb(t.value);
  if (t.unit === "ms") return `${t.value.toFixed(t.value < 100 ? 2 : 0)} ms`;
  if (t.unit === "count") return t.value === 0 ? "all pass" : `${t.value} failing`;
  return t.value.toFixed(3);
}

/** The whole Markdown report. */
export function markdown(report) {
  const { machine, options } = report;
  const lines = [
    `# Search benchmark${options.qualityOnly ? " (quality only)" : ""}`,
    "",
    `${report.date.slice(0, 10)} · ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB · ` +
      `headless Chromium ${machine.chromium} · Node ${machine.node} · ` +
      `median of ${options.runs} run${options.runs > 1 ? "s" : ""}, fresh page per engine and run`,
    "",
    `Corpus: ${report.corpora.map((c) => `${c.items.toLocaleString("en")} items (${Object.entries(c.queries).map(([k, v]) => `${v} ${k}`).join(", ")} queries; latency over ${c.keystrokes} keystrokes of ${c.latencyQueries} queries)`).join("; ")}.`,
    "",
    table(HEADER, report.results.map(row)),
    "",
    "Sizes are gzip -9; KB = 1,000 bytes. Index is what the page fetched for the typed queries (Pagefind fetches lazily; its whole bundle in brackets). Memory is what the page holds after the typed queries (see Method). Quality columns are success@10; probes are passed/total (target in the top 10), and how many had their target first.",
    "",
  ];
  if (report.targets.length) {
    lines.push("## Our engine against the issue's targets", "");
    lines.push(table(["items", "target", "measured", ""], report.targets.map((t) => [
      t.items.toLocaleString("en"), t.target, targetValue(t), t.met ? "met" : "**missed**",
    ])), "");
  }
  const failed = report.results.filter((r) => r.quality?.probes.failed.length);
  if (failed.length) {
    lines.push("## Failed probes (target not in the top 10)", "");
    lines.push(table(["engine", "setting", "items", "failed"], failed.map((r) => [
      r.engine, r.setting, r.items.toLocaleString("en"),
      r.quality.probes.failed.map((p) => `\`${p.text}\` (${p.group})`).join(", "),
    ])), "");
  }
  const ours = report.results.filter((r) => r.engine === "ours");
  if (ours.length) {
    lines.push("## Our engine: where the time goes", "");
    for (const r of ours.filter((x) => x.median.phases)) {
      const p = r.median.phases;
      lines.push(`- ${r.items.toLocaleString("en")} items, searchable: compile and instantiate the wasm ${ms(p.compileMs)} ms, parse, validate and index ${ms(p.buildMs)} ms (medians)`);
    }
    lines.push("", "Slowest keystrokes (first run):", "");
    for (const r of ours) {
      lines.push(`- ${r.items.toLocaleString("en")} items: ${r.slowest.slice(0, 6).map((s) => `\`${s.prefix}\` ${ms(s.ms)} ms`).join(", ")}`);
    }
    lines.push("");
  }
  lines.push("## Settings", "");
  const seen = new Set();
  for (const r of report.results) {
    const key = `${r.engine}/${r.setting}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`- **${r.engine} ${r.setting}**: ${r.note}`);
  }
  lines.push("", "## Method", "");
  for (const [k, v] of Object.entries(report.method)) lines.push(`- **${k}**: ${v}`);
  lines.push("");
  return lines.join("\n");
}

/** A few lines for the console. */
export function summaryLines(report) {
  const out = [table(HEADER, report.results.map(row))];
  if (report.targets.length) {
    out.push("", "our engine against the issue's targets:");
    for (const t of report.targets) {
      // The quality-only run (the test) asserts quality alone; sizes and timings are for reading.
      const note = report.options.qualityOnly && !["≥", "count"].includes(t.unit) ? " (not asserted)" : "";
      out.push(`  ${t.met ? "met   " : "MISSED"} ${t.items} items: ${t.target} — measured ${targetValue(t)}${note}`);
    }
  }
  for (const r of report.results.filter((x) => x.quality?.probes.failed.length)) {
    out.push(`failed probes, ${r.engine} ${r.setting} ${r.items}: ${r.quality.probes.failed.map((p) => p.text).join(" ")}`);
  }
  return out;
}
