/**
 * The Excel import kinds and their routes: the platform's import framework (platform/excel/import) bound
 * to the org and users modules through their index.ts. Each kind's commit writes through the module's own
 * service functions (createOrgTx, createUserTx), so every row gets its scope check, business checks and
 * audit entry exactly as when entered by hand.
 */
import type { FastifyPluginAsync } from 'fastify';
import { importRoutes as importRoutesPlugin } from '../platform/excel/import.routes';
import { type AnyImportKind } from '../platform/excel/import';
import { normdocImportKind } from './normdocs.import';
import { enforcementOfficerImportKind } from './enforcement-officers.import';
import { enforcementEnterpriseImportKind } from './enforcement-enterprises.import';
import { orgImportKind } from './orgs.import';
import { userImportKind } from './users.import';

export { normdocImportKind, orgImportKind, userImportKind, enforcementOfficerImportKind };

export const IMPORT_KINDS: readonly AnyImportKind[] = [
  orgImportKind,
  userImportKind,
  normdocImportKind,
  enforcementOfficerImportKind,
  enforcementEnterpriseImportKind,
];

export function findImportKind(name: string): AnyImportKind | undefined {
  return IMPORT_KINDS.find((k) => k.name === name);
}

/** The import routes with this application's kinds; app.ts registers it under /api. */
export const importRoutes: FastifyPluginAsync = async (app) => {
  await app.register(importRoutesPlugin, { kinds: IMPORT_KINDS });
};
export default importRoutes;
