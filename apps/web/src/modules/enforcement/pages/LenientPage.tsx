import { LENIENT_LIST_KINDS, type LenientList, type LenientListKind } from '@fazhi/contracts';
import {
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ExportButton, downloadFile, showError, showSuccess } from '../../../platform/api';
import { useCan } from '../../../platform/access/use-can';
import { useT } from '../../../platform/i18n';
import { PageCard } from '../../../platform/ui/PageCard';
import {
  LENIENT_PATH,
  useCreateLenientCase,
  useCreateLenientList,
  useImportLenientCases,
  useLenientCases,
  useLenientList,
  useLenientLists,
  useLenientTotals,
  useReviseLenientList,
} from '../api/lenient';

const kindOptions = Object.entries(LENIENT_LIST_KINDS).map(([value, label]) => ({ value, label }));
type ItemForm = {
  conduct: string;
  circumstances: string;
  conditions?: string;
  legalBasis: string;
  penaltyBasis?: string;
};

/** 包容审慎监管“四张清单”: each body's lists with versions, the cases handled under them, and totals. */
export function LenientPage() {
  const t = useT();
  const can = useCan();
  const [kind, setKind] = useState<LenientListKind | undefined>();
  const [all, setAll] = useState(false);
  const [year, setYear] = useState<number | undefined>(dayjs().year());
  const [openId, setOpenId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const filters = { kind, all: all ? '1' : undefined };
  const lists = useLenientLists(filters);
  const totals = useLenientTotals(year);

  return (
    <PageCard
      title={t('包容审慎监管“四张清单”', 'Lenient-enforcement lists')}
      testId="lenient-page"
      extra={
        <Space>
          {can('enforcement.body') && (
            <Button type="primary" onClick={() => setEditing({ id: null })} data-testid="lenient-create">
              {t('新建清单', 'New list')}
            </Button>
          )}
          <ExportButton listPath={`${LENIENT_PATH}/lists`} filters={filters} fileBaseName="四张清单" />
        </Space>
      }
    >
      <Flex gap={24} wrap style={{ marginBottom: 16 }}>
        <InputNumber
          value={year}
          onChange={(v) => setYear(v ?? undefined)}
          min={2000}
          max={2100}
          addonBefore={t('年度', 'Year')}
        />
        <Statistic title={t('现行清单事项', 'Items (current)')} value={totals.data?.items ?? 0} />
        <Statistic title={t('办理案件（件）', 'Cases')} value={totals.data?.cases ?? 0} />
        <Statistic
          title={t('减免罚款（元）', 'Waived/reduced (yuan)')}
          value={totals.data?.amountYuan ?? 0}
          precision={2}
        />
      </Flex>
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('清单类型', 'Kind')}
          options={kindOptions}
          value={kind}
          onChange={setKind}
          style={{ width: 200 }}
        />
        <Select
          value={all ? '1' : '0'}
          onChange={(v) => setAll(v === '1')}
          options={[
            { value: '0', label: t('仅现行版本', 'Current versions') },
            { value: '1', label: t('含历史版本', 'All versions') },
          ]}
        />
      </Space>
      <Table<LenientList>
        rowKey="id"
        loading={lists.isLoading}
        dataSource={lists.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('执法单位', 'Body'), dataIndex: 'orgName' },
          {
            title: t('类型', 'Kind'),
            dataIndex: 'kind',
            render: (k: LenientListKind) => LENIENT_LIST_KINDS[k],
          },
          { title: t('名称', 'Title'), dataIndex: 'title' },
          {
            title: t('版本', 'Version'),
            render: (_, r) => (
              <Space>
                {`v${r.versionNo}`}
                {r.current ? (
                  <Tag color="green">{t('现行', 'Current')}</Tag>
                ) : (
                  <Tag>{t('历史', 'Superseded')}</Tag>
                )}
              </Space>
            ),
          },
          { title: t('生效', 'From'), dataIndex: 'effectiveFrom' },
          { title: t('失效', 'To'), dataIndex: 'effectiveTo', render: (v: string | null) => v ?? '—' },
          { title: t('事项', 'Items'), dataIndex: 'itemCount' },
          { title: t('案件', 'Cases'), dataIndex: 'cases' },
          { title: t('减免（元）', 'Amount'), dataIndex: 'amountYuan' },
        ]}
      />
      {openId && (
        <ListDrawer id={openId} onClose={() => setOpenId(null)} onRevise={(id) => setEditing({ id })} />
      )}
      {editing && (
        <ListEditor id={editing.id} onClose={() => setEditing(null)} onSaved={(id) => setOpenId(id)} />
      )}
    </PageCard>
  );
}

function ListDrawer({
  id,
  onClose,
  onRevise,
}: {
  id: string;
  onClose: () => void;
  onRevise: (id: string) => void;
}) {
  const t = useT();
  const { data } = useLenientList(id);
  const cases = useLenientCases(id);
  const [adding, setAdding] = useState(false);
  const importCases = useImportLenientCases(id);
  if (!data) return null;
  return (
    <Drawer open width={960} onClose={onClose} title={`${data.title}（v${data.versionNo}）`}>
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('执法单位', 'Body')}>{data.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('类型', 'Kind')}>{LENIENT_LIST_KINDS[data.kind]}</Descriptions.Item>
        <Descriptions.Item label={t('有效期', 'Validity')}>
          {data.effectiveFrom} ~ {data.effectiveTo ?? t('至今', 'now')}
        </Descriptions.Item>
      </Descriptions>
      <Space style={{ marginBottom: 12 }}>
        {data.actions.includes('revise') && (
          <Button onClick={() => onRevise(data.id)}>{t('修订（新版本）', 'Revise (new version)')}</Button>
        )}
        {data.actions.includes('addCase') && (
          <>
            <Button onClick={() => setAdding(true)}>{t('登记案件', 'Add case')}</Button>
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                importCases.mutate(file, {
                  onSuccess: (r) => showSuccess(t(`已导入 ${r.imported} 件`, `Imported ${r.imported}`)),
                  onError: showError,
                });
                return false;
              }}
            >
              <Button loading={importCases.isPending}>{t('导入案件', 'Import cases')}</Button>
            </Upload>
            <Button
              type="link"
              onClick={() =>
                void downloadFile(`${LENIENT_PATH}/cases/template.xlsx`, {}, '清单案件导入模板.xlsx').catch(
                  showError,
                )
              }
            >
              {t('下载模板', 'Template')}
            </Button>
          </>
        )}
      </Space>
      <Tabs
        items={[
          {
            key: 'items',
            label: t('事项', 'Items'),
            children: (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={data.items}
                columns={[
                  { title: t('序号', 'No.'), dataIndex: 'seq', width: 60 },
                  { title: t('违法行为', 'Conduct'), dataIndex: 'conduct' },
                  { title: t('适用情形', 'Circumstances'), dataIndex: 'circumstances' },
                  { title: t('法律依据', 'Legal basis'), dataIndex: 'legalBasis' },
                  { title: t('案件', 'Cases'), dataIndex: 'cases', width: 70 },
                  { title: t('减免（元）', 'Amount'), dataIndex: 'amountYuan', width: 100 },
                ]}
              />
            ),
          },
          {
            key: 'cases',
            label: t('案件', 'Cases'),
            children: (
              <Table
                rowKey="id"
                size="small"
                loading={cases.isLoading}
                dataSource={cases.data?.items ?? []}
                columns={[
                  { title: t('事项', 'Item'), dataIndex: 'itemSeq', width: 60 },
                  { title: t('案件编号', 'Case no.'), dataIndex: 'caseNo' },
                  { title: t('办理日期', 'Date'), dataIndex: 'handledOn' },
                  { title: t('当事人', 'Party'), dataIndex: 'partyName' },
                  { title: t('信用代码', 'USCC'), dataIndex: 'partyUscc' },
                  { title: t('减免（元）', 'Amount'), dataIndex: 'amountYuan' },
                ]}
              />
            ),
          },
          {
            key: 'history',
            label: t('版本历史', 'History'),
            children: (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={data.history}
                columns={[
                  { title: t('版本', 'Version'), dataIndex: 'versionNo', render: (v: number) => `v${v}` },
                  { title: t('名称', 'Title'), dataIndex: 'title' },
                  { title: t('生效', 'From'), dataIndex: 'effectiveFrom' },
                  { title: t('失效', 'To'), dataIndex: 'effectiveTo' },
                  { title: t('事项', 'Items'), dataIndex: 'itemCount' },
                ]}
              />
            ),
          },
        ]}
      />
      {adding && (
        <CaseForm id={data.id} kind={data.kind} items={data.items} onClose={() => setAdding(false)} />
      )}
    </Drawer>
  );
}

function ListEditor({
  id,
  onClose,
  onSaved,
}: {
  id: string | null;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const t = useT();
  const current = useLenientList(id);
  const create = useCreateLenientList();
  const revise = useReviseLenientList(id ?? '');
  const [form] = Form.useForm();
  if (id && !current.data) return null;
  const initial = current.data
    ? { title: current.data.title, items: current.data.items as ItemForm[] }
    : { items: [{}] };
  const submit = (v: { kind?: string; title: string; effectiveFrom: dayjs.Dayjs; items: ItemForm[] }) => {
    const items = v.items.map(({ conduct, circumstances, conditions, legalBasis, penaltyBasis }) => ({
      conduct,
      circumstances,
      conditions: conditions ?? '',
      legalBasis,
      penaltyBasis: penaltyBasis ?? '',
    }));
    const body = { title: v.title, effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'), items };
    const done = { onSuccess: (r: { id: string }) => (onSaved(r.id), onClose()), onError: showError };
    if (id && current.data) revise.mutate({ ...body, version: current.data.version }, done);
    else create.mutate({ ...body, kind: v.kind }, done);
  };
  return (
    <Drawer
      open
      width={880}
      onClose={onClose}
      title={id ? t('修订清单（新版本）', 'Revise list') : t('新建清单', 'New list')}
      extra={
        <Button type="primary" loading={create.isPending || revise.isPending} onClick={() => form.submit()}>
          {t('保存', 'Save')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        {!id && (
          <Form.Item name="kind" label={t('清单类型', 'Kind')} rules={[{ required: true }]}>
            <Select options={kindOptions} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('清单名称', 'Title')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t('生效日期', 'Effective from')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8} align="start">
                  <span style={{ paddingTop: 6 }}>{i + 1}.</span>
                  <Form.Item name={[f.name, 'conduct']} rules={[{ required: true }]} style={{ flex: 2 }}>
                    <Input placeholder={t('违法行为', 'Conduct')} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'circumstances']}
                    rules={[{ required: true }]}
                    style={{ flex: 3 }}
                  >
                    <Input placeholder={t('适用情形', 'Circumstances')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'legalBasis']} rules={[{ required: true }]} style={{ flex: 2 }}>
                    <Input placeholder={t('法律依据', 'Legal basis')} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('删除', 'Remove')}</Button>
                </Flex>
              ))}
              <Button onClick={() => add({})}>{t('添加事项', 'Add item')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

function CaseForm({
  id,
  kind,
  items,
  onClose,
}: {
  id: string;
  kind: LenientListKind;
  items: { id: string; seq: number; conduct: string }[];
  onClose: () => void;
}) {
  const t = useT();
  const create = useCreateLenientCase(id);
  const [form] = Form.useForm();
  const partyKind = Form.useWatch('partyKind', form) as string | undefined;
  return (
    <Drawer
      open
      width={520}
      onClose={onClose}
      title={t('登记案件', 'Add case')}
      extra={
        <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
          {t('保存', 'Save')}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ partyKind: 'org', amountYuan: 0 }}
        onFinish={(v: Record<string, unknown> & { handledOn: dayjs.Dayjs }) =>
          create.mutate(
            { ...v, handledOn: v.handledOn.format('YYYY-MM-DD'), education: v.education ?? '' },
            { onSuccess: onClose, onError: showError },
          )
        }
      >
        <Form.Item name="itemId" label={t('清单事项', 'Item')} rules={[{ required: true }]}>
          <Select options={items.map((i) => ({ value: i.id, label: `${i.seq}. ${i.conduct}` }))} />
        </Form.Item>
        <Form.Item name="caseNo" label={t('案件编号', 'Case no.')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="handledOn" label={t('办理日期', 'Date')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="partyKind" label={t('当事人类型', 'Party kind')}>
          <Select
            options={[
              { value: 'org', label: t('单位', 'Organisation') },
              { value: 'person', label: t('个人', 'Person') },
            ]}
          />
        </Form.Item>
        <Form.Item name="partyName" label={t('当事人名称', 'Party')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        {partyKind === 'org' && (
          <Form.Item
            name="partyUscc"
            label={t('统一社会信用代码', 'USCC')}
            rules={[{ required: true, len: 18 }]}
          >
            <Input />
          </Form.Item>
        )}
        <Form.Item name="amountYuan" label={t('减免金额（元）', 'Amount waived/reduced (yuan)')}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="education"
          label={t('教育引导情况', 'Education record')}
          rules={[
            { required: kind === 'no_penalty', message: t('不予处罚的应当对当事人进行教育', 'Required') },
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
