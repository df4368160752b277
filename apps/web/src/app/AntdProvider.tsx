import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, type ReactNode } from 'react';
import { registerFeedback } from '../platform/api';
import { useLocale } from '../platform/i18n';

/** Hands antd's context-aware message/notification/modal to the API layer. */
function FeedbackBridge() {
  const api = AntApp.useApp();
  useEffect(() => registerFeedback(api), [api]);
  return null;
}

export function AntdProvider({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1a5fb4', borderRadius: 4 } }}
    >
      <AntApp>
        <FeedbackBridge />
        {children}
      </AntApp>
    </ConfigProvider>
  );
}
