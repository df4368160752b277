import type { Region } from '@fazhi/contracts';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../../platform/i18n';
import { buildTree, mapTree } from '../../../platform/tree';
import { useRegions } from '../api';

interface RegionOption {
  value: string;
  title: string;
  children?: RegionOption[];
}

interface RegionTreeSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  disabled?: boolean;
  testId?: string;
}

/** Picks a region (行政区划) from the caller's scope. */
export function RegionTreeSelect({ value, onChange, placeholder, disabled, testId }: RegionTreeSelectProps) {
  const t = useT();
  const { data, isLoading } = useRegions();
  const treeData = useMemo(
    () =>
      mapTree<Region, RegionOption>(
        buildTree(
          data ?? [],
          (r) => r.code,
          (r) => r.parentCode,
        ),
        (r, children) => ({ value: r.code, title: `${r.name}（${r.code}）`, children }),
      ),
    [data],
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
      placeholder={placeholder ?? t('请选择行政区划', 'Choose a region')}
      disabled={disabled}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}
