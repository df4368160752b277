import type { E2eTest } from './harness';
import { adminFlows } from './flows/admin';
import { authFlows } from './flows/auth';
import { timeLimitFlows } from './flows/time-limits';

const [firstLogin, logout, lockout, english] = authFlows;
const [createOrg, exportUsers, assignRoles, auditLog] = adminFlows;
const [dueDate, createClock] = timeLimitFlows;

/** The browser flows, in the order of the brief; each runs in a fresh browser context (e2e/run.ts). */
export const tests: E2eTest[] = [
  firstLogin,
  createOrg,
  exportUsers,
  logout,
  dueDate,
  lockout,
  assignRoles,
  auditLog,
  english,
  createClock,
].filter((t): t is E2eTest => t !== undefined);
