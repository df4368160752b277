// What other modules may use from the reports module.
export { reportsRoutes } from './reports.routes';
