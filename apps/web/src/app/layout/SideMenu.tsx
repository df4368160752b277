import { Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { useCan } from '../../platform/access';
import { useLabel } from '../../platform/i18n';
import type { MenuEntry, ModuleDefinition } from '../../platform/navigation';

type MenuItem = Required<MenuProps>['items'][number];

/** The entry whose path is the longest prefix of the current location. */
function selectedPath(pathname: string, entries: MenuEntry[]): string | undefined {
  let best: string | undefined;
  for (const e of entries) {
    const hit = e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`);
    if (hit && (!best || e.path.length > best.length)) best = e.path;
  }
  return best;
}

/** The side menu, one group per module, showing only what the user's permissions allow. */
export function SideMenu({ modules }: { modules: ModuleDefinition[] }) {
  const can = useCan();
  const label = useLabel();
  const { pathname } = useLocation();

  const visible = useMemo(
    () =>
      modules
        .map((m) => ({ ...m, menu: m.menu.filter((e) => !e.permission || can(e.permission)) }))
        .filter((m) => m.menu.length > 0),
    [modules, can],
  );

  const link = (e: MenuEntry) => (
    <Link to={e.path} data-testid={e.testId}>
      {label(e.label)}
    </Link>
  );

  const items: MenuItem[] = visible.map((m) => {
    const [only] = m.menu;
    if (m.menu.length === 1 && only) return { key: only.path, icon: m.icon, label: link(only) };
    return {
      key: `group:${m.key}`,
      icon: m.icon,
      label: <span data-testid={`menu-group-${m.key}`}>{label(m.label)}</span>,
      children: m.menu.map((e) => ({ key: e.path, label: link(e) })),
    };
  });

  const selected = selectedPath(
    pathname,
    visible.flatMap((m) => m.menu),
  );

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={visible.filter((m) => m.menu.length > 1).map((m) => `group:${m.key}`)}
      style={{ borderInlineEnd: 'none' }}
      data-testid="side-menu"
    />
  );
}
