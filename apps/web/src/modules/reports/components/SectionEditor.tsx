import { BoldOutlined, FunctionOutlined, SaveOutlined } from '@ant-design/icons';
import type { Report, ReportSection } from '@fazhi/contracts';
import { Alert, Button, Flex, Input, Select, Space, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState } from 'react';
import { isApiError, showSuccess } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import { useIndicatorCatalogue, useSaveSection } from '../api/reports';

/**
 * The editor of one section: plain paragraphs (one per line), a bold lead phrase (**…**) and figure
 * placeholders ({{indicator_code}}) — the 公文 subset the server accepts. The server names unknown
 * indicators and markup it refuses.
 */
export function SectionEditor({
  report,
  section,
  editable,
}: {
  report: Report;
  section: ReportSection;
  editable: boolean;
}) {
  const t = useT();
  const [body, setBody] = useState(section.body);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<TextAreaRef>(null);
  const save = useSaveSection();
  const catalogue = useIndicatorCatalogue(editable);
  useEffect(() => {
    setBody(section.body);
    setError(null);
  }, [section.id, section.version, section.body]);

  const textarea = () => ref.current?.resizableTextArea?.textArea;
  const wrapSelection = (before: string, after: string, placeholder: string) => {
    const el = textarea();
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    const selected = body.slice(start, end) || placeholder;
    const next = body.slice(0, start) + before + selected + after + body.slice(end);
    setBody(next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + before.length, start + before.length + selected.length);
    });
  };
  const insert = (text: string) => {
    const el = textarea();
    const at = el?.selectionStart ?? body.length;
    setBody(body.slice(0, at) + text + body.slice(el?.selectionEnd ?? at));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + text.length, at + text.length);
    });
  };
  const onSave = async () => {
    setError(null);
    try {
      await save.mutateAsync({ id: report.id, code: section.code, version: section.version, body });
      showSuccess(t('已保存', 'Saved'));
    } catch (e) {
      setError(isApiError(e) ? e.localizedMessage() : String(e));
    }
  };
  const dirty = body !== section.body;
  return (
    <div data-testid={`section-editor-${section.code}`}>
      <Typography.Title level={5}>{section.title}</Typography.Title>
      {editable && (
        <Flex gap="small" wrap style={{ marginBottom: 8 }}>
          <Button
            icon={<BoldOutlined />}
            onClick={() => wrapSelection('**', '**', t('段首语。', 'Lead phrase.'))}
            data-testid="section-bold"
          >
            {t('加粗段首语', 'Bold lead phrase')}
          </Button>
          <Space.Compact>
            <Button icon={<FunctionOutlined />} disabled>
              {t('插入指标', 'Insert figure')}
            </Button>
            <Select
              showSearch
              style={{ width: 320 }}
              placeholder={t('搜索指标名称或代码', 'Search indicators')}
              loading={catalogue.isLoading}
              value={null}
              optionFilterProp="label"
              data-testid="section-indicator-picker"
              options={(catalogue.data?.items ?? []).map((i) => ({
                value: i.code,
                label: `${i.name}（${i.unit}）· ${i.code}`,
              }))}
              onChange={(code: string) => {
                const unit = catalogue.data?.items.find((i) => i.code === code)?.unit ?? '';
                insert(`{{${code}}}${unit === '%' ? '' : unit}`);
              }}
            />
          </Space.Compact>
        </Flex>
      )}
      <Input.TextArea
        ref={ref}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        readOnly={!editable}
        autoSize={{ minRows: 12, maxRows: 30 }}
        style={{ fontFamily: '"仿宋_GB2312", FangSong, "Noto Serif CJK SC", serif', fontSize: 16 }}
        data-testid="section-body"
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
        {t(
          '每行一段；**段首语**加粗；{{指标代码}} 为数据占位符，预览时显示当前数值。公文正文不使用颜色、字体、表格。',
          'One paragraph per line; **lead phrase** bold; {{code}} is a figure placeholder. No colours, fonts or tables.',
        )}
      </Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          message={error}
          style={{ marginBottom: 8 }}
          data-testid="section-error"
        />
      )}
      {editable && (
        <Button
          type="primary"
          icon={<SaveOutlined />}
          disabled={!dirty}
          loading={save.isPending}
          onClick={onSave}
          data-testid="section-save"
        >
          {t('保存本节', 'Save section')}
        </Button>
      )}
    </div>
  );
}
