import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function BodiesPage() {
  const t = useT();
  return <Result status="info" title={t('执法主体', 'Enforcement bodies')} />;
}
