import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { Org, OrgType, Region } from '@fazhi/contracts';
import { Button, Card, Col, Flex, Input, Row, Select, Switch, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useCan } from '../../../platform/access';
import { ExportButton, ImportDialog } from '../../../platform/api';
import { orgTypeLabel, orgTypeNames, useLabel, useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { PageCard } from '../../../platform/ui';
import { orgKeys, orgQuery, useOrgs, type OrgFilters } from '../api';
import { OrgFormDrawer, OrgTable, RegionFormModal, RegionTree } from '../components';

const FILTER_KEYS = ['q', 'regionCode', 'type', 'includeDisabled'] as const;

type OrgDrawer = { open: false } | { open: true; org: Org | null };
type RegionModal = { open: false } | { open: true; region: Region | null };

/** 区划与单位 — the region tree, the organisation tree table and their forms. */
export function OrgPage() {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const queryClient = useQueryClient();
  const { values, update } = useUrlFilters(FILTER_KEYS);
  const [orgDrawer, setOrgDrawer] = useState<OrgDrawer>({ open: false });
  const [regionModal, setRegionModal] = useState<RegionModal>({ open: false });
  const [importOpen, setImportOpen] = useState(false);

  const filters: OrgFilters = {
    q: values.q,
    regionCode: values.regionCode,
    type: values.type as OrgType | undefined,
    includeDisabled: values.includeDisabled === 'true',
  };
  const orgs = useOrgs(filters);
  const onEditRegion = useCallback((region: Region) => setRegionModal({ open: true, region }), []);
  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: orgKeys.all }),
    [queryClient],
  );

  return (
    <PageCard
      title={t('区划与单位', 'Regions & organisations')}
      testId="org-page"
      extra={
        <>
          {can('region.write') && (
            <Button
              icon={<PlusOutlined />}
              onClick={() => setRegionModal({ open: true, region: null })}
              data-testid="region-create"
            >
              {t('新建区划', 'New region')}
            </Button>
          )}
          {can('org.import') && (
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="org-import">
              {t('导入', 'Import')}
            </Button>
          )}
          <ExportButton
            listPath="/api/orgs"
            filters={orgQuery(filters)}
            fileBaseName={t('单位', 'organisations')}
            testId="org-export"
          />
          {can('org.write') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setOrgDrawer({ open: true, org: null })}
              data-testid="org-create"
            >
              {t('新建单位', 'New organisation')}
            </Button>
          )}
        </>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7}>
          <Card size="small" title={t('行政区划', 'Regions')}>
            <RegionTree
              selected={values.regionCode}
              onSelect={(code) => update({ regionCode: code })}
              onEdit={onEditRegion}
            />
          </Card>
        </Col>
        <Col xs={24} lg={17}>
          <Flex wrap gap="small" align="center" style={{ marginBottom: 12 }}>
            <Input.Search
              allowClear
              defaultValue={values.q}
              placeholder={t('搜索单位名称、简称或信用代码', 'Search name, short name or USCC')}
              onSearch={(q) => update({ q: q.trim() })}
              style={{ width: 280 }}
              data-testid="org-search"
            />
            <Select<OrgType>
              allowClear
              value={filters.type}
              placeholder={t('单位类型', 'Type')}
              options={orgTypeNames.map((k) => ({ value: k, label: label(orgTypeLabel(k)) }))}
              onChange={(type) => update({ type })}
              style={{ width: 160 }}
              data-testid="org-filter-type"
            />
            <Flex align="center" gap={6}>
              <Switch
                size="small"
                checked={filters.includeDisabled}
                onChange={(on) => update({ includeDisabled: on ? 'true' : undefined })}
                data-testid="org-filter-disabled"
              />
              <Typography.Text>{t('含已停用', 'Include disabled')}</Typography.Text>
            </Flex>
            {values.regionCode && (
              <Button
                size="small"
                onClick={() => update({ regionCode: undefined })}
                data-testid="org-filter-region-clear"
              >
                {t('清除区划筛选', 'Clear region filter')}
              </Button>
            )}
          </Flex>
          {/* remount on every result so that all rows start expanded */}
          <OrgTable
            key={JSON.stringify(orgs.data?.map((o) => o.id) ?? [])}
            orgs={orgs.data ?? []}
            loading={orgs.isFetching}
            onEdit={(org) => setOrgDrawer({ open: true, org })}
          />
        </Col>
      </Row>
      <OrgFormDrawer
        open={orgDrawer.open}
        org={orgDrawer.open ? orgDrawer.org : null}
        defaultRegionCode={values.regionCode}
        onClose={() => setOrgDrawer({ open: false })}
      />
      <RegionFormModal
        open={regionModal.open}
        region={regionModal.open ? regionModal.region : null}
        defaultParentCode={values.regionCode}
        onClose={() => setRegionModal({ open: false })}
      />
      <ImportDialog
        kind="orgs"
        title={t('导入单位', 'Import organisations')}
        open={importOpen}
        onClose={() => setImportOpen(false)}
        onSucceeded={refresh}
      />
    </PageCard>
  );
}
