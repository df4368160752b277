import {
  FILING_RECIPIENTS,
  FILING_STATUSES,
  type FilingRecipient,
  type FilingStatus,
} from '@fazhi/contracts';
import { Flex, InputNumber, Select } from 'antd';
import { ExportButton } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { PageCard } from '../../../platform/ui';
import { filingQuery, useFilings, type FilingFilters } from '../api/filings';
import { FilingTable } from '../components/FilingTable';
import { RECIPIENT_EN } from '../components/FilingTags';

const FILTER_KEYS = ['status', 'recipient', 'overdue', 'year'] as const;
const statusNames = Object.keys(FILING_STATUSES) as FilingStatus[];
const recipientNames = Object.keys(FILING_RECIPIENTS) as FilingRecipient[];

/** 备案报送 — the filing organ's filings: due dates with 临期/超期, submission, results, correction. */
export function FilingsPage() {
  const t = useT();
  const { values, page, pageSize, update } = useUrlFilters(FILTER_KEYS);
  const year = values.year ? Number(values.year) : undefined;
  const filters: FilingFilters = {
    status: statusNames.find((s) => s === values.status),
    recipient: recipientNames.find((r) => r === values.recipient),
    overdue: values.overdue === 'true' ? 'true' : undefined,
    year: year && year >= 1980 && year <= 2100 ? year : undefined,
    page,
    pageSize,
  };
  const filings = useFilings(filters);

  return (
    <PageCard
      title={t('备案报送', 'Filings')}
      testId="filings-page"
      extra={
        <ExportButton
          listPath="/api/normdocs/filings"
          filters={filingQuery(filters)}
          fileBaseName={t('备案报送', 'filings')}
          testId="filing-export"
        />
      }
    >
      <Flex wrap gap="small" style={{ marginBottom: 12 }}>
        <Select<FilingStatus>
          allowClear
          value={filters.status}
          placeholder={t('全部状态', 'All statuses')}
          options={statusNames.map((s) => ({ value: s, label: FILING_STATUSES[s] }))}
          onChange={(status) => update({ status })}
          style={{ width: 160 }}
          data-testid="filing-filter-status"
        />
        <Select<FilingRecipient>
          allowClear
          value={filters.recipient}
          placeholder={t('全部备案机关', 'All recipients')}
          options={recipientNames.map((r) => ({ value: r, label: t(FILING_RECIPIENTS[r], RECIPIENT_EN[r]) }))}
          onChange={(recipient) => update({ recipient })}
          style={{ width: 180 }}
          data-testid="filing-filter-recipient"
        />
        <Select<'true'>
          allowClear
          value={filters.overdue === 'true' ? 'true' : undefined}
          placeholder={t('是否超期', 'Overdue?')}
          options={[{ value: 'true', label: t('超期未报送', 'Overdue, not filed') }]}
          onChange={(overdue) => update({ overdue })}
          style={{ width: 150 }}
          data-testid="filing-filter-overdue"
        />
        <InputNumber
          placeholder={t('期限年度', 'Year due')}
          value={filters.year}
          min={1980}
          max={2100}
          onChange={(v) => update({ year: v ? String(v) : undefined })}
          data-testid="filing-filter-year"
        />
      </Flex>
      <FilingTable
        filings={filings.data?.items ?? []}
        loading={filings.isFetching}
        pagination={{
          current: page,
          pageSize,
          total: filings.data?.total ?? 0,
          onChange: (p, size) => update({ page: p, pageSize: size }),
        }}
      />
    </PageCard>
  );
}
