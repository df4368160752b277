import type { SecuritySettings } from '@fazhi/contracts';
import { Alert, Col, Form, InputNumber, Row, Skeleton } from 'antd';
import { errorText, showSuccess } from '../../../platform/api';
import { applyServerErrors } from '../../../platform/forms';
import { useT, type Bilingual } from '../../../platform/i18n';
import { ConfirmButton, PageCard } from '../../../platform/ui';
import { useSaveSecuritySettings, useSecuritySettings } from '../api';

interface Field {
  name: keyof SecuritySettings;
  label: Bilingual;
  unit: Bilingual;
  min: number;
  max: number;
  extra?: Bilingual;
}

/** Bounds as in `securitySettingsSchema` (GB/T 22239-2019 8.1.4.1). */
const FIELDS: Field[] = [
  {
    name: 'passwordMinLength',
    label: { zh: '密码最小长度', en: 'Minimum password length' },
    unit: { zh: '位', en: 'chars' },
    min: 8,
    max: 64,
  },
  {
    name: 'passwordMinClasses',
    label: { zh: '密码最少字符类别数', en: 'Minimum character classes' },
    unit: { zh: '类', en: 'classes' },
    min: 3,
    max: 4,
    extra: {
      zh: '大写字母、小写字母、数字、符号四类中至少几类',
      en: 'Of upper case, lower case, digits, symbols',
    },
  },
  {
    name: 'passwordMaxAgeDays',
    label: { zh: '密码有效期', en: 'Password maximum age' },
    unit: { zh: '天', en: 'days' },
    min: 0,
    max: 3650,
    extra: { zh: '0 表示不强制定期更换', en: '0 = never expires' },
  },
  {
    name: 'lockoutThreshold',
    label: { zh: '登录失败锁定阈值', en: 'Lock after failed sign-ins' },
    unit: { zh: '次', en: 'times' },
    min: 3,
    max: 20,
  },
  {
    name: 'lockoutMinutes',
    label: { zh: '锁定时长', en: 'Lockout duration' },
    unit: { zh: '分钟', en: 'minutes' },
    min: 1,
    max: 1440,
  },
  {
    name: 'sessionIdleMinutes',
    label: { zh: '会话空闲超时', en: 'Session idle timeout' },
    unit: { zh: '分钟', en: 'minutes' },
    min: 5,
    max: 480,
  },
  {
    name: 'sessionAbsoluteHours',
    label: { zh: '会话最长时长', en: 'Session absolute lifetime' },
    unit: { zh: '小时', en: 'hours' },
    min: 1,
    max: 72,
  },
];

/** 安全策略 (安全管理员). */
export function SecuritySettingsPage() {
  const t = useT();
  const l = (b: Bilingual) => t(b.zh, b.en);
  const [form] = Form.useForm<SecuritySettings>();
  const settings = useSecuritySettings();
  const save = useSaveSecuritySettings();

  const submit = async () => {
    const values = await form.validateFields();
    await save.mutateAsync(values, { onError: (e) => applyServerErrors(form, e) });
    showSuccess(t('安全策略已保存', 'Security policy saved'));
  };

  return (
    <PageCard title={t('安全策略', 'Security policy')} testId="security-page">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t(
          '依据 GB/T 22239-2019 第三级要求设置身份鉴别与会话策略。修改立即对所有用户生效，并记入审计日志。',
          'Identification and session policy per GB/T 22239-2019 level 3. Changes apply to everyone at once and are audited.',
        )}
      />
      {settings.isPending ? (
        <Skeleton active />
      ) : settings.isError ? (
        <Alert type="error" showIcon title={errorText(settings.error)} />
      ) : (
        <Form<SecuritySettings>
          form={form}
          layout="vertical"
          initialValues={settings.data}
          data-testid="security-form"
        >
          <Row gutter={24}>
            {FIELDS.map((f) => (
              <Col key={f.name} xs={24} md={12} xl={8}>
                <Form.Item
                  name={f.name}
                  label={l(f.label)}
                  extra={f.extra ? l(f.extra) : `${f.min}–${f.max}`}
                  rules={[
                    { required: true, message: t('请填写', 'Required') },
                    {
                      type: 'integer',
                      min: f.min,
                      max: f.max,
                      message: t(`应为 ${f.min}–${f.max} 的整数`, `An integer ${f.min}–${f.max}`),
                    },
                  ]}
                >
                  <InputNumber
                    min={f.min}
                    max={f.max}
                    precision={0}
                    suffix={l(f.unit)}
                    style={{ width: '100%' }}
                    data-testid={`security-form-${f.name}`}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <ConfirmButton
            type="primary"
            testId="security-submit"
            title={t('确定保存安全策略？', 'Save the security policy?')}
            description={t('新策略立即对所有用户生效。', 'The new policy applies to everyone at once.')}
            onConfirm={submit}
          >
            {t('保存', 'Save')}
          </ConfirmButton>
        </Form>
      )}
    </PageCard>
  );
}
