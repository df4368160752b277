import type { Clock } from '@fazhi/contracts';
import { expect } from 'vitest';
import type { Client, Res } from '../harness';

/** A 行政复议 decision clock: 60 days from acceptance (行政复议法 第六十二条), accepted Monday 2025-08-04 → due 2025-10-09. */
export function reconsiderationClock(patch: Record<string, unknown> = {}) {
  return {
    title: `行政复议案件${Math.random().toString(36).slice(2, 8)}`,
    startEvent: '受理行政复议申请',
    startDate: '2025-08-04',
    amount: 60,
    unit: 'calendar_days',
    legalBasis: '《行政复议法》第六十二条',
    warningDays: 7,
    ...patch,
  };
}

export async function createClock(c: Client, patch: Record<string, unknown> = {}): Promise<Clock> {
  const res = await c.post<Clock>('/api/clocks', reconsiderationClock(patch));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

export type ErrBody = { code: string; message: string };

/** Asserts a coded error with a Chinese message. */
export function expectError(res: Res<unknown>, status: number, code: string, message?: string | RegExp) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const body = res.body as ErrBody;
  expect(body.code).toBe(code);
  expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
  if (message) expect(body.message).toMatch(message);
}
