import {
  CERTIFICATE_EVENT_LABELS,
  CERTIFICATE_KINDS,
  CERTIFICATE_STATUSES,
  CERTIFICATE_TRANSITIONS,
  EXAM_TYPES,
  STAFF_TYPES,
  TRAINING_CATEGORIES,
  type Certificate,
  type CertificateAction,
} from '@fazhi/contracts';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Progress,
  Select,
  Switch,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { fromIsoDate, toIsoDate, today } from '../../../../platform/format';
import { useT } from '../../../../platform/i18n';
import { useAddExam, useAddTraining, useApplyCertificate, useOfficer } from '../../api/officers';
import { CertificateActionModal } from './CertificateActionModal';
import { FormModal, labelOptions } from './FormModal';
import { OfficerFormModal } from './OfficerFormModal';

const iso = (v: unknown) => toIsoDate(v as Dayjs | undefined);
type Modal = 'edit' | 'apply' | 'training' | 'exam' | null;

export const certificateStatusColor = (s: string) =>
  s === 'active'
    ? 'green'
    : s === 'suspended'
      ? 'orange'
      : s === 'applied' || s === 'approved'
        ? 'blue'
        : 'default';

function CertificateCard({ c, onAction }: { c: Certificate; onAction: (a: CertificateAction) => void }) {
  const t = useT();
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Flex gap="small" align="center">
          {CERTIFICATE_KINDS[c.kind]} {c.number ?? t('（未发证）', '(not issued)')}
          <Tag color={certificateStatusColor(c.status)}>{CERTIFICATE_STATUSES[c.status]}</Tag>
          {c.validToday && <Tag color="green">{t('今日有效', 'Valid today')}</Tag>}
        </Flex>
      }
      extra={
        <Flex gap={4} wrap>
          {c.actions.map((a) => (
            <Button key={a} size="small" onClick={() => onAction(a)} data-testid={`certificate-${c.id}-${a}`}>
              {CERTIFICATE_TRANSITIONS[a].zh}
            </Button>
          ))}
        </Flex>
      }
    >
      <Typography.Text type="secondary">
        {t('有效期', 'Validity')}: {c.validFrom ?? '—'} ~ {c.validTo ?? '—'}
        {c.lastReviewedOn ? ` · ${t('最近年审', 'Last review')} ${c.lastReviewedOn}` : ''}
        {c.endedOn ? ` · ${t('终止于', 'Ended')} ${c.endedOn}` : ''}
      </Typography.Text>
      <Timeline
        style={{ marginTop: 12, marginBottom: -24 }}
        items={c.events.map((e) => ({
          children: `${e.on} ${CERTIFICATE_EVENT_LABELS[e.action as keyof typeof CERTIFICATE_EVENT_LABELS] ?? e.action} → ${CERTIFICATE_STATUSES[e.toStatus]}${e.reason ? `（${e.reason}）` : ''}`,
        }))}
      />
    </Card>
  );
}

/** An officer: details, certificates with their dated history and the allowed actions, training and exams. */
export function OfficerDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const q = useOfficer(id);
  const o = q.data;
  const [modal, setModal] = useState<Modal>(null);
  const [action, setAction] = useState<{ c: Certificate; a: CertificateAction } | null>(null);
  const apply = useApplyCertificate();
  const training = useAddTraining();
  const exam = useAddExam();
  const can = (a: string) => !!o?.actions.includes(a);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={760}
      title={o?.name ?? ''}
      data-testid="officer-drawer"
    >
      {o && (
        <>
          <Flex gap="small" style={{ marginBottom: 12 }}>
            {can('edit') && <Button onClick={() => setModal('edit')}>{t('修改', 'Edit')}</Button>}
            {can('apply') && (
              <Button
                type="primary"
                onClick={() => setModal('apply')}
                disabled={!o.eligible}
                data-testid="officer-apply"
              >
                {t('申领证件', 'Apply for certificate')}
              </Button>
            )}
            {can('training') && (
              <Button onClick={() => setModal('training')}>{t('登记培训', 'Add training')}</Button>
            )}
            {can('exam') && <Button onClick={() => setModal('exam')}>{t('登记考试', 'Add exam')}</Button>}
          </Flex>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('执法主体', 'Body')}>{o.org.name}</Descriptions.Item>
            <Descriptions.Item label={t('身份证号', 'ID number')}>{o.idNumber}</Descriptions.Item>
            <Descriptions.Item label={t('人员类别', 'Staff type')}>
              {STAFF_TYPES[o.staffType]}
              {!o.eligible && (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  {t('不得持证', 'Not eligible')}
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('职务', 'Position')}>{o.position ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('执法领域', 'Fields')}>
              {o.fields.join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('法律职业资格', 'Legal qualification')}>
              {o.legalQualification ? t('有', 'Yes') : t('无', 'No')}
            </Descriptions.Item>
          </Descriptions>

          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('执法证件', 'Certificates')}
          </Typography.Title>
          {o.certificateDetails.length === 0 && (
            <Typography.Text type="secondary">{t('暂无证件', 'None')}</Typography.Text>
          )}
          {o.certificateDetails.map((c) => (
            <CertificateCard key={c.id} c={c} onAction={(a) => setAction({ c, a })} />
          ))}

          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('年度培训学时', 'Training hours per year')}
          </Typography.Title>
          {o.trainingYears.map((y) => (
            <Flex key={y.year} gap="small" align="center">
              <span style={{ width: 60 }}>{y.year}</span>
              <Progress
                style={{ flex: 1 }}
                percent={Math.min(100, Math.round((y.hours / y.required) * 100))}
                status={y.complete ? 'success' : 'active'}
                format={() => `${y.hours} / ${y.required} ${t('学时', 'h')}`}
              />
            </Flex>
          ))}
          <Table
            size="small"
            rowKey="id"
            style={{ marginTop: 8 }}
            pagination={false}
            dataSource={o.trainings}
            columns={[
              { title: t('日期', 'Date'), dataIndex: 'on', width: 110 },
              { title: t('课程', 'Course'), dataIndex: 'course' },
              {
                title: t('类别', 'Category'),
                dataIndex: 'category',
                render: (c: keyof typeof TRAINING_CATEGORIES) => TRAINING_CATEGORIES[c],
              },
              { title: t('学时', 'Hours'), dataIndex: 'hours', width: 70 },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('考试记录', 'Exams')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={o.exams}
            columns={[
              { title: t('日期', 'Date'), dataIndex: 'on', width: 110 },
              {
                title: t('类型', 'Type'),
                dataIndex: 'examType',
                render: (e: keyof typeof EXAM_TYPES) => EXAM_TYPES[e],
              },
              { title: t('成绩', 'Score'), dataIndex: 'score', width: 80 },
              {
                title: t('结果', 'Result'),
                dataIndex: 'passed',
                render: (p: boolean) => (p ? t('合格', 'Passed') : t('不合格', 'Failed')),
              },
            ]}
          />

          {modal === 'edit' && <OfficerFormModal officer={o} onClose={() => setModal(null)} />}
          <FormModal
            open={modal === 'apply'}
            title={t('申领执法证件', 'Apply for a certificate')}
            testId="certificate-apply"
            initialValues={{ kind: 'enforcement', appliedOn: fromIsoDate(today()), fields: o.fields }}
            onClose={() => setModal(null)}
            onSubmit={(v) =>
              apply.mutateAsync({
                id: o.id,
                kind: v.kind,
                appliedOn: iso(v.appliedOn),
                fields: v.fields,
                area: v.area || null,
              })
            }
          >
            <Form.Item name="kind" label={t('证件类型', 'Kind')} rules={[{ required: true }]}>
              <Select options={labelOptions(CERTIFICATE_KINDS)} />
            </Form.Item>
            <Form.Item name="appliedOn" label={t('申领日期', 'Applied on')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="fields" label={t('执法领域', 'Fields')}>
              <Select mode="tags" />
            </Form.Item>
            <Form.Item name="area" label={t('执法区域', 'Area')}>
              <Input maxLength={100} />
            </Form.Item>
          </FormModal>
          <FormModal
            open={modal === 'training'}
            title={t('登记培训', 'Add training')}
            testId="training-form"
            initialValues={{ category: 'public_law', on: fromIsoDate(today()) }}
            onClose={() => setModal(null)}
            onSubmit={(v) =>
              training.mutateAsync({
                id: o.id,
                course: v.course,
                category: v.category,
                hours: v.hours,
                on: iso(v.on),
                provider: v.provider || null,
              })
            }
          >
            <Form.Item name="course" label={t('课程名称', 'Course')} rules={[{ required: true, min: 2 }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="category" label={t('类别', 'Category')} rules={[{ required: true }]}>
              <Select options={labelOptions(TRAINING_CATEGORIES)} />
            </Form.Item>
            <Form.Item name="hours" label={t('学时', 'Hours')} rules={[{ required: true }]}>
              <InputNumber min={0.5} max={200} step={0.5} />
            </Form.Item>
            <Form.Item name="on" label={t('培训日期', 'Date')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="provider" label={t('培训机构 / 平台', 'Provider')}>
              <Input maxLength={50} />
            </Form.Item>
          </FormModal>
          <FormModal
            open={modal === 'exam'}
            title={t('登记考试', 'Add exam')}
            testId="exam-form"
            initialValues={{ examType: 'annual', on: fromIsoDate(today()), passed: true }}
            onClose={() => setModal(null)}
            onSubmit={(v) =>
              exam.mutateAsync({
                id: o.id,
                examType: v.examType,
                on: iso(v.on),
                score: v.score,
                passed: v.passed,
              })
            }
          >
            <Form.Item name="examType" label={t('考试类型', 'Type')} rules={[{ required: true }]}>
              <Select options={labelOptions(EXAM_TYPES)} />
            </Form.Item>
            <Form.Item name="on" label={t('考试日期', 'Date')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="score" label={t('成绩', 'Score')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} />
            </Form.Item>
            <Form.Item name="passed" label={t('合格', 'Passed')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </FormModal>
          {action && (
            <CertificateActionModal
              certificate={action.c}
              action={action.a}
              onClose={() => setAction(null)}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
