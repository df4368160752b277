import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { fromIsoDate, toIsoDate, weekdayOf } from '../../../platform/format';
import { useLocale, useT } from '../../../platform/i18n';
import { newRowKey, type DayKind, type DayRow } from './days';

interface DaysEditorProps {
  year: number;
  rows: DayRow[];
  onChange: (rows: DayRow[]) => void;
  readOnly: boolean;
}

/** The list of 放假 / 调休上班 dates of one year. */
export function DaysEditor({ year, rows, onChange, readOnly }: DaysEditorProps) {
  const t = useT();
  const locale = useLocale();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [rangeName, setRangeName] = useState('');
  const outsideYear = (d: Dayjs) => d.year() !== year;
  const jan1 = dayjs(`${year}-01-01`);
  const kindLabel = (k: DayKind) =>
    k === 'holiday' ? t('放假', 'Holiday') : t('调休上班', 'Make-up workday');
  const patch = (key: string, p: Partial<DayRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...p } : r)));

  const addRange = () => {
    if (!range) return;
    const have = new Set(rows.map((r) => r.date));
    const added: DayRow[] = [];
    for (let d = range[0]; !d.isAfter(range[1], 'day'); d = d.add(1, 'day')) {
      const date = d.format('YYYY-MM-DD');
      if (!have.has(date)) added.push({ key: newRowKey(), date, kind: 'holiday', name: rangeName.trim() });
    }
    onChange([...rows, ...added].sort((a, b) => (a.date ?? '9').localeCompare(b.date ?? '9')));
    setRange(null);
    setRangeName('');
  };

  const columns: TableColumnsType<DayRow> = [
    {
      title: t('日期', 'Date'),
      dataIndex: 'date',
      width: 250,
      render: (_v, r, i) =>
        readOnly ? (
          <span>
            {r.date} {r.date && weekdayOf(r.date, locale)}
          </span>
        ) : (
          <Flex gap="small" align="center">
            <DatePicker
              value={fromIsoDate(r.date) ?? null}
              disabledDate={outsideYear}
              defaultPickerValue={jan1}
              onChange={(d) => patch(r.key, { date: toIsoDate(d) })}
              status={r.date ? undefined : 'error'}
              data-testid={`day-date-${i}`}
            />
            <span style={{ whiteSpace: 'nowrap' }}>{r.date && weekdayOf(r.date, locale)}</span>
          </Flex>
        ),
    },
    {
      title: t('类型', 'Kind'),
      dataIndex: 'kind',
      width: 150,
      render: (_v, r, i) =>
        readOnly ? (
          <Tag color={r.kind === 'holiday' ? 'red' : 'blue'}>{kindLabel(r.kind)}</Tag>
        ) : (
          <Select<DayKind>
            value={r.kind}
            onChange={(kind) => patch(r.key, { kind })}
            options={(['holiday', 'workday'] as const).map((k) => ({ value: k, label: kindLabel(k) }))}
            style={{ width: 130 }}
            data-testid={`day-kind-${i}`}
          />
        ),
    },
    {
      title: t('名称', 'Name'),
      dataIndex: 'name',
      render: (_v, r, i) =>
        readOnly ? (
          r.name || '—'
        ) : (
          <Input
            value={r.name}
            maxLength={30}
            placeholder={t('如：春节', 'e.g. Spring Festival')}
            onChange={(e) => patch(r.key, { name: e.target.value })}
            data-testid={`day-name-${i}`}
          />
        ),
    },
  ];
  if (!readOnly) {
    columns.push({
      title: t('操作', 'Actions'),
      key: 'remove',
      width: 80,
      render: (_v, r, i) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('删除', 'Remove')}
          onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
          data-testid={`day-remove-${i}`}
        />
      ),
    });
  }

  return (
    <Flex vertical gap="small">
      {!readOnly && (
        <Flex wrap gap="small" align="center">
          <Button
            icon={<PlusOutlined />}
            onClick={() => onChange([...rows, { key: newRowKey(), kind: 'holiday', name: '' }])}
            data-testid="calendar-add-day"
          >
            {t('添加日期', 'Add date')}
          </Button>
          <DatePicker.RangePicker
            value={range}
            disabledDate={outsideYear}
            defaultPickerValue={[jan1, jan1]}
            onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)}
            data-testid="calendar-range"
          />
          <Input
            value={rangeName}
            onChange={(e) => setRangeName(e.target.value)}
            placeholder={t('假期名称', 'Holiday name')}
            maxLength={30}
            style={{ width: 140 }}
            data-testid="calendar-range-name"
          />
          <Button onClick={addRange} disabled={!range} data-testid="calendar-add-range">
            {t('添加连续假期', 'Add holiday range')}
          </Button>
        </Flex>
      )}
      <Table<DayRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid="calendar-days"
      />
    </Flex>
  );
}
