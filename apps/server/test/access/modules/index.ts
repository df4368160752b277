import { collectionFixture } from './collection.fixture';
import { indicatorsFixture } from './indicators.fixture';
import { indicatorsExtraFixture } from './indicators-extra.fixture';
import type { ModuleFixture } from './types';
import { normdocFixtures } from './normdocs';
import { enforcementFixtures } from './enforcement';
import { reportsFixture } from './reports.fixture';

/** Every module's access-matrix fixtures; a module adds its own file under this folder. */
export const moduleFixtures: ModuleFixture[] = [
  ...normdocFixtures,
  indicatorsFixture,
  indicatorsExtraFixture,
  collectionFixture,
  reportsFixture,
  ...enforcementFixtures,
];
