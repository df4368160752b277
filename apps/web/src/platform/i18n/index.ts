export { getLocale, setLocale, subscribeLocale, tr, type Locale } from './locale-store';
export { useLabel, useLocale, useT, type Bilingual, type Translate } from './use-i18n';
export {
  amountLabel,
  CLOCK_STATUS_COLORS,
  clockStatusLabel,
  clockStatusNames,
  dueDateUnitNames,
  orgTypeLabel,
  orgTypeNames,
  regionLevelLabel,
  regionLevelNames,
  roleLabel,
  unitLabel,
} from './domain-labels';
