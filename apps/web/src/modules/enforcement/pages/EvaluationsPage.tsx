import {
  DEFAULT_EVALUATION_TEMPLATE,
  EVALUATION_GRADES,
  EVALUATOR_ROLES,
  type EvalCampaign,
  type EvalCampaignDetail,
  type EvalCampaignFile,
  type EvaluationGrade,
} from '@fazhi/contracts';
import {
  Button,
  Checkbox,
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
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ExportButton, downloadFile, showError, showSuccess } from '../../../platform/api';
import { useCan } from '../../../platform/access/use-can';
import { useT } from '../../../platform/i18n';
import { PageCard } from '../../../platform/ui/PageCard';
import { useOrgs } from '../../org';
import {
  EVALUATION_PATH,
  useCreateCampaign,
  useCreateCaseFile,
  useCreateRectification,
  useCreateTemplate,
  useDrawCampaign,
  useEvalCampaign,
  useEvalCampaigns,
  useEvalCaseFiles,
  useEvalTemplates,
  useRespondRectification,
  useScoreFile,
} from '../api/evaluation';

const gradeColor: Record<EvaluationGrade, string> = { excellent: 'green', pass: 'blue', fail: 'red' };

/** 案卷评查: campaigns with reproducible draws, scoring by template (veto items), rectification, report. */
export function EvaluationsPage() {
  const t = useT();
  const can = useCan();
  const campaigns = useEvalCampaigns();
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <PageCard
      title={t('案卷评查', 'Case-file evaluation')}
      testId="evaluations-page"
      extra={
        <Space>
          {can('enforcement.supervise') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('新建评查活动', 'New campaign')}
            </Button>
          )}
          <ExportButton listPath={`${EVALUATION_PATH}/campaigns`} filters={{}} fileBaseName="案卷评查活动" />
        </Space>
      }
    >
      <Tabs
        items={[
          {
            key: 'campaigns',
            label: t('评查活动', 'Campaigns'),
            children: (
              <Table<EvalCampaign>
                rowKey="id"
                loading={campaigns.isLoading}
                dataSource={campaigns.data?.items ?? []}
                onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('年度', 'Year'), dataIndex: 'year', width: 80 },
                  { title: t('名称', 'Title'), dataIndex: 'title' },
                  { title: t('组织单位', 'Organiser'), dataIndex: 'orgName' },
                  { title: t('参评单位', 'Bodies'), render: (_, r) => r.scopeOrgIds.length },
                  { title: t('每单位抽取', 'Per body'), dataIndex: 'perBody' },
                  {
                    title: t('状态', 'Status'),
                    render: (_, r) =>
                      r.status === 'drawn' ? (
                        <Tag color="blue">{t('已抽取', 'Drawn')}</Tag>
                      ) : (
                        <Tag>{t('待抽取', 'Planned')}</Tag>
                      ),
                  },
                  { title: t('随机种子', 'Seed'), dataIndex: 'seed' },
                ]}
              />
            ),
          },
          { key: 'files', label: t('案卷登记', 'Case files'), children: <CaseFilesTab /> },
          { key: 'templates', label: t('评查标准', 'Templates'), children: <TemplatesTab /> },
        ]}
      />
      {openId && <CampaignDrawer id={openId} onClose={() => setOpenId(null)} />}
      {creating && <CampaignForm onClose={() => setCreating(false)} onCreated={setOpenId} />}
    </PageCard>
  );
}

function CaseFilesTab() {
  const t = useT();
  const files = useEvalCaseFiles();
  const create = useCreateCaseFile();
  const [form] = Form.useForm();
  return (
    <>
      {files.data?.canCreate && (
        <Form
          form={form}
          layout="inline"
          style={{ marginBottom: 12 }}
          onFinish={(v: { caseNo: string; title: string; decidedOn: dayjs.Dayjs }) =>
            create.mutate(
              { ...v, decidedOn: v.decidedOn.format('YYYY-MM-DD') },
              { onSuccess: () => form.resetFields(), onError: showError },
            )
          }
        >
          <Form.Item name="caseNo" rules={[{ required: true }]}>
            <Input placeholder={t('案件编号', 'Case no.')} />
          </Form.Item>
          <Form.Item name="title" rules={[{ required: true }]}>
            <Input placeholder={t('案件名称', 'Title')} />
          </Form.Item>
          <Form.Item name="decidedOn" rules={[{ required: true }]}>
            <DatePicker placeholder={t('决定日期', 'Decided on')} />
          </Form.Item>
          <Button htmlType="submit" loading={create.isPending}>
            {t('登记案卷', 'Register')}
          </Button>
        </Form>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={files.isLoading}
        dataSource={files.data?.items ?? []}
        columns={[
          { title: t('单位', 'Body'), dataIndex: 'orgName' },
          { title: t('案件编号', 'Case no.'), dataIndex: 'caseNo' },
          { title: t('案件名称', 'Title'), dataIndex: 'title' },
          { title: t('决定日期', 'Decided on'), dataIndex: 'decidedOn' },
        ]}
      />
    </>
  );
}

function TemplatesTab() {
  const t = useT();
  const can = useCan();
  const templates = useEvalTemplates();
  const create = useCreateTemplate();
  return (
    <>
      {can('enforcement.supervise') && (
        <Button
          style={{ marginBottom: 12 }}
          loading={create.isPending}
          onClick={() =>
            create.mutate(DEFAULT_EVALUATION_TEMPLATE, {
              onSuccess: () => showSuccess(t('已按通用标准创建', 'Created from the default')),
              onError: showError,
            })
          }
        >
          {t('按通用标准新建（否决项 + 卷面20分 + 内容80分）', 'Create from the default standard')}
        </Button>
      )}
      {(templates.data?.items ?? []).map((tpl) => (
        <Descriptions
          key={tpl.id}
          bordered
          size="small"
          title={`${tpl.name}（${t('优秀', 'Excellent')} ≥ ${tpl.gradeBands.excellent}，${t('合格', 'Pass')} ≥ ${tpl.gradeBands.pass}）`}
          column={2}
          style={{ marginBottom: 16 }}
        >
          {tpl.items.map((i) => (
            <Descriptions.Item key={i.code} label={`${i.code} ${i.name}`}>
              {i.veto ? <Tag color="red">{t('否决项', 'Veto')}</Tag> : `${i.points} ${t('分', 'pts')}`}
            </Descriptions.Item>
          ))}
        </Descriptions>
      ))}
    </>
  );
}

function CampaignForm({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const t = useT();
  const templates = useEvalTemplates();
  const orgs = useOrgs();
  const create = useCreateCampaign();
  const [form] = Form.useForm();
  return (
    <Drawer
      open
      width={640}
      onClose={onClose}
      title={t('新建评查活动', 'New campaign')}
      extra={
        <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
          {t('保存', 'Save')}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          year: dayjs().year(),
          perBody: 10,
          evaluators: [{ role: 'evaluator' }, { role: 'legal_adviser' }],
        }}
        onFinish={(v) =>
          create.mutate(v, {
            onSuccess: (c) => {
              onCreated(c.id);
              onClose();
            },
            onError: showError,
          })
        }
      >
        <Form.Item name="title" label={t('名称', 'Title')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="year" label={t('年度', 'Year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item
            name="perBody"
            label={t('每单位抽取案卷数', 'Files per body')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={100} />
          </Form.Item>
        </Flex>
        <Form.Item name="templateId" label={t('评查标准', 'Template')} rules={[{ required: true }]}>
          <Select options={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
        <Form.Item name="scopeOrgIds" label={t('参评执法单位', 'Bodies')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.List name="evaluators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8}>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('姓名', 'Name')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']}>
                    <Select
                      style={{ width: 140 }}
                      options={Object.entries(EVALUATOR_ROLES).map(([value, label]) => ({ value, label }))}
                    />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('删除', 'Remove')}</Button>
                </Flex>
              ))}
              <Button onClick={() => add({ role: 'evaluator' })}>{t('添加评查人员', 'Add evaluator')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

function CampaignDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const { data } = useEvalCampaign(id);
  const draw = useDrawCampaign(id);
  const [seed, setSeed] = useState('');
  const [scoring, setScoring] = useState<EvalCampaignFile | null>(null);
  const [responding, setResponding] = useState<string | null>(null);
  const rectify = useCreateRectification(id);
  if (!data) return null;
  const r = data.report;
  return (
    <Drawer open width={1000} onClose={onClose} title={`${data.year} ${data.title}`}>
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('组织单位', 'Organiser')}>{data.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('评查人员', 'Evaluators')}>
          {data.evaluators.map((e) => `${e.name}（${EVALUATOR_ROLES[e.role]}）`).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('随机种子', 'Seed')}>{data.seed ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('抽取算法', 'Algorithm')}>{data.algorithm}</Descriptions.Item>
      </Descriptions>
      <Flex gap={24} wrap style={{ marginBottom: 12 }}>
        <Statistic title={t('抽查案卷', 'Files')} value={r.files} />
        <Statistic title={t('优秀/合格/不合格', 'Grades')} value={`${r.excellent}/${r.pass}/${r.fail}`} />
        <Statistic
          title={t('合格率', 'Pass rate')}
          value={r.passRate ?? '—'}
          suffix={r.passRate === null ? '' : '%'}
        />
        <Statistic title={t('问题', 'Problems')} value={r.problems} />
        <Statistic title={t('整改完成', 'Rectified')} value={`${r.rectified}/${r.rectifications}`} />
      </Flex>
      <Space style={{ marginBottom: 12 }}>
        {data.actions.includes('draw') && (
          <>
            <Input
              placeholder={t('随机种子（留空自动生成）', 'Seed (optional)')}
              value={seed}
              onChange={(e) => setSeed(e.target.value)}
            />
            <Button
              type="primary"
              loading={draw.isPending}
              onClick={() =>
                draw.mutate({ version: data.version, seed: seed || undefined }, { onError: showError })
              }
            >
              {t('随机抽取案卷', 'Draw files')}
            </Button>
          </>
        )}
        <Button
          onClick={() =>
            void downloadFile(
              `${EVALUATION_PATH}/campaigns/${id}/report.xlsx`,
              {},
              '案卷评查报告.xlsx',
            ).catch(showError)
          }
        >
          {t('评查报告', 'Report')}
        </Button>
      </Space>
      <Table<EvalCampaignFile>
        rowKey="id"
        size="small"
        dataSource={data.files}
        pagination={false}
        columns={[
          { title: t('单位', 'Body'), dataIndex: 'orgName' },
          { title: t('案件编号', 'Case no.'), dataIndex: 'caseNo' },
          { title: t('得分', 'Score'), dataIndex: 'total', render: (v: number | null) => v ?? '—' },
          {
            title: t('等次', 'Grade'),
            dataIndex: 'grade',
            render: (g: EvaluationGrade | null) =>
              g ? <Tag color={gradeColor[g]}>{EVALUATION_GRADES[g]}</Tag> : '—',
          },
          { title: t('问题', 'Problems'), render: (_, f) => f.problems.join('；') },
          {
            title: '',
            render: (_, f) =>
              data.actions.includes('score') && (
                <Space>
                  <Button size="small" onClick={() => setScoring(f)}>
                    {t('评分', 'Score')}
                  </Button>
                  {f.problems.length > 0 && (
                    <Button
                      size="small"
                      onClick={() =>
                        rectify.mutate(
                          { fileId: f.id, problem: f.problems.join('；').slice(0, 500), days: 30 },
                          { onError: showError },
                        )
                      }
                    >
                      {t('下达整改（30日）', 'Order rectification (30 days)')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <h4 style={{ marginTop: 16 }}>{t('整改事项', 'Rectification items')}</h4>
      <Table
        rowKey="id"
        size="small"
        dataSource={data.rectifications}
        pagination={false}
        columns={[
          { title: t('单位', 'Body'), dataIndex: 'orgName' },
          { title: t('问题', 'Problem'), dataIndex: 'problem' },
          {
            title: t('整改期限', 'Due'),
            dataIndex: 'dueDate',
            render: (d: string, x) =>
              x.doneOn ? d : <Tag color={d < dayjs().format('YYYY-MM-DD') ? 'red' : 'orange'}>{d}</Tag>,
          },
          { title: t('完成日期', 'Done'), dataIndex: 'doneOn' },
          { title: t('佐证材料', 'Evidence'), render: (_, x) => x.evidence.join('、') },
          {
            title: '',
            render: (_, x) =>
              x.actions.includes('respond') && (
                <Button size="small" onClick={() => setResponding(x.id)}>
                  {t('报送整改', 'Respond')}
                </Button>
              ),
          },
        ]}
      />
      {scoring && <ScoreForm campaign={data} file={scoring} onClose={() => setScoring(null)} />}
      {responding && (
        <RespondForm
          rect={data.rectifications.find((x) => x.id === responding)!}
          onClose={() => setResponding(null)}
        />
      )}
    </Drawer>
  );
}

function ScoreForm({
  campaign,
  file,
  onClose,
}: {
  campaign: EvalCampaignDetail;
  file: EvalCampaignFile;
  onClose: () => void;
}) {
  const t = useT();
  const score = useScoreFile(campaign.id);
  const [form] = Form.useForm();
  const items = campaign.template.items;
  return (
    <Drawer
      open
      width={560}
      onClose={onClose}
      title={`${t('评分', 'Score')}：${file.caseNo}`}
      extra={
        <Button type="primary" loading={score.isPending} onClick={() => form.submit()}>
          {t('保存', 'Save')}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          evaluator: file.evaluator ?? campaign.evaluators[0]?.name,
          vetoHits: file.vetoHits,
          scores: Object.keys(file.scores).length
            ? file.scores
            : Object.fromEntries(items.filter((i) => !i.veto).map((i) => [i.code, i.points])),
          problems: file.problems.join('\n'),
        }}
        onFinish={(v: {
          evaluator: string;
          vetoHits: string[];
          scores: Record<string, number>;
          problems: string;
        }) =>
          score.mutate(
            {
              fileId: file.id,
              version: file.version,
              evaluator: v.evaluator,
              vetoHits: v.vetoHits ?? [],
              scores: v.scores,
              problems: v.problems
                .split('\n')
                .map((s) => s.trim())
                .filter(Boolean),
            },
            { onSuccess: onClose, onError: showError },
          )
        }
      >
        <Form.Item name="evaluator" label={t('评查人', 'Evaluator')} rules={[{ required: true }]}>
          <Select
            options={campaign.evaluators.map((e) => ({
              value: e.name,
              label: `${e.name}（${EVALUATOR_ROLES[e.role]}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="vetoHits" label={t('否决项（任一项即不合格）', 'Veto items (any → fail)')}>
          <Checkbox.Group
            options={items.filter((i) => i.veto).map((i) => ({ value: i.code, label: i.name }))}
          />
        </Form.Item>
        {items
          .filter((i) => !i.veto)
          .map((i) => (
            <Form.Item
              key={i.code}
              name={['scores', i.code]}
              label={`${i.category} ${i.name}（${i.points}）`}
            >
              <InputNumber min={0} max={i.points} step={0.5} />
            </Form.Item>
          ))}
        <Form.Item name="problems" label={t('发现问题（每行一条）', 'Problems (one per line)')}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function RespondForm({
  rect,
  onClose,
}: {
  rect: { id: string; version: number; problem: string };
  onClose: () => void;
}) {
  const t = useT();
  const respond = useRespondRectification();
  const [form] = Form.useForm();
  return (
    <Drawer
      open
      width={520}
      onClose={onClose}
      title={t('报送整改情况', 'Rectification response')}
      extra={
        <Button type="primary" loading={respond.isPending} onClick={() => form.submit()}>
          {t('报送', 'Submit')}
        </Button>
      }
    >
      <p>{rect.problem}</p>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: { response: string; evidence: string; doneOn: dayjs.Dayjs }) =>
          respond.mutate(
            {
              id: rect.id,
              version: rect.version,
              response: v.response,
              evidence: v.evidence
                .split('\n')
                .map((s) => s.trim())
                .filter(Boolean),
              doneOn: v.doneOn.format('YYYY-MM-DD'),
            },
            { onSuccess: onClose, onError: showError },
          )
        }
      >
        <Form.Item name="response" label={t('整改情况', 'Response')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item
          name="evidence"
          label={t('佐证材料（每行一项）', 'Evidence (one per line)')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="doneOn" label={t('完成日期', 'Done on')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
