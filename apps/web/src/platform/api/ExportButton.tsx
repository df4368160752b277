import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useT } from '../i18n';
import { downloadFile } from './download';
import { showError } from './feedback';
import type { QueryParams } from './query-string';

interface ExportButtonProps {
  /** The list's path, e.g. `/api/users`; the file comes from `<listPath>/export.xlsx`. */
  listPath: string;
  /** The list's current filters; paging is dropped so the whole filtered list is exported. */
  filters: QueryParams;
  /** File name used when the server sends none, without date or extension. */
  fileBaseName: string;
  testId?: string;
}

/** Downloads `<list path>/export.xlsx?<current filters>`. */
export function ExportButton({
  listPath,
  filters,
  fileBaseName,
  testId = 'export-button',
}: ExportButtonProps) {
  const t = useT();
  const [loading, setLoading] = useState(false);
  const onClick = async () => {
    const { page: _page, pageSize: _pageSize, ...rest } = filters;
    setLoading(true);
    try {
      await downloadFile(
        `${listPath}/export.xlsx`,
        rest,
        `${fileBaseName}-${dayjs().format('YYYYMMDD')}.xlsx`,
      );
    } catch (error) {
      showError(error);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={loading} onClick={() => void onClick()} data-testid={testId}>
      {t('导出 Excel', 'Export Excel')}
    </Button>
  );
}
