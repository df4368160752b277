import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * How responses are written. Every route declares its response with a zod schema from the contracts (the
 * OpenAPI document is generated from it either way):
 *  - validate (tests, FAZHI_VALIDATE_RESPONSES=1): zod parses every response before JSON.stringify, so a
 *    service that drifts from its contract fails with a 500 and the test shows it;
 *  - otherwise: fast-json-stringify compiled once per route from the schema's JSON Schema
 *    (`z.toJSONSchema`, output side). Like zod it writes only the declared properties, so nothing a service
 *    did not mean to publish leaves the server, but it does not re-check values the server built itself.
 *    Measured on the 期限台账 list (20 records): zod parse + JSON.stringify cost about twice this.
 * A schema that has no JSON Schema form (transforms, dates…) keeps the zod serializer.
 */
export function responseSerializerCompiler(validate: boolean): FastifySerializerCompiler<unknown> {
  if (validate) return zodSerializerCompiler as FastifySerializerCompiler<unknown>;
  return (route) => {
    const schema = route.schema as unknown;
    if (!(schema instanceof z.ZodType)) return zodSerializerCompiler(route as never);
    let json: Record<string, unknown>;
    try {
      json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'throw' }) as Record<
        string,
        unknown
      >;
    } catch {
      return zodSerializerCompiler(route as never);
    }
    return fastJson(simplify(json) as never) as (data: unknown) => string;
  };
}

/**
 * fast-json-stringify decides an `anyOf` at run time with a JSON Schema validator; zod writes every
 * `.nullable()` as `anyOf: [X, {type: 'null'}]`. Where every branch is a plain type this becomes the
 * equivalent `type: [X, 'null']`, which it serialises directly. Validation-only keywords are dropped.
 */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'pattern' || k === 'enum' || k === 'const' || k === 'description') continue;
    out[k] = simplify(v);
  }
  const any = out.anyOf;
  if (Array.isArray(any) && any.every(isPlainType)) {
    const types = [...new Set(any.map((b) => (b as { type: string }).type))];
    delete out.anyOf;
    out.type = types.length === 1 ? types[0] : types;
    const format = any.map((b) => (b as { format?: string }).format).find(Boolean);
    if (format) out.format = format;
  }
  return out;
}

const PLAIN = new Set(['string', 'number', 'integer', 'boolean', 'null']);
function isPlainType(b: unknown): boolean {
  if (!b || typeof b !== 'object') return false;
  const t = (b as { type?: unknown }).type;
  return (
    typeof t === 'string' &&
    PLAIN.has(t) &&
    Object.keys(b).every((k) =>
      ['type', 'format', 'minimum', 'maximum', 'minLength', 'maxLength'].includes(k),
    )
  );
}
