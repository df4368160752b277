import type { E2eTest } from './harness';
import { assignRoles, auditLog, createOrg, exportUsers } from './flows/admin';
import { english, firstLogin, lockout, logout } from './flows/auth';
import { normdocLifecycle, publicComment } from './flows/normdocs';
import { collectionToReport } from './flows/reporting';
import { createClock, dueDate } from './flows/time-limits';

/**
 * The browser flows, each a user journey in a fresh browser context (see e2e/run.ts). Every flow sets up
 * what it needs itself (accounts and organisations through the API as sysadmin), so `E2E_ONLY=<name>`
 * runs any one of them alone.
 */
export const tests: E2eTest[] = [
  firstLogin, // 1. 新建用户 → 首次登录修改密码
  createOrg, // 2. 新建单位, 统一社会信用代码校验
  exportUsers, // 3. 用户导出 Excel
  logout, // 4. 退出登录, 会话失效
  dueDate, // 5. 期限计算器
  lockout, // 6. 密码错误与锁定
  assignRoles, // 7. 分配角色, 三员分立
  auditLog, // 8. 审计日志, 校验日志链
  english, // 9. 英文界面
  createClock, // 10. 期限监控: 登记期限
  normdocLifecycle, // 11. 规范性文件全流程, 公开目录与检索
  publicComment, // 12. 门户征求意见
  collectionToReport, // 13. 数据填报（退回、更正、采纳）与年度报告 Word
];
