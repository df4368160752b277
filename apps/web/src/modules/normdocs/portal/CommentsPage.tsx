import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this area's page is built. */
export function CommentsPage() {
  const t = useT();
  return <Result status="info" title={t('征求意见', 'Public comment')} />;
}
