import { Alert, App, Checkbox, Flex, Input, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useCan } from '../../../platform/access';
import { errorText } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import { ConfirmButton, PageCard, testIdProps } from '../../../platform/ui';
import { NotFoundResult } from '../../../platform/ui/ErrorResults';
import { useCalendarYear, useSaveCalendarYear, type CalendarYear } from '../api';
import { DaysEditor, rowProblems, toDays, toRows, type DayRow } from '../components';

/** One year's 放假 / 调休上班 dates: edit, mark official, save (and see how many clocks moved). */
export function CalendarYearPage() {
  const { year: param } = useParams();
  const year = Number(param);
  const valid = Number.isInteger(year) && year >= 1900 && year <= 2199;
  const q = useCalendarYear(valid ? year : 0);
  if (!valid) return <NotFoundResult />;
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <Alert type="error" showIcon title={errorText(q.error)} />;
  // remount after each save: the editor starts from the stored version
  return <YearEditor key={`${year}:${q.data?.version ?? 'new'}`} year={year} stored={q.data} />;
}

function YearEditor({ year, stored }: { year: number; stored: CalendarYear | null }) {
  const t = useT();
  const can = useCan();
  const { modal } = App.useApp();
  const readOnly = !can('calendar.write');
  const [rows, setRows] = useState<DayRow[]>(() => toRows(stored?.days ?? []));
  const [official, setOfficial] = useState(stored?.official ?? false);
  const [source, setSource] = useState(stored?.source ?? '');
  const save = useSaveCalendarYear(year);
  const problems = rowProblems(rows, year, t);

  const submit = async () => {
    const r = await save.mutateAsync({
      official,
      source: source.trim() || null,
      days: toDays(rows),
      version: stored?.version ?? null,
    });
    modal.success({
      okButtonProps: testIdProps('calendar-save-result-close'),
      title: t(`${year} 年节假日安排已保存`, `${year} saved`),
      content: (
        <span data-testid="calendar-save-result">
          {t(
            `重新计算了 ${r.recomputedClocks} 个期限，其中 ${r.changedClocks} 个到期日变化`,
            `${r.recomputedClocks} time limits recomputed; ${r.changedClocks} due dates changed`,
          )}
        </span>
      ),
    });
  };

  return (
    <PageCard
      title={t(`${year} 年节假日安排`, `Holiday arrangement ${year}`)}
      testId="calendar-year-page"
      extra={
        !readOnly && (
          <ConfirmButton
            type="primary"
            testId="calendar-save"
            disabled={problems.length > 0}
            title={t('确定保存？', 'Save?')}
            description={t(
              '保存后系统将重新计算所有受该年度影响的期限到期日。',
              'Every time limit affected by this year will be recomputed.',
            )}
            onConfirm={submit}
          >
            {t('保存', 'Save')}
          </ConfirmButton>
        )
      }
    >
      {(stored === null || stored.version === 0) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('该年度尚未录入，保存后创建。', 'This year has not been entered yet; saving creates it.')}
        />
      )}
      <Flex vertical gap="middle">
        <Flex wrap gap="middle" align="center">
          <Checkbox
            checked={official}
            disabled={readOnly}
            onChange={(e) => setOfficial(e.target.checked)}
            data-testid="calendar-official"
          >
            {t('已由国务院办公厅正式公布（标记为正式）', 'Published by the State Council (official)')}
          </Checkbox>
          <Flex align="center" gap="small" style={{ flex: 1, minWidth: 320 }}>
            <Typography.Text style={{ whiteSpace: 'nowrap' }}>{t('依据', 'Source')}：</Typography.Text>
            <Input
              value={source}
              disabled={readOnly}
              maxLength={120}
              onChange={(e) => setSource(e.target.value)}
              placeholder={t(
                '如：国务院办公厅关于2026年部分节假日安排的通知',
                'e.g. the State Council notice for the year',
              )}
              data-testid="calendar-source"
            />
          </Flex>
        </Flex>
        {!official && (
          <Alert
            type="warning"
            showIcon
            title={t(
              '未标记为正式时，涉及本年度的期限到期日均为暂定。',
              'While not official, due dates in this year are provisional.',
            )}
          />
        )}
        <DaysEditor year={year} rows={rows} onChange={setRows} readOnly={readOnly} />
        {!readOnly && problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('请先修正：', 'Please fix:')}
            description={problems.join('；')}
            data-testid="calendar-problems"
          />
        )}
      </Flex>
    </PageCard>
  );
}
