export {
  orgKeys,
  orgQuery,
  useCreateOrg,
  useOrgs,
  useSetOrgDisabled,
  useUpdateOrg,
  type OrgCreateInput,
  type OrgFilters,
  type OrgUpdateInput,
} from './orgs';
export {
  regionKeys,
  useCreateRegion,
  useRegions,
  useUpdateRegion,
  type RegionCreateInput,
  type RegionUpdateInput,
} from './regions';
