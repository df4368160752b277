export { useUrlFilters, type FilterPatch } from './use-url-filters';
