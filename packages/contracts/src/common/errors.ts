import { reportingErrorMessages } from '../indicators/indicator.errors';
import { normdocErrorMessages } from '../normdocs/normdoc.errors';
import { officersErrorMessages } from '../enforcement/officers.errors';
import { bodiesErrorMessages } from '../enforcement/bodies.errors';
import { lenientErrorMessages } from '../enforcement/lenient.errors';
import { evaluationErrorMessages } from '../enforcement/evaluation.errors';
import { delegationErrorMessages } from '../enforcement/delegation.errors';
import { inspectionsErrorMessages } from '../enforcement/inspections.errors';
import { supervisionErrorMessages } from '../enforcement/supervision.errors';

/**
 * Error codes shared by server and web. Every error the API returns is `{ code, message, details }`
 * with a Chinese message; `errorMessages` holds zh and en texts so the web can show either.
 */
export const errorMessages = {
  VALIDATION_FAILED: {
    status: 400,
    zh: '提交的数据不符合要求，请按提示修改',
    en: 'The submitted data is invalid',
  },
  MALFORMED_JSON: { status: 400, zh: '请求内容不是有效的 JSON', en: 'Malformed JSON body' },
  BODY_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的请求内容类型', en: 'Unsupported media type' },
  NOT_FOUND: { status: 404, zh: '记录不存在或无权访问', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such route' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: { status: 401, zh: '登录已过期，请重新登录', en: 'Session expired' },
  FORBIDDEN: { status: 403, zh: '没有执行此操作的权限', en: 'Permission denied' },
  CSRF_INVALID: { status: 403, zh: '页面已过期，请刷新后重试（CSRF 校验失败）', en: 'CSRF check failed' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '首次登录或密码已过期，请先修改密码',
    en: 'Password change required',
  },
  LOGIN_FAILED: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '连续登录失败次数过多，账户已锁定，请稍后再试或联系安全管理员',
    en: 'Account locked',
  },
  ACCOUNT_DISABLED: { status: 403, zh: '账户已停用，请联系系统管理员', en: 'Account disabled' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests' },
  PASSWORD_POLICY: {
    status: 400,
    zh: '密码不符合安全策略：至少8位，且包含大写字母、小写字母、数字、符号中的三类',
    en: 'Password does not meet the policy',
  },
  PASSWORD_WRONG: { status: 400, zh: '原密码不正确', en: 'Current password is wrong' },
  PASSWORD_REUSED: {
    status: 400,
    zh: '新密码不能与原密码相同',
    en: 'New password must differ from the old one',
  },
  STALE_WRITE: {
    status: 409,
    zh: '该记录已被他人修改，请刷新后重试',
    en: 'The record was changed by someone else',
  },
  DUPLICATE: { status: 409, zh: '记录已存在', en: 'Duplicate record' },
  ILLEGAL_TRANSITION: { status: 409, zh: '当前状态下不能执行该操作', en: 'Illegal state transition' },
  CONFLICT: { status: 409, zh: '操作与现有数据冲突', en: 'Conflict' },
  INVALID_USCC: {
    status: 400,
    zh: '统一社会信用代码无效（校验位不正确或含非法字符）',
    en: 'Invalid unified social credit code',
  },
  INVALID_ID_NUMBER: {
    status: 400,
    zh: '居民身份证号码无效（校验位或出生日期不正确）',
    en: 'Invalid resident ID number',
  },
  INVALID_REGION_CODE: { status: 400, zh: '行政区划代码无效或不存在', en: 'Invalid region code' },
  INVALID_DATE: { status: 400, zh: '日期无效或超出允许范围', en: 'Invalid or out-of-range date' },
  REGION_HAS_CHILDREN: {
    status: 409,
    zh: '该区划下仍有下级区划或单位，不能停用',
    en: 'Region still has children',
  },
  ORG_HAS_CHILDREN: {
    status: 409,
    zh: '该单位仍有在用的下级单位或用户，不能停用',
    en: 'Organisation still in use',
  },
  ROLE_SEPARATION: {
    status: 409,
    zh: '三员分立：系统管理员、安全管理员、审计管理员不能兼任，也不能兼任业务角色',
    en: 'Separation of duties violated',
  },
  SELF_ACTION: { status: 409, zh: '不能对自己的账户执行该操作', en: 'Not allowed on your own account' },
  IMPORT_INVALID: {
    status: 422,
    zh: '导入文件有错误，已标注错误单元格，请下载修改后重新导入；本次未写入任何数据',
    en: 'Import has errors; nothing was written',
  },
  IMPORT_UNKNOWN_KIND: { status: 400, zh: '不支持的导入类型', en: 'Unknown import kind' },
  FILE_INVALID: { status: 400, zh: '文件格式不正确，请使用下载的模板（.xlsx）', en: 'Invalid file' },
  CALENDAR_YEAR_INVALID: { status: 400, zh: '节假日安排的年份或日期不正确', en: 'Invalid calendar year' },
  INTERNAL: {
    status: 500,
    zh: '服务器内部错误，请联系管理员（已记录请求编号）',
    en: 'Internal server error',
  },
  SERVICE_UNAVAILABLE: { status: 503, zh: '服务暂时不可用', en: 'Service unavailable' },
  ...normdocErrorMessages,
  ...officersErrorMessages,
  ...bodiesErrorMessages,
  ...lenientErrorMessages,
  ...evaluationErrorMessages,
  ...delegationErrorMessages,
  ...inspectionsErrorMessages,
  ...supervisionErrorMessages,
  ...reportingErrorMessages,
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorMessages;
export const errorCodes = Object.keys(errorMessages) as ErrorCode[];
