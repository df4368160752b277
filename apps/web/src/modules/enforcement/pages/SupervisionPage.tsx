import { Tabs } from 'antd';
import { useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { PageCard } from '../../../platform/ui';
import { SupervisionNotices } from '../components/SupervisionNotices';
import {
  SupervisionChecks,
  SupervisionInterviewsAccountability,
  SupervisionProblems,
} from '../components/SupervisionRecords';

/** 执法监督 (DOMAIN.md §4.8): checks, clues/problems, 意见书/决定书, 约谈/追责, complaints about enforcement. */
export function SupervisionPage() {
  const t = useT();
  const { values, update } = useUrlFilters(['tab'] as const);
  return (
    <PageCard title={t('行政执法监督', 'Enforcement supervision')} testId="supervision-page">
      <Tabs
        activeKey={values.tab ?? 'notices'}
        onChange={(tab) => update({ tab })}
        destroyOnHidden
        items={[
          { key: 'notices', label: t('监督文书', 'Notices'), children: <SupervisionNotices /> },
          { key: 'checks', label: t('监督检查', 'Checks'), children: <SupervisionChecks /> },
          { key: 'problems', label: t('问题线索', 'Clues & problems'), children: <SupervisionProblems /> },
          {
            key: 'interviews',
            label: t('约谈与追责', 'Interviews & accountability'),
            children: <SupervisionInterviewsAccountability />,
          },
          {
            key: 'complaints',
            label: t('投诉举报', 'Complaints'),
            children: <SupervisionProblems complaints />,
          },
        ]}
      />
    </PageCard>
  );
}
