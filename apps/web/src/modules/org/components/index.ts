export { OrgFormDrawer } from './OrgFormDrawer';
export { OrgTable } from './OrgTable';
export { OrgTreeSelect } from './OrgTreeSelect';
export { RegionFormModal } from './RegionFormModal';
export { RegionTree } from './RegionTree';
export { RegionTreeSelect } from './RegionTreeSelect';
export { ScopePeriodFilters } from './ScopePeriodFilters';
