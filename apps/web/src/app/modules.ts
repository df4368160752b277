import { auditModule } from '../modules/audit';
import { calendarModule } from '../modules/calendar';
import { clocksModule } from '../modules/clocks';
import { homeModule } from '../modules/home';
import { normdocsModule } from '../modules/normdocs';
import { indicatorsModule } from '../modules/indicators';
import { collectionModule } from '../modules/collection';
import { reportsModule } from '../modules/reports';
import { enforcementModule } from '../modules/enforcement';
import { orgModule } from '../modules/org';
import { securityModule } from '../modules/security';
import { usersModule } from '../modules/users';
import type { ModuleDefinition } from '../platform/navigation';

/** The business modules, in menu order. */
export const modules: ModuleDefinition[] = [
  homeModule,
  clocksModule,
  normdocsModule,
  collectionModule,
  reportsModule,
  enforcementModule,
  indicatorsModule,
  calendarModule,
  orgModule,
  usersModule,
  securityModule,
  auditModule,
];
