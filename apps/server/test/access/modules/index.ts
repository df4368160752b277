import type { ModuleFixture } from './types';
import { normdocFixtures } from './normdocs';

/** Every module's access-matrix fixtures; a module adds its own file under this folder. */
export const moduleFixtures: ModuleFixture[] = [...normdocFixtures];
