import { isValidUscc, type Enterprise } from '@fazhi/contracts';
import { Button, Form, Input, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../../platform/access';
import { ImportDialog, showError, showSuccess } from '../../../../platform/api';
import { useT } from '../../../../platform/i18n';
import { useCreateEnterprise, useEnterprises } from '../../api/inspections';

/** 检查对象: enterprises by 统一社会信用代码 (GB 32100 check characters verified on entry). */
export function EnterprisesTab() {
  const t = useT();
  const can = useCan();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState<string>();
  const list = useEnterprises({ page, pageSize: 20, q });
  const create = useCreateEnterprise();
  const [form] = Form.useForm();
  const [importing, setImporting] = useState(false);
  const columns: TableColumnsType<Enterprise> = [
    { title: t('统一社会信用代码', 'USCC'), dataIndex: 'uscc', width: 200 },
    { title: t('企业名称', 'Name'), dataIndex: 'name' },
    { title: t('行政区划', 'Region'), dataIndex: 'regionCode', width: 110 },
    { title: t('行业', 'Industry'), dataIndex: 'industry', width: 120 },
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search
          allowClear
          placeholder={t('名称或代码', 'Name or code')}
          onSearch={(v) => setQ(v || undefined)}
        />
        {can('enforcement.body') && (
          <Form
            form={form}
            layout="inline"
            onFinish={(v: { uscc: string; name: string; industry?: string }) =>
              create.mutate(v, {
                onSuccess: () => {
                  form.resetFields();
                  showSuccess(t('已登记', 'Registered'));
                },
                onError: showError,
              })
            }
          >
            <Form.Item
              name="uscc"
              rules={[
                {
                  validator: async (_r, v: string | undefined) => {
                    if (!v || !isValidUscc(v.trim().toUpperCase()))
                      throw new Error(t('统一社会信用代码无效', 'Invalid USCC'));
                  },
                },
              ]}
            >
              <Input placeholder={t('统一社会信用代码', 'USCC')} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item
              name="name"
              rules={[{ required: true, message: t('请填写企业名称', 'Name required') }]}
            >
              <Input placeholder={t('企业名称', 'Name')} />
            </Form.Item>
            <Form.Item name="industry">
              <Input placeholder={t('行业', 'Industry')} style={{ width: 110 }} />
            </Form.Item>
            <Button htmlType="submit" loading={create.isPending} data-testid="enterprise-create">
              {t('登记企业', 'Register')}
            </Button>
          </Form>
        )}
        {can('enforcement.body') && (
          <Button onClick={() => setImporting(true)} data-testid="enterprise-import">
            {t('Excel 导入', 'Import .xlsx')}
          </Button>
        )}
      </Space>
      <ImportDialog
        kind="enforcement-enterprises"
        title={t('导入检查对象（企业）', 'Import enterprises')}
        open={importing}
        onClose={() => setImporting(false)}
        onSucceeded={() => setImporting(false)}
      />
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage }}
      />
    </>
  );
}
