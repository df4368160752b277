import { Segmented } from 'antd';
import { setLocale, useLocale, type Locale } from '../i18n';

/** 中文 / EN — the choice is kept in localStorage. */
export function LocaleSwitch() {
  const locale = useLocale();
  return (
    <Segmented<Locale>
      size="small"
      value={locale}
      onChange={(v) => setLocale(v)}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'EN', value: 'en' },
      ]}
      data-testid="locale-switch"
    />
  );
}
