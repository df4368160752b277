import type { ModuleFixture } from '../types';
import { bodiesFixture } from './bodies.fixture';
import { delegationFixture } from './delegation.fixture';
import { evaluationFixture } from './evaluation.fixture';
import { figuresFixture } from './figures.fixture';
import { inspectionsFixture } from './inspections.fixture';
import { lenientFixture } from './lenient.fixture';
import { officersFixture } from './officers.fixture';
import { supervisionFixture } from './supervision.fixture';

/** Bodies and officers first: the other areas' fixtures may use their ids. */
export const enforcementFixtures: ModuleFixture[] = [
  bodiesFixture,
  officersFixture,
  inspectionsFixture,
  lenientFixture,
  evaluationFixture,
  supervisionFixture,
  delegationFixture,
  figuresFixture,
];
