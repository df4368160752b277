import { COLLECTION_SECTIONS, collectionSectionNames, type CollectionSection } from '@fazhi/contracts';
import { Checkbox, DatePicker, Drawer, Form, Input, Radio, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { showError, showSuccess } from '../../../platform/api';
import { toIsoDate } from '../../../platform/format';
import { useLabel, useT } from '../../../platform/i18n';
import { DrawerFormFooter } from '../../../platform/ui';
import { useOrgs } from '../../org';
import { useCreateTask, useIndicatorCatalogue } from '../api/collection';

interface Values {
  title: string;
  period: string;
  dueDate: Dayjs;
  instructions?: string;
  indicatorCodes: string[];
  sectionCodes: CollectionSection[];
  targetMode: 'region' | 'list';
  includeGovernments: boolean;
  orgIds?: string[];
}

/** 新建填报任务: indicators chosen by group, narrative sections, targets (the whole region or a list), deadline. */
export function TaskCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const label = useLabel();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateTask();
  const { groups, indicators, loading } = useIndicatorCatalogue();
  const orgs = useOrgs();
  const mode = Form.useWatch('targetMode', form);

  const tree = useMemo(() => {
    const byGroup = new Map<string, typeof indicators>();
    for (const i of indicators) {
      const k = i.groupCode ?? '';
      byGroup.set(k, [...(byGroup.get(k) ?? []), i]);
    }
    const node = (code: string, name: string) => ({
      value: `group:${code}`,
      title: name,
      children: (byGroup.get(code) ?? []).map((i) => ({
        value: i.code,
        title: `${i.name}（${i.unit}）`,
      })),
    });
    const out = groups.filter((g) => byGroup.has(g.code)).map((g) => node(g.code, `${g.code} ${g.name}`));
    if (byGroup.has('')) out.push(node('', t('未分组', 'Ungrouped')));
    return out;
  }, [groups, indicators, t]);

  const submit = async (v: Values) => {
    try {
      const task = await create.mutateAsync({
        title: v.title,
        period: v.period,
        dueDate: toIsoDate(v.dueDate) ?? '',
        instructions: v.instructions ?? '',
        indicatorCodes: v.indicatorCodes.filter((c) => !c.startsWith('group:')),
        sectionCodes: v.sectionCodes,
        targetMode: v.targetMode,
        includeGovernments: v.includeGovernments,
        orgIds: v.targetMode === 'list' ? (v.orgIds ?? []) : [],
      });
      showSuccess(t('任务已创建，核对后请下发', 'Task created; open it when ready'));
      form.resetFields();
      onClose();
      void navigate(`/collection/tasks/${task.id}`);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      title={t('新建填报任务', 'New collection task')}
      destroyOnHidden
      footer={
        <DrawerFormFooter
          testId="task-form"
          saving={create.isPending}
          onCancel={onClose}
          onSave={() => form.submit()}
        />
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          period: String(dayjs().year() - 1),
          title: `${dayjs().year() - 1}年度法治政府建设情况数据填报`,
          dueDate: dayjs(`${dayjs().year()}-02-15`).isAfter(dayjs())
            ? dayjs(`${dayjs().year()}-02-15`)
            : dayjs().add(14, 'day'),
          sectionCodes: ['g1', 'first_responsible', 'problems', 'next_year'],
          targetMode: 'region',
          includeGovernments: false,
        }}
      >
        <Form.Item
          name="title"
          label={t('任务名称', 'Title')}
          rules={[{ required: true, message: t('请填写任务名称', 'Required') }]}
        >
          <Input data-testid="task-title" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('统计期间', 'Period')}
          extra={t('年度如 2025；半年 2025-H1；季度 2025-Q3', 'Year 2025, half 2025-H1, quarter 2025-Q3')}
          rules={[
            {
              required: true,
              pattern: /^\d{4}(-(H[12]|Q[1-4]))?$/,
              message: t('期间格式不正确', 'Invalid period'),
            },
          ]}
        >
          <Input data-testid="task-period" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label={t('截止日期', 'Due date')}
          extra={t(
            '部门年度报告应于3月1日前报送（厅字〔2019〕28号），请留出汇总时间',
            'Annual reports are due by 1 March',
          )}
          rules={[{ required: true, message: t('请选择截止日期', 'Required') }]}
        >
          <DatePicker data-testid="task-due" disabledDate={(d) => !d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="indicatorCodes"
          label={t('填报指标（按分组选择）', 'Indicators (by group)')}
          rules={[
            {
              required: true,
              type: 'array',
              min: 1,
              message: t('请至少选择一项指标', 'Choose at least one'),
            },
          ]}
        >
          <TreeSelect
            treeData={tree}
            treeCheckable
            showCheckedStrategy={TreeSelect.SHOW_CHILD}
            loading={loading}
            treeNodeFilterProp="title"
            showSearch
            maxTagCount={8}
            placeholder={t('选择分组或单项指标', 'Choose groups or indicators')}
            data-testid="task-indicators"
          />
        </Form.Item>
        <Form.Item name="sectionCodes" label={t('情况说明栏目', 'Narrative sections')}>
          <Checkbox.Group
            options={collectionSectionNames.map((c) => ({ value: c, label: label(COLLECTION_SECTIONS[c]) }))}
            style={{ display: 'grid', gap: 4 }}
          />
        </Form.Item>
        <Form.Item name="targetMode" label={t('填报单位', 'Organisations')}>
          <Radio.Group data-testid="task-target-mode">
            <Radio value="region">
              {t('本辖区全部部门和乡镇（街道）', 'All departments and townships of the region')}
            </Radio>
            <Radio value="list">{t('指定单位', 'Chosen organisations')}</Radio>
          </Radio.Group>
        </Form.Item>
        {mode === 'region' ? (
          <Form.Item name="includeGovernments" valuePropName="checked">
            <Checkbox>{t('同时包括人民政府（办公室）', 'Include the people’s governments')}</Checkbox>
          </Form.Item>
        ) : (
          <Form.Item
            name="orgIds"
            rules={[
              { required: true, type: 'array', min: 1, message: t('请选择填报单位', 'Choose organisations') },
            ]}
          >
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              loading={orgs.isLoading}
              options={(orgs.data ?? [])
                .filter((o) => !o.disabled)
                .map((o) => ({ value: o.id, label: o.name }))}
              data-testid="task-orgs"
            />
          </Form.Item>
        )}
        <Form.Item name="instructions" label={t('填报说明', 'Instructions')}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
