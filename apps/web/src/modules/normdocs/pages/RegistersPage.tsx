import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { type RegisterSummary } from '@fazhi/contracts';
import { Button, Form, Input, Modal, Table, Tabs, Upload } from 'antd';
import { useState } from 'react';
import { downloadFile, ExportButton, showError, showSuccess } from '../../../platform/api';
import { applyServerErrors } from '../../../platform/forms';
import { formatDateTime } from '../../../platform/format';
import { useT } from '../../../platform/i18n';
import { PageCard, testIdProps } from '../../../platform/ui';
import { OrgTreeSelect } from '../../org';
import { registerTemplateUrl, useRegisters, useUploadRegister, type RegisterFilters } from '../api/registers';
import { RegisterDrawer } from '../components/RegisterDrawer';
import { UnfiledFindingsTable } from '../components/UnfiledFindingsTable';

/** 发文目录核查 (认定未备案): import an organ's register, sample it, classify, follow 漏备 findings up. */
export function RegistersPage() {
  const t = useT();
  const [tab, setTab] = useState('registers');
  const [filters, setFilters] = useState<RegisterFilters>({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<string | undefined>();
  const [uploading, setUploading] = useState(false);
  const registers = useRegisters(filters);

  return (
    <PageCard
      title={t('发文目录核查', 'Register checks')}
      testId="registers-page"
      extra={
        <>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadFile(registerTemplateUrl, undefined, '发文目录模板.xlsx').catch(showError)
            }
            data-testid="register-template"
          >
            {t('下载模板', 'Template')}
          </Button>
          <ExportButton
            listPath="/api/normdocs/registers"
            filters={{ ...filters }}
            fileBaseName={t('发文目录核查', 'register-checks')}
            testId="register-export"
          />
          <Button
            type="primary"
            icon={<UploadOutlined />}
            onClick={() => setUploading(true)}
            data-testid="register-upload"
          >
            {t('导入发文目录', 'Import register')}
          </Button>
        </>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'registers',
            label: t('核查目录', 'Registers'),
            children: (
              <>
                <Input.Search
                  allowClear
                  style={{ maxWidth: 320, marginBottom: 12 }}
                  placeholder={t('搜索核查名称', 'Search title')}
                  onSearch={(q) => setFilters({ ...filters, q: q.trim() || undefined, page: 1 })}
                />
                <Table<RegisterSummary>
                  rowKey="id"
                  size="middle"
                  loading={registers.isLoading}
                  dataSource={registers.data?.items}
                  data-testid="register-table"
                  onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
                  pagination={{
                    current: filters.page,
                    pageSize: filters.pageSize,
                    total: registers.data?.total,
                    onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }),
                  }}
                  columns={[
                    { title: t('核查名称', 'Title'), dataIndex: 'title' },
                    { title: t('被核查单位', 'Organisation'), render: (_, r) => r.org.name },
                    {
                      title: t('目录期间', 'Period'),
                      render: (_, r) => (r.periodFrom ? `${r.periodFrom} ~ ${r.periodTo ?? ''}` : '—'),
                    },
                    { title: t('条数', 'Entries'), dataIndex: 'entryCount', width: 80 },
                    {
                      title: t('抽样', 'Sample'),
                      render: (_, r) => (r.sampleSize ? `${r.sampleSize}（${r.sampleSeed}）` : '—'),
                    },
                    { title: t('已认定', 'Classified'), dataIndex: 'classifiedCount', width: 90 },
                    { title: t('漏备', 'Unfiled'), dataIndex: 'findingCount', width: 80 },
                    {
                      title: t('导入时间', 'Imported'),
                      render: (_, r) => formatDateTime(r.createdAt),
                      width: 170,
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'findings',
            label: t('漏备记录', 'Unfiled findings'),
            children: <UnfiledFindingsTable />,
          },
        ]}
      />
      <RegisterDrawer id={openId} onClose={() => setOpenId(undefined)} />
      <UploadRegisterModal open={uploading} onClose={() => setUploading(false)} onDone={setOpenId} />
    </PageCard>
  );
}

function UploadRegisterModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: (id: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ orgId: string; title: string }>();
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadRegister();
  const submit = async (v: { orgId: string; title: string }) => {
    if (!file) {
      showError(new Error(t('请选择 .xlsx 文件', 'Choose an .xlsx file')));
      return;
    }
    try {
      const reg = await upload.mutateAsync({ ...v, file });
      showSuccess(t(`已导入 ${reg.entryCount} 条`, `Imported ${reg.entryCount} entries`));
      setFile(null);
      form.resetFields();
      onClose();
      onDone(reg.id);
    } catch (error) {
      applyServerErrors(form, error);
    }
  };
  return (
    <Modal
      open={open}
      title={t('导入发文目录', 'Import register')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('导入', 'Import')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={upload.isPending}
      okButtonProps={testIdProps('register-upload-submit')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="orgId"
          label={t('被核查单位', 'Organisation')}
          rules={[{ required: true, message: t('请选择被核查单位', 'Pick the organisation') }]}
        >
          <OrgTreeSelect testId="register-org" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('核查名称', 'Title')}
          rules={[{ required: true, message: t('请填写核查名称', 'Enter a title') }]}
        >
          <Input maxLength={200} placeholder="2025年度发文目录核查" data-testid="register-title" />
        </Form.Item>
        <Form.Item
          label={t('发文目录（.xlsx）', 'Register (.xlsx)')}
          extra={t(
            '列：发文字号、文件标题、发文日期；有错误的行会逐一指出，且不写入任何数据',
            'Columns: number, title, date; bad rows are listed and nothing is written',
          )}
        >
          <Upload
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />} data-testid="register-file">
              {t('选择文件', 'Choose file')}
            </Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
