import type { Org } from '@fazhi/contracts';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../../platform/i18n';
import { buildTree, mapTree } from '../../../platform/tree';
import { useOrgs } from '../api';

interface OrgOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: OrgOption[];
}

interface OrgTreeSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  /** Organisations that may not be chosen (e.g. an organisation and its descendants as its own parent). */
  excludeIds?: ReadonlySet<string>;
  disabled?: boolean;
  testId?: string;
  style?: React.CSSProperties;
}

/** Picks an organisation from the caller's scope, as a tree. Usable as a Form.Item control. */
export function OrgTreeSelect({
  value,
  onChange,
  placeholder,
  excludeIds,
  disabled,
  testId,
  style,
}: OrgTreeSelectProps) {
  const t = useT();
  const { data, isLoading } = useOrgs();
  const treeData = useMemo(
    () =>
      mapTree<Org, OrgOption>(
        buildTree(
          data ?? [],
          (o) => o.id,
          (o) => o.parentId,
        ),
        (o, children) => ({
          value: o.id,
          title: o.disabled ? `${o.name}（${t('已停用', 'disabled')}）` : o.name,
          disabled: o.disabled || excludeIds?.has(o.id),
          children,
        }),
      ),
    [data, excludeIds, t],
  );
  return (
    <TreeSelect<string>
      value={value ?? undefined}
      onChange={(v) => onChange?.(v)}
      treeData={treeData}
      loading={isLoading}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      placeholder={placeholder ?? t('请选择单位', 'Choose an organisation')}
      disabled={disabled}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
      data-testid={testId}
    />
  );
}
