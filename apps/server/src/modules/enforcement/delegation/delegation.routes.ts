import {
  POWER_STATUSES,
  delegationCapacityUpdateSchema,
  delegationPowerListSchema,
  delegationPowerQuerySchema,
  delegationPowerSchema,
  delegationPowerWithdrawSchema,
  delegationRoundCreateSchema,
  delegationRoundListSchema,
  delegationRoundSchema,
  delegationTownshipCapacitySchema,
  delegationTownshipListSchema,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx } from '../../../platform/excel/export';
import {
  createRound,
  getPower,
  listPowers,
  listRounds,
  listTownships,
  updateCapacity,
  withdrawPower,
} from './delegation.service';

const uuid = z.uuid({ message: '编号格式不正确' });
const tags = ['enforcement-delegation'];
const base = '/enforcement/delegation';

/** 乡镇（街道）赋权事项 (DOMAIN.md §4.9): powers, adjustment rounds, township capacity. */
export const delegationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    `${base}/powers`,
    {
      config: { access: 'enforcement.read' },
      schema: { tags, querystring: delegationPowerQuerySchema, response: { 200: delegationPowerListSchema } },
    },
    async (req) => listPowers(req.ctx, req.query),
  );
  app.get(
    `${base}/powers/export.xlsx`,
    { config: { access: 'enforcement.read' }, schema: { tags, querystring: delegationPowerQuerySchema } },
    async (req, reply) => {
      const { items } = await listPowers(req.ctx, req.query);
      async function* once() {
        yield items;
      }
      return sendXlsx(
        reply,
        '乡镇赋权事项.xlsx',
        '赋权事项',
        [
          { header: '乡镇（街道）', width: 20, value: (p) => p.townshipName },
          { header: '事项编码', width: 14, value: (p) => p.code },
          { header: '赋权事项', width: 40, value: (p) => p.name },
          { header: '原实施部门', width: 20, value: (p) => p.sourceOrgName },
          { header: '法律依据', width: 40, value: (p) => p.legalBasis },
          { header: '决定文号', width: 20, value: (p) => p.decisionDocNumber },
          { header: '决定日期', width: 12, value: (p) => p.decisionDate },
          { header: '生效日期', width: 12, value: (p) => p.effectiveOn },
          { header: '收回日期', width: 12, value: (p) => p.withdrawnOn ?? '' },
          { header: '收回文号', width: 20, value: (p) => p.withdrawalDocNumber ?? '' },
          { header: '状态', width: 8, value: (p) => POWER_STATUSES[p.status] },
        ],
        once(),
      );
    },
  );
  app.get(
    `${base}/powers/:id`,
    {
      config: { access: 'enforcement.read' },
      schema: { tags, params: z.object({ id: uuid }), response: { 200: delegationPowerSchema } },
    },
    async (req) => getPower(req.ctx, req.params.id),
  );
  app.post(
    `${base}/powers/:id/withdraw`,
    {
      config: { access: 'enforcement.supervise' },
      schema: {
        tags,
        summary: '收回赋权事项',
        params: z.object({ id: uuid }),
        body: delegationPowerWithdrawSchema,
        response: { 200: delegationPowerSchema },
      },
    },
    async (req) => withdrawPower(req.ctx, req.params.id, req.body),
  );
  app.get(
    `${base}/rounds`,
    {
      config: { access: 'enforcement.read' },
      schema: { tags, response: { 200: delegationRoundListSchema } },
    },
    async (req) => listRounds(req.ctx),
  );
  app.post(
    `${base}/rounds`,
    {
      config: { access: 'enforcement.supervise' },
      schema: {
        tags,
        summary: '登记调整批次（决定文件：新增和收回的赋权事项）',
        body: delegationRoundCreateSchema,
        response: { 200: delegationRoundSchema },
      },
    },
    async (req) => createRound(req.ctx, req.body),
  );
  app.get(
    `${base}/townships`,
    {
      config: { access: 'enforcement.read' },
      schema: { tags, response: { 200: delegationTownshipListSchema } },
    },
    async (req) => listTownships(req.ctx),
  );
  app.put(
    `${base}/townships/:orgId/capacity`,
    {
      config: { access: 'enforcement.supervise' },
      schema: {
        tags,
        summary: '登记乡镇承接能力（人员；未录入持证人员库时的持证人数）',
        params: z.object({ orgId: uuid }),
        body: delegationCapacityUpdateSchema,
        response: { 200: delegationTownshipCapacitySchema },
      },
    },
    async (req) => updateCapacity(req.ctx, req.params.orgId, req.body),
  );
};
