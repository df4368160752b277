import {
  indicatorImportAnalyseSchema,
  indicatorImportAnalysisSchema,
  indicatorImportConfirmResultSchema,
  indicatorImportConfirmSchema,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { analyseReport, confirmImport } from './report-import.service';

const tags = ['indicators'];

/** Import of a published report's figures: analyse (proposals only) and confirm (writes imported values). */
export const reportImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/indicator-imports',
    {
      config: { access: 'indicator.manage' },
      bodyLimit: 2 * 1024 * 1024,
      schema: { tags, body: indicatorImportAnalyseSchema, response: { 200: indicatorImportAnalysisSchema } },
    },
    async (req) => analyseReport(req.ctx, req.body),
  );
  app.post(
    '/indicator-imports/confirm',
    {
      config: { access: 'indicator.manage' },
      schema: {
        tags,
        body: indicatorImportConfirmSchema,
        response: { 200: indicatorImportConfirmResultSchema },
      },
    },
    async (req) => confirmImport(req.ctx, req.body),
  );
};
