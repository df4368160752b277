import { REPORT_VERSION_LABELS, type Report } from '@fazhi/contracts';
import { Button, Flex, List, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../platform/format';
import { useT } from '../../../platform/i18n';
import { useCreateVersion, useReportVersion, useReportVersions } from '../api/reports';

/** Saved versions (初稿 / 讨论稿 / 送审稿 …): list, save a snapshot, view one. */
export function VersionsPanel({ report }: { report: Report }) {
  const t = useT();
  const versions = useReportVersions(report.id);
  const create = useCreateVersion();
  const [label, setLabel] = useState<string>(REPORT_VERSION_LABELS[0]);
  const [viewing, setViewing] = useState<string | null>(null);
  const version = useReportVersion(report.id, viewing);
  return (
    <div data-testid="report-versions">
      {report.abilities.includes('version') && (
        <Flex gap="small" style={{ marginBottom: 12 }}>
          <Select
            style={{ width: 160 }}
            value={label}
            onChange={setLabel}
            options={REPORT_VERSION_LABELS.slice(0, 3).map((l) => ({ value: l, label: l }))}
          />
          <Button
            loading={create.isPending}
            onClick={() => create.mutate({ id: report.id, label })}
            data-testid="report-version-save"
          >
            {t('保存为版本', 'Save as version')}
          </Button>
        </Flex>
      )}
      <List
        loading={versions.isLoading}
        dataSource={versions.data?.items ?? []}
        renderItem={(v) => (
          <List.Item
            actions={[
              <a key="view" onClick={() => setViewing(v.id)}>
                {t('查看', 'View')}
              </a>,
            ]}
          >
            <List.Item.Meta title={v.label} description={formatDateTime(v.createdAt)} />
          </List.Item>
        )}
      />
      <Modal
        open={!!viewing}
        onCancel={() => setViewing(null)}
        footer={null}
        width={800}
        title={version.data ? `${version.data.label} · ${formatDateTime(version.data.createdAt)}` : ''}
      >
        {(version.data?.sections ?? [])
          .filter((s) => s.body)
          .map((s) => (
            <div key={s.code}>
              <Typography.Title level={5}>{s.title}</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.body}</Typography.Paragraph>
            </div>
          ))}
      </Modal>
    </div>
  );
}
