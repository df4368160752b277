import {
  ROLES,
  passwordResetSchema,
  userCreateSchema,
  userListQuerySchema,
  userPageSchema,
  userRolesSchema,
  userSchema,
  userUpdateSchema,
  userSensitiveSchema,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paged, sendXlsx } from '../../platform/excel/export';
import {
  assignRoles,
  createUser,
  getUser,
  listUsers,
  readSensitive,
  resetPassword,
  unlockUser,
  updateUser,
  userRowsForExport,
} from './users.service';

const idParams = z.object({ id: z.uuid({ message: '编号格式不正确' }) });

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      config: { access: 'user.read' },
      schema: { tags: ['users'], querystring: userListQuerySchema, response: { 200: userPageSchema } },
    },
    async (req) => listUsers(req.ctx, req.query),
  );
  app.get(
    '/users/export.xlsx',
    { config: { access: 'user.read' }, schema: { tags: ['users'], querystring: userListQuerySchema } },
    async (req, reply) =>
      sendXlsx(
        reply,
        '用户列表.xlsx',
        '用户',
        [
          { header: '用户名', width: 16, value: (u) => u.username },
          { header: '姓名', width: 12, value: (u) => u.displayName },
          { header: '所属单位', width: 30, value: (u) => u.orgName },
          { header: '职务', width: 12, value: (u) => u.position },
          { header: '角色', width: 30, value: (u) => u.roles.map((r) => ROLES[r].zh).join('、') },
          { header: '身份证号（脱敏）', width: 22, value: (u) => u.idNumber },
          { header: '手机号（脱敏）', width: 14, value: (u) => u.mobile },
          { header: '电子邮箱', width: 24, value: (u) => u.email },
          { header: '状态', width: 8, value: (u) => (u.disabled ? '停用' : u.locked ? '锁定' : '正常') },
          { header: '最近登录', width: 22, value: (u) => u.lastLoginAt },
        ],
        paged(userRowsForExport(req.ctx, req.query)),
      ),
  );
  app.get(
    '/users/:id',
    {
      config: { access: 'user.read' },
      schema: { tags: ['users'], params: idParams, response: { 200: userSchema } },
    },
    async (req) => getUser(req.ctx, req.params.id),
  );
  app.post(
    '/users',
    {
      config: { access: 'user.write' },
      schema: { tags: ['users'], body: userCreateSchema, response: { 200: userSchema } },
    },
    async (req) => createUser(req.ctx, req.body),
  );
  app.patch(
    '/users/:id',
    {
      config: { access: 'user.write' },
      schema: { tags: ['users'], params: idParams, body: userUpdateSchema, response: { 200: userSchema } },
    },
    async (req) => updateUser(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/users/:id/roles',
    {
      config: { access: 'user.roles.assign' },
      schema: { tags: ['users'], params: idParams, body: userRolesSchema, response: { 200: userSchema } },
    },
    async (req) => assignRoles(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/users/:id/unlock',
    {
      config: { access: 'user.unlock' },
      schema: { tags: ['users'], params: idParams, response: { 200: userSchema } },
    },
    async (req) => unlockUser(req.ctx, req.params.id),
  );
  app.post(
    '/users/:id/reset-password',
    {
      config: { access: 'user.password.reset' },
      schema: { tags: ['users'], params: idParams, body: passwordResetSchema, response: { 200: userSchema } },
    },
    async (req) => resetPassword(req.ctx, req.params.id, req.body.password),
  );
  app.get(
    '/users/:id/sensitive',
    {
      config: { access: 'user.sensitive.read' },
      schema: { tags: ['users'], params: idParams, response: { 200: userSensitiveSchema } },
    },
    async (req) => readSensitive(req.ctx, req.params.id),
  );
};
