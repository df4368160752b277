// What other modules may use from the normative-documents module (行政规范性文件).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { catalogueRoutes } from './catalogue/catalogue.routes';
import { cleanupRoutes } from './cleanup/cleanup.routes';
import { commentRoutes } from './comments/comments.routes';
import { figureRoutes } from './figures/figures.routes';
import { filingRoutes } from './filings/filings.routes';
import { documentRoutes } from './normdocs.routes';
import { registerRoutes } from './registers/registers.routes';

/** Every route of the module, each area in its own plugin. */
export const normdocRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(documentRoutes);
  await app.register(commentRoutes);
  await app.register(filingRoutes);
  await app.register(registerRoutes);
  await app.register(cleanupRoutes);
  await app.register(catalogueRoutes);
  await app.register(figureRoutes);
};
export { normdocJobs } from './normdocs.jobs';
export { insertImportedDocTx, usedRegistrationNumbers, type ImportedDocInput } from './normdocs.import-rows';
export { settingsFor } from './normdocs.settings';
export {
  computeNormdocFigures,
  figureRecordPage as normdocFigureRecordPage,
  type Figure as NormdocFigure,
  type FigureQuery as NormdocFigureQuery,
  type FiguresResult as NormdocFiguresComputed,
} from './figures/figures.compute';
export { endDocInTx, type EndingAction } from './normdocs.ending';
export { searchVector } from './normdocs.search-text';
export { openFilingsOnPublish as openFilingsForDemo } from './filings/filings.open';
export { figureRecords as normdocFigureRecords } from './figures/figures.records';
