export { lazyPage, PageSpinner } from './lazy-page';
export { isRouteHandle, type MenuEntry, type ModuleDefinition, type RouteHandle } from './types';
