import { CERTIFICATE_KINDS, PUBLIC_CERTIFICATE_STATES, type PublicCertificate } from '@fazhi/contracts';
import { Alert, Card, Descriptions, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import { checkCertificate } from '../api/officers';

/**
 * Portal: 亮证核验 — type the number on an officer's certificate and see whether it is valid, the holder's name
 * and body (行政处罚法 第四十二条、第五十五条: officers show their certificates; parties may check them).
 */
export function CertificateCheckPage() {
  const t = useT();
  const [result, setResult] = useState<PublicCertificate | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const search = async (number: string) => {
    if (!number.trim()) return;
    setLoading(true);
    setError(null);
    setResult(null);
    try {
      setResult(await checkCertificate(number));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Card data-testid="portal-certificate-check-page">
      <Typography.Title level={4}>
        {t('行政执法证件查询', 'Check an enforcement certificate')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          '执法人员执法时应当出示执法证件。请输入证件上的证号，核验证件是否有效。',
          'Officers must show their certificate. Enter its number to check it.',
        )}
      </Typography.Paragraph>
      <Input.Search
        enterButton={t('查询', 'Check')}
        placeholder={t('请输入证号', 'Certificate number')}
        loading={loading}
        onSearch={(v) => void search(v)}
        style={{ maxWidth: 420, marginBottom: 16 }}
        data-testid="certificate-check-input"
      />
      {error && <Alert type="warning" showIcon message={error} />}
      {result && (
        <Descriptions bordered column={1} size="middle" data-testid="certificate-check-result">
          <Descriptions.Item label={t('证号', 'Number')}>{result.number}</Descriptions.Item>
          <Descriptions.Item label={t('证件类型', 'Kind')}>
            {CERTIFICATE_KINDS[result.kind]}
          </Descriptions.Item>
          <Descriptions.Item label={t('持证人', 'Holder')}>{result.holderName}</Descriptions.Item>
          <Descriptions.Item label={t('执法单位', 'Body')}>{result.bodyName}</Descriptions.Item>
          <Descriptions.Item label={t('有效期', 'Validity')}>
            {result.validFrom} ~ {result.validTo}
          </Descriptions.Item>
          <Descriptions.Item label={t('状态', 'Status')}>
            <Tag color={result.state === 'valid' ? 'green' : 'red'}>
              {PUBLIC_CERTIFICATE_STATES[result.state]}
            </Tag>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
