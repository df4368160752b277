// What other modules may use from the users module.
export { userRoutes } from './users.routes';
export { createUserTx, assignRoles } from './users.service';
export { replaceRoles } from './users.repository';
