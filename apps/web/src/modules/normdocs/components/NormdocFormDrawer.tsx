import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { NORMDOC_KINDS, type Normdoc, type NormdocKind } from '@fazhi/contracts';
import { Button, Checkbox, Drawer, Flex, Form, Input, Radio, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import { showSuccess } from '../../../platform/api';
import { applyServerErrors } from '../../../platform/forms';
import { useT } from '../../../platform/i18n';
import { DrawerFormFooter } from '../../../platform/ui';
import { OrgTreeSelect, useOrgs } from '../../org';
import { useCreateNormdoc, useUpdateNormdoc } from '../api/documents';

interface Values {
  title: string;
  kind: NormdocKind;
  orgId?: string;
  coIssuerOrgIds: string[];
  docNumber?: string;
  involvesPublicInterest: boolean;
  involvesMarketEntities: boolean;
  involvesMajorDecision: boolean;
  provisionalRules: boolean;
  interpretationRequired: boolean;
  legalBasis: { name: string; article?: string }[];
  summary: string;
  body: string;
}

interface NormdocFormDrawerProps {
  open: boolean;
  /** The document to edit; null creates one. */
  doc: Normdoc | null;
  onClose: () => void;
  /** Called instead of `onClose` after a successful save (e.g. to open the new document). */
  onSaved?: (doc: Normdoc) => void;
}

/** 新建 / 编辑 a draft: title, kind, issuing organs, the three procedure flags, legal basis and text. */
export function NormdocFormDrawer({ open, doc, onClose, onSaved }: NormdocFormDrawerProps) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateNormdoc();
  const update = useUpdateNormdoc();
  const orgs = useOrgs();
  const orgOptions = useMemo(
    () => (orgs.data ?? []).filter((o) => !o.disabled).map((o) => ({ value: o.id, label: o.name })),
    [orgs.data],
  );

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      doc
        ? {
            title: doc.title,
            kind: doc.kind,
            coIssuerOrgIds: doc.coIssuers.map((o) => o.id),
            docNumber: doc.docNumber ?? undefined,
            involvesPublicInterest: doc.involvesPublicInterest,
            involvesMarketEntities: doc.involvesMarketEntities,
            involvesMajorDecision: doc.involvesMajorDecision,
            provisionalRules: doc.provisionalRules,
            interpretationRequired: doc.interpretationRequired,
            legalBasis: doc.legalBasis,
            summary: doc.summary,
            body: doc.body,
          }
        : {},
    );
  }, [open, doc, form]);

  const onFinish = (v: Values) => {
    const common = {
      title: v.title.trim(),
      coIssuerOrgIds: v.coIssuerOrgIds ?? [],
      docNumber: v.docNumber?.trim() || undefined,
      involvesPublicInterest: !!v.involvesPublicInterest,
      involvesMarketEntities: !!v.involvesMarketEntities,
      involvesMajorDecision: !!v.involvesMajorDecision,
      provisionalRules: !!v.provisionalRules,
      interpretationRequired: !!v.interpretationRequired,
      legalBasis: (v.legalBasis ?? [])
        .filter((b) => b?.name?.trim())
        .map((b) => ({ name: b.name.trim(), article: b.article?.trim() || undefined })),
      summary: v.summary ?? '',
      body: v.body ?? '',
    };
    const done = (saved: Normdoc) => {
      showSuccess(doc ? t('已保存', 'Saved') : t('文件已创建', 'Document created'));
      if (onSaved) onSaved(saved);
      else onClose();
    };
    const onError = (error: unknown) => applyServerErrors(form, error);
    if (doc)
      update.mutate({ id: doc.id, input: { ...common, version: doc.version } }, { onSuccess: done, onError });
    else create.mutate({ ...common, kind: v.kind, orgId: v.orgId }, { onSuccess: done, onError });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={doc ? t('编辑文件', 'Edit document') : t('新建规范性文件', 'New normative document')}
      footer={
        <DrawerFormFooter
          testId="normdoc-form"
          saving={create.isPending || update.isPending}
          onCancel={onClose}
          onSave={() => form.submit()}
        />
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          kind: 'department',
          coIssuerOrgIds: [],
          involvesPublicInterest: false,
          involvesMarketEntities: false,
          involvesMajorDecision: false,
          provisionalRules: false,
          interpretationRequired: true,
          legalBasis: [],
          summary: '',
          body: '',
        }}
        onFinish={onFinish}
        data-testid="normdoc-form"
      >
        <Form.Item
          name="title"
          label={t('文件标题', 'Title')}
          rules={[
            { required: true, whitespace: true, message: t('请填写文件标题', 'Please enter the title') },
            { max: 200, message: t('文件标题不能超过200字', 'At most 200 characters') },
          ]}
        >
          <Input
            placeholder={t(
              '如：关于进一步优化营商环境的若干意见',
              'e.g. Opinions on the business environment',
            )}
            data-testid="normdoc-title-input"
          />
        </Form.Item>
        {!doc && (
          <Flex gap="middle" wrap>
            <Form.Item name="kind" label={t('文件类型', 'Kind')} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                options={(Object.keys(NORMDOC_KINDS) as NormdocKind[]).map((k) => ({
                  value: k,
                  label: NORMDOC_KINDS[k],
                }))}
                data-testid="normdoc-kind-input"
              />
            </Form.Item>
            <Form.Item
              name="orgId"
              label={t('制定机关', 'Issuing organ')}
              extra={t('留空则为本单位', 'Empty = your own organisation')}
            >
              <OrgTreeSelect placeholder={t('本单位', 'Own organisation')} testId="normdoc-org-input" />
            </Form.Item>
          </Flex>
        )}
        <Form.Item
          name="coIssuerOrgIds"
          label={t('联合发文机关', 'Co-issuing organs')}
          extra={t('联合发文时选择其他制定机关；可不填', 'For joint issuance; optional')}
        >
          <Select
            mode="multiple"
            allowClear
            options={orgOptions}
            loading={orgs.isLoading}
            optionFilterProp="label"
            placeholder={t('选择单位', 'Choose organisations')}
            data-testid="normdoc-coissuers-input"
          />
        </Form.Item>
        <Form.Item
          name="docNumber"
          label={t('发文字号', 'Document number')}
          extra={t('如 三政〔2026〕5号；可在公布前补填', 'e.g. 三政〔2026〕5号; may be added later')}
          rules={[{ max: 50 }]}
        >
          <Input data-testid="normdoc-docnumber-input" />
        </Form.Item>
        <Flex vertical gap={4} style={{ marginBottom: 16 }}>
          <Form.Item name="involvesPublicInterest" valuePropName="checked" noStyle>
            <Checkbox data-testid="normdoc-flag-public-interest">
              {t(
                '涉及群众切身利益（须公开征求意见）',
                'Concerns the public’s vital interests (public comment)',
              )}
            </Checkbox>
          </Form.Item>
          <Form.Item name="involvesMarketEntities" valuePropName="checked" noStyle>
            <Checkbox data-testid="normdoc-flag-market">
              {t(
                '涉及经营主体经济活动（须公平竞争审查）',
                'Affects market entities (fair-competition review)',
              )}
            </Checkbox>
          </Form.Item>
          <Form.Item name="involvesMajorDecision" valuePropName="checked" noStyle>
            <Checkbox data-testid="normdoc-flag-major-decision">
              {t('属于重大行政决策', 'Is a major administrative decision')}
            </Checkbox>
          </Form.Item>
          <Form.Item name="provisionalRules" valuePropName="checked" noStyle>
            <Checkbox data-testid="normdoc-flag-provisional">
              {t('暂行 / 试行（有效期较短）', 'Provisional / trial (shorter validity)')}
            </Checkbox>
          </Form.Item>
          <Form.Item name="interpretationRequired" valuePropName="checked" noStyle>
            <Checkbox data-testid="normdoc-flag-interpretation">
              {t('需要政策解读', 'Needs a policy interpretation')}
            </Checkbox>
          </Form.Item>
        </Flex>
        <Form.Item label={t('上位法依据', 'Legal basis')}>
          <Form.List name="legalBasis">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="start">
                    <Form.Item
                      name={[field.name, 'name']}
                      noStyle
                      rules={[
                        { required: true, whitespace: true, message: t('请填写名称', 'Enter the name') },
                        { max: 200 },
                      ]}
                    >
                      <Input
                        placeholder={t('法律法规名称，如 优化营商环境条例', 'Law or regulation')}
                        style={{ flex: 2 }}
                        data-testid={`normdoc-basis-name-${field.name}`}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'article']} noStyle rules={[{ max: 100 }]}>
                      <Input placeholder={t('条款，如 第十条', 'Article')} style={{ flex: 1 }} />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('删除', 'Remove')}
                    />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ name: '', article: '' })}
                  disabled={fields.length >= 50}
                  data-testid="normdoc-basis-add"
                >
                  {t('添加上位法依据', 'Add a legal basis')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="summary" label={t('内容摘要', 'Summary')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} showCount maxLength={2000} data-testid="normdoc-summary-input" />
        </Form.Item>
        <Form.Item name="body" label={t('正文', 'Text')}>
          <Input.TextArea rows={12} data-testid="normdoc-body-input" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
