import { FILING_RECIPIENTS, normdocSettingsFieldsSchema, type NormdocSettingsView } from '@fazhi/contracts';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Skeleton,
  Typography,
} from 'antd';
import { useState } from 'react';
import { errorText, showSuccess, useCurrentUser } from '../../../platform/api';
import { applyServerErrors, zodRule } from '../../../platform/forms';
import { useT } from '../../../platform/i18n';
import { PageCard } from '../../../platform/ui';
import { RegionTreeSelect } from '../../org';
import { useNormdocSettings, useSaveNormdocSettings } from '../api/settings';

type Fields = Omit<NormdocSettingsView, 'regionCode' | 'sourceRegionCode' | 'version'>;

/** {abbr} 机关代字, {year}, {n} serial, {n3} serial padded to 3 digits. */
export function previewNumber(template: string, abbr: string, year: number, n: number): string {
  return template
    .replaceAll('{abbr}', abbr)
    .replaceAll('{year}', String(year))
    .replaceAll('{n3}', String(n).padStart(3, '0'))
    .replaceAll('{n}', String(n));
}

/** 规范性文件设置 of a jurisdiction: numbering, filing deadlines, comment period, validity, 及时率 base. */
export function NormdocSettingsPage() {
  const t = useT();
  const me = useCurrentUser();
  const [regionCode, setRegionCode] = useState<string>(me.regionCode);
  const settings = useNormdocSettings(regionCode);

  return (
    <PageCard title={t('规范性文件设置', 'Normative-document settings')} testId="normdoc-settings-page">
      <Flex gap="small" align="center" wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{t('行政区划：', 'Region: ')}</Typography.Text>
        <RegionTreeSelect
          value={regionCode}
          onChange={(code) => setRegionCode(code ?? me.regionCode)}
          testId="normdoc-settings-region"
        />
      </Flex>
      {settings.isPending ? (
        <Skeleton active />
      ) : settings.isError ? (
        <Alert type="error" showIcon title={errorText(settings.error)} />
      ) : (
        <SettingsForm key={`${settings.data.regionCode}-${settings.data.version}`} settings={settings.data} />
      )}
    </PageCard>
  );
}

function SettingsForm({ settings }: { settings: NormdocSettingsView }) {
  const t = useT();
  const [form] = Form.useForm<Fields>();
  const save = useSaveNormdocSettings();
  const [abbr, setAbbr] = useState('三政');
  const template = Form.useWatch('registrationTemplate', form) ?? settings.registrationTemplate;
  const year = new Date().getFullYear();
  const inherited = settings.sourceRegionCode !== settings.regionCode;

  const { regionCode: _r, sourceRegionCode: _s, version: _v, ...fields } = settings;

  const onFinish = (v: Fields) =>
    save.mutate(
      {
        ...v,
        registrationTemplate: v.registrationTemplate.trim(),
        regionCode: settings.regionCode,
        version: settings.version,
      },
      {
        onSuccess: () => showSuccess(t('设置已保存', 'Settings saved')),
        onError: (error) => applyServerErrors(form, error),
      },
    );

  const days = (name: keyof Fields, label: string, extra?: string) => (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[
        { required: true, type: 'integer', min: 1, max: 365, message: t('请填写 1–365 的整数', '1–365') },
      ]}
    >
      <InputNumber
        min={1}
        max={365}
        precision={0}
        suffix={t('日', 'days')}
        data-testid={`settings-${name}`}
      />
    </Form.Item>
  );
  const years = (name: keyof Fields, label: string) => (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, type: 'integer', min: 1, max: 10, message: t('请填写 1–10 的整数', '1–10') }]}
    >
      <InputNumber
        min={1}
        max={10}
        precision={0}
        suffix={t('年', 'years')}
        data-testid={`settings-${name}`}
      />
    </Form.Item>
  );

  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      initialValues={fields}
      onFinish={onFinish}
      data-testid="normdoc-settings-form"
    >
      <Alert
        type={inherited ? 'info' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="normdoc-settings-source"
        title={
          inherited
            ? settings.sourceRegionCode
              ? t(
                  `本地区尚未单独设置，当前沿用上级区划 ${settings.sourceRegionCode} 的设置；保存后本地区及下级区划使用新的设置。`,
                  `No own settings: region ${settings.sourceRegionCode}'s apply. Saving creates this region's own settings.`,
                )
              : t(
                  '本地区及上级区划均未设置，当前使用系统默认值；保存后本地区及下级区划使用新的设置。',
                  'No settings here or above: the defaults apply. Saving creates this region’s own settings.',
                )
            : t(
                '以下为本地区的设置；未单独设置的下级区划沿用本设置。',
                'This region’s own settings; regions below without their own follow them.',
              )
        }
      />
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('统一登记编号', 'Registration numbering')} style={{ marginBottom: 16 }}>
            <Form.Item
              name="registrationTemplate"
              label={t('编号模板', 'Template')}
              extra={t(
                '占位符：{abbr} 制定机关的机关代字，{year} 年份，{n} 序号，{n3} 三位序号（如 001）；序号每年从1起连续编号。',
                '{abbr} organ’s code, {year}, {n} serial, {n3} 3-digit serial; serials restart each year.',
              )}
              rules={[
                { required: true, whitespace: true, message: t('请填写编号模板', 'Please enter a template') },
                zodRule(normdocSettingsFieldsSchema.shape.registrationTemplate),
              ]}
            >
              <Input data-testid="settings-registrationTemplate" />
            </Form.Item>
            <Flex gap="small" align="center" wrap>
              <Typography.Text type="secondary">{t('示例机关代字', 'Sample code')}</Typography.Text>
              <Input value={abbr} onChange={(e) => setAbbr(e.target.value)} style={{ width: 100 }} />
              <Typography.Text type="secondary">{t('预览：', 'Preview: ')}</Typography.Text>
              <Typography.Text strong data-testid="settings-template-preview">
                {previewNumber(template, abbr, year, 1)}
              </Typography.Text>
              <Typography.Text type="secondary">{previewNumber(template, abbr, year, 12)}</Typography.Text>
            </Flex>
          </Card>
          <Card size="small" title={t('公开征求意见', 'Public comment')} style={{ marginBottom: 16 }}>
            <Flex gap="large" wrap>
              {days(
                'commentDays',
                t('默认征求意见期', 'Default period'),
                t('一般不少于30日', 'Usually ≥ 30 days'),
              )}
              {days(
                'minCommentDays',
                t('最短征求意见期', 'Shortest period'),
                t('短于默认期限须说明理由', 'Shorter periods need a reason'),
              )}
            </Flex>
          </Card>
          <Card size="small" title={t('有效期', 'Validity')} style={{ marginBottom: 16 }}>
            <Flex gap="large" wrap>
              {years('validityYears', t('一般文件有效期', 'Validity'))}
              {years('provisionalValidityYears', t('暂行、试行文件有效期', 'Provisional'))}
              {days('expiryWarningDays', t('届满前提醒', 'Warn before expiry'))}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('备案期限（公布之日起）', 'Filing deadlines (from publication)')}
            style={{ marginBottom: 16 }}
          >
            <Flex gap="large" wrap>
              {days('filingDaysSuperiorGovernment', FILING_RECIPIENTS.superior_government)}
              {days(
                'filingDaysCongress',
                FILING_RECIPIENTS.same_level_congress,
                t('河南：发布后三十日内（监督法实施办法第五十一条）', 'Henan: 30 days'),
              )}
              {days('filingDaysSameLevelGovernment', t('本级人民政府（部门文件）', 'Same-level government'))}
              {days('filingDaysSuperiorDepartment', FILING_RECIPIENTS.superior_department)}
            </Flex>
          </Card>
          <Card size="small" title={t('报备及时率', 'Filing timeliness')} style={{ marginBottom: 16 }}>
            <Form.Item name="timelinessBase" label={t('及时率分母', 'Denominator')}>
              <Radio.Group data-testid="settings-timelinessBase">
                <Radio value="filed">{t('已报备文件数（按期报备 ÷ 已报备）', 'Documents filed')}</Radio>
                <Radio value="due">{t('应报备文件数（按期报备 ÷ 应报备）', 'Documents due')}</Radio>
              </Radio.Group>
            </Form.Item>
          </Card>
        </Col>
      </Row>
      <Flex justify="flex-end" gap="small">
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="normdoc-settings-save">
          {t('保存设置', 'Save settings')}
        </Button>
      </Flex>
    </Form>
  );
}
