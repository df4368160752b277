/**
 * The UI language: Chinese by default, English on request, remembered in localStorage.
 * A tiny external store so that non-React code (the API client) can read it too.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

export type Locale = 'zh' | 'en';

const STORAGE_KEY = 'fazhi.locale';
const listeners = new Set<() => void>();

function readInitial(): Locale {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

let current: Locale = readInitial();
dayjs.locale(current === 'en' ? 'en' : 'zh-cn');

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage unavailable (private mode): keep the choice for this page only
  }
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
  listeners.forEach((l) => l());
}

export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Translate outside React: picks the text for the current locale. */
export function tr(zh: string, en: string): string {
  return current === 'en' ? en : zh;
}
