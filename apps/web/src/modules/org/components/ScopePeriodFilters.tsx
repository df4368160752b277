import { DatePicker, Flex, Segmented } from 'antd';
import { fromIsoDate, toIsoDate } from '../../../platform/format';
import { useT } from '../../../platform/i18n';
import { OrgTreeSelect } from './OrgTreeSelect';
import { RegionTreeSelect } from './RegionTreeSelect';

export type ScopePeriodValues = { by?: string; regionCode?: string; orgId?: string };
export type ScopePeriodPatch = {
  by?: string;
  regionCode?: string;
  orgId?: string;
  from?: string;
  to?: string;
};

/**
 * The filter bar of a figures page: a region (everything below it) or one organisation, and a period.
 * Test ids are `<testIdPrefix>-by`, `-region`, `-org`, `-period`.
 */
export function ScopePeriodFilters({
  values,
  period,
  update,
  testIdPrefix,
}: {
  values: ScopePeriodValues;
  period: { from?: string; to?: string };
  update: (patch: ScopePeriodPatch) => void;
  testIdPrefix: string;
}) {
  const t = useT();
  const by = values.by === 'org' ? 'org' : 'region';
  return (
    <Flex wrap gap="small" style={{ marginBottom: 12 }}>
      <Segmented
        value={by}
        onChange={(v) =>
          update({ by: v === 'org' ? 'org' : undefined, regionCode: undefined, orgId: undefined })
        }
        options={[
          { value: 'region', label: t('按区划', 'By region') },
          { value: 'org', label: t('按单位', 'By organisation') },
        ]}
        data-testid={`${testIdPrefix}-by`}
      />
      {by === 'region' ? (
        <RegionTreeSelect
          value={values.regionCode}
          onChange={(regionCode) => update({ regionCode })}
          placeholder={t('本单位所在区划', 'My region')}
          testId={`${testIdPrefix}-region`}
        />
      ) : (
        <OrgTreeSelect
          value={values.orgId}
          onChange={(orgId) => update({ orgId })}
          placeholder={t('本单位', 'My organisation')}
          style={{ width: 240 }}
          testId={`${testIdPrefix}-org`}
        />
      )}
      <DatePicker.RangePicker
        allowClear={false}
        value={[fromIsoDate(period.from) ?? null, fromIsoDate(period.to) ?? null]}
        onChange={(r) => update({ from: toIsoDate(r?.[0]), to: toIsoDate(r?.[1]) })}
        data-testid={`${testIdPrefix}-period`}
      />
    </Flex>
  );
}
