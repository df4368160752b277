import { Alert, Button, Flex } from 'antd';
import { useCan } from '../../../platform/access';
import { showError } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import { useAddDepartmentFiling, useDocFilings } from '../api/filings';
import { FilingTable } from './FilingTable';

/** The document page's 备案 tab: one filing per recipient, with due dates and the caller's steps. */
export function FilingsPanel({ docId }: { docId: string }) {
  const t = useT();
  const can = useCan();
  const filings = useDocFilings(docId);
  const add = useAddDepartmentFiling();
  const items = filings.data?.items ?? [];
  const hasDepartment = items.some((f) => f.recipientKind === 'superior_department');

  return (
    <div data-testid="filings-panel">
      {filings.isError && (
        <Alert type="error" showIcon message={t('备案记录加载失败', 'Could not load filings')} />
      )}
      {!filings.isLoading && items.length === 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('文件公布后自动生成备案事项', 'Filings are opened when the document is published')}
        />
      )}
      {can('normdoc.draft') && items.length > 0 && !hasDepartment && (
        <Flex justify="end" style={{ marginBottom: 8 }}>
          <Button
            size="small"
            loading={add.isPending}
            onClick={() => add.mutateAsync({ docId }).catch(showError)}
            data-testid="filing-add-department"
          >
            {t('增加报上级主管部门备案', 'Add filing with superior department')}
          </Button>
        </Flex>
      )}
      <FilingTable filings={items} loading={filings.isFetching} showDoc={false} />
    </div>
  );
}
