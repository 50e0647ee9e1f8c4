// The benchmark's corpus and queries: a deterministic generator of N items shaped like our
// content (mixed scripts: Latin with diacritics, Cyrillic, Greek; three-syllable Hangul names
// as aliases; three-word titles, 30-word summaries, 150-word bodies), written as the same
// kind files the app fetches, plus the queries to ask, each with the id it should find and
// its class: clean, one typo, two typos, diacritics stripped, case changed, or a multilingual
// probe. The probe targets (countries, organisations, a person, with native spellings) live
// inside the corpus, and case studies link to them, so probes compete with the whole corpus.
//
// A port of the ideas of crates/egov-core/tests/search_quality.rs (the same LCG as
// egov_core::fixtures::Lcg, the same syllable tables and mutation rules); it does not
// reproduce that test's corpus byte for byte. Node or browser; no I/O here.

/** 64-bit LCG (Knuth's MMIX constants), so every run sees the same corpus. */
export class Rng {
  constructor(seed) {
    this.state = BigInt.asUintN(64, BigInt(seed));
  }
  next() {
    this.state = BigInt.asUintN(64, this.state * 6364136223846793005n + 1442695040888963407n);
    return Number(this.state >> 33n);
  }
  below(n) {
    return this.next() % n;
  }
  pick(items) {
    return items[this.below(items.length)];
  }
}

const LATIN = [
  "ba", "ro", "ma", "ni", "te", "ș", "ț", "ă", "ğ", "ı", "ə", "ü", "ço", "şa", "lu", "ka", "de",
  "vi", "pa", "sto", "gra", "ne", "mi", "za",
];
const CYRILLIC = ["ба", "ро", "ки", "ев", "ска", "ра", "ду", "ни", "ко", "вла", "ми", "то"];
const GREEK = ["ελ", "λά", "δα", "θε", "σα", "λο", "νί", "κη", "πό", "ρος"];
const TOPICS = [
  "data centres", "e-procurement", "digital identity", "open data", "online public services",
  "cyber security", "tax administration", "customs", "civil registration", "e-participation",
  "broadband", "smart cities",
];

/** Words of 2–5 syllables of one script, as many as `count`, all different. */
function vocabulary(rng, count = 900) {
  const words = new Set();
  while (words.size < count) {
    const script = rng.below(10);
    const syllables = 2 + rng.below(4);
    const table = script <= 5 ? LATIN : script <= 7 ? CYRILLIC : GREEK;
    const n = script <= 5 ? syllables : Math.min(syllables, 4);
    let word = "";
    for (let i = 0; i < n; i++) word += rng.pick(table);
    if ([...word].length >= 4) words.add(word);
  }
  return [...words];
}

/** A Hangul name of three random syllables. */
function hangulName(rng) {
  let name = "";
  for (let i = 0; i < 3; i++) name += String.fromCodePoint(0xac00 + rng.below(11172));
  return name;
}

const source = [{ publisher: "Generated", title: "Benchmark corpus" }];

/**
 * The fixed items the multilingual probes look for, with native spellings: countries,
 * organisations in them, and a person. Case studies link to the countries and organisations.
 */
const COUNTRIES = [
  ["azerbaijan", "Azerbaijan", ["Azərbaycan"], "A BSEC member state on the Caspian Sea; its capital is Bakı."],
  ["turkiye", "Türkiye", ["Turkey", "Türkiye Cumhuriyeti"], "A founding BSEC member state; its largest city is İstanbul."],
  ["romania", "Romania", ["România"], "A founding BSEC member state on the Black Sea."],
  ["greece", "Greece", ["Ελλάδα", "Ελληνική Δημοκρατία"], "A founding BSEC member state; its capital is Athens."],
  ["ukraine", "Ukraine", ["Україна"], "A founding BSEC member state on the Black Sea."],
  ["georgia", "Georgia", ["საქართველო"], "A founding BSEC member state in the Caucasus."],
  ["bulgaria", "Bulgaria", ["България"], "A founding BSEC member state on the Black Sea."],
  ["korea", "Republic of Korea", ["대한민국", "South Korea"], "The host of the Korea–BSEC programme."],
];
const ORGANISATIONS = [
  ["asan-baki", "ASAN xidmət Bakı", ["ASAN"], "Bakı, Azərbaycan", "azerbaijan"],
  ["istanbul-office", "İstanbul digital office", [], "İstanbul, Türkiye", "turkiye"],
  ["stefan-cel-mare", "Universitatea Ştefan cel Mare", ["USV"], "Suceava, România", "romania"],
  ["athens-services", "Αθήνα digital services", ["Δήμος Αθηναίων"], "Αθήνα, Ελλάδα", "greece"],
  ["kyiv-digital", "Київ digital", ["Київська міська адміністрація"], "Київ, Україна", "ukraine"],
  ["seoul-government", "Seoul Metropolitan Government", ["서울", "SMG"], "Seoul, Republic of Korea", "korea"],
];

/**
 * The multilingual probes: query, target id, and what it tests. Each must find its target in
 * the top 10 (the rank is reported too).
 */
export const PROBES = [
  ["baki", "asan-baki", "ı/İ/ə"],
  ["BAKI", "asan-baki", "ı/İ/ə"],
  ["azerbaycan", "azerbaijan", "ı/İ/ə"],
  ["AZƏRBAYCAN", "azerbaijan", "ı/İ/ə"],
  ["istanbul", "istanbul-office", "ı/İ/ə"],
  ["ISTANBUL", "istanbul-office", "ı/İ/ə"],
  ["türkiye", "turkiye", "ı/İ/ə"],
  ["turkiye", "turkiye", "ı/İ/ə"],
  ["stefan", "stefan-cel-mare", "ş/ș"],
  ["Ștefan", "stefan-cel-mare", "ş/ș"],
  ["romania", "romania", "ş/ș"],
  ["românia", "romania", "ş/ș"],
  ["αθηνα", "athens-services", "Greek tonos"],
  ["ελλαδα", "greece", "Greek tonos"],
  ["ΕΛΛΆΔΑ", "greece", "Greek tonos"],
  ["київ", "kyiv-digital", "Cyrillic"],
  ["КИЇВ", "kyiv-digital", "Cyrillic"],
  ["україна", "ukraine", "Cyrillic"],
  ["서울", "seoul-government", "Hangul prefix"],
  ["서", "seoul-government", "Hangul prefix"],
  ["김민", "kim-min-jun", "Hangul prefix"],
  ["성", "seoul-government", "half-typed syllable"],
  ["김미", "kim-min-jun", "half-typed syllable"],
  ["ㅅㅇ", "seoul-government", "initial consonants"],
  ["ㄱㅁㅈ", "kim-min-jun", "initial consonants"],
].map(([text, target, group]) => ({ text, target, class: "probe", group }));

function fixedItems() {
  const countries = COUNTRIES.map(([id, title, aliases, summary]) => ({
    id, title, aliases, summary, topics: ["BSEC member states"],
    sections: [{ heading: "In BSEC", paragraphs: [summary] }],
    sources: source,
  }));
  const organisations = ORGANISATIONS.map(([id, title, aliases, place, country]) => ({
    id, title, aliases,
    summary: `A public body that took part in the programme, based in ${place}.`,
    place, countries: [country], sources: source,
  }));
  const people = [{
    id: "kim-min-jun", title: "Kim Min-jun", aliases: ["김민준"], role: "Speaker",
    summary: "A speaker at the programme.", sources: source,
  }];
  return { countries, organisations, people };
}

/** Strips the marks our corpus uses, as a person without those keys would type. */
export function stripDiacritics(text) {
  const map = {
    "ș": "s", "ş": "s", "ț": "t", "ă": "a", "ğ": "g", "ı": "i", "ə": "e", "ü": "u", "ç": "c",
    "ά": "α", "ί": "ι", "ό": "ο",
  };
  return [...text].map((c) => map[c] ?? c).join("");
}

/**
 * `word` with `edits` typing mistakes (substitution, deletion, insertion, transposition),
 * using letters of the word itself, edits kept apart so they never cancel.
 */
export function withTypos(rng, word, edits) {
  const chars = [...word];
  const used = [];
  for (let e = 0; e < edits; e++) {
    let at = 1 + rng.below(chars.length - 2);
    while (used.some((u) => Math.abs(u - at) < 2)) at = 1 + rng.below(chars.length - 2);
    used.push(at);
    const letter = chars[rng.below(chars.length)];
    const kind = rng.below(4);
    if (kind === 0 && chars[at] !== "x") chars[at] = "x";
    else if (kind === 1) chars.splice(at, 1);
    else if (kind === 2) chars.splice(at, 0, letter === chars[at] ? "x" : letter);
    else if (kind === 3 && chars[at] !== chars[at + 1]) [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
    else chars[at] = "x";
  }
  return chars.join("");
}

/** Case studies per kind file: each file stays well under the app's 2 MB limit. */
const PER_FILE = 500;

/**
 * Generates `items` items (case studies plus the fixed probe targets) and the queries.
 * Returns `files` ({name, text} kind files), `items` (raw items by kind), and `queries`
 * ({text, target, class, group?}); `targets` case studies get query variants.
 */
/** The content version the generated corpus declares (its `index.json`). */
export const CONTENT_VERSION = "2026-11-27";

export function generate(items, { targets = 250, seed = 2026, querySeed = 7 } = {}) {
  const rng = new Rng(seed);
  const words = vocabulary(rng);
  const fixed = fixedItems();
  const linkable = { countries: fixed.countries.map((c) => c.id), organisations: fixed.organisations.map((o) => o.id) };
  const caseCount = items - fixed.countries.length - fixed.organisations.length - fixed.people.length;
  const caseStudies = [];
  const titleWords = [];
  const sentence = (n) => Array.from({ length: n }, () => rng.pick(words)).join(" ");
  for (let i = 0; i < caseCount; i++) {
    const title = [rng.pick(words), rng.pick(words), rng.pick(words)];
    const name = hangulName(rng);
    const summary = sentence(30);
    const paragraphs = [0, 1, 2].map(() => `${sentence(25)}. ${sentence(25)}.`);
    const topics = [rng.pick(TOPICS)];
    if (rng.below(2) === 0) {
      const second = rng.pick(TOPICS);
      if (second !== topics[0]) topics.push(second);
    }
    const item = {
      id: `case-${i + 1}`, title: title.join(" "), aliases: [name], summary, topics,
      sections: [{ heading: "Body", paragraphs }], sources: source,
    };
    if (rng.below(2) === 0) item.countries = [rng.pick(linkable.countries)];
    if (rng.below(10) < 3) item.organisations = [rng.pick(linkable.organisations)];
    caseStudies.push(item);
    titleWords.push(title);
  }

  const files = [
    { name: "countries.json", kind: "country", items: fixed.countries },
    { name: "organisations.json", kind: "organisation", items: fixed.organisations },
    { name: "people.json", kind: "person", items: fixed.people },
  ];
  for (let at = 0, n = 1; at < caseStudies.length; at += PER_FILE, n++) {
    files.push({ name: `case-studies-${n}.json`, kind: "case-study", items: caseStudies.slice(at, at + PER_FILE) });
  }

  const queries = [];
  const q = new Rng(querySeed);
  const step = Math.max(1, Math.floor(caseStudies.length / targets));
  for (let t = 0, picked = 0; t < caseStudies.length && picked < targets; t += step, picked++) {
    const target = caseStudies[t].id;
    const ws = titleWords[t];
    const clean = `${ws[0]} ${ws[1]}`;
    const longest = ws.reduce((a, b) => ([...b].length > [...a].length ? b : a));
    const other = ws.find((w) => w !== longest) ?? ws[0];
    queries.push({ text: clean, target, class: "clean" });
    const length = [...longest].length;
    if (length >= 5) queries.push({ text: `${other} ${withTypos(q, longest, 1)}`, target, class: "one typo" });
    if (length >= 9) queries.push({ text: `${other} ${withTypos(q, longest, 2)}`, target, class: "two typos" });
    const stripped = stripDiacritics(clean);
    if (stripped !== clean) queries.push({ text: stripped, target, class: "stripped" });
    queries.push({ text: clean.toUpperCase(), target, class: "case" });
  }
  queries.push(...PROBES);

  return {
    files: files.map(({ name, kind, items }) => ({ name, text: JSON.stringify({ kind, items }) })),
    items: files.flatMap((f) => f.items.map((item) => ({ ...item, kind: f.kind }))),
    queries,
  };
}

/** The query classes, in report order, with the success@10 the issue asks of our engine. */
export const CLASSES = [
  { name: "clean", threshold: 0.99 },
  { name: "one typo", threshold: 0.98 },
  { name: "two typos", threshold: 0.85 },
  { name: "stripped", threshold: null },
  { name: "case", threshold: null },
];

/**
 * A deterministic subset of `queries` for per-keystroke latency: `count` queries spread
 * evenly over the non-probe queries, plus every probe.
 */
export function latencySample(queries, count) {
  const probes = queries.filter((x) => x.class === "probe");
  const rest = queries.filter((x) => x.class !== "probe");
  const want = Math.max(0, count - probes.length);
  const picked = [];
  if (want > 0) {
    const step = rest.length / Math.min(want, rest.length);
    for (let i = 0; i < Math.min(want, rest.length); i++) picked.push(rest[Math.floor(i * step)]);
  }
  return [...picked, ...probes];
}
