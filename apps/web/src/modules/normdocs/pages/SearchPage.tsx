import {
  NORMDOC_STATUSES,
  NORMDOC_SEARCH_TOTAL_CAP,
  normdocStatusNames,
  type NormdocSearchHit,
  type NormdocStatus,
} from '@fazhi/contracts';
import { Empty, Flex, Input, InputNumber, List, Select, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { ExportButton } from '../../../platform/api';
import { useLabel, useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { PageCard } from '../../../platform/ui';
import { OrgTreeSelect } from '../../org';
import { searchQuery, useNormdocSearch, type SearchFilters } from '../api/catalogue';
import { HighlightedText } from '../components/HighlightedText';
import { NormdocStatusTag } from '../components/NormdocStatusTag';

const FILTER_KEYS = ['q', 'orgId', 'status', 'year'] as const;

/** 文件检索: full-text search over every document in the caller's scope, hits highlighted. */
export function SearchPage() {
  const t = useT();
  const label = useLabel();
  const { values, page, pageSize, update } = useUrlFilters(FILTER_KEYS);
  const filters: SearchFilters = {
    q: values.q ?? '',
    orgId: values.orgId,
    status: normdocStatusNames.find((s) => s === values.status),
    year: values.year ? Number(values.year) : undefined,
    page,
    pageSize,
  };
  const search = useNormdocSearch(filters);
  const data = search.data;

  return (
    <PageCard
      title={t('文件检索', 'Search')}
      testId="normdoc-search-page"
      extra={
        filters.q && (
          <ExportButton
            listPath="/api/normdocs/search"
            filters={searchQuery(filters)}
            fileBaseName={t('规范性文件检索', 'normdoc-search')}
            testId="search-export"
          />
        )
      }
    >
      <Flex wrap gap="small" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          enterButton={t('检索', 'Search')}
          defaultValue={values.q}
          placeholder={t('输入标题或正文中的词语，如“营商环境”', 'Words of the title or text')}
          onSearch={(q) => update({ q: q.trim() })}
          style={{ width: 360 }}
          maxLength={100}
          data-testid="search-input"
        />
        <OrgTreeSelect
          value={values.orgId}
          onChange={(orgId) => update({ orgId })}
          placeholder={t('全部制定机关', 'All organs')}
          style={{ width: 220 }}
          testId="search-filter-org"
        />
        <Select<NormdocStatus>
          allowClear
          value={filters.status}
          placeholder={t('全部状态', 'All statuses')}
          options={normdocStatusNames.map((s) => ({ value: s, label: label(NORMDOC_STATUSES[s]) }))}
          onChange={(status) => update({ status })}
          style={{ width: 150 }}
          data-testid="search-filter-status"
        />
        <InputNumber<number>
          min={1980}
          max={2100}
          value={filters.year ?? null}
          placeholder={t('年份', 'Year')}
          onChange={(y) => update({ year: y ?? undefined })}
          style={{ width: 110 }}
          data-testid="search-filter-year"
        />
      </Flex>
      {!filters.q ? (
        <Empty description={t('请输入检索词', 'Enter words to search for')} />
      ) : (
        <List<NormdocSearchHit>
          loading={search.isFetching}
          dataSource={data?.items ?? []}
          header={
            data && (
              <Typography.Text type="secondary" data-testid="search-total">
                {data.totalCapped
                  ? t(
                      `找到 ${NORMDOC_SEARCH_TOTAL_CAP} 件以上`,
                      `More than ${NORMDOC_SEARCH_TOTAL_CAP} found`,
                    )
                  : t(`找到 ${data.total} 件`, `${data.total} found`)}
              </Typography.Text>
            )
          }
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            onChange: (p, size) => update({ page: p, pageSize: size }),
          }}
          renderItem={(h) => (
            <List.Item data-testid="search-result" data-id={h.id}>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Link to={`/normdocs/${h.id}`}>
                      <HighlightedText html={h.titleHtml} />
                    </Link>
                    <NormdocStatusTag status={h.status} />
                  </Space>
                }
                description={
                  <>
                    <Typography.Paragraph style={{ marginBottom: 4 }}>
                      <HighlightedText html={h.snippetHtml} />
                    </Typography.Paragraph>
                    <Typography.Text type="secondary">
                      {[h.org.name, h.registrationNumber ?? h.docNumber, h.publishedOn]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </PageCard>
  );
}
