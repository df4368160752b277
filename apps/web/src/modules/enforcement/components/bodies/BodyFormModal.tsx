import { BODY_KINDS, ENFORCEMENT_FIELDS, POWER_CATEGORIES, type Body } from '@fazhi/contracts';
import { Button, Flex, Form, Input, Select } from 'antd';
import { useT } from '../../../../platform/i18n';
import { useOrgs } from '../../../org';
import { useCreateBody, useUpdateBody } from '../../api/bodies';
import { FormModal, labelOptions } from '../officers/FormModal';

const fieldOptions = ENFORCEMENT_FIELDS.map((f) => ({ value: f, label: f }));

/**
 * Registers an organisation as an enforcement body, or adjusts one (机构改革: the change needs a new confirmation
 * and announcement). 受委托组织 need the entrusting organ, document and matters (河南省行政执法条例 第十四条).
 */
export function BodyFormModal({ body, onClose }: { body: Body | null; onClose: () => void }) {
  const t = useT();
  const create = useCreateBody();
  const update = useUpdateBody();
  const orgs = useOrgs();
  const orgOptions = (orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  return (
    <FormModal
      open
      width={760}
      title={body ? t('调整执法主体', 'Adjust body') : t('登记执法主体', 'Register body')}
      testId="body-form"
      initialValues={
        body
          ? {
              kind: body.kind,
              fields: body.fields,
              legalBasis: body.legalBasis,
              powers: body.powers,
              entrustingOrgId: body.entrustingOrg?.id,
              entrustmentDoc: body.entrustmentDoc,
              entrustedMatters: body.entrustedMatters,
            }
          : { kind: 'administrative_organ', fields: [], legalBasis: [], powers: [], entrustedMatters: [] }
      }
      onClose={onClose}
      onSubmit={(v) => {
        const common = {
          kind: v.kind,
          fields: v.fields,
          legalBasis: v.legalBasis ?? [],
          powers: v.powers ?? [],
          entrustingOrgId: v.entrustingOrgId ?? null,
          entrustmentDoc: (v.entrustmentDoc as string | undefined) || null,
          entrustedMatters: v.entrustedMatters ?? [],
        };
        return body
          ? update.mutateAsync({ id: body.id, version: body.version, ...common, reason: v.reason || null })
          : create.mutateAsync({ orgId: v.orgId, uscc: (v.uscc as string | undefined) || null, ...common });
      }}
    >
      {!body && (
        <Flex gap="small">
          <Form.Item
            name="orgId"
            label={t('单位', 'Organisation')}
            rules={[{ required: true }]}
            style={{ flex: 2 }}
          >
            <Select showSearch optionFilterProp="label" options={orgOptions} loading={orgs.isLoading} />
          </Form.Item>
          <Form.Item name="uscc" label={t('统一社会信用代码', 'USCC')} style={{ flex: 1 }}>
            <Input maxLength={18} placeholder={t('单位未登记代码时填写', 'If not yet recorded')} />
          </Form.Item>
        </Flex>
      )}
      <Form.Item name="kind" label={t('主体类别', 'Kind')} rules={[{ required: true }]}>
        <Select options={labelOptions(BODY_KINDS)} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
        {({ getFieldValue }) =>
          getFieldValue('kind') === 'entrusted_organisation' && (
            <>
              <Form.Item
                name="entrustingOrgId"
                label={t('委托机关', 'Entrusting organ')}
                rules={[{ required: true }]}
              >
                <Select showSearch optionFilterProp="label" options={orgOptions} />
              </Form.Item>
              <Form.Item
                name="entrustmentDoc"
                label={t('委托文件', 'Entrustment document')}
                rules={[{ required: true }]}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item
                name="entrustedMatters"
                label={t('委托事项', 'Entrusted matters')}
                rules={[{ required: true }]}
              >
                <Select mode="tags" />
              </Form.Item>
            </>
          )
        }
      </Form.Item>
      <Form.Item name="fields" label={t('执法领域', 'Fields')} rules={[{ required: true }]}>
        <Select mode="tags" options={fieldOptions} />
      </Form.Item>
      <Form.Item name="legalBasis" label={t('法律依据', 'Legal basis')}>
        <Select mode="tags" />
      </Form.Item>
      <Form.List name="powers">
        {(items, { add, remove }) => (
          <>
            <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
              <span>{t('权责清单事项', 'Powers (权责清单)')}</span>
              <Button size="small" onClick={() => add({ category: 'penalty', legalBasis: '' })}>
                {t('添加事项', 'Add')}
              </Button>
            </Flex>
            {items.map((item) => (
              <Flex key={item.key} gap="small" align="start">
                <Form.Item name={[item.name, 'code']} rules={[{ required: true }]} style={{ width: 110 }}>
                  <Input placeholder={t('编码', 'Code')} />
                </Form.Item>
                <Form.Item name={[item.name, 'name']} rules={[{ required: true }]} style={{ flex: 2 }}>
                  <Input placeholder={t('事项名称', 'Name')} />
                </Form.Item>
                <Form.Item name={[item.name, 'category']} style={{ width: 120 }}>
                  <Select options={labelOptions(POWER_CATEGORIES)} />
                </Form.Item>
                <Form.Item name={[item.name, 'legalBasis']} style={{ flex: 2 }}>
                  <Input placeholder={t('设定依据', 'Legal basis')} />
                </Form.Item>
                <Button type="link" danger onClick={() => remove(item.name)}>
                  {t('删除', 'Remove')}
                </Button>
              </Flex>
            ))}
          </>
        )}
      </Form.List>
      {body && (
        <Form.Item name="reason" label={t('调整原因', 'Reason')}>
          <Input maxLength={500} placeholder={t('如：机构改革职能调整', 'e.g. institutional reform')} />
        </Form.Item>
      )}
    </FormModal>
  );
}
