export { reportImportRoutes } from './report-import.routes';
export { extractFigures, buildMatcher, type Proposal, type CatalogueEntry } from './extract';
