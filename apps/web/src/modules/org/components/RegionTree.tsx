import { EditOutlined } from '@ant-design/icons';
import type { Region } from '@fazhi/contracts';
import { Button, Empty, Input, Spin, Tag, Tree, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { hasAction } from '../../../platform/access';
import { regionLevelLabel, useLabel, useT } from '../../../platform/i18n';
import { buildTree, type TreeNode } from '../../../platform/tree';
import { useRegions } from '../api';

interface RegionTreeProps {
  selected?: string;
  onSelect: (code: string | undefined) => void;
  onEdit: (region: Region) => void;
}

/** Keeps the nodes that match the search, and their ancestors. */
function filterForest(nodes: TreeNode<Region>[], match: (r: Region) => boolean): TreeNode<Region>[] {
  return nodes.flatMap((n) => {
    const children = filterForest(n.children, match);
    return match(n.item) || children.length ? [{ item: n.item, children }] : [];
  });
}

/** The region tree on the left of 区划与单位: search, select to filter organisations, edit. */
export function RegionTree({ selected, onSelect, onEdit }: RegionTreeProps) {
  const t = useT();
  const label = useLabel();
  const { data, isLoading } = useRegions();
  const [search, setSearch] = useState('');

  const treeData = useMemo(() => {
    const forest = buildTree(
      data ?? [],
      (r) => r.code,
      (r) => r.parentCode,
    );
    const s = search.trim();
    const shown = s ? filterForest(forest, (r) => r.name.includes(s) || r.code.startsWith(s)) : forest;
    const toNode = (n: TreeNode<Region>): TreeDataNode => ({
      key: n.item.code,
      title: (
        <span data-testid={`region-node-${n.item.code}`}>
          {n.item.name}
          <Tag style={{ marginInlineStart: 6 }} variant="filled">
            {label(regionLevelLabel(n.item.level))}
          </Tag>
          {n.item.validTo && <Tag color="default">{t('已撤销', 'abolished')}</Tag>}
          {hasAction(n.item, 'update') && (
            <Button
              type="text"
              size="small"
              icon={<EditOutlined />}
              aria-label={t('编辑区划', 'Edit region')}
              data-testid={`region-edit-${n.item.code}`}
              onClick={(e) => {
                e.stopPropagation();
                onEdit(n.item);
              }}
            />
          )}
        </span>
      ),
      children: n.children.map(toNode),
    });
    return shown.map(toNode);
  }, [data, search, label, t, onEdit]);

  return (
    <div data-testid="region-tree">
      <Input.Search
        allowClear
        placeholder={t('搜索区划名称或代码', 'Search regions')}
        onChange={(e) => setSearch(e.target.value)}
        style={{ marginBottom: 8 }}
        data-testid="region-search"
      />
      {isLoading ? (
        <Spin />
      ) : treeData.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Tree
          key={search}
          treeData={treeData}
          defaultExpandAll
          blockNode
          selectedKeys={selected ? [selected] : []}
          onSelect={(keys) => onSelect(keys[0] === undefined ? undefined : String(keys[0]))}
        />
      )}
    </div>
  );
}
