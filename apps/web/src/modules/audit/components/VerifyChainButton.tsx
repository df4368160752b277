import { SafetyOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useT } from '../../../platform/i18n';
import { testIdProps } from '../../../platform/ui';
import { useVerifyAudit } from '../api';

/** 校验日志链: OK, or the first broken sequence number. */
export function VerifyChainButton() {
  const t = useT();
  const { modal } = App.useApp();
  const verify = useVerifyAudit();
  const run = () =>
    verify.mutate(undefined, {
      onSuccess: (r) => {
        if (r.ok) {
          modal.success({
            okButtonProps: testIdProps('audit-verify-close'),
            title: t('日志链完整', 'The log chain is intact'),
            content: (
              <span data-testid="audit-verify-result">
                {t(
                  `已校验 ${r.checked} 条记录，未发现篡改。`,
                  `${r.checked} entries checked, no tampering found.`,
                )}
              </span>
            ),
          });
        } else {
          modal.error({
            okButtonProps: testIdProps('audit-verify-close'),
            title: t('日志链已断裂', 'The log chain is broken'),
            content: (
              <span data-testid="audit-verify-result">
                {t(
                  `第一个断裂的序号：${r.firstBrokenSeq ?? '—'}`,
                  `First broken sequence number: ${r.firstBrokenSeq ?? '—'}`,
                )}
                {r.reason ? `（${r.reason}）` : ''}
                <br />
                {t(`已校验 ${r.checked} 条记录。`, `${r.checked} entries checked.`)}
              </span>
            ),
          });
        }
      },
    });
  return (
    <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={run} data-testid="audit-verify">
      {t('校验日志链', 'Verify log chain')}
    </Button>
  );
}
