// Scores extractions of GTD incident summaries with the rules of shared/eval/gtd_score.py: per row, is there
// an attack, is the coded perpetrator a claimant or author of it, are its figures, city and country the coded ones.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../model/errors.js';
import { Extraction, type EntityRecord } from '../model/extraction.js';
import { DATA_DIR, loadDataFile } from '../model/ontology.js';

const ScoringFile = z.object({
  groupClasses: z.record(z.string(), z.array(z.string().min(1)).min(1)),
  parent: z.record(z.string(), z.string()),
  countryAliases: z.record(z.string(), z.array(z.string().min(1))),
  demonyms: z.record(z.string(), z.array(z.string().min(1))),
});
type ScoringFile = z.infer<typeof ScoringFile>;

const Stated = z.object({
  perpetrator: z.boolean().default(false),
  deaths: z.boolean().default(false),
  injured: z.boolean().default(false),
  city: z.boolean().default(false),
  country: z.boolean().default(false),
});

export const GtdRow = z.object({
  country: z.string().nullish(),
  city: z.string().nullish(),
  gname: z.string().nullish(),
  gname2: z.string().nullish(),
  nkill: z.number().nullish(),
  nwound: z.number().nullish(),
  attacktype: z.string().nullish(),
  summary: z.string().nullish(),
  source: z.string().nullish(),
  /** Which coded facts the summary states; gtd_score.py's stated_flags() wrote them. */
  stated: Stated,
});
export type GtdRow = z.infer<typeof GtdRow>;

const PERP_RELATIONS = new Set(['CLAIMED', 'CARRIED_OUT']);
const TRAILING = /\b(?:group|groups|militants|militant|rebels|insurgents|fighters|terrorists|extremists|organization|organisation|network)$/;
const GENERIC = /(?:extremists|^Gunmen|^Sovereign Citizen|^Anarchists|^Separatists|^Environmentalists|Tribesmen|^Baloch Nationalists|militia|^Dissident Republicans|^Insurgents|^Militants|^Rebels)$/i;
const CITY_SUFFIX = /\b(?:city|d c|dc|district|area|town|village|tehsil|municipality|subdistrict|sub district|neighborhood|neighbourhood|province|county|township|camp)$/;

const fold = (s: string): string =>
  s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[\u2019\u2018`\u00b4]/g, "'");

/** Repeats a substitution until the text stops changing. */
function untilStable(s: string, step: (s: string) => string): string {
  let prev: string | undefined;
  while (prev !== s) {
    prev = s;
    s = step(s);
  }
  return s;
}

export function gtdNorm(s: string): string {
  const t = fold(s).toLowerCase().replace(/'s\b/g, '').replace(/'/g, '').replace(/[^a-z0-9]+/g, ' ').trim().replace(/^the /, '');
  return untilStable(t, (x) => x.replace(TRAILING, '').trim());
}

const cityNorm = (name: string): string => untilStable(gtdNorm(name), (x) => x.replace(CITY_SUFFIX, '').trim());

function rawForms(name: string): string[] {
  const whole = name.trim();
  const out = [whole];
  let base = whole;
  for (let m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(base); m; m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(base)) {
    base = m[1]!;
    out.push(base, m[2]!);
  }
  if (whole.includes(':')) out.push(...whole.split(':').map((p) => p.trim()));
  return out.filter((f) => f.trim());
}

const forms = (name: string): Set<string> => new Set(rawForms(name).map(gtdNorm).filter(Boolean));

type Kind = 'unknown' | 'generic' | 'named';
const gnameKind = (gname: string | null | undefined): Kind => (!gname || gname === 'Unknown' ? 'unknown' : GENERIC.test(gname) ? 'generic' : 'named');

/** Python rounds ties to even on the exact value; toFixed rounds them up. */
function round3(n: number, of: number): number {
  const thousandths = (1000 * n) / of;
  const exactTie = (2000 * n) % of === 0 && ((2000 * n) / of) % 2 === 1 && Number.isInteger(Math.log2(of / gcd(n, of)));
  if (!exactTie) return Number((n / of).toFixed(3));
  const down = Math.floor(thousandths);
  return (down % 2 === 0 ? down : down + 1) / 1000;
}
const gcd = (a: number, b: number): number => (b === 0 ? Math.max(a, 1) : gcd(b, a % b));

export interface Rate {
  n: number;
  of: number;
  rate: number | null;
}

interface Judged {
  idx: number;
  source: string;
  attacktype: string | null | undefined;
  stated: z.infer<typeof Stated>;
  kind: Kind;
  miss: Array<[string, string, string]>;
  attack: boolean;
  perp_strict: boolean;
  perp_lenient: boolean;
  perp_claimed: boolean;
  false_perp?: boolean;
  false_perp_any?: boolean;
  deaths_coded: boolean;
  deaths_main_ok: boolean;
  deaths_any_ok: boolean;
  deaths_spurious: boolean;
  injured_coded: boolean;
  injured_main_ok: boolean;
  injured_any_ok: boolean;
  injured_spurious: boolean;
  country_ok: boolean;
  city_coded: boolean;
  city_ok: boolean;
  city_chain_ok: boolean;
  nkill0: boolean;
  nwound0: boolean;
}

type Measure = [key: string | null, label: string, num: (j: Judged) => boolean, den: (j: Judged) => boolean];
const always = () => true;
/** The measures in gtd_score.py's order; a null key is a heading. */
export const MEASURES: Measure[] = [
  ['attack_detected', 'attack detected', (j) => j.attack, always],
  ['perp_right', 'perpetrator right', (j) => j.perp_strict, (j) => j.stated.perpetrator],
  ['perp_right_lenient', '  + IS province / AQ branch for parent', (j) => j.perp_lenient, (j) => j.stated.perpetrator],
  ['perp_right_claimed', '  of which via CLAIMED', (j) => j.perp_claimed, (j) => j.stated.perpetrator],
  ['false_perp', 'false perpetrator (Group, none named)', (j) => !!j.false_perp, (j) => !j.stated.perpetrator],
  ['false_perp_unknown', '  gname Unknown', (j) => !!j.false_perp, (j) => !j.stated.perpetrator && j.kind === 'unknown'],
  ['false_perp_unnamed', '  gname coded, not named in summary', (j) => !!j.false_perp, (j) => !j.stated.perpetrator && j.kind !== 'unknown'],
  ['false_perp_any_unknown', '  gname Unknown: Group or Person perp', (j) => !!j.false_perp_any, (j) => j.kind === 'unknown'],
  ['deaths_right', 'deaths right (main == nkill)', (j) => j.deaths_main_ok, (j) => j.stated.deaths],
  ['deaths_right_any', '  any deaths value == nkill', (j) => j.deaths_any_ok, (j) => j.stated.deaths],
  ['injured_right', 'injured right (main == nwound)', (j) => j.injured_main_ok, (j) => j.stated.injured],
  ['injured_right_any', '  any injured value == nwound', (j) => j.injured_any_ok, (j) => j.stated.injured],
  ['city_right', 'city right (OCCURRED_IN city)', (j) => j.city_ok, (j) => j.stated.city],
  ['city_right_chain', '  or a place LOCATED_IN it', (j) => j.city_chain_ok, (j) => j.stated.city],
  ['country_right', 'country right', (j) => j.country_ok, (j) => j.stated.country],
  [null, '-- GTD-coded facts, stated or not --', always, always],
  ['coded_perp', 'perpetrator right (named gname)', (j) => j.perp_strict, (j) => j.kind === 'named'],
  ['coded_deaths', 'deaths main == nkill (nkill > 0)', (j) => j.deaths_main_ok, (j) => j.deaths_coded],
  ['coded_injured', 'injured main == nwound (nwound > 0)', (j) => j.injured_main_ok, (j) => j.injured_coded],
  ['coded_city', 'city right (city known)', (j) => j.city_ok, (j) => j.city_coded],
  ['coded_country', 'country right (all rows)', (j) => j.country_ok, always],
  ['spurious_deaths', 'deaths > 0 given when nkill == 0', (j) => j.deaths_spurious, (j) => j.nkill0],
  ['spurious_injured', 'injured > 0 given when nwound == 0', (j) => j.injured_spurious, (j) => j.nwound0],
];

export interface GtdTally {
  rows: number;
  measures: Record<string, Rate>;
  attackDetectedByAttacktype: Record<string, Rate>;
}

export interface GtdScore {
  /** 'overall', then one column per source (when there are several), keyed like gtd_score.py's columns. */
  columns: Array<[string, GtdTally]>;
  /** `NNNN measure: wanted …; kg gave …`, row by row. */
  misses: string[];
}

export class GtdScorer {
  private readonly nameToClass = new Map<string, string>();
  private readonly data: ScoringFile;

  constructor(file: URL | string = new URL('gtd-scoring.json', DATA_DIR)) {
    this.data = loadDataFile(ScoringFile, file);
    for (const [cls, names] of Object.entries(this.data.groupClasses)) {
      for (const n of names) if (!this.nameToClass.has(gtdNorm(n))) this.nameToClass.set(gtdNorm(n), cls);
    }
  }

  private classOf(name: string): string | undefined {
    for (const f of forms(name)) if (this.nameToClass.has(f)) return this.nameToClass.get(f);
    return undefined;
  }

  private nameMatches(n: string, gname: string, lenient: boolean): boolean {
    const f = gtdNorm(n);
    if (!f) return false;
    const cls = this.classOf(gname);
    if (cls === undefined) return forms(gname).has(f);
    const c = this.nameToClass.get(f);
    if (c === cls) return true;
    return lenient && c !== undefined && (this.data.parent[c] === cls || this.data.parent[cls] === c);
  }

  private entityMatches(e: EntityRecord, gname: string, lenient = false): boolean {
    return [e.name, ...e.aliases].some((n) => this.nameMatches(n, gname, lenient));
  }

  private countryForms(name: string): Set<string> {
    const n = gtdNorm(name);
    return new Set([...(this.data.countryAliases[n] ?? [n]), ...(this.data.demonyms[n] ?? []).map(gtdNorm)]);
  }

  judge(idx: number, row: GtdRow, pred: Extraction): Judged {
    const ents = new Map(pred.entities.map((e) => [e.id, e]));
    const attacks = pred.entities.filter((e) => e.type === 'Attack');
    const perps: Array<[string, EntityRecord]> = [];
    const located = new Map<string, Set<string>>();
    for (const r of pred.relations) {
      if (PERP_RELATIONS.has(r.type) && ents.get(r.target)?.type === 'Attack' && ents.has(r.source)) perps.push([r.type, ents.get(r.source)!]);
      if (r.type === 'LOCATED_IN') located.set(r.source, (located.get(r.source) ?? new Set()).add(r.target));
    }
    const up = (id: string, seen: Set<string>): void => {
      if (seen.has(id) || !ents.has(id)) return;
      seen.add(id);
      for (const t of located.get(id) ?? []) up(t, seen);
    };
    const places: EntityRecord[] = [];
    const chainPlaces: EntityRecord[] = [];
    const countries = new Set<string>();
    for (const r of pred.relations) {
      if (r.type !== 'OCCURRED_IN' || ents.get(r.source)?.type !== 'Attack') continue;
      const t = ents.get(r.target);
      if (!t) continue;
      if (t.type === 'Location') places.push(t);
      const seen = new Set<string>();
      up(t.id, seen);
      for (const id of seen) {
        const e = ents.get(id)!;
        if (e.type === 'Country') [e.name, ...e.aliases].forEach((n) => countries.add(n));
        else if (e.type === 'Location') chainPlaces.push(e);
      }
    }
    const figures = (e: EntityRecord, key: string) => e.attributes.filter((a) => a.key === key && typeof a.value === 'number').map((a) => a.value as number);
    const main = attacks.reduce<EntityRecord | undefined>((best, e) => (best === undefined || e.mentions.length > best.mentions.length ? e : best), undefined);
    const mainFigure = (key: string) => (main && figures(main, key).length ? Math.max(...figures(main, key)) : undefined);
    const anyFigures = (key: string) => [...new Set(attacks.flatMap((e) => figures(e, key)))].sort((a, b) => a - b);

    const st = row.stated;
    const kind = gnameKind(row.gname);
    const miss: Judged['miss'] = [];
    const perpText = [...new Set(perps.map(([t, e]) => `${t}:${e.type}:${e.name}`))].sort();
    if (!attacks.length) miss.push(['attack', 'an Attack entity', 'none']);
    const gnames = [row.gname, row.gname2].filter((g): g is string => !!g && g !== 'Unknown');
    const named = gnames.filter((g) => gnameKind(g) === 'named');
    const actors = perps.filter(([, e]) => e.type === 'Group' || e.type === 'Person');
    const perpStrict = actors.some(([, e]) => named.some((g) => this.entityMatches(e, g)));
    if (st.perpetrator && !perpStrict) miss.push(['perpetrator', named.join(' / '), (perpText.length ? perpText : ['none']).join('; ')]);
    const wrong = perps.filter(([, e]) => e.type === 'Group' && !gnames.some((g) => this.entityMatches(e, g, true)));
    const judged: Judged = {
      idx,
      source: row.source ?? '',
      attacktype: row.attacktype,
      stated: st,
      kind,
      miss,
      attack: attacks.length > 0,
      perp_strict: perpStrict,
      perp_lenient: actors.some(([, e]) => named.some((g) => this.entityMatches(e, g, true))),
      perp_claimed: actors.some(([t, e]) => t === 'CLAIMED' && named.some((g) => this.entityMatches(e, g))),
      ...(st.perpetrator ? {} : { false_perp: wrong.length > 0 }),
      ...(kind === 'unknown' ? { false_perp_any: actors.length > 0 } : {}),
      deaths_coded: false,
      deaths_main_ok: false,
      deaths_any_ok: false,
      deaths_spurious: false,
      injured_coded: false,
      injured_main_ok: false,
      injured_any_ok: false,
      injured_spurious: false,
      country_ok: false,
      city_coded: false,
      city_ok: false,
      city_chain_ok: false,
      nkill0: row.nkill === 0,
      nwound0: row.nwound === 0,
    };
    if (!st.perpetrator && wrong.length) {
      const why = kind === 'unknown' ? 'gname Unknown' : `summary does not name '${row.gname}'`;
      miss.push(['false perpetrator', `no Group perpetrator (${why})`, (perpText.length ? perpText : ['none']).join('; ')]);
    }
    for (const [key, gold] of [['deaths', row.nkill], ['injured', row.nwound]] as const) {
      const mainValue = mainFigure(key);
      const anyValues = anyFigures(key);
      const coded = typeof gold === 'number' && gold > 0;
      judged[`${key}_coded`] = coded;
      judged[`${key}_main_ok`] = coded && mainValue !== undefined && Math.trunc(mainValue) === Math.trunc(gold);
      judged[`${key}_any_ok`] = coded && anyValues.some((v) => Math.trunc(v) === Math.trunc(gold));
      judged[`${key}_spurious`] = gold === 0 && anyValues.some((v) => v > 0);
      if (st[key] && !judged[`${key}_main_ok`]) miss.push([key, String(Math.trunc(gold ?? 0)), `main ${mainValue ?? 'None'}, any [${anyValues.join(', ')}]`]);
    }
    const cf = this.countryForms(row.country ?? '');
    judged.country_ok = [...countries].some((c) => cf.has(gtdNorm(c)));
    if (st.country && !judged.country_ok) miss.push(['country', row.country ?? '', [...countries].sort().join(', ') || 'none']);
    const city = row.city ?? '';
    const cn = cityNorm(city);
    judged.city_coded = !!city && city !== 'Unknown' && !!cn;
    const named_ = (es: EntityRecord[]) => es.some((e) => [e.name, ...e.aliases].some((n) => cityNorm(n) === cn));
    judged.city_ok = judged.city_coded && named_(places);
    judged.city_chain_ok = judged.city_coded && named_(chainPlaces);
    if (st.city && !judged.city_ok) miss.push(['city', city, [...new Set(places.map((e) => e.name))].sort().join(', ') || 'none']);
    return judged;
  }

  /** rows: the GTD rows; predictionOf(i): the extraction of row i (kg extract --per-document). */
  score(rows: GtdRow[], predictionOf: (index: number) => Extraction): GtdScore {
    const judged = rows.map((row, i) => this.judge(i, row, predictionOf(i)));
    const sources = [...new Set(judged.map((j) => j.source))].sort();
    const columns = new Map<string, Judged[]>([['overall', judged]]);
    if (sources.length > 1) for (const s of sources) columns.set(sourceLabel(s), judged.filter((j) => j.source === s));
    const misses = judged.flatMap((j) => j.miss.map(([what, wanted, got]) => `${String(j.idx).padStart(4, '0')} ${what}: wanted ${wanted}; kg gave ${got}`));
    return { columns: [...columns].map(([name, js]) => [name, summarise(js)]), misses };
  }
}

const sourceLabel = (src: string): string => (src || '?').split(':')[0]!.split('/').pop() || '?';

function rate(rows: Judged[], num: (j: Judged) => boolean, den: (j: Judged) => boolean = always): Rate {
  const d = rows.filter(den);
  const n = d.filter(num).length;
  return { n, of: d.length, rate: d.length ? round3(n, d.length) : null };
}

function summarise(rows: Judged[]): GtdTally {
  const measures: Record<string, Rate> = {};
  for (const [key, , num, den] of MEASURES) if (key) measures[key] = rate(rows, num, den);
  const types = [...new Set(rows.map((j) => j.attacktype || '?'))].sort();
  return { rows: rows.length, measures, attackDetectedByAttacktype: Object.fromEntries(types.map((t) => [t, rate(rows.filter((j) => j.attacktype === t), (j) => j.attack)])) };
}

/** A rate as gtd_score.py prints it: ' 23.8% (143/600)'. */
export const formatRate = (r: Rate | undefined): string => (!r || !r.of ? '   -   ' : `${(r.rate! * 100).toFixed(1).padStart(5)}% (${r.n}/${r.of})`);

/** Reads GTD rows, one JSON object a line; errors name the file and the line. */
export function readGtdRows(file: string): GtdRow[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read GTD rows ${file}: ${(error as Error).message}`, 'Give the path of a rows.jsonl file (shared/devset-gtd/rows.jsonl).');
  }
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      throw new ConfigError(`${file}, line ${i + 1}: not JSON (${(error as Error).message})`, 'Each line must be one JSON object.');
    }
    const parsed = GtdRow.safeParse(raw);
    if (!parsed.success) {
      throw new ConfigError(`${file}, line ${i + 1}: not a GTD row:\n${z.prettifyError(parsed.error)}`, 'Each row needs its `stated` flags (gtd_score.py\'s stated_flags() computes them).');
    }
    return [parsed.data];
  });
}

const summaryKey = (r: GtdRow): string => (r.summary ?? '').split(/\s+/).filter(Boolean).join(' ');

/** Row i's prediction is DIR/NNNN.json; a row repeating an earlier row's summary may share that row's file. */
export function gtdPredictions(rows: GtdRow[], predDir: string): (index: number) => Extraction {
  const firstOf = new Map<string, number>();
  const first = rows.map((r, i) => {
    const key = summaryKey(r);
    if (!firstOf.has(key)) firstOf.set(key, i);
    return firstOf.get(key)!;
  });
  const file = (i: number) => join(predDir, `${String(i).padStart(4, '0')}.json`);
  return (i) => {
    const path = existsSync(file(i)) ? file(i) : file(first[i]!);
    return existsSync(path) ? loadDataFile(Extraction, path) : { documents: [], entities: [], relations: [] };
  };
}

/** The file name gtd_score.py gives row i's summary, and whether it writes it (a repeated summary is written once). */
export function gtdInputs(rows: GtdRow[]): Array<{ name: string; text: string }> {
  const seen = new Set<string>();
  return rows.flatMap((r, i) => {
    const key = summaryKey(r);
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ name: `${String(i).padStart(4, '0')}.txt`, text: `${r.summary ?? ''}\n` }];
  });
}
