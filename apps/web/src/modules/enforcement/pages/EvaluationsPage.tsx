import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function EvaluationsPage() {
  const t = useT();
  return <Result status="info" title={t('案卷评查', 'Case-file evaluation')} />;
}
