import { normdocInterpretationSchema, type Normdoc } from '@fazhi/contracts';
import { Button, DatePicker, Descriptions, Empty, Flex, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { showSuccess } from '../../../platform/api';
import { formatDate, fromIsoDate, toIsoDate } from '../../../platform/format';
import { applyServerErrors, zodRule } from '../../../platform/forms';
import { useT } from '../../../platform/i18n';
import { useSaveInterpretation } from '../api/documents';

interface Values {
  title: string;
  url?: string;
  publishedOn: Dayjs;
  body: string;
}

/** 政策解读: shown to everyone; published or corrected by those with the 'interpret' ability. */
export function InterpretationPanel({ doc }: { doc: Normdoc }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Values>();
  const save = useSaveInterpretation();
  const canInterpret = doc.abilities.includes('interpret');
  const current = doc.interpretation;

  const onFinish = (v: Values) => {
    const publishedOn = toIsoDate(v.publishedOn);
    if (!publishedOn) return;
    save.mutate(
      {
        id: doc.id,
        input: {
          version: doc.version,
          title: v.title.trim(),
          url: v.url?.trim() || undefined,
          publishedOn,
          body: v.body ?? '',
        },
      },
      {
        onSuccess: () => {
          showSuccess(t('政策解读已保存', 'Interpretation saved'));
          setEditing(false);
        },
        onError: (error) => applyServerErrors(form, error),
      },
    );
  };

  if (editing) {
    return (
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          title: current?.title ?? `《${doc.title}》政策解读`,
          url: current?.url ?? undefined,
          publishedOn: fromIsoDate(current?.publishedOn) ?? dayjs(),
          body: current?.body ?? '',
        }}
        onFinish={onFinish}
        data-testid="interpretation-form"
      >
        <Form.Item
          name="title"
          label={t('解读标题', 'Title')}
          rules={[
            { required: true, whitespace: true, message: t('请填写解读标题', 'Please enter a title') },
            { max: 200 },
          ]}
        >
          <Input data-testid="interpretation-title" />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('发布网址', 'URL')}
          rules={[zodRule(normdocInterpretationSchema.shape.url.unwrap())]}
        >
          <Input placeholder="https://…" data-testid="interpretation-url" />
        </Form.Item>
        <Form.Item
          name="publishedOn"
          label={t('发布日期', 'Published on')}
          rules={[{ required: true, message: t('请选择发布日期', 'Please choose the date') }]}
        >
          <DatePicker data-testid="interpretation-date" />
        </Form.Item>
        <Form.Item name="body" label={t('解读内容', 'Text')}>
          <Input.TextArea rows={8} data-testid="interpretation-body" />
        </Form.Item>
        <Flex gap="small" justify="flex-end">
          <Button onClick={() => setEditing(false)}>{t('取消', 'Cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            data-testid="interpretation-submit"
          >
            {t('保存', 'Save')}
          </Button>
        </Flex>
      </Form>
    );
  }

  return (
    <Flex vertical gap="middle" data-testid="interpretation">
      {canInterpret && (
        <div>
          <Button onClick={() => setEditing(true)} data-testid="interpretation-edit">
            {current
              ? t('修改政策解读', 'Edit interpretation')
              : t('发布政策解读', 'Publish an interpretation')}
          </Button>
        </div>
      )}
      {current ? (
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'title', label: t('解读标题', 'Title'), children: current.title },
            { key: 'date', label: t('发布日期', 'Published on'), children: formatDate(current.publishedOn) },
            {
              key: 'url',
              label: t('发布网址', 'URL'),
              children: current.url ? (
                <Typography.Link href={current.url} target="_blank" rel="noreferrer">
                  {current.url}
                </Typography.Link>
              ) : (
                '—'
              ),
            },
            {
              key: 'body',
              label: t('解读内容', 'Text'),
              children: <div style={{ whiteSpace: 'pre-wrap' }}>{current.body || '—'}</div>,
            },
          ]}
        />
      ) : (
        <Empty
          description={
            doc.interpretationRequired
              ? t('尚未发布政策解读（本文件需要解读）', 'No interpretation yet (one is required)')
              : t('暂无政策解读', 'No interpretation')
          }
        />
      )}
    </Flex>
  );
}
