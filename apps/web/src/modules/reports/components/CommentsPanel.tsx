import type { Report } from '@fazhi/contracts';
import { Button, Flex, Input, List, Select, Tag } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../platform/format';
import { useT } from '../../../platform/i18n';
import { useAddComment, useReportComments, useResolveComment } from '../api/reports';

/** Comments on the draft, per section; the drafting office resolves them. */
export function CommentsPanel({ report, sectionCode }: { report: Report; sectionCode: string | null }) {
  const t = useT();
  const comments = useReportComments(report.id);
  const add = useAddComment();
  const resolve = useResolveComment();
  const [text, setText] = useState('');
  const [section, setSection] = useState<string | null>(sectionCode);
  const title = (code: string | null) =>
    report.sections.find((s) => s.code === code)?.title ?? t('全文', 'Whole report');
  const canResolve = report.abilities.includes('edit') || report.abilities.includes('assist');
  return (
    <div data-testid="report-comments">
      {report.abilities.includes('comment') && (
        <Flex vertical gap="small" style={{ marginBottom: 12 }}>
          <Select
            value={section}
            onChange={setSection}
            allowClear
            placeholder={t('针对全文', 'Whole report')}
            options={report.sections.map((s) => ({ value: s.code, label: s.title }))}
          />
          <Input.TextArea
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={2000}
            data-testid="report-comment-text"
          />
          <Button
            disabled={!text.trim()}
            loading={add.isPending}
            onClick={() =>
              add.mutate({ id: report.id, sectionCode: section, text }, { onSuccess: () => setText('') })
            }
            data-testid="report-comment-add"
          >
            {t('提出意见', 'Add comment')}
          </Button>
        </Flex>
      )}
      <List
        loading={comments.isLoading}
        dataSource={comments.data?.items ?? []}
        renderItem={(c) => (
          <List.Item
            actions={
              !c.resolved && canResolve
                ? [
                    <a key="r" onClick={() => resolve.mutate({ id: report.id, commentId: c.id })}>
                      {t('已处理', 'Resolve')}
                    </a>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <>
                  {title(c.sectionCode)} {c.resolved && <Tag color="success">{t('已处理', 'Resolved')}</Tag>}
                </>
              }
              description={`${c.authorName} · ${formatDateTime(c.createdAt)}`}
            />
            <div style={{ whiteSpace: 'pre-wrap' }}>{c.text}</div>
          </List.Item>
        )}
      />
    </div>
  );
}
