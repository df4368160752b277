import { PlusOutlined } from '@ant-design/icons';
import type { ClockStatus } from '@fazhi/contracts';
import { Button, DatePicker, Flex, Input, Select } from 'antd';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useCan } from '../../../platform/access';
import { ExportButton } from '../../../platform/api';
import { fromIsoDate, toIsoDate } from '../../../platform/format';
import { clockStatusLabel, clockStatusNames, useLabel, useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { PageCard } from '../../../platform/ui';
import { OrgTreeSelect } from '../../org';
import { clockQuery, useClocks, type ClockFilters, type ClockSort } from '../api';
import { ClockCreateDrawer, ClockDetailDrawer, ClockTable } from '../components';

const FILTER_KEYS = ['status', 'orgId', 'q', 'dueFrom', 'dueTo', 'sort', 'create'] as const;
const SORTS: readonly ClockSort[] = [
  'dueDate',
  '-dueDate',
  'startDate',
  '-startDate',
  'createdAt',
  '-createdAt',
];

/** 期限监控 — `/clocks/:clockId` opens the detail drawer, `?create=1` the create form. */
export function ClocksPage() {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const navigate = useNavigate();
  const { search } = useLocation();
  const { clockId } = useParams();
  const { values, page, pageSize, update } = useUrlFilters(FILTER_KEYS);

  const sort = SORTS.find((s) => s === values.sort) ?? 'dueDate';
  const filters: ClockFilters = {
    status: clockStatusNames.find((s) => s === values.status),
    orgId: values.orgId,
    q: values.q,
    dueFrom: values.dueFrom,
    dueTo: values.dueTo,
    sort,
    page,
    pageSize,
  };
  const clocks = useClocks(filters);
  const open = (id: string) => void navigate({ pathname: `/clocks/${id}`, search });
  const closeDetail = () => void navigate({ pathname: '/clocks', search });

  return (
    <PageCard
      title={t('期限监控', 'Time limits')}
      testId="clocks-page"
      extra={
        <>
          <ExportButton
            listPath="/api/clocks"
            filters={clockQuery(filters)}
            fileBaseName={t('期限台账', 'time-limits')}
            testId="clock-export"
          />
          {can('clock.write') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => update({ create: '1' })}
              data-testid="clock-create"
            >
              {t('登记期限', 'New time limit')}
            </Button>
          )}
        </>
      }
    >
      <Flex wrap gap="small" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={values.q}
          placeholder={t('搜索事项名称、法律依据', 'Search title or legal basis')}
          onSearch={(q) => update({ q: q.trim() })}
          style={{ width: 240 }}
          data-testid="clock-search"
        />
        <Select<ClockStatus>
          allowClear
          value={filters.status}
          placeholder={t('全部状态', 'All statuses')}
          options={clockStatusNames.map((s) => ({ value: s, label: label(clockStatusLabel(s)) }))}
          onChange={(status) => update({ status })}
          style={{ width: 130 }}
          data-testid="clock-filter-status"
        />
        <OrgTreeSelect
          value={values.orgId}
          onChange={(orgId) => update({ orgId })}
          placeholder={t('全部单位', 'All organisations')}
          style={{ width: 220 }}
          testId="clock-filter-org"
        />
        <DatePicker.RangePicker
          value={[fromIsoDate(values.dueFrom) ?? null, fromIsoDate(values.dueTo) ?? null]}
          placeholder={[t('到期日起', 'Due from'), t('到期日止', 'Due to')]}
          onChange={(r) => update({ dueFrom: toIsoDate(r?.[0]), dueTo: toIsoDate(r?.[1]) })}
          data-testid="clock-filter-due"
        />
      </Flex>
      <ClockTable
        clocks={clocks.data?.items ?? []}
        total={clocks.data?.total ?? 0}
        totalCapped={clocks.data?.totalCapped ?? false}
        page={page}
        pageSize={pageSize}
        sort={sort}
        loading={clocks.isFetching}
        onPage={(p, size) => update({ page: p, pageSize: size })}
        onSort={(s) => update({ sort: s === 'dueDate' ? undefined : s })}
        onOpen={(c) => open(c.id)}
      />
      <ClockDetailDrawer clockId={clockId} onClose={closeDetail} />
      <ClockCreateDrawer
        open={values.create === '1' && can('clock.write')}
        onClose={() => update({ create: undefined, page })}
        onCreated={(id) => {
          const params = new URLSearchParams(search);
          params.delete('create');
          const rest = params.toString();
          void navigate({ pathname: `/clocks/${id}`, search: rest ? `?${rest}` : '' }, { replace: true });
        }}
      />
    </PageCard>
  );
}
