import { clockPageSchema } from '@fazhi/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from './serializer';

const compile = (validate: boolean, schema: unknown) =>
  responseSerializerCompiler(validate)({
    schema,
    method: 'GET',
    url: '/t',
    httpStatus: '200',
  } as never) as (d: unknown) => string;

const clock = (over: Record<string, unknown> = {}) => ({
  id: '3f0c1d6e-8a1b-4c2d-9e3f-4a5b6c7d8e9f',
  orgId: '9d8b3147-acfe-42f0-90d7-04e9d6067050',
  orgName: '三门峡市司法局 "复议" \\ 科',
  regionCode: '411200',
  title: '行政复议申请\n某公司',
  subjectType: 'manual',
  subjectId: null,
  startEvent: '收到申请',
  startDate: '2026-10-01',
  amount: 60,
  unit: 'calendar_days',
  legalBasis: '《行政复议法》第六十二条',
  warningDays: 3,
  dueDate: '2026-11-30',
  provisional: false,
  status: 'normal',
  completedOn: null,
  pauses: [
    {
      id: '1f0c1d6e-8a1b-4c2d-9e3f-4a5b6c7d8e9f',
      kind: 'suspend',
      from: '2026-10-05',
      to: null,
      reason: '鉴定',
    },
  ],
  extensions: [],
  version: 2,
  actions: ['endPause', 'extend', 'complete'],
  ...over,
});

describe('response serializer', () => {
  it('writes the 期限台账 page exactly as zod + JSON.stringify would', () => {
    const page = {
      items: [clock(), clock({ subjectId: 'A-1', completedOn: '2026-11-02', pauses: [] })],
      total: 10000,
      totalCapped: true,
      page: 1,
      pageSize: 20,
    };
    expect(compile(false, clockPageSchema)(page)).toBe(compile(true, clockPageSchema)(page));
    expect(compile(false, clockPageSchema)(page)).toBe(JSON.stringify(clockPageSchema.parse(page)));
  });

  it('writes only declared fields, like zod', () => {
    const schema = z.object({ id: z.string(), name: z.string().nullable() });
    const out = compile(false, schema)({ id: 'a', name: null, passwordHash: 'secret' });
    expect(JSON.parse(out)).toEqual({ id: 'a', name: null });
  });

  it('keeps zod for schemas without a JSON Schema form', () => {
    const schema = z.object({ at: z.date() });
    expect(() => compile(false, schema)({ at: 'not a date' })).toThrow();
  });

  it('zod-checks responses when asked to (tests), so a drifted contract fails', () => {
    const schema = z.object({ n: z.number().int() });
    expect(() => compile(true, schema)({ n: '1' })).toThrow();
  });
});
