import { isRegionCodeShape, type Region, type RegionLevel } from '@fazhi/contracts';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { showSuccess } from '../../../platform/api';
import { fromIsoDate, toIsoDate } from '../../../platform/format';
import { applyServerErrors, checkRule } from '../../../platform/forms';
import { regionLevelLabel, regionLevelNames, useLabel, useT } from '../../../platform/i18n';
import { testIdProps } from '../../../platform/ui';
import { useCreateRegion, useUpdateRegion } from '../api';
import { RegionTreeSelect } from './RegionTreeSelect';

interface Values {
  code?: string;
  name: string;
  level?: RegionLevel;
  parentCode?: string;
  validFrom?: Dayjs;
  validTo?: Dayjs;
}

interface RegionFormModalProps {
  open: boolean;
  /** null = create. */
  region: Region | null;
  defaultParentCode?: string;
  onClose: () => void;
}

/** 新建/编辑行政区划 (系统管理员). After creation only the name and the abolition date change. */
export function RegionFormModal({ open, region, defaultParentCode, onClose }: RegionFormModalProps) {
  const t = useT();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const create = useCreateRegion();
  const update = useUpdateRegion();
  const editing = region !== null;

  const initialValues: Partial<Values> = region
    ? {
        code: region.code,
        name: region.name,
        level: region.level,
        parentCode: region.parentCode ?? undefined,
        validTo: fromIsoDate(region.validTo),
      }
    : { parentCode: defaultParentCode };

  const onFinish = (v: Values) => {
    const done = () => {
      showSuccess(t('区划已保存', 'Region saved'));
      onClose();
    };
    const onError = (error: unknown) => applyServerErrors(form, error);
    if (region) {
      update.mutate(
        {
          code: region.code,
          input: { name: v.name.trim(), validTo: toIsoDate(v.validTo) ?? null, version: region.version },
        },
        { onSuccess: done, onError },
      );
    } else if (v.code && v.level) {
      create.mutate(
        {
          code: v.code.trim(),
          name: v.name.trim(),
          level: v.level,
          parentCode: v.parentCode ?? null,
          validFrom: toIsoDate(v.validFrom) ?? null,
        },
        { onSuccess: done, onError },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? t('编辑行政区划', 'Edit region') : t('新建行政区划', 'New region')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ loading: create.isPending || update.isPending, ...testIdProps('region-form-submit') }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        data-testid="region-form"
      >
        <Form.Item
          name="code"
          label={t('区划代码', 'Code')}
          extra={t(
            'GB/T 2260：县级及以上 6 位，乡镇 9 位，村 12 位',
            'GB/T 2260: 6 digits (county and above), 9 (township), 12 (village)',
          )}
          rules={[
            { required: true, message: t('请填写区划代码', 'Please enter the code') },
            checkRule(
              isRegionCodeShape,
              t('行政区划代码应为6位（县级及以上）或9/12位（乡镇/村）数字', 'Must be 6, 9 or 12 digits'),
            ),
          ]}
        >
          <Input disabled={editing} data-testid="region-form-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('名称', 'Name')}
          rules={[
            { required: true, whitespace: true, message: t('名称不能为空', 'Please enter the name') },
            { max: 60 },
          ]}
        >
          <Input data-testid="region-form-name" />
        </Form.Item>
        <Form.Item
          name="level"
          label={t('级别', 'Level')}
          rules={[{ required: true, message: t('请选择级别', 'Please choose the level') }]}
        >
          <Select
            disabled={editing}
            options={regionLevelNames.map((l) => ({ value: l, label: label(regionLevelLabel(l)) }))}
            data-testid="region-form-level"
          />
        </Form.Item>
        <Form.Item name="parentCode" label={t('上级区划', 'Parent region')}>
          <RegionTreeSelect
            disabled={editing}
            placeholder={t('无（顶级区划）', 'None (top level)')}
            testId="region-form-parent"
          />
        </Form.Item>
        {editing ? (
          <Form.Item
            name="validTo"
            label={t('撤销日期', 'Abolished on')}
            extra={t('区划撤销或变更时填写', 'Set when the region is abolished')}
          >
            <DatePicker data-testid="region-form-valid-to" />
          </Form.Item>
        ) : (
          <Form.Item name="validFrom" label={t('启用日期', 'Valid from')}>
            <DatePicker data-testid="region-form-valid-from" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
