import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function LenientPage() {
  const t = useT();
  return <Result status="info" title={t('包容审慎监管清单', 'Lenient-enforcement lists')} />;
}
