import { sql } from 'drizzle-orm';
import type { ModuleFixture } from './types';

/*
 * Access-matrix fixture of the indicators module (catalogue, values, indicator systems). The target is a local
 * indicator owned by region A (editable only by reviewers of A or above). Its code and the seeded system's ids
 * are kept here rather than in `world.extra`: the catalogue and the systems are reference data that regions
 * below A legitimately list (a city's local indicator is filled in by its counties), so they are not "leaks".
 * Write samples carry a stale version: in scope they answer 409, so the matrix never changes the targets.
 */
const LOCAL_CODE = 'matrix_local_indicator_a';
const ids = { systemId: '', itemId: '' };

export const indicatorsFixture: ModuleFixture = {
  setup: async (env, w) => {
    await env.database.db.execute(sql`
      insert into indicators (code, name, unit, kind, rollup, local, owner_region_code)
      values (${LOCAL_CODE}, '访问矩阵本地指标', '件', 'collected', 'sum', true, ${w.regions.A.code})`);
    const sys = await env.database.db.execute<{ id: string; item_id: string }>(sql`
      select s.id, (select i.id from indicator_system_items i where i.system_id = s.id order by i.sort limit 1) as item_id
        from indicator_systems s order by s.created_at limit 1`);
    ids.systemId = sys.rows[0]?.id ?? '';
    ids.itemId = sys.rows[0]?.item_id ?? '';
    return {};
  },
  paths: () => [
    [/^\/api\/indicator-system-items\/:id/, { id: ids.itemId }],
    [/^\/api\/indicator-systems\/:id/, { id: ids.systemId }],
    [/^\/api\/indicator-values\/:code\/provenance/, { code: 'legal_advisors_engaged' }],
    [/^\/api\/indicators\/:code/, { code: LOCAL_CODE }],
  ],
  samples: (_ids, _w, n) => ({
    'POST /api/indicators': { code: `matrix_new_${n}`, name: '矩阵新增指标', unit: '件' },
    'PUT /api/indicators/:code': { name: '矩阵修改', version: 99 },
    'POST /api/indicator-systems': { code: 'matrix_system', name: '矩阵指标体系', edition: `第${n}版` },
    'PUT /api/indicator-systems/:id': { note: '矩阵', version: 999 },
    'POST /api/indicator-systems/:id/items': { number: '1', text: '矩阵条目', version: 999 },
    'PUT /api/indicator-system-items/:id': { text: '矩阵条目', version: 999 },
  }),
  unscoped: {
    'GET /api/indicators/:code':
      'the catalogue is reference data: seeded indicators are national, a local indicator of region A is used (filled in) by the regions below A; the local indicator is not editable from A1 or B (PUT answers 404, indicators.test.ts)',
    'GET /api/indicator-values/:code/provenance':
      ':code names a catalogue indicator, not a record; the region is the caller’s own unless regionCode/orgId is given, which must lie in the caller’s scope (values.test.ts checks the 404)',
    'GET /api/indicator-systems/:id':
      'an indicator system (市县法治政府建设示范指标体系) is a national standard shared by every region',
    'PUT /api/indicator-systems/:id':
      'an indicator system is a national standard maintained by reviewers of any region',
    'POST /api/indicator-systems/:id/items':
      'an indicator system is a national standard maintained by reviewers of any region',
    'PUT /api/indicator-system-items/:id':
      'an indicator system is a national standard maintained by reviewers of any region',
  },
};
