import {
  INDICATOR_ROLLUPS,
  indicatorCodeSchema,
  type Indicator,
  type IndicatorGroup,
  type IndicatorRollup,
} from '@fazhi/contracts';
import { Drawer, Form, Input, Radio, Select, Switch } from 'antd';
import { useEffect, useMemo } from 'react';
import { showSuccess } from '../../../platform/api';
import { applyServerErrors, zodRule } from '../../../platform/forms';
import { useLabel, useT } from '../../../platform/i18n';
import { DrawerFormFooter } from '../../../platform/ui';
import { useCreateIndicator, useIndicators, useUpdateIndicator } from '../api/catalogue';

interface Values {
  code: string;
  name: string;
  unit: string;
  kind: 'collected' | 'derived';
  groupCode?: string | null;
  rollup: IndicatorRollup;
  numeratorCode?: string | null;
  denominatorCode?: string | null;
  definition?: string;
  active?: boolean;
}

/** 新增 / 编辑 a local indicator (本地指标): collected by 填报, or a rate derived from two indicators. */
export function IndicatorDrawer(props: {
  open: boolean;
  indicator: Indicator | null;
  groups: IndicatorGroup[];
  onClose: () => void;
}) {
  const { open, indicator, groups, onClose } = props;
  const t = useT();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const create = useCreateIndicator();
  const update = useUpdateIndicator();
  const catalogue = useIndicators({});
  const kind = Form.useWatch('kind', form);
  const indicatorOptions = useMemo(
    () =>
      (catalogue.data?.items ?? [])
        .filter((i) => i.unit !== '%' && i.code !== indicator?.code)
        .map((i) => ({ value: i.code, label: `${i.name}（${i.unit}）· ${i.code}` })),
    [catalogue.data, indicator],
  );
  const groupOptions = useMemo(
    () =>
      groups.map((g) => ({
        value: g.code,
        label: `${g.parentCode ? '　' : ''}${g.code} ${g.name}`,
      })),
    [groups],
  );

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      indicator
        ? {
            code: indicator.code,
            name: indicator.name,
            unit: indicator.unit,
            kind: indicator.kind === 'derived' ? 'derived' : 'collected',
            groupCode: indicator.groupCode,
            rollup: indicator.rollup,
            numeratorCode: indicator.numeratorCode,
            denominatorCode: indicator.denominatorCode,
            definition: indicator.definition,
            active: indicator.active,
          }
        : { kind: 'collected', rollup: 'sum', unit: '件', definition: '' },
    );
  }, [open, indicator, form]);

  const onFinish = (v: Values) => {
    const derived = v.kind === 'derived';
    const common = {
      name: v.name.trim(),
      unit: derived ? '%' : v.unit.trim(),
      definition: (v.definition ?? '').trim(),
      groupCode: v.groupCode ?? null,
      rollup: derived ? ('rate' as const) : v.rollup,
      numeratorCode: derived ? (v.numeratorCode ?? null) : null,
      denominatorCode: derived ? (v.denominatorCode ?? null) : null,
    };
    const onError = (error: unknown) => applyServerErrors(form, error);
    const done = () => {
      showSuccess(indicator ? t('已保存', 'Saved') : t('指标已新增', 'Indicator added'));
      onClose();
    };
    if (indicator)
      update.mutate(
        { code: indicator.code, input: { ...common, active: v.active ?? true, version: indicator.version } },
        { onSuccess: done, onError },
      );
    else create.mutate({ ...common, code: v.code.trim(), kind: v.kind }, { onSuccess: done, onError });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={600}
      destroyOnHidden
      title={indicator ? t('编辑本地指标', 'Edit local indicator') : t('新增本地指标', 'New local indicator')}
      footer={
        <DrawerFormFooter
          testId="indicator-form"
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
        onFinish={onFinish}
        data-testid="indicator-form"
      >
        <Form.Item
          name="code"
          label={t('指标代码', 'Code')}
          extra={t(
            '小写字母开头，可含数字和下划线；保存后不能修改',
            'Lower-case letters, digits, underscores; fixed once saved',
          )}
          rules={[
            { required: true, message: t('请填写指标代码', 'Enter a code') },
            zodRule(indicatorCodeSchema),
          ]}
        >
          <Input disabled={!!indicator} placeholder="city_grid_mediators" data-testid="indicator-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('指标名称', 'Name')}
          rules={[{ required: true, whitespace: true, message: t('请填写指标名称', 'Enter a name') }]}
        >
          <Input maxLength={200} data-testid="indicator-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('来源', 'Source')}>
          <Radio.Group disabled={!!indicator}>
            <Radio value="collected">{t('填报采集', 'Collected')}</Radio>
            <Radio value="derived">{t('派生比率（分子÷分母）', 'Derived rate')}</Radio>
          </Radio.Group>
        </Form.Item>
        {kind === 'derived' ? (
          <>
            <Form.Item
              name="numeratorCode"
              label={t('分子指标', 'Numerator')}
              rules={[{ required: true, message: t('请选择分子指标', 'Choose the numerator') }]}
            >
              <Select showSearch optionFilterProp="label" options={indicatorOptions} />
            </Form.Item>
            <Form.Item
              name="denominatorCode"
              label={t('分母指标', 'Denominator')}
              rules={[{ required: true, message: t('请选择分母指标', 'Choose the denominator') }]}
            >
              <Select showSearch optionFilterProp="label" options={indicatorOptions} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              name="unit"
              label={t('计量单位', 'Unit')}
              extra={t('用基本单位（件、人、元），不用万件、万元', 'Base unit (件, 人, 元), not 万件')}
              rules={[{ required: true, whitespace: true, message: t('请填写计量单位', 'Enter a unit') }]}
            >
              <Input maxLength={20} style={{ width: 160 }} data-testid="indicator-unit" />
            </Form.Item>
            <Form.Item name="rollup" label={t('汇总方式', 'Roll-up')}>
              <Radio.Group>
                {(Object.keys(INDICATOR_ROLLUPS) as IndicatorRollup[]).map((r) => (
                  <Radio key={r} value={r}>
                    {label(INDICATOR_ROLLUPS[r])}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
          </>
        )}
        <Form.Item name="groupCode" label={t('分组', 'Group')}>
          <Select allowClear options={groupOptions} />
        </Form.Item>
        <Form.Item name="definition" label={t('口径说明', 'Definition')}>
          <Input.TextArea
            rows={5}
            maxLength={4000}
            placeholder={t(
              '统计什么、统计期间如何界定、比率的分子和分母',
              'What is counted, over which period; for rates the numerator and denominator',
            )}
          />
        </Form.Item>
        {indicator && (
          <Form.Item name="active" label={t('启用', 'Active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
