export { ConfirmButton, testIdProps } from './ConfirmButton';
export { PageCard } from './PageCard';
export { LocaleSwitch } from './LocaleSwitch';
