import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function CertificateCheckPage() {
  const t = useT();
  return <Result status="info" title={t('执法证件查询', 'Certificate check')} />;
}
