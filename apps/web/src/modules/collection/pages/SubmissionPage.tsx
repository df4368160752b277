import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function SubmissionPage() {
  const t = useT();
  return <Result status="info" title={t('填报', 'Submission')} />;
}
