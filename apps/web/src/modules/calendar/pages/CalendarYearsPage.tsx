import { Alert, Button, Flex, InputNumber, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../../platform/access';
import { useT } from '../../../platform/i18n';
import { PageCard } from '../../../platform/ui';
import { useCalendarYears } from '../api';

interface YearRow {
  year: number;
  official: boolean;
  holidays: number;
  workdays: number;
}

/** 节假日与调休 — the years entered, official (published by the State Council) or provisional. */
export function CalendarYearsPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const years = useCalendarYears();
  const [newYear, setNewYear] = useState<number | null>(dayjs().year() + 1);

  const columns: TableColumnsType<YearRow> = [
    {
      title: t('年度', 'Year'),
      dataIndex: 'year',
      width: 120,
      render: (y: number) => <Link to={`/calendar/years/${y}`}>{y}</Link>,
    },
    {
      title: t('状态', 'Status'),
      dataIndex: 'official',
      render: (official: boolean) =>
        official ? (
          <Tag color="green">{t('正式（已公布）', 'Official (published)')}</Tag>
        ) : (
          <Tag color="warning">{t('暂定（尚未公布）', 'Provisional (not yet published)')}</Tag>
        ),
    },
    { title: t('放假天数', 'Holidays'), dataIndex: 'holidays', width: 120 },
    { title: t('调休上班天数', 'Make-up workdays'), dataIndex: 'workdays', width: 140 },
    {
      title: t('操作', 'Actions'),
      key: 'open',
      width: 120,
      render: (_v, r) => (
        <Button
          type="link"
          size="small"
          onClick={() => void navigate(`/calendar/years/${r.year}`)}
          data-testid={`calendar-year-open-${r.year}`}
        >
          {can('calendar.write') ? t('编辑', 'Edit') : t('查看', 'View')}
        </Button>
      ),
    },
  ];

  return (
    <PageCard
      title={t('节假日与调休', 'Public holidays')}
      testId="calendar-page"
      extra={
        <>
          <Button onClick={() => void navigate('/calendar/due-date')} data-testid="calendar-open-calculator">
            {t('期限计算器', 'Due-date calculator')}
          </Button>
          {can('calendar.write') && (
            <Flex gap={4}>
              <InputNumber<number>
                min={1900}
                max={2199}
                precision={0}
                value={newYear}
                onChange={setNewYear}
                style={{ width: 100 }}
                data-testid="calendar-new-year-input"
              />
              <Button
                type="primary"
                disabled={!newYear}
                onClick={() => newYear && void navigate(`/calendar/years/${newYear}`)}
                data-testid="calendar-new-year"
              >
                {t('录入年度', 'Enter year')}
              </Button>
            </Flex>
          )}
        </>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t(
          '工作日期限按国务院办公厅公布的节假日安排计算。某年度尚未录入或尚未标记为正式时，涉及该年度的到期日为暂定，公布后系统将自动重新计算。',
          'Working-day limits follow the State Council holiday arrangement. Due dates in a year not yet entered or not marked official are provisional and are recomputed once it is published.',
        )}
      />
      <Table<YearRow>
        rowKey="year"
        size="middle"
        columns={columns}
        dataSource={years.data ?? []}
        loading={years.isLoading}
        pagination={false}
        data-testid="calendar-years"
      />
    </PageCard>
  );
}
