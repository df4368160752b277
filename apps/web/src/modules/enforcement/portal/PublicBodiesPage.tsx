import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function PublicBodiesPage() {
  const t = useT();
  return <Result status="info" title={t('执法主体公告', 'Announced enforcement bodies')} />;
}
