import { isValidUscc } from '@fazhi/contracts';

export type OrgRef = { name: string; uscc: string | null; regionCode: string };

/**
 * Organisations a cell may name — by 统一社会信用代码 or by full name. Indexed, because 5,000 rows each
 * naming one of thousands of units must not scan them all.
 */
export class OrgIndex<T extends OrgRef> {
  private byName = new Map<string, T[]>();
  private byUscc = new Map<string, T[]>();
  constructor(items: T[] = []) {
    for (const i of items) this.add(i);
  }
  add(item: T): void {
    this.byName.set(item.name, [...(this.byName.get(item.name) ?? []), item]);
    if (item.uscc) this.byUscc.set(item.uscc, [...(this.byUscc.get(item.uscc) ?? []), item]);
  }
  /** The one unit `value` names; several of one name are narrowed to `preferRegion`. Else a Chinese reason. */
  pick(value: string, preferRegion: string | null): T | { error: string } {
    const code = value.toUpperCase();
    let hits = (isValidUscc(code) ? this.byUscc.get(code) : this.byName.get(value)) ?? [];
    if (hits.length > 1 && preferRegion) {
      const local = hits.filter((c) => c.regionCode === preferRegion);
      if (local.length) hits = local;
    }
    if (hits.length === 1) return hits[0] as T;
    if (hits.length > 1)
      return { error: `有 ${hits.length} 个名为“${value}”的单位，请改填其统一社会信用代码` };
    return { error: `单位“${value}”不存在或不在您的管辖范围内` };
  }
}

export const str = (v: unknown) => (typeof v === 'string' ? v : null);
