/** Minimal `--name value` / `--flag` parser (no dependency). */
export function parseArgs(argv: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('--')) throw new Error(`unexpected argument: ${a}`);
    const eq = a.indexOf('=');
    if (eq > 0) {
      out.set(a.slice(2, eq), a.slice(eq + 1));
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out.set(a.slice(2), next);
      i++;
    } else out.set(a.slice(2), 'true');
  }
  return out;
}

export const flag = (args: Map<string, string>, name: string): string | undefined => args.get(name);

export function intFlag(args: Map<string, string>, name: string, def: number): number {
  const v = args.get(name);
  if (v === undefined) return def;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got ${v}`);
  return Math.floor(n);
}

export const boolFlag = (args: Map<string, string>, name: string): boolean => {
  const v = args.get(name);
  return v !== undefined && v !== 'false' && v !== '0';
};
