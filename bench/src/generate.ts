/**
 * Realistic, audit-bearing benchmark data for the 期限台账 (`clocks`).
 *
 *   node --import tsx bench/src/generate.ts --clocks 1000000 [--regions 150] [--orgs 1500] [--users 8000]
 *        [--seed 20261121] [--today YYYY-MM-DD] (--database-url URL | --data-dir DIR)
 *
 * On top of the demo jurisdictions (seedDemo) it adds real Henan counties and generated 9-digit townships,
 * organisations with valid 统一社会信用代码, users with roles, and N clocks. Every generated record has its
 * audit_log entry (`region.create`, `org.create`, `user.create`, `clock.create`, and `clock.complete` for
 * completed clocks), appended to the hash chain exactly as audit.service does, so `POST /api/audit/verify`
 * passes on the generated database. The dataset is deterministic for a given --seed and --today.
 *
 * Loading: INSERT … SELECT FROM unnest(…) in batches of 10,000 rows (pg-copy-streams is not a dependency),
 * with the secondary indexes of `clocks` and `audit_log` dropped during the load and rebuilt afterwards
 * from their catalogue definitions, then VACUUM ANALYZE.
 */
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import {
  buildWorkCalendar,
  completeUscc,
  computeDueDate,
  evaluateClock,
  idNumberCheckChar,
  type OrgType,
  type RegionLevel,
  type Role,
  type WorkCalendar,
} from '@fazhi/contracts';
import { canonicalJson, GENESIS_HASH } from '../../apps/server/src/platform/audit/canonical';
import { recordDiff } from '../../apps/server/src/platform/audit/diff';
import { hashPassword } from '../../apps/server/src/platform/auth/password';
import { loadOfficialCalendarSeed } from '../../apps/server/src/platform/clock/official-calendar-seed';
import type { Config } from '../../apps/server/src/platform/config';
import { systemCtx } from '../../apps/server/src/platform/context';
import type { FieldCrypto } from '../../apps/server/src/platform/crypto/field-crypto';
import type { Database } from '../../apps/server/src/platform/db/pool';
import { seedDemo } from '../../apps/server/src/seed/seed-demo';
import {
  AuditChainWriter,
  ColumnBatch,
  dropSecondaryIndexes,
  recreateIndexes,
  type Column,
} from './lib/bulk';
import { flag, intFlag, parseArgs } from './lib/args';
import { hash32, Rng, uuidAt } from './lib/rng';
import {
  CLOCK_SPECS,
  DEPARTMENTS,
  DISCLOSURE_TOPICS,
  DISPUTED_ACTS,
  EXTRA_COUNTIES,
  FIRM_TRADES,
  FIRM_WORDS,
  GIVEN,
  ORG_TYPE_USER_WEIGHT,
  PERMITS,
  PETITION_ISSUES,
  PLACE_FIRST,
  PLACE_SECOND,
  POSITIONS,
  PROVINCE_DEPARTMENTS,
  RULE_TOPICS,
  STREET_NAMES,
  SURNAMES,
  VIOLATIONS,
  type ClockSpec,
} from './lib/vocab';

export const BENCH_USERNAME = 'bench.reviewer';
export const BENCH_PASSWORD = 'Bench@2026pw';
/** The organisation of the benchmark's reviewer: a prefecture-level justice bureau (demo org smx.sfj). */
export const BENCH_ORG_NAME = '三门峡市司法局';
export const BENCH_SCOPE_PATH = '410000/411200/';
export const DATASET_SETTINGS_KEY = 'bench.dataset';

export type GenerateOptions = {
  regions: number;
  orgs: number;
  users: number;
  clocks: number;
  seed: number;
  /** Reference day of the stored statuses (Asia/Shanghai date by default). */
  today: string;
  batchSize: number;
  log: (m: string) => void;
};

export type DatasetInfo = {
  params: { regions: number; orgs: number; users: number; clocks: number; seed: number; today: string };
  counts: Record<string, number>;
  /** Phase durations of the generation, milliseconds. */
  timings: Record<string, number>;
  generatedAt: string;
  databaseVersion: string;
};

export const DEFAULTS = {
  regions: 150,
  orgs: 1500,
  users: 8000,
  clocks: 1_000_000,
  seed: 20261121,
  batchSize: 10_000,
};

export function shanghaiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

const DAY_MS = 86_400_000;
const dayOf = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const ISO_BASE = Date.UTC(1960, 0, 1) / DAY_MS;
const ISO_CACHE: string[] = [];
/** Day number → 'YYYY-MM-DD' (cached: the generator formats tens of millions of dates). */
const isoOf = (day: number): string => {
  const k = day - ISO_BASE;
  const hit = ISO_CACHE[k];
  if (hit !== undefined) return hit;
  const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
  if (k >= 0 && k < 40_000) ISO_CACHE[k] = iso;
  return iso;
};
/** A Beijing office-hours instant (08:30–17:30 CST = 00:30–09:30 UTC) on `day`. */
const officeInstant = (day: number, u: number) => day * DAY_MS + (30 * 60 + Math.floor(u * 9 * 3600)) * 1000;

type RegionRec = { code: string; name: string; level: RegionLevel; parentCode: string | null; path: string };
type OrgRec = {
  id: string;
  name: string;
  shortName: string | null;
  type: OrgType;
  uscc: string | null;
  docCodePrefix: string | null;
  parentId: string | null;
  regionCode: string;
  regionPath: string;
  enforcement: boolean;
  reconsideration: boolean;
  group: number;
};
type UserRec = { id: string; username: string; displayName: string; orgIdx: number; roles: Role[] };

/** Clock ownership groups: the province's own organs and the four demo cities; weights give the
 *  benchmark reviewer (三门峡市司法局, scope 410000/411200/) about one third of all clocks. */
const GROUPS = [
  { prefix: '410000/', exact: true, city: '河南省', short: '豫', weight: 0.07 },
  { prefix: '410000/411200/', exact: false, city: '三门峡市', short: '三', weight: 0.34 },
  { prefix: '410000/410400/', exact: false, city: '平顶山市', short: '平', weight: 0.27 },
  { prefix: '410000/410700/', exact: false, city: '新乡市', short: '新', weight: 0.22 },
  { prefix: '410000/419001/', exact: false, city: '济源市', short: '济', weight: 0.1 },
] as const;
const groupOf = (path: string) => {
  for (let g = GROUPS.length - 1; g >= 0; g--) {
    const grp = GROUPS[g];
    if (grp && (grp.exact ? path === grp.prefix : path.startsWith(grp.prefix))) return g;
  }
  return 0;
};

const STATUS_TARGET = { normal: 0.55, due_soon: 0.04, overdue: 0.07, completed: 0.34 } as const;
const STATUS_CODES = ['normal', 'due_soon', 'overdue', 'completed'] as const;
const SUBJECT_ABBR: Record<string, string> = {
  recon: '行复受',
  recon_apply: '行复申',
  disclosure: '依申公开',
  penalty: '罚立',
  hearing: '听告',
  limitation: '案源',
  license: '许受',
  license_renew: '许延',
  defence: '行应',
  suit_window: '行决',
  compensation: '赔',
  petition: '信',
  filing: '规备',
};

const CLOCK_COLUMNS: readonly Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'org_id', type: 'uuid' },
  { name: 'region_path', type: 'text' },
  { name: 'title', type: 'text' },
  { name: 'subject_type', type: 'text' },
  { name: 'subject_id', type: 'text' },
  { name: 'start_event', type: 'text' },
  { name: 'start_date', type: 'date' },
  { name: 'amount', type: 'int4' },
  { name: 'unit', type: 'text' },
  { name: 'legal_basis', type: 'text' },
  { name: 'warning_days', type: 'int4' },
  { name: 'due_date', type: 'date' },
  { name: 'provisional', type: 'bool' },
  { name: 'status', type: 'text' },
  { name: 'completed_on', type: 'date' },
  { name: 'created_by', type: 'uuid' },
  { name: 'version', type: 'int4' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
];

const SALT = { clock: 1000, audit: 2000, request: 3000, user: 4000, org: 5000 };

function personName(r: Rng): { name: string; pinyin: string } {
  // Frequent surnames first: weight falls with rank (roughly Zipf).
  const s = SURNAMES[Math.min(SURNAMES.length - 1, Math.floor(SURNAMES.length * r.next() * r.next()))] ?? [
    '王',
    'wang',
  ];
  const g1 = r.pick(GIVEN);
  if (r.chance(0.35)) return { name: s[0] + g1[0], pinyin: s[1] + g1[1] };
  const g2 = r.pick(GIVEN);
  return { name: s[0] + g1[0] + g2[0], pinyin: s[1] + g1[1] + g2[1] };
}

function firmName(r: Rng, city: string): string {
  return `${city.replace(/[省市]$/, '')}${r.pick(FIRM_WORDS)}${r.pick(FIRM_TRADES)}有限公司`;
}

function clockTitle(spec: ClockSpec, r: Rng, org: OrgRec): string {
  const city = GROUPS[org.group]?.city ?? '河南省';
  const person = () => personName(r).name;
  switch (spec.key) {
    case 'recon':
      return `${person()}不服${r.pick(DEPARTMENTS).name}${r.pick(DISPUTED_ACTS)}行政复议案`;
    case 'recon_apply':
      return `${person()}对${r.pick(DISPUTED_ACTS)}申请行政复议期限`;
    case 'disclosure':
      return `${person()}申请公开${r.pick(DISCLOSURE_TOPICS)}`;
    case 'penalty':
      return `${firmName(r, city)}${r.pick(VIOLATIONS)}案`;
    case 'hearing':
      return `${firmName(r, city)}${r.pick(VIOLATIONS)}案听证申请`;
    case 'limitation':
      return `${firmName(r, city)}涉嫌${r.pick(VIOLATIONS)}线索`;
    case 'license':
      return `${firmName(r, city)}${r.pick(PERMITS)}申请`;
    case 'license_renew':
      return `${firmName(r, city)}${r.pick(PERMITS)}延续申请期限`;
    case 'defence':
      return `${person()}诉${org.name}${r.pick(DISPUTED_ACTS)}案应诉答辩`;
    case 'suit_window':
      return `${firmName(r, city)}${r.pick(DISPUTED_ACTS)}起诉期限`;
    case 'compensation':
      return `${person()}行政赔偿申请`;
    case 'petition':
      return `${person()}反映${r.pick(PETITION_ISSUES)}问题`;
    case 'filing':
      return `《${city}${r.pick(RULE_TOPICS)}管理办法》报送备案`;
    default:
      return `${spec.startEvent}事项`;
  }
}

/** Reads the marker written at the end of a successful generation (null: none, or an unfinished load). */
export async function readDatasetInfo(pool: pg.Pool): Promise<DatasetInfo | null> {
  const res = await pool.query<{ value: DatasetInfo }>('select value from settings where key = $1', [
    DATASET_SETTINGS_KEY,
  ]);
  const info = res.rows[0]?.value ?? null;
  if (!info) return null;
  const n = await pool.query<{ n: string }>('select count(*) as n from clocks');
  return Number(n.rows[0]?.n) === info.counts.clocks ? info : null;
}

export async function generateDataset(
  database: Database,
  databaseUrl: string,
  config: Config,
  crypto: FieldCrypto,
  opts: GenerateOptions,
): Promise<DatasetInfo> {
  const { log } = opts;
  const timings: Record<string, number> = {};
  const tAll = performance.now();
  let t0 = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t0);
    log(`  ${name}: ${((now - t0) / 1000).toFixed(1)} s`);
    t0 = now;
  };
  const existing = await database.pool.query<{ n: string }>('select count(*) as n from clocks');
  if (Number(existing.rows[0]?.n) > 0)
    throw new Error('generate: the database already holds clocks; use a fresh database');

  // 0. The demo jurisdictions, organisations and accounts (idempotent), through the application's own seed.
  await seedDemo(systemCtx(database.db, config, crypto, 'bench-generate'));
  lap('demo seed');

  const client = new pg.Client({ connectionString: databaseUrl });
  const client2 = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client2.connect();
  try {
    for (const c of [client, client2]) {
      await c.query(`set synchronous_commit = off`);
      await c.query(`set maintenance_work_mem = '1GB'`);
    }
    // Hold the audit chain's lock (audit.service CHAIN_LOCK) for the whole load.
    await client.query('select pg_advisory_lock(7301002)');
    const last = await client.query<{ seq: string; hash: string }>(
      'select seq, hash from audit_log order by seq desc limit 1',
    );
    const chain = new AuditChainWriter(Number(last.rows[0]?.seq ?? 0), last.rows[0]?.hash ?? GENESIS_HASH);
    const sys = {
      actorId: null,
      actorName: 'system',
      orgId: null,
      requestId: 'bench-generate',
      ip: null,
      outcome: 'ok',
    };
    const auditRng = new Rng(hash32(opts.seed, 0, SALT.audit));
    const sysAudit = (action: string, entityType: string, entityId: string, after: Record<string, unknown>) =>
      chain.add({
        ...sys,
        id: auditRng.uuid(),
        at: new Date(),
        action,
        entityType,
        entityId,
        diff: { detail: { source: 'bench' }, changes: recordDiff(null, after) },
      });

    // 1. Regions: real counties under the demo prefectures, then generated townships under every county.
    const regionRows = await client.query<RegionRec>(
      'select code, name, level, parent_code as "parentCode", path from regions order by path',
    );
    const regions = new Map(regionRows.rows.map((r) => [r.code, r]));
    const newRegions: RegionRec[] = [];
    const addRegion = (r: RegionRec) => {
      regions.set(r.code, r);
      newRegions.push(r);
    };
    for (const c of EXTRA_COUNTIES) {
      const parent = regions.get(c.parent);
      if (!parent || regions.has(c.code)) continue;
      addRegion({
        code: c.code,
        name: c.name,
        level: 'county',
        parentCode: c.parent,
        path: `${parent.path}${c.code}/`,
      });
    }
    const counties = [...regions.values()].filter((r) => r.level === 'county');
    const rr = new Rng(hash32(opts.seed, 1, 11));
    const usedNames = new Map<string, Set<string>>();
    const nextNo = new Map<string, number>();
    for (let t = 0; t < opts.regions && counties.length; t++) {
      const county = counties[t % counties.length] as RegionRec;
      const names =
        usedNames.get(county.code) ??
        new Set([...regions.values()].filter((r) => r.parentCode === county.code).map((r) => r.name));
      usedNames.set(county.code, names);
      const urban = county.name.endsWith('区') || county.name.endsWith('市');
      const kind = rr.weighted(urban ? [0.45, 0.45, 0.1] : [0.15, 0.6, 0.25]); // 街道 / 镇 / 乡
      const base = [1, 100, 200][kind] ?? 100;
      let name = '';
      for (let tries = 0; tries < 50 && (!name || names.has(name)); tries++) {
        name =
          kind === 0
            ? `${rr.pick(STREET_NAMES)}街道`
            : `${rr.pick(PLACE_FIRST)}${rr.pick(PLACE_SECOND)}${kind === 1 ? '镇' : '乡'}`;
      }
      if (names.has(name)) continue;
      const key = `${county.code}:${kind}`;
      let no = nextNo.get(key) ?? base;
      while (regions.has(`${county.code}${String(no).padStart(3, '0')}`)) no++;
      nextNo.set(key, no + 1);
      const code = `${county.code}${String(no).padStart(3, '0')}`;
      names.add(name);
      addRegion({ code, name, level: 'township', parentCode: county.code, path: `${county.path}${code}/` });
    }
    const regionBatch = new ColumnBatch('regions', [
      { name: 'code', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'level', type: 'text' },
      { name: 'parent_code', type: 'text' },
      { name: 'path', type: 'text' },
    ]);
    for (const r of newRegions) {
      regionBatch.push([r.code, r.name, r.level, r.parentCode, r.path]);
      sysAudit('region.create', 'region', r.code, {
        code: r.code,
        name: r.name,
        level: r.level,
        parent: r.parentCode,
        path: r.path,
      });
    }
    await regionBatch.flush(client);

    // 2. Organisations.
    const orgRows = await client.query<{
      id: string;
      name: string;
      short_name: string | null;
      type: OrgType;
      uscc: string | null;
      doc_code_prefix: string | null;
      parent_id: string | null;
      region_code: string;
      region_path: string;
      is_law_enforcement_body: boolean;
      is_reconsideration_organ: boolean;
    }>('select * from organisations order by region_path, name');
    const orgs: OrgRec[] = orgRows.rows.map((o) => ({
      id: o.id,
      name: o.name,
      shortName: o.short_name,
      type: o.type,
      uscc: o.uscc,
      docCodePrefix: o.doc_code_prefix,
      parentId: o.parent_id,
      regionCode: o.region_code,
      regionPath: o.region_path,
      enforcement: o.is_law_enforcement_body,
      reconsideration: o.is_reconsideration_organ,
      group: groupOf(o.region_path),
    }));
    const demoOrgCount = orgs.length;
    const orgByKey = new Map(orgs.map((o) => [`${o.regionCode}|${o.name}`, o]));
    const orgRng = new Rng(hash32(opts.seed, 2, 22));
    let usccSerial = 0;
    const prefixOf = (r: RegionRec): string => {
      if (r.level === 'province' || r.level === 'prefecture') return r.name;
      if (r.level === 'county') {
        const parent = r.parentCode ? regions.get(r.parentCode) : undefined;
        return r.name.endsWith('区') && parent?.level === 'prefecture' ? parent.name + r.name : r.name;
      }
      return r.name;
    };
    type Candidate = Omit<OrgRec, 'id' | 'uscc' | 'group'> & { parentKey: string | null };
    const candidate = (
      region: RegionRec,
      name: string,
      type: OrgType,
      parentKey: string | null,
      extra: Partial<Pick<OrgRec, 'enforcement' | 'reconsideration' | 'shortName' | 'docCodePrefix'>> = {},
    ): Candidate => ({
      name,
      type,
      shortName: extra.shortName ?? null,
      docCodePrefix: extra.docCodePrefix ?? null,
      parentId: null,
      parentKey,
      regionCode: region.code,
      regionPath: region.path,
      enforcement: extra.enforcement ?? false,
      reconsideration: extra.reconsideration ?? false,
    });
    const allRegions = [...regions.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
    const provinces = allRegions.filter((r) => r.level === 'province');
    const prefectures = allRegions.filter((r) => r.level === 'prefecture');
    const countyList = allRegions.filter((r) => r.level === 'county');
    const townships = allRegions.filter((r) => r.level === 'township');
    const govKey = (r: RegionRec) => `${r.code}|${prefixOf(r)}人民政府`;
    const tierA: Candidate[] = [];
    const tierB: Candidate[] = [];
    const tierC: Candidate[] = [];
    for (const c of countyList) {
      const p = prefixOf(c);
      const parent = c.parentCode ? regions.get(c.parentCode) : undefined;
      tierA.push(
        candidate(c, `${p}人民政府`, 'government', parent ? govKey(parent) : null, {
          reconsideration: true,
          docCodePrefix: `${c.name.slice(0, 1)}政`,
        }),
      );
      tierA.push(candidate(c, `${p}司法局`, 'justice_bureau', govKey(c), { shortName: `${c.name}司法局` }));
    }
    for (const t of townships) {
      const county = t.parentCode ? regions.get(t.parentCode) : undefined;
      const name = `${county?.name ?? ''}${t.name}${t.name.endsWith('街道') ? '办事处' : '人民政府'}`;
      tierA.push(
        candidate(t, name, 'township', county ? govKey(county) : null, {
          enforcement: true,
          shortName: t.name,
        }),
      );
    }
    for (let d = 0; d < Math.max(DEPARTMENTS.length, PROVINCE_DEPARTMENTS.length); d++) {
      const pd = PROVINCE_DEPARTMENTS[d];
      if (pd)
        for (const pr of provinces)
          tierB.push(
            candidate(pr, `${pr.name}${pd.name}`, 'department', govKey(pr), { enforcement: pd.enforcement }),
          );
      const dd = DEPARTMENTS[d];
      if (dd) {
        for (const r of [...prefectures, ...countyList]) {
          tierB.push(
            candidate(r, `${prefixOf(r)}${dd.name}`, 'department', govKey(r), {
              enforcement: dd.enforcement,
              shortName: `${r.name}${dd.short}`,
            }),
          );
        }
      }
    }
    for (const r of prefectures) {
      tierB.push(candidate(r, `${r.name}中级人民法院`, 'court', null));
      tierB.push(candidate(r, `${r.name}人民检察院`, 'procuratorate', null));
    }
    for (const r of countyList) {
      tierB.push(candidate(r, `${prefixOf(r)}人民法院`, 'court', null));
      tierB.push(candidate(r, `${prefixOf(r)}人民检察院`, 'procuratorate', null));
      tierB.push(candidate(r, `${prefixOf(r)}人大常委会`, 'npc_standing', null));
    }
    for (const t of townships) {
      const county = t.parentCode ? regions.get(t.parentCode) : undefined;
      if (!county) continue;
      const short = t.name.replace(/(街道|镇|乡)$/, '');
      tierC.push(
        candidate(
          t,
          `${prefixOf(county)}司法局${short}司法所`,
          'dispatched',
          `${county.code}|${prefixOf(county)}司法局`,
          { enforcement: false },
        ),
      );
      tierC.push(
        candidate(
          t,
          `${prefixOf(county)}市场监督管理局${short}市场监督管理所`,
          'dispatched',
          `${county.code}|${prefixOf(county)}市场监督管理局`,
          {
            enforcement: true,
          },
        ),
      );
    }
    const wanted: Candidate[] = [];
    for (const c of [...tierA, ...tierB, ...tierC]) {
      if (wanted.length >= opts.orgs) break;
      if (!orgByKey.has(`${c.regionCode}|${c.name}`)) wanted.push(c);
    }
    // Villages (村民委员会 / 社区居民委员会) fill up to --orgs.
    const villageNames = new Map<string, Set<string>>();
    for (let v = 0; wanted.length < opts.orgs && townships.length && v < opts.orgs * 4; v++) {
      const t = townships[v % townships.length] as RegionRec;
      const used = villageNames.get(t.code) ?? new Set<string>();
      villageNames.set(t.code, used);
      const street = t.name.endsWith('街道');
      const nm = `${orgRng.pick(PLACE_FIRST)}${orgRng.pick(PLACE_SECOND)}${street ? '社区居民委员会' : '村民委员会'}`;
      if (used.has(nm)) continue;
      used.add(nm);
      const county = t.parentCode ? regions.get(t.parentCode) : undefined;
      const parentKey = `${t.code}|${county?.name ?? ''}${t.name}${street ? '办事处' : '人民政府'}`;
      wanted.push(candidate(t, `${t.name.replace(/(街道|镇|乡)$/, '')}${nm}`, 'village', parentKey));
    }
    const orgBatch = new ColumnBatch('organisations', [
      { name: 'id', type: 'uuid' },
      { name: 'name', type: 'text' },
      { name: 'short_name', type: 'text' },
      { name: 'type', type: 'text' },
      { name: 'uscc', type: 'text' },
      { name: 'doc_code_prefix', type: 'text' },
      { name: 'parent_id', type: 'uuid' },
      { name: 'region_code', type: 'text' },
      { name: 'region_path', type: 'text' },
      { name: 'is_law_enforcement_body', type: 'bool' },
      { name: 'is_reconsideration_organ', type: 'bool' },
    ]);
    for (const c of wanted) {
      const id = uuidAt(opts.seed, SALT.org, usccSerial);
      // 11 = 机构编制/机关; 54 = 民政/基层群众性自治组织 (村居委会); then the 6-digit region, 8-character body.
      const head = c.type === 'village' ? '54' : '11';
      const uscc = completeUscc(`${head}${c.regionCode.slice(0, 6)}${String(20_000_000 + usccSerial * 97)}`);
      usccSerial++;
      const parent = c.parentKey ? orgByKey.get(c.parentKey) : undefined;
      const rec: OrgRec = {
        id,
        name: c.name,
        shortName: c.shortName,
        type: c.type,
        uscc,
        docCodePrefix: c.docCodePrefix,
        parentId: parent?.id ?? null,
        regionCode: c.regionCode,
        regionPath: c.regionPath,
        enforcement: c.enforcement,
        reconsideration: c.reconsideration,
        group: groupOf(c.regionPath),
      };
      orgs.push(rec);
      orgByKey.set(`${rec.regionCode}|${rec.name}`, rec);
      orgBatch.push([
        rec.id,
        rec.name,
        rec.shortName,
        rec.type,
        rec.uscc,
        rec.docCodePrefix,
        rec.parentId,
        rec.regionCode,
        rec.regionPath,
        rec.enforcement,
        rec.reconsideration,
      ]);
      const { group: _g, enforcement, reconsideration, ...row } = rec;
      sysAudit('org.create', 'organisation', rec.id, {
        ...row,
        isLawEnforcementBody: enforcement,
        isReconsiderationOrgan: reconsideration,
        disabled: false,
        version: 1,
      });
      if (orgBatch.size >= opts.batchSize) await orgBatch.flush(client);
    }
    await orgBatch.flush(client);
    await chain.flush(client);
    lap('regions + organisations');

    // 3. Users: every organisation gets at least one account, the rest by organisation weight.
    const existingUsers = await client.query<{
      id: string;
      username: string;
      display_name: string;
      org_id: string;
      roles: Role[] | null;
    }>(
      `select u.id, u.username, u.display_name, u.org_id,
              (select array_agg(role order by role) from user_roles r where r.user_id = u.id) as roles
         from users u`,
    );
    const orgIndex = new Map(orgs.map((o, i) => [o.id, i]));
    const users: UserRec[] = existingUsers.rows.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      orgIdx: orgIndex.get(u.org_id) ?? 0,
      roles: u.roles ?? [],
    }));
    const usernames = new Set(users.map((u) => u.username.toLowerCase()));
    const userRng = new Rng(hash32(opts.seed, 3, 33));
    const pwHash = await hashPassword(BENCH_PASSWORD);
    const userBatch = new ColumnBatch('users', [
      { name: 'id', type: 'uuid' },
      { name: 'username', type: 'text' },
      { name: 'display_name', type: 'text' },
      { name: 'org_id', type: 'uuid' },
      { name: 'password_hash', type: 'text' },
      { name: 'must_change_password', type: 'bool' },
      { name: 'id_number_enc', type: 'text' },
      { name: 'mobile_enc', type: 'text' },
      { name: 'position', type: 'text' },
    ]);
    const roleBatch = new ColumnBatch('user_roles', [
      { name: 'user_id', type: 'uuid' },
      { name: 'role', type: 'text' },
    ]);
    const perOrgCount = new Map<number, number>();
    let userSerial = 0;
    const addUser = (
      orgIdx: number,
      fixed?: { username: string; displayName: string; roles: Role[]; position: string },
    ) => {
      const org = orgs[orgIdx] as OrgRec;
      const nth = perOrgCount.get(orgIdx) ?? 0;
      perOrgCount.set(orgIdx, nth + 1);
      const person = personName(userRng);
      let username = fixed?.username ?? person.pinyin;
      for (let k = 2; usernames.has(username.toLowerCase()); k++) username = `${person.pinyin}${k}`;
      usernames.add(username.toLowerCase());
      let roles: Role[];
      let position = userRng.pick(POSITIONS);
      const r = userRng.next();
      switch (org.type) {
        case 'justice_bureau':
          roles =
            nth === 0
              ? ['head']
              : r < 0.45
                ? ['reviewer']
                : r < 0.7
                  ? ['supervisor']
                  : r < 0.8
                    ? ['reviewer', 'supervisor']
                    : ['staff'];
          if (roles.includes('reviewer')) position = r < 0.2 ? '法制审核科科长' : '法制审核科科员';
          break;
        case 'government':
          roles = nth === 0 || r < 0.15 ? ['leader'] : ['staff'];
          if (roles[0] === 'leader') position = org.regionPath.split('/').length > 3 ? '副县长' : '副市长';
          break;
        case 'department':
        case 'township':
        case 'dispatched':
          roles = nth === 0 ? ['head'] : ['staff'];
          if (nth === 0)
            position = org.type === 'township' ? '乡镇长' : org.type === 'dispatched' ? '所长' : '局长';
          break;
        default:
          roles = ['staff'];
      }
      if (fixed) {
        roles = fixed.roles;
        position = fixed.position;
      }
      const id = uuidAt(opts.seed, SALT.user, userSerial++);
      const birth = isoOf(dayOf('1965-01-01') + userRng.int(0, 12_400)).replace(/-/g, '');
      const id17 = `${org.regionCode.slice(0, 6)}${birth}${String(userRng.int(0, 999)).padStart(3, '0')}`;
      const mobile = `1${userRng.pick(['3', '5', '7', '8', '9'])}${String(userRng.int(0, 999_999_999)).padStart(9, '0')}`;
      const displayName = fixed?.displayName ?? person.name;
      userBatch.push([
        id,
        username,
        displayName,
        org.id,
        pwHash,
        false,
        crypto.encrypt(id17 + idNumberCheckChar(id17)),
        crypto.encrypt(mobile),
        position,
      ]);
      for (const role of roles) roleBatch.push([id, role]);
      users.push({ id, username, displayName, orgIdx, roles });
      chain.add({
        ...sys,
        id: auditRng.uuid(),
        at: new Date(),
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        diff: { detail: { source: 'bench' }, changes: recordDiff(null, { username, roles }) },
      });
    };
    const benchOrgIdx = orgs.findIndex((o) => o.name === BENCH_ORG_NAME);
    if (benchOrgIdx < 0) throw new Error(`generate: organisation ${BENCH_ORG_NAME} (demo data) is missing`);
    if (!usernames.has(BENCH_USERNAME)) {
      addUser(benchOrgIdx, {
        username: BENCH_USERNAME,
        displayName: '基准审核员',
        roles: ['reviewer'],
        position: '法制审核科科员',
      });
    }
    const userWeights = orgs.map((o) => ORG_TYPE_USER_WEIGHT[o.type] ?? 1);
    for (let i = 0; i < opts.users; i++) {
      addUser(i < orgs.length ? i : userRng.weighted(userWeights));
      if (userBatch.size >= opts.batchSize) {
        await userBatch.flush(client);
        await roleBatch.flush(client);
      }
    }
    await userBatch.flush(client);
    await roleBatch.flush(client);
    await chain.flush(client);
    lap('users');

    // 4. Clocks: sample compactly (typed arrays), then load clocks and their audit entries concurrently.
    const seed = loadOfficialCalendarSeed();
    const cal: WorkCalendar = buildWorkCalendar(seed.entries, seed.officialYears);
    const n = opts.clocks;
    const todayN = dayOf(opts.today);
    const nowMs = Date.now();
    const MIN = dayOf('2024-01-01');
    const MAXDUE = dayOf('2027-12-31');
    const writersByOrg: number[][] = orgs.map(() => []);
    const anyUserByOrg: number[][] = orgs.map(() => []);
    users.forEach((u, i) => {
      anyUserByOrg[u.orgIdx]?.push(i);
      if (u.roles.some((r) => r === 'staff' || r === 'head' || r === 'reviewer'))
        writersByOrg[u.orgIdx]?.push(i);
    });
    const eligible: number[][][] = GROUPS.map((_, g) =>
      CLOCK_SPECS.map((s) =>
        orgs
          .map((o, i) => ({ o, i }))
          .filter(
            ({ o }) => o.group === g && s.orgTypes.includes(o.type) && (!s.enforcementOnly || o.enforcement),
          )
          .map(({ i }) => i),
      ),
    );
    const specWeights = eligible.map((perSpec) =>
      CLOCK_SPECS.map((s, k) => ((perSpec[k]?.length ?? 0) > 0 ? s.weight : 0)),
    );
    const approxDays = (s: ClockSpec) =>
      s.unit === 'calendar_days'
        ? s.amount
        : s.unit === 'working_days'
          ? Math.ceil(s.amount * 1.45) + 1
          : Math.round(s.amount * 30.44);

    const orgIdx = new Int32Array(n);
    const specIdx = new Uint8Array(n);
    const startDay = new Int32Array(n);
    const dueDay = new Int32Array(n);
    const provisional = new Uint8Array(n);
    const status = new Uint8Array(n);
    const doneDay = new Int32Array(n).fill(-1);
    const createdMs = new Float64Array(n);
    const doneMs = new Float64Array(n);
    const creator = new Int32Array(n);
    const titleSeed = new Uint32Array(n);
    const dueMemo = new Map<number, number>();
    const dueOf = (start: number, k: number): number => {
      const key = start * 32 + k;
      let v = dueMemo.get(key);
      if (v === undefined) {
        const s = CLOCK_SPECS[k] as ClockSpec;
        const r = computeDueDate(cal, { start: isoOf(start), amount: s.amount, unit: s.unit });
        v = dayOf(r.dueDate) * 2 + (r.provisional ? 1 : 0);
        dueMemo.set(key, v);
      }
      return v;
    };
    const cr = new Rng(hash32(opts.seed, 4, 44));
    const statusTargets = Object.values(STATUS_TARGET);
    let nDone = 0;
    const groupWeights = GROUPS.map((x) => x.weight);
    for (let i = 0; i < n; i++) {
      const g = cr.weighted(groupWeights);
      let target = cr.weighted(statusTargets);
      let k = 0;
      let lo = 0;
      let hi = -1;
      for (let tries = 0; tries < 20 && lo > hi; tries++) {
        if (tries === 19) target = 3; // completed always has a range
        k = cr.weighted(specWeights[g] as number[]);
        const s = CLOCK_SPECS[k] as ClockSpec;
        const P = approxDays(s);
        const w = s.warningDays;
        if (target === 0) [lo, hi] = [Math.max(MIN, todayN - P + w + 1), Math.min(todayN, MAXDUE - P)];
        else if (target === 1) [lo, hi] = [Math.max(MIN, todayN - P), Math.min(todayN, todayN - P + w)];
        else if (target === 2)
          [lo, hi] = [Math.max(MIN, todayN - P - 150), Math.min(todayN - 1, todayN - P - 1)];
        else [lo, hi] = [MIN, Math.min(todayN - 1, MAXDUE - P)];
      }
      const spec = CLOCK_SPECS[k] as ClockSpec;
      const u = cr.next();
      const start =
        target === 2 ? hi - Math.floor((hi - lo + 1) * u * u) : lo + Math.floor((hi - lo + 1) * u);
      const due2 = dueOf(start, k);
      const due = due2 >> 1;
      const list = eligible[g]?.[k] as number[];
      const o = list[Math.floor(cr.next() * list.length)] as number;
      const writers = writersByOrg[o]?.length ? (writersByOrg[o] as number[]) : (anyUserByOrg[o] ?? []);
      const createdDay = Math.min(todayN, start + (cr.chance(0.7) ? 0 : cr.int(1, 2)));
      let created = officeInstant(createdDay, cr.next());
      if (created > nowMs - 3_600_000)
        created = Math.floor((nowMs - 3_600_000 - cr.next() * 6 * 3_600_000) / 1000) * 1000;
      orgIdx[i] = o;
      specIdx[i] = k;
      startDay[i] = start;
      dueDay[i] = due;
      provisional[i] = due2 & 1;
      createdMs[i] = created;
      creator[i] = writers.length ? (writers[Math.floor(cr.next() * writers.length)] as number) : -1;
      titleSeed[i] = cr.u32();
      if (target === 3) {
        let done: number;
        if (due < todayN)
          done = cr.chance(0.06)
            ? Math.min(todayN, due + cr.int(1, 30))
            : createdDay + Math.floor(cr.next() * (due - createdDay + 1));
        else done = createdDay + Math.floor(cr.next() * (todayN - createdDay + 1));
        done = Math.max(done, createdDay);
        let dm = officeInstant(done, cr.next());
        if (dm <= created) dm = created + 600_000 + Math.floor(cr.next() * 3_600) * 1000;
        if (dm > nowMs) dm = Math.max(created + 1000, Math.floor(nowMs / 1000) * 1000 - 60_000);
        doneDay[i] = done;
        doneMs[i] = dm;
        status[i] = 3;
        nDone++;
      } else {
        const left = due - todayN;
        status[i] = left < 0 ? 2 : left <= spec.warningDays ? 1 : 0;
      }
    }
    // Cross-check the stored status against the contracts' own evaluation on a sample.
    for (let i = 0; i < Math.min(n, 2000); i++) {
      const s = CLOCK_SPECS[specIdx[i] as number] as ClockSpec;
      const ev = evaluateClock(
        cal,
        {
          start: isoOf(startDay[i] as number),
          amount: s.amount,
          unit: s.unit,
          pauses: [],
          extensions: [],
          completedOn: (doneDay[i] as number) >= 0 ? isoOf(doneDay[i] as number) : null,
          warningDays: s.warningDays,
        },
        opts.today,
      );
      if (ev.status !== STATUS_CODES[status[i] as number] || ev.dueDate !== isoOf(dueDay[i] as number)) {
        throw new Error(`generate: clock ${i} disagrees with evaluateClock (${ev.status} ${ev.dueDate})`);
      }
    }
    // Creation order (the heap's physical order, and the audit chain's order): sort packed keys
    // (whole seconds × 2^22 + index, exact in a double) without a comparator — fast and allocation-free.
    if (n + nDone >= 2 ** 22) throw new Error('generate: at most 2,097,151 clocks per dataset');
    const sortedBy = (
      count: number,
      keyOf: (x: number) => number,
      idOf: (j: number) => number,
    ): Uint32Array => {
      const keys = new Float64Array(count);
      for (let j = 0; j < count; j++) {
        const x = idOf(j);
        keys[j] = Math.floor(keyOf(x) / 1000) * 4_194_304 + x;
      }
      keys.sort();
      const out = new Uint32Array(count);
      for (let j = 0; j < count; j++) out[j] = (keys[j] as number) % 4_194_304;
      return out;
    };
    const order = sortedBy(
      n,
      (i) => createdMs[i] as number,
      (j) => j,
    );
    const evIds = new Uint32Array(n + nDone);
    let e = 0;
    for (let i = 0; i < n; i++) {
      evIds[e++] = i * 2;
      if (status[i] === 3) evIds[e++] = i * 2 + 1;
    }
    const events = sortedBy(
      evIds.length,
      (x) => (x & 1 ? doneMs[x >>> 1] : createdMs[x >>> 1]) as number,
      (j) => evIds[j] as number,
    );
    lap(`clock sampling (${n.toLocaleString('en')} clocks, ${nDone.toLocaleString('en')} completed)`);

    const clockRecord = (i: number) => {
      const spec = CLOCK_SPECS[specIdx[i] as number] as ClockSpec;
      const org = orgs[orgIdx[i] as number] as OrgRec;
      const r = new Rng(titleSeed[i] as number);
      const title = clockTitle(spec, r, org);
      const start = startDay[i] as number;
      const subjectId = r.chance(0.85)
        ? `${GROUPS[org.group]?.short ?? '豫'}${SUBJECT_ABBR[spec.key] ?? ''}〔${isoOf(start).slice(0, 4)}〕${r.int(1, 3000)}号`
        : null;
      const u = (creator[i] as number) >= 0 ? users[creator[i] as number] : undefined;
      const done = doneDay[i] as number;
      return {
        rec: {
          id: uuidAt(opts.seed, SALT.clock, i),
          orgId: org.id,
          regionPath: org.regionPath,
          title,
          subjectType: spec.subjectType,
          subjectId,
          startEvent: spec.startEvent,
          startDate: isoOf(start),
          amount: spec.amount,
          unit: spec.unit,
          legalBasis: spec.legalBasis,
          warningDays: spec.warningDays,
          dueDate: isoOf(dueDay[i] as number),
          provisional: provisional[i] === 1,
          status: STATUS_CODES[status[i] as number] as string,
          completedOn: done >= 0 ? isoOf(done) : null,
          createdBy: u?.id ?? null,
          version: done >= 0 ? 2 : 1,
          createdAt: new Date(createdMs[i] as number),
          updatedAt: new Date(done >= 0 ? (doneMs[i] as number) : (createdMs[i] as number)),
        },
        spec,
        org,
        user: u,
      };
    };

    const indexDefs = await dropSecondaryIndexes(client, ['clocks', 'audit_log']);
    log(`  dropped ${indexDefs.length} secondary indexes for the load`);
    const tLoad = performance.now();
    let clocksLoaded = 0;
    let clockDbMs = 0;
    let auditDbMs = 0;
    const progress = () => {
      const s = (performance.now() - tLoad) / 1000;
      log(
        `  … ${clocksLoaded.toLocaleString('en')} clocks, ${chain.written.toLocaleString('en')} audit entries (${s.toFixed(0)} s; ` +
          `waiting on INSERT: clocks ${(clockDbMs / 1000).toFixed(0)} s, audit ${(auditDbMs / 1000).toFixed(0)} s)`,
      );
    };
    const timed = async (p: Promise<number | void>, add: (ms: number) => void) => {
      const t = performance.now();
      const r = await p;
      add(performance.now() - t);
      return r;
    };
    const loadClocks = async () => {
      const batch = new ColumnBatch('clocks', CLOCK_COLUMNS);
      for (let j = 0; j < n; j++) {
        const { rec } = clockRecord(order[j] as number);
        batch.push([
          rec.id,
          rec.orgId,
          rec.regionPath,
          rec.title,
          rec.subjectType,
          rec.subjectId,
          rec.startEvent,
          rec.startDate,
          rec.amount,
          rec.unit,
          rec.legalBasis,
          rec.warningDays,
          rec.dueDate,
          rec.provisional,
          rec.status,
          rec.completedOn,
          rec.createdBy,
          rec.version,
          rec.createdAt.toISOString(),
          rec.updatedAt.toISOString(),
        ]);
        if (batch.size >= opts.batchSize) {
          clocksLoaded += (await timed(batch.flush(client2), (ms) => (clockDbMs += ms))) as number;
          if (clocksLoaded % 100_000 === 0) progress();
        }
      }
      clocksLoaded += (await timed(batch.flush(client2), (ms) => (clockDbMs += ms))) as number;
    };
    // clock.create carries the record as created (audit.service: { changes: recordDiff(null, after) });
    // clock.complete the three fields the completion changes. Both are serialised directly in canonical
    // form (sorted keys); samples are checked against recordDiff + canonicalJson below and in addCanonical.
    const CREATE_KEYS = [
      'amount',
      'completedOn',
      'createdBy',
      'dueDate',
      'id',
      'legalBasis',
      'orgId',
      'provisional',
      'regionPath',
      'startDate',
      'startEvent',
      'status',
      'subjectId',
      'subjectType',
      'title',
      'unit',
      'version',
      'warningDays',
    ].sort();
    const createDiffJson = (snap: Record<string, unknown>) => {
      const parts: string[] = [];
      for (const k of CREATE_KEYS) {
        const v = snap[k];
        if (v !== null && v !== undefined)
          parts.push(`${JSON.stringify(k)}:{"from":null,"to":${JSON.stringify(v)}}`);
      }
      return `{"changes":{${parts.join(',')}}}`;
    };
    const loadAudit = async () => {
      const ipOf = (x: number, g: number) => `10.${41 + g}.${(x >>> 8) & 255}.${x & 255 || 1}`;
      for (let j = 0; j < events.length; j++) {
        const ev = events[j] as number;
        const i = ev >>> 1;
        const spec = CLOCK_SPECS[specIdx[i] as number] as ClockSpec;
        const user = (creator[i] as number) >= 0 ? users[creator[i] as number] : undefined;
        const actor = user
          ? {
              actorId: user.id,
              actorName: `${user.displayName}(${user.username})`,
              orgId: (orgs[user.orgIdx] as OrgRec).id,
            }
          : { actorId: null, actorName: 'system', orgId: null };
        const h = hash32(opts.seed, ev, SALT.request);
        const common = {
          ...actor,
          id: uuidAt(opts.seed, SALT.audit, ev),
          entityType: 'clock',
          entityId: uuidAt(opts.seed, SALT.clock, i),
          requestId: uuidAt(opts.seed, SALT.request, ev),
          ip: ipOf(h, (orgs[orgIdx[i] as number] as OrgRec).group),
          outcome: 'ok',
        };
        const due = dueDay[i] as number;
        const statusOn = (day: number) =>
          due - day < 0 ? 'overdue' : due - day <= spec.warningDays ? 'due_soon' : 'normal';
        let diff: Record<string, unknown>;
        let diffJson: string;
        let at: Date;
        if ((ev & 1) === 0) {
          const { rec } = clockRecord(i);
          diff = {
            ...rec,
            status: statusOn(Math.floor((createdMs[i] as number) / DAY_MS)),
            completedOn: null,
            version: 1,
            updatedAt: rec.createdAt,
          };
          diffJson = createDiffJson(diff);
          at = rec.createdAt;
          chain.addCanonical({ ...common, at, action: 'clock.create' }, diffJson);
        } else {
          const done = doneDay[i] as number;
          diff = { status: statusOn(done), completedOn: null, version: 1 };
          diffJson = `{"changes":{"completedOn":{"from":null,"to":${JSON.stringify(isoOf(done))}},"status":{"from":${JSON.stringify(diff.status)},"to":"completed"},"version":{"from":1,"to":2}}}`;
          at = new Date(doneMs[i] as number);
          chain.addCanonical({ ...common, at, action: 'clock.complete' }, diffJson);
        }
        if (j % 4999 === 0) {
          // The serialised diff is exactly what audit.service would build with recordDiff.
          const after =
            (ev & 1) === 0
              ? diff
              : { status: 'completed', completedOn: isoOf(doneDay[i] as number), version: 2 };
          const reference = canonicalJson({ changes: recordDiff((ev & 1) === 0 ? null : diff, after) });
          if (reference !== diffJson)
            throw new Error(`generate: audit diff differs from recordDiff: ${diffJson} vs ${reference}`);
        }
        if (chain.batch.size >= opts.batchSize) await timed(chain.flush(client), (ms) => (auditDbMs += ms));
      }
      await timed(chain.flush(client), (ms) => (auditDbMs += ms));
    };
    await Promise.all([loadClocks(), loadAudit()]);
    progress();
    await client.query(`select setval(pg_get_serial_sequence('audit_log', 'seq'), $1)`, [chain.lastSeq]);
    await client.query('select pg_advisory_unlock(7301002)');
    lap('load clocks + audit_log');

    await recreateIndexes(client, indexDefs, log);
    lap('rebuild indexes');
    for (const t of ['regions', 'organisations', 'users', 'user_roles', 'clocks', 'audit_log'])
      await client.query(`vacuum (analyze) "${t}"`);
    lap('vacuum analyze');

    const counts: Record<string, number> = {};
    for (const t of ['regions', 'organisations', 'users', 'clocks', 'audit_log']) {
      const r = await client.query<{ n: string }>(`select count(*) as n from "${t}"`);
      counts[t] = Number(r.rows[0]?.n);
    }
    const scoped = await client.query<{ n: string }>(
      `select count(*) as n from clocks where region_path like $1`,
      [`${BENCH_SCOPE_PATH}%`],
    );
    counts.clocksInBenchScope = Number(scoped.rows[0]?.n);
    const byStatus = await client.query<{ status: string; n: string }>(
      'select status, count(*) as n from clocks group by status',
    );
    for (const r of byStatus.rows) counts[`clocks.${r.status}`] = Number(r.n);
    timings.total = Math.round(performance.now() - tAll);
    const version = await client.query<{ v: string }>('select version() as v');
    const info: DatasetInfo = {
      params: {
        regions: opts.regions,
        orgs: opts.orgs,
        users: opts.users,
        clocks: opts.clocks,
        seed: opts.seed,
        today: opts.today,
      },
      counts,
      timings,
      generatedAt: new Date().toISOString(),
      databaseVersion: version.rows[0]?.v ?? '',
    };
    await client.query(
      `insert into settings (key, value) values ($1, $2::jsonb) on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [DATASET_SETTINGS_KEY, JSON.stringify(info)],
    );
    log(
      `  generated ${counts.clocks?.toLocaleString('en')} clocks in ${(timings.total / 1000).toFixed(1)} s (demo orgs: ${demoOrgCount})`,
    );
    return info;
  } finally {
    await client.end().catch(() => undefined);
    await client2.end().catch(() => undefined);
  }
}

export function generateOptionsFromArgs(
  args: Map<string, string>,
  log: (m: string) => void,
): GenerateOptions {
  return {
    regions: intFlag(args, 'regions', DEFAULTS.regions),
    orgs: intFlag(args, 'orgs', DEFAULTS.orgs),
    users: intFlag(args, 'users', DEFAULTS.users),
    clocks: intFlag(args, 'clocks', DEFAULTS.clocks),
    seed: intFlag(args, 'seed', DEFAULTS.seed),
    today: flag(args, 'today') ?? shanghaiToday(),
    batchSize: intFlag(args, 'batch', DEFAULTS.batchSize),
    log,
  };
}

/** Stand-alone use (and run.ts's generation child): generate into --database-url URL or a fresh --data-dir DIR. */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { openBenchRuntime, OUT_DIR } = await import('./lib/databases');
  const log = (m: string) => console.log(m);
  const url = flag(args, 'database-url');
  const dataDir = flag(args, 'data-dir');
  if (!url && !dataDir) throw new Error('generate: give --database-url URL or --data-dir DIR');
  const rt = await openBenchRuntime({ databaseUrl: url, dataDir: dataDir ?? OUT_DIR });
  try {
    const info = await generateDataset(
      rt.runtime.database,
      rt.runtime.databaseUrl,
      rt.config,
      rt.runtime.crypto,
      generateOptionsFromArgs(args, log),
    );
    console.log(`${DATASET_LINE}${JSON.stringify(info)}`);
  } finally {
    await rt.runtime.shutdown();
  }
}

/** Prefix of the result line the generation child prints for run.ts. */
export const DATASET_LINE = 'BENCH_DATASET ';

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
