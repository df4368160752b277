import type { Clock } from '@fazhi/contracts';
import { Button, Flex, Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import { formatDate } from '../../../platform/format';
import { amountLabel, useLabel, useT } from '../../../platform/i18n';
import type { ClockSort } from '../api';
import { ClockStatusTag, DaysLeft } from './ClockStatusTag';

interface ClockTableProps {
  clocks: Clock[];
  total: number;
  /** The server counts at most CLOCK_LIST_TOTAL_CAP records; beyond that it says "10000+". */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  sort: ClockSort;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: ClockSort) => void;
  onOpen: (clock: Clock) => void;
}

type SortableField = 'dueDate' | 'startDate';

export function ClockTable({
  clocks,
  total,
  totalCapped,
  page,
  pageSize,
  sort,
  loading,
  onPage,
  onSort,
  onOpen,
}: ClockTableProps) {
  const t = useT();
  const label = useLabel();
  const order = (field: SortableField) =>
    sort === field ? ('ascend' as const) : sort === `-${field}` ? ('descend' as const) : null;

  const columns: TableColumnsType<Clock> = [
    {
      title: t('事项名称', 'Title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (_v, c) => (
        <Typography.Link onClick={() => onOpen(c)} data-testid={`clock-row-${c.id}`}>
          {c.title}
        </Typography.Link>
      ),
    },
    { title: t('承办单位', 'Organisation'), dataIndex: 'orgName', width: 160, ellipsis: true },
    {
      title: t('起算', 'Start'),
      dataIndex: 'startDate',
      key: 'startDate',
      width: 160,
      sorter: true,
      sortOrder: order('startDate'),
      render: (_v, c) => (
        <Flex vertical>
          <span>{formatDate(c.startDate)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.startEvent}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('期限', 'Limit'),
      key: 'amount',
      width: 130,
      render: (_v, c) => label(amountLabel(c.amount, c.unit)),
    },
    {
      title: t('到期日', 'Due date'),
      dataIndex: 'dueDate',
      key: 'dueDate',
      width: 170,
      sorter: true,
      sortOrder: order('dueDate'),
      render: (_v, c) => (
        <Flex vertical>
          <Flex gap={4} align="center">
            <span>{formatDate(c.dueDate)}</span>
            {c.provisional && (
              <Tag color="warning" style={{ marginInlineEnd: 0 }}>
                {t('暂定', 'Provisional')}
              </Tag>
            )}
          </Flex>
          <DaysLeft dueDate={c.dueDate} status={c.status} />
        </Flex>
      ),
    },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 90,
      render: (_v, c) => <ClockStatusTag status={c.status} />,
    },
    { title: t('法律依据', 'Legal basis'), dataIndex: 'legalBasis', ellipsis: true },
    {
      title: t('操作', 'Actions'),
      key: 'open',
      width: 80,
      fixed: 'right',
      render: (_v, c) => (
        <Button type="link" size="small" onClick={() => onOpen(c)} data-testid={`clock-open-${c.id}`}>
          {t('详情', 'Details')}
        </Button>
      ),
    },
  ];

  const onChange: TableProps<Clock>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort' && !Array.isArray(sorter)) {
      const field = sorter.columnKey === 'startDate' ? 'startDate' : 'dueDate';
      onSort(sorter.order === 'descend' ? `-${field}` : sorter.order === 'ascend' ? field : 'dueDate');
    } else if (extra.action === 'paginate') {
      onPage(pagination.current ?? 1, pagination.pageSize ?? pageSize);
    }
  };

  return (
    <Table<Clock>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={clocks}
      loading={loading}
      scroll={{ x: 1200 }}
      onChange={onChange}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        showTotal: (n) =>
          totalCapped ? t(`共 ${n}+ 条`, `${n}+ in total`) : t(`共 ${n} 条`, `${n} in total`),
      }}
      data-testid="clock-table"
    />
  );
}
