import type { TestEnv } from '../../harness';
import type { World } from '../fixtures';

/**
 * A module's part of the access matrix: the target records it creates in region A (ids by name), how to fill
 * its routes' path parameters, and a sample body per write route (one that would succeed in scope).
 */
export type ModuleFixture = {
  setup: (env: TestEnv, world: World) => Promise<Record<string, string>>;
  paths: (ids: Record<string, string>, world: World) => [RegExp, Record<string, string>][];
  samples: (ids: Record<string, string>, world: World, n: number) => Record<string, unknown>;
  /** Routes with path parameters whose records are not jurisdiction-scoped, with the reason. */
  unscoped?: Record<string, string>;
};
