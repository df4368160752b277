import {
  CERTIFICATE_KINDS,
  CERTIFICATE_STATUSES,
  OFFICER_STATUSES,
  STAFF_TYPES,
  certificateActionInputSchema,
  certificateActionSchema,
  certificateApplySchema,
  certificateListQuerySchema,
  certificatePageSchema,
  certificateSchema,
  examCreateSchema,
  officerCreateSchema,
  officerDetailSchema,
  officerListQuerySchema,
  officerPageSchema,
  officerSettingsSchema,
  officerSettingsUpdateSchema,
  officerUpdateSchema,
  publicCertificateParamsSchema,
  publicCertificateSchema,
  trainingCreateSchema,
  type Certificate,
  type Officer,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shanghaiToday } from '../../../platform/clock/today';
import { sendXlsx, type ExportColumn } from '../../../platform/excel/export';
import { checkCertificate } from './certificates.public';
import {
  actOnCertificate,
  applyForCertificate,
  certificateBatchesForExport,
  getCertificate,
  listCertificates,
} from './certificates.service';
import {
  createOfficer,
  getOfficer,
  listOfficers,
  officerBatchesForExport,
  revealOfficerIdNumber,
  updateOfficer,
} from './officers.service';
import { getOfficerSettings, updateOfficerSettings } from './officers.settings';
import { addExam, addTraining } from './trainings.service';

const idParams = z.object({ id: z.uuid({ message: '编号格式不正确' }) });
const tags = ['enforcement-officers'];

/** 亮证 checks per address and minute: plenty for a person checking a card, a wall for enumeration. */
export const CERTIFICATE_CHECK_RATE = { max: 20, timeWindow: '1 minute' };

const officerColumns: ExportColumn<Officer>[] = [
  { header: '姓名', width: 12, value: (o) => o.name },
  { header: '身份证号（脱敏）', width: 22, value: (o) => o.idNumber },
  { header: '执法主体', width: 28, value: (o) => o.org.name },
  { header: '人员类别', width: 12, value: (o) => STAFF_TYPES[o.staffType] },
  { header: '职务', width: 14, value: (o) => o.position },
  { header: '执法领域', width: 24, value: (o) => o.fields.join('、') },
  { header: '状态', width: 8, value: (o) => OFFICER_STATUSES[o.status] },
  {
    header: '证件',
    width: 40,
    value: (o) =>
      o.certificates
        .map(
          (c) => `${CERTIFICATE_KINDS[c.kind]} ${c.number ?? '（未发证）'} ${CERTIFICATE_STATUSES[c.status]}`,
        )
        .join('；'),
  },
];

const certificateColumns: ExportColumn<Omit<Certificate, 'events'>>[] = [
  { header: '证号', width: 20, value: (c) => c.number },
  { header: '证件类型', width: 14, value: (c) => CERTIFICATE_KINDS[c.kind] },
  { header: '持证人', width: 12, value: (c) => c.officerName },
  { header: '执法主体', width: 28, value: (c) => c.org.name },
  { header: '执法领域', width: 24, value: (c) => c.fields.join('、') },
  { header: '状态', width: 10, value: (c) => CERTIFICATE_STATUSES[c.status] },
  { header: '申领日期', width: 12, value: (c) => c.appliedOn },
  { header: '发证日期', width: 12, value: (c) => c.issuedOn },
  { header: '有效期起', width: 12, value: (c) => c.validFrom },
  { header: '有效期至', width: 12, value: (c) => c.validTo },
  { header: '最近年审', width: 12, value: (c) => c.lastReviewedOn },
  { header: '终止日期', width: 12, value: (c) => c.endedOn },
];

/** 行政执法人员 and their certificates (DOMAIN.md §4.2). */
export const officersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/enforcement/officers',
    {
      config: { access: 'enforcement.read' },
      schema: { tags, querystring: officerListQuerySchema, response: { 200: officerPageSchema } },
    },
    async (req) => listOfficers(req.ctx, req.query),
  );
  app.get(
    '/enforcement/officers/export.xlsx',
    { config: { access: 'enforcement.read' }, schema: { tags, querystring: officerListQuerySchema } },
    async (req, reply) =>
      sendXlsx(
        reply,
        `行政执法人员-${shanghaiToday(req.ctx.now())}.xlsx`,
        '执法人员',
        officerColumns,
        officerBatchesForExport(req.ctx, req.query),
      ),
  );
  app.get(
    '/enforcement/officers/settings',
    { config: { access: 'enforcement.read' }, schema: { tags, response: { 200: officerSettingsSchema } } },
    async (req) => getOfficerSettings(req.ctx),
  );
  app.put(
    '/enforcement/officers/settings',
    {
      config: { access: 'enforcement.supervise' },
      schema: { tags, body: officerSettingsUpdateSchema, response: { 200: officerSettingsSchema } },
    },
    async (req) => updateOfficerSettings(req.ctx, req.body),
  );
  app.post(
    '/enforcement/officers',
    {
      config: { access: 'enforcement.body' },
      schema: { tags, body: officerCreateSchema, response: { 200: officerDetailSchema } },
    },
    async (req) => createOfficer(req.ctx, req.body),
  );
  app.get(
    '/enforcement/officers/:id',
    {
      config: { access: 'enforcement.read' },
      schema: { tags, params: idParams, response: { 200: officerDetailSchema } },
    },
    async (req) => getOfficer(req.ctx, req.params.id),
  );
  app.patch(
    '/enforcement/officers/:id',
    {
      config: { access: 'enforcement.body' },
      schema: { tags, params: idParams, body: officerUpdateSchema, response: { 200: officerDetailSchema } },
    },
    async (req) => updateOfficer(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/enforcement/officers/:id/id-number',
    {
      config: { access: 'enforcement.body' },
      schema: { tags, params: idParams, response: { 200: z.object({ idNumber: z.string() }) } },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return revealOfficerIdNumber(req.ctx, req.params.id);
    },
  );
  app.post(
    '/enforcement/officers/:id/trainings',
    {
      config: { access: 'enforcement.body' },
      schema: { tags, params: idParams, body: trainingCreateSchema, response: { 200: officerDetailSchema } },
    },
    async (req) => addTraining(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/enforcement/officers/:id/exams',
    {
      config: { access: 'enforcement.body' },
      schema: { tags, params: idParams, body: examCreateSchema, response: { 200: officerDetailSchema } },
    },
    async (req) => addExam(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/enforcement/officers/:id/certificates',
    {
      config: { access: 'enforcement.body' },
      schema: { tags, params: idParams, body: certificateApplySchema, response: { 200: certificateSchema } },
    },
    async (req) => applyForCertificate(req.ctx, req.params.id, req.body),
  );

  app.get(
    '/enforcement/certificates',
    {
      config: { access: 'enforcement.read' },
      schema: { tags, querystring: certificateListQuerySchema, response: { 200: certificatePageSchema } },
    },
    async (req) => listCertificates(req.ctx, req.query),
  );
  app.get(
    '/enforcement/certificates/export.xlsx',
    { config: { access: 'enforcement.read' }, schema: { tags, querystring: certificateListQuerySchema } },
    async (req, reply) =>
      sendXlsx(
        reply,
        `行政执法证件-${shanghaiToday(req.ctx.now())}.xlsx`,
        '执法证件',
        certificateColumns,
        certificateBatchesForExport(req.ctx, req.query),
      ),
  );
  app.get(
    '/enforcement/certificates/:id',
    {
      config: { access: 'enforcement.read' },
      schema: { tags, params: idParams, response: { 200: certificateSchema } },
    },
    async (req) => getCertificate(req.ctx, req.params.id),
  );
  app.post(
    '/enforcement/certificates/:id/actions/:action',
    {
      config: { access: 'enforcement.supervise' },
      schema: {
        tags,
        params: idParams.extend({ action: certificateActionSchema }),
        body: certificateActionInputSchema,
        response: { 200: certificateSchema },
      },
    },
    async (req) => actOnCertificate(req.ctx, req.params.id, req.params.action, req.body),
  );

  // ---- public 亮证 verification ----
  app.get(
    '/public/certificates/:number',
    {
      config: { access: 'public', rateLimit: CERTIFICATE_CHECK_RATE },
      schema: { tags, params: publicCertificateParamsSchema, response: { 200: publicCertificateSchema } },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return checkCertificate(req.ctx, req.params.number);
    },
  );
};
