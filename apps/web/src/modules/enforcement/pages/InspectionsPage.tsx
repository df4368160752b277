import { Tabs } from 'antd';
import { PageCard } from '../../../platform/ui';
import { useT } from '../../../platform/i18n';
import { EnterprisesTab } from '../components/inspections/EnterprisesTab';
import { ItemsTab } from '../components/inspections/ItemsTab';
import { PlansTab } from '../components/inspections/PlansTab';
import { RecordsTab } from '../components/inspections/RecordsTab';

/** 涉企行政检查 (DOMAIN.md §4.5): records, item lists, plans and enterprises. */
export function InspectionsPage() {
  const t = useT();
  return (
    <PageCard title={t('涉企行政检查', 'Enterprise inspections')} testId="inspections-page">
      <Tabs
        items={[
          { key: 'records', label: t('检查记录', 'Inspections'), children: <RecordsTab /> },
          { key: 'items', label: t('检查事项清单', 'Item lists'), children: <ItemsTab /> },
          { key: 'plans', label: t('检查计划', 'Plans'), children: <PlansTab /> },
          { key: 'enterprises', label: t('检查对象', 'Enterprises'), children: <EnterprisesTab /> },
        ]}
      />
    </PageCard>
  );
}
