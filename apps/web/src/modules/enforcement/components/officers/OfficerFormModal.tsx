import { ENFORCEMENT_FIELDS, STAFF_TYPES, type OfficerDetail } from '@fazhi/contracts';
import { Alert, Form, Input, Select, Switch } from 'antd';
import { useT } from '../../../../platform/i18n';
import { useOrgs } from '../../../org';
import { useCreateOfficer, useUpdateOfficer } from '../../api/officers';
import { FormModal, labelOptions } from './FormModal';

const fieldOptions = ENFORCEMENT_FIELDS.map((f) => ({ value: f, label: f }));

/** Registers an officer (with the ID number) or edits one (the ID number is fixed once registered). */
export function OfficerFormModal({
  officer,
  onClose,
}: {
  officer: OfficerDetail | null;
  onClose: () => void;
}) {
  const t = useT();
  const create = useCreateOfficer();
  const update = useUpdateOfficer();
  const orgs = useOrgs();
  const editing = officer !== null;
  return (
    <FormModal
      open
      title={editing ? t('修改执法人员', 'Edit officer') : t('登记执法人员', 'Register officer')}
      testId="officer-form"
      initialValues={
        officer
          ? {
              name: officer.name,
              staffType: officer.staffType,
              position: officer.position,
              fields: officer.fields,
              regionScope: officer.regionScope,
              legalQualification: officer.legalQualification,
            }
          : { staffType: 'established', fields: [], legalQualification: false }
      }
      onClose={onClose}
      onSubmit={(v) =>
        officer
          ? update.mutateAsync({
              id: officer.id,
              version: officer.version,
              name: v.name,
              staffType: v.staffType,
              position: (v.position as string | undefined) || null,
              fields: v.fields,
              regionScope: (v.regionScope as string | undefined) || null,
              legalQualification: v.legalQualification,
            })
          : create.mutateAsync({ ...v, position: v.position || null, regionScope: v.regionScope || null })
      }
    >
      {!editing && (
        <Form.Item name="orgId" label={t('执法主体', 'Enforcement body')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={orgs.isLoading}
            options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('姓名', 'Name')} rules={[{ required: true, min: 2 }]}>
        <Input maxLength={30} />
      </Form.Item>
      {!editing && (
        <Form.Item
          name="idNumber"
          label={t('身份证号码', 'ID number')}
          rules={[{ required: true, len: 18, message: t('请填写18位身份证号码', '18 characters') }]}
        >
          <Input maxLength={18} />
        </Form.Item>
      )}
      <Form.Item name="staffType" label={t('人员类别', 'Staff type')} rules={[{ required: true }]}>
        <Select options={labelOptions(STAFF_TYPES)} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.staffType !== b.staffType}>
        {({ getFieldValue }) =>
          getFieldValue('staffType') !== 'established' ? (
            <Alert
              type="warning"
              style={{ marginBottom: 16 }}
              message={t(
                '非在编在职人员不得申领行政执法证件（《河南省行政执法条例》第二十条）',
                'Only established staff may hold an enforcement certificate',
              )}
            />
          ) : null
        }
      </Form.Item>
      <Form.Item name="position" label={t('职务', 'Position')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="fields" label={t('执法领域', 'Fields')}>
        <Select mode="tags" options={fieldOptions} />
      </Form.Item>
      <Form.Item name="regionScope" label={t('执法区域', 'Area')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="legalQualification"
        label={t('具有法律职业资格', 'Legal qualification')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
