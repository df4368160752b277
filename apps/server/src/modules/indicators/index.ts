// What other modules may use from the indicators module.
export { indicatorsRoutes } from './indicators.routes';
