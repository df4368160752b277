export { ConfirmButton, testIdProps } from './ConfirmButton';
export { ForbiddenResult, NotFoundResult } from './ErrorResults';
export { PageCard } from './PageCard';
export { LocaleSwitch } from './LocaleSwitch';
