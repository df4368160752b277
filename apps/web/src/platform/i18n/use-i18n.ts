import { useCallback, useSyncExternalStore } from 'react';
import { getLocale, subscribeLocale, type Locale } from './locale-store';

export type Translate = (zh: string, en: string) => string;
/** A text in both languages, as the contracts store role names and error messages. */
export interface Bilingual {
  zh: string;
  en: string;
}

export function useLocale(): Locale {
  return useSyncExternalStore(subscribeLocale, getLocale, getLocale);
}

/** `t('中文', 'English')` — every UI string is written in both languages where it is used. */
export function useT(): Translate {
  const locale = useLocale();
  return useCallback((zh: string, en: string) => (locale === 'en' ? en : zh), [locale]);
}

/** Picks one side of a bilingual label. */
export function useLabel(): (text: Bilingual) => string {
  const locale = useLocale();
  return useCallback((text: Bilingual) => (locale === 'en' ? text.en : text.zh), [locale]);
}
