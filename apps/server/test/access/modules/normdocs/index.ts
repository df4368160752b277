import type { ModuleFixture } from '../types';
import { documentsFixture } from './documents.fixture';
import { commentsFixture } from './comments.fixture';
import { filingsFixture } from './filings.fixture';
import { registersFixture } from './registers.fixture';
import { cleanupFixture } from './cleanup.fixture';
import { catalogueFixture } from './catalogue.fixture';
import { figuresFixture } from './figures.fixture';

/** Documents first: the other areas' fixtures may use its `docId` (a published, in-force document of dept A). */
export const normdocFixtures: ModuleFixture[] = [
  documentsFixture,
  commentsFixture,
  filingsFixture,
  registersFixture,
  cleanupFixture,
  catalogueFixture,
  figuresFixture,
];
