// What other modules may use from the org module.
export { orgRoutes } from './org.routes';
export { createOrgTx, createRegion, getOrg, listOrgs, toOrgDto } from './org.service';
export { findOrgById, findRegion } from './org.repository';
