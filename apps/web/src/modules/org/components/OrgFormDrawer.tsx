import { isValidUscc, type Org, type OrgType } from '@fazhi/contracts';
import { Drawer, Flex, Form, Input, Select, Switch } from 'antd';
import { useMemo } from 'react';
import { showSuccess } from '../../../platform/api';
import { applyServerErrors, checkRule } from '../../../platform/forms';
import { orgTypeLabel, orgTypeNames, useLabel, useT } from '../../../platform/i18n';
import { DrawerFormFooter } from '../../../platform/ui';
import { buildTree, subtreeIds } from '../../../platform/tree';
import { useCreateOrg, useOrgs, useUpdateOrg } from '../api';
import { OrgTreeSelect } from './OrgTreeSelect';
import { RegionTreeSelect } from './RegionTreeSelect';

interface Values {
  name: string;
  shortName?: string;
  type?: OrgType;
  uscc?: string;
  docCodePrefix?: string;
  parentId?: string;
  regionCode?: string;
  isLawEnforcementBody: boolean;
  isReconsiderationOrgan: boolean;
}

interface OrgFormDrawerProps {
  open: boolean;
  /** null = create. */
  org: Org | null;
  /** Preselected region when creating from a selected region. */
  defaultRegionCode?: string;
  onClose: () => void;
}

const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/** Create or edit an organisation (单位). */
export function OrgFormDrawer({ open, org, defaultRegionCode, onClose }: OrgFormDrawerProps) {
  const t = useT();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrg();
  const update = useUpdateOrg();
  const { data: allOrgs } = useOrgs();
  const editing = org !== null;

  // The drawer destroys its content when hidden, so the form remounts with these values on every open.
  const initialValues: Partial<Values> = org
    ? {
        name: org.name,
        shortName: org.shortName ?? undefined,
        type: org.type,
        uscc: org.uscc ?? undefined,
        docCodePrefix: org.docCodePrefix ?? undefined,
        parentId: org.parentId ?? undefined,
        regionCode: org.regionCode,
        isLawEnforcementBody: org.isLawEnforcementBody,
        isReconsiderationOrgan: org.isReconsiderationOrgan,
      }
    : { regionCode: defaultRegionCode, isLawEnforcementBody: false, isReconsiderationOrgan: false };

  // An organisation cannot be placed under itself or one of its descendants.
  const excluded = useMemo(
    () =>
      org
        ? subtreeIds(
            buildTree(
              allOrgs ?? [],
              (o) => o.id,
              (o) => o.parentId,
            ),
            org.id,
            (o) => o.id,
          )
        : undefined,
    [org, allOrgs],
  );

  const onFinish = (v: Values) => {
    const common = {
      name: v.name.trim(),
      shortName: blank(v.shortName),
      uscc: blank(v.uscc),
      docCodePrefix: blank(v.docCodePrefix),
      parentId: v.parentId ?? null,
      isLawEnforcementBody: v.isLawEnforcementBody,
      isReconsiderationOrgan: v.isReconsiderationOrgan,
    };
    const done = () => {
      showSuccess(editing ? t('单位已保存', 'Organisation saved') : t('单位已创建', 'Organisation created'));
      onClose();
    };
    const onError = (error: unknown) => applyServerErrors(form, error);
    if (org) {
      update.mutate(
        { id: org.id, input: { ...common, type: v.type, version: org.version } },
        { onSuccess: done, onError },
      );
    } else if (v.type && v.regionCode) {
      create.mutate({ ...common, type: v.type, regionCode: v.regionCode }, { onSuccess: done, onError });
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={editing ? t('编辑单位', 'Edit organisation') : t('新建单位', 'New organisation')}
      footer={
        <DrawerFormFooter
          testId="org-form"
          saving={create.isPending || update.isPending}
          onCancel={onClose}
          onSave={() => form.submit()}
        />
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        data-testid="org-form"
      >
        <Form.Item
          name="name"
          label={t('单位名称', 'Name')}
          rules={[
            { required: true, whitespace: true, message: t('请填写单位名称', 'Please enter the name') },
            { min: 2, max: 80, message: t('单位名称应为 2–80 个字', 'The name must be 2–80 characters') },
          ]}
        >
          <Input data-testid="org-form-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t('简称', 'Short name')} rules={[{ max: 30 }]}>
          <Input data-testid="org-form-short-name" />
        </Form.Item>
        <Form.Item
          name="type"
          label={t('单位类型', 'Type')}
          rules={[{ required: true, message: t('请选择单位类型', 'Please choose the type') }]}
        >
          <Select
            options={orgTypeNames.map((k) => ({ value: k, label: label(orgTypeLabel(k)) }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="org-form-type"
          />
        </Form.Item>
        <Form.Item
          name="uscc"
          label={t('统一社会信用代码', 'Unified social credit code')}
          normalize={(v: string | undefined) => v?.toUpperCase().replace(/\s/g, '')}
          rules={[
            checkRule(
              isValidUscc,
              t(
                '统一社会信用代码无效（18位，校验位须正确）',
                'Invalid code (18 characters with a valid check character)',
              ),
            ),
          ]}
        >
          <Input maxLength={18} placeholder="11410000XXXXXXXXXX" data-testid="org-form-uscc" />
        </Form.Item>
        <Form.Item
          name="docCodePrefix"
          label={t('机关代字', 'Document-number prefix')}
          extra={t('用于发文字号，如“三政文”', 'Used in document numbers, e.g. 三政文')}
          rules={[
            { max: 12 },
            checkRule(
              (s) => /^[\u4e00-\u9fa5]+$/.test(s.trim()),
              t('机关代字应为汉字，如“三政文”', 'Chinese characters only'),
            ),
          ]}
        >
          <Input data-testid="org-form-doc-code-prefix" />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('行政区划', 'Region')}
          extra={
            editing
              ? t('单位所属区划创建后不能修改', 'The region cannot be changed after creation')
              : undefined
          }
          rules={[{ required: true, message: t('请选择行政区划', 'Please choose the region') }]}
        >
          <RegionTreeSelect disabled={editing} testId="org-form-region" />
        </Form.Item>
        <Form.Item name="parentId" label={t('上级单位', 'Parent organisation')}>
          <OrgTreeSelect
            excludeIds={excluded}
            placeholder={t('无（顶级单位）', 'None (top level)')}
            testId="org-form-parent"
          />
        </Form.Item>
        <Flex gap="large">
          <Form.Item
            name="isLawEnforcementBody"
            label={t('行政执法主体', 'Law-enforcement body')}
            valuePropName="checked"
          >
            <Switch data-testid="org-form-law-enforcement" />
          </Form.Item>
          <Form.Item
            name="isReconsiderationOrgan"
            label={t('行政复议机关', 'Reconsideration organ')}
            valuePropName="checked"
          >
            <Switch data-testid="org-form-reconsideration" />
          </Form.Item>
        </Flex>
      </Form>
    </Drawer>
  );
}
