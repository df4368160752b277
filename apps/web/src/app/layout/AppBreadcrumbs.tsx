import { Breadcrumb } from 'antd';
import { Link, useMatches } from 'react-router';
import { useLabel } from '../../platform/i18n';
import { isRouteHandle } from '../../platform/navigation';

/** Breadcrumbs from the matched routes' `handle.crumb`. */
export function AppBreadcrumbs() {
  const label = useLabel();
  const crumbs = useMatches().flatMap((m) =>
    isRouteHandle(m.handle) && m.handle.crumb ? [{ path: m.pathname, text: label(m.handle.crumb) }] : [],
  );
  const items = crumbs.map((c, i) => ({
    key: `${c.path}:${i}`,
    title: i < crumbs.length - 1 ? <Link to={c.path}>{c.text}</Link> : c.text,
  }));
  return <Breadcrumb items={items} style={{ marginBottom: 12 }} data-testid="breadcrumbs" />;
}
