import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function TaskPage() {
  const t = useT();
  return <Result status="info" title={t('填报任务', 'Collection task')} />;
}
