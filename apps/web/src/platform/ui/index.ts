export { ConfirmButton } from './ConfirmButton';
export { testIdProps } from './test-id';
export { PageCard } from './PageCard';
export { LocaleSwitch } from './LocaleSwitch';
export { DrawerFormFooter } from './DrawerFormFooter';
