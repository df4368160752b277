import type { IndicatorSystemItem, IndicatorSystemTree } from '@fazhi/contracts';
import { Drawer, Form, Input, Select, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { showSuccess } from '../../../platform/api';
import { applyServerErrors } from '../../../platform/forms';
import { useT } from '../../../platform/i18n';
import { DrawerFormFooter } from '../../../platform/ui';
import { useAddSystemItem, useIndicators, useUpdateSystemItem } from '../api/catalogue';

interface Values {
  number: string;
  text: string;
  evidenceRequirements: string[];
  indicatorCodes: string[];
}

/** Which item the drawer edits: an existing one, or a new one under `parent` (null: a first-level item). */
export type ItemEditing = { item: IndicatorSystemItem } | { parent: IndicatorSystemItem | null };

const LEVEL_NAMES = ['', '一级指标', '二级指标', '三级指标'];

/** An item of an indicator system: number, text, the evidence it requires and the indicators that evidence it. */
export function SystemItemDrawer(props: {
  system: IndicatorSystemTree;
  editing: ItemEditing | null;
  onClose: () => void;
}) {
  const { system, editing, onClose } = props;
  const t = useT();
  const [form] = Form.useForm<Values>();
  const add = useAddSystemItem();
  const update = useUpdateSystemItem();
  const catalogue = useIndicators({});
  const options = useMemo(
    () =>
      (catalogue.data?.items ?? []).map((i) => ({
        value: i.code,
        label: `${i.name}（${i.unit}）${i.groupCode ? ` · ${i.groupCode}` : ''}`,
      })),
    [catalogue.data],
  );
  const item = editing && 'item' in editing ? editing.item : null;
  const parent = editing && 'parent' in editing ? editing.parent : null;
  const level = item ? item.level : parent ? parent.level + 1 : 1;

  useEffect(() => {
    if (!editing) return;
    form.setFieldsValue(
      item
        ? {
            number: item.number,
            text: item.text,
            evidenceRequirements: item.evidenceRequirements,
            indicatorCodes: item.indicatorCodes,
          }
        : { number: '', text: '', evidenceRequirements: [], indicatorCodes: [] },
    );
  }, [editing, item, form]);

  const onFinish = (v: Values) => {
    const body = {
      number: v.number.trim(),
      text: v.text.trim(),
      evidenceRequirements: (v.evidenceRequirements ?? []).map((e) => e.trim()).filter(Boolean),
      indicatorCodes: v.indicatorCodes ?? [],
      version: system.version,
    };
    const onError = (error: unknown) => applyServerErrors(form, error);
    const done = () => {
      showSuccess(t('已保存', 'Saved'));
      onClose();
    };
    if (item) update.mutate({ id: item.id, input: body }, { onSuccess: done, onError });
    else
      add.mutate(
        { systemId: system.id, input: { ...body, parentId: parent?.id ?? null } },
        { onSuccess: done, onError },
      );
  };

  return (
    <Drawer
      open={!!editing}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={
        item
          ? t(`编辑${LEVEL_NAMES[level] ?? '指标'}`, 'Edit item')
          : t(`新增${LEVEL_NAMES[level] ?? '指标'}`, 'New item')
      }
      footer={
        <DrawerFormFooter
          testId="system-item-form"
          saving={add.isPending || update.isPending}
          onCancel={onClose}
          onSave={() => form.submit()}
        />
      }
    >
      {parent && (
        <Typography.Paragraph type="secondary">
          {t('上级指标：', 'Parent: ')}
          {parent.number} {parent.text}
        </Typography.Paragraph>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={onFinish}
        data-testid="system-item-form"
      >
        <Form.Item
          name="number"
          label={t('序号', 'Number')}
          extra={t(
            '如“一”“1”“(1)”；三级指标在整个体系内连续编号',
            'e.g. 一, 1, (1); third-level numbers run across the system',
          )}
          rules={[{ required: true, whitespace: true, message: t('请填写序号', 'Enter the number') }]}
        >
          <Input maxLength={10} style={{ width: 160 }} data-testid="system-item-number" />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('指标内容', 'Text')}
          rules={[{ required: true, whitespace: true, message: t('请填写指标内容', 'Enter the text') }]}
        >
          <Input.TextArea rows={4} maxLength={4000} data-testid="system-item-text" />
        </Form.Item>
        <Form.Item
          name="evidenceRequirements"
          label={t('证明材料要求', 'Evidence required')}
          extra={t('输入后回车添加一项', 'Type and press Enter to add')}
        >
          <Select mode="tags" open={false} tokenSeparators={['\n']} data-testid="system-item-evidence" />
        </Form.Item>
        <Form.Item name="indicatorCodes" label={t('关联指标', 'Linked indicators')}>
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            options={options}
            loading={catalogue.isLoading}
            data-testid="system-item-indicators"
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
