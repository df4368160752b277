import type { Permission } from '@fazhi/contracts';
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Bilingual } from '../i18n';

/** One side-menu entry; shown only when the user holds `permission`. */
export interface MenuEntry {
  path: string;
  label: Bilingual;
  permission?: Permission;
  /** `data-testid` of the menu item, e.g. `menu-users`. */
  testId: string;
}

/** What a business module contributes to the shell: a menu group and its routes. */
export interface ModuleDefinition {
  key: string;
  label: Bilingual;
  icon: ReactNode;
  menu: MenuEntry[];
  /** Routes rendered inside the authenticated layout. */
  routes: RouteObject[];
  /** Public portal routes (no login), rendered under `/portal` in the portal layout. */
  publicRoutes?: RouteObject[];
  /** Links on the portal's home page. */
  portalEntries?: { path: string; label: Bilingual; description?: Bilingual; testId: string }[];
}

/** `handle` of a route: its breadcrumb. */
export interface RouteHandle {
  crumb?: Bilingual;
}

export function isRouteHandle(value: unknown): value is RouteHandle {
  return typeof value === 'object' && value !== null && 'crumb' in value;
}
