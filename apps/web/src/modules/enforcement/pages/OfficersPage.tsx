import { Tabs } from 'antd';
import { useT } from '../../../platform/i18n';
import { PageCard } from '../../../platform/ui';
import { CertificatesTab } from '../components/officers/CertificatesTab';
import { OfficersTab } from '../components/officers/OfficersTab';

/** 执法人员与证件 (DOMAIN.md §4.2): officers with training and exams; the certificate register and lifecycle. */
export function OfficersPage() {
  const t = useT();
  return (
    <PageCard title={t('执法人员与证件', 'Officers and certificates')} testId="officers-page">
      <Tabs
        items={[
          { key: 'officers', label: t('执法人员', 'Officers'), children: <OfficersTab /> },
          { key: 'certificates', label: t('证件台账', 'Certificates'), children: <CertificatesTab /> },
        ]}
      />
    </PageCard>
  );
}
