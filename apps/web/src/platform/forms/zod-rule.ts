import type { FormRule } from 'antd';
import type { z } from 'zod';

/**
 * An antd Form rule that runs a contract schema on the field, so the web validates exactly as the
 * server will and shows the contract's Chinese message. Empty values pass (use `required` for those).
 */
export function zodRule(schema: z.ZodType, message?: string): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(message ?? result.error.issues[0]?.message ?? '');
    },
  };
}

/** A rule from a plain predicate. */
export function checkRule(test: (value: string) => boolean, message: string): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      if (!test(String(value))) throw new Error(message);
    },
  };
}
