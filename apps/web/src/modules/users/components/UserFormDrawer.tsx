import { isValidIdNumber, isValidMobile, type User } from '@fazhi/contracts';
import { Drawer, Form, Input } from 'antd';
import { showSuccess } from '../../../platform/api';
import { applyServerErrors, checkRule } from '../../../platform/forms';
import { useT } from '../../../platform/i18n';
import { DrawerFormFooter } from '../../../platform/ui';
import { OrgTreeSelect } from '../../org';
import { useCreateUser, useUpdateUser, type UserUpdateInput } from '../api';
import { PasswordField } from './PasswordField';

interface Values {
  username?: string;
  displayName: string;
  orgId?: string;
  idNumber?: string;
  mobile?: string;
  email?: string;
  position?: string;
  password?: string;
}

interface UserFormDrawerProps {
  open: boolean;
  /** null = create. */
  user: User | null;
  onClose: () => void;
}

const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : null);
const USERNAME_RE = /^[a-zA-Z][a-zA-Z0-9_.-]*$/;

/**
 * 新建/编辑用户. The list shows the ID number and mobile masked, so on edit those fields start empty
 * and are sent only when a new value is typed.
 */
export function UserFormDrawer({ open, user, onClose }: UserFormDrawerProps) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = user !== null;

  const initialValues: Partial<Values> = user
    ? {
        username: user.username,
        displayName: user.displayName,
        orgId: user.orgId,
        email: user.email ?? undefined,
        position: user.position ?? undefined,
      }
    : {};

  const onFinish = (v: Values) => {
    const done = () => {
      showSuccess(editing ? t('用户已保存', 'User saved') : t('用户已创建', 'User created'));
      onClose();
    };
    const onError = (error: unknown) => applyServerErrors(form, error);
    if (user) {
      const input: UserUpdateInput = {
        displayName: v.displayName.trim(),
        orgId: v.orgId,
        email: blank(v.email),
        position: blank(v.position),
        version: user.version,
      };
      if (blank(v.idNumber)) input.idNumber = blank(v.idNumber);
      if (blank(v.mobile)) input.mobile = blank(v.mobile);
      update.mutate({ id: user.id, input }, { onSuccess: done, onError });
    } else if (v.username && v.orgId && v.password) {
      create.mutate(
        {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          orgId: v.orgId,
          idNumber: blank(v.idNumber),
          mobile: blank(v.mobile),
          email: blank(v.email),
          position: blank(v.position),
          password: v.password,
        },
        { onSuccess: done, onError },
      );
    }
  };

  const keepHint = t('留空则不修改', 'Leave empty to keep');

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      title={editing ? t('编辑用户', 'Edit user') : t('新建用户', 'New user')}
      footer={
        <DrawerFormFooter
          testId="user-form"
          saving={create.isPending || update.isPending}
          onCancel={onClose}
          onSave={() => form.submit()}
        />
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        data-testid="user-form"
      >
        <Form.Item
          name="username"
          label={t('用户名', 'Username')}
          rules={[
            { required: true, whitespace: true, message: t('请填写用户名', 'Please enter the username') },
            { min: 3, max: 32, message: t('用户名应为 3–32 个字符', 'Username must be 3–32 characters') },
            checkRule(
              (s) => USERNAME_RE.test(s.trim()),
              t(
                '用户名须以字母开头，只含字母、数字、下划线、点或连字符',
                'Start with a letter; letters, digits, _ . - only',
              ),
            ),
          ]}
        >
          <Input disabled={editing} autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('姓名', 'Name')}
          rules={[
            { required: true, whitespace: true, message: t('姓名不能为空', 'Please enter the name') },
            { max: 30 },
          ]}
        >
          <Input data-testid="user-form-display-name" />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('所属单位', 'Organisation')}
          rules={[{ required: true, message: t('请选择所属单位', 'Please choose the organisation') }]}
        >
          <OrgTreeSelect testId="user-form-org" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('居民身份证号码', 'Resident ID number')}
          normalize={(v: string | undefined) => v?.toUpperCase().replace(/\s/g, '')}
          extra={
            editing && user.idNumber ? `${t('当前', 'Current')}：${user.idNumber}（${keepHint}）` : undefined
          }
          rules={[
            checkRule(
              isValidIdNumber,
              t(
                '居民身份证号码无效（18位，出生日期和校验位须正确）',
                'Invalid ID number (18 characters, valid birth date and check character)',
              ),
            ),
          ]}
        >
          <Input maxLength={18} autoComplete="off" data-testid="user-form-id-number" />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t('手机号码', 'Mobile')}
          extra={
            editing && user.mobile ? `${t('当前', 'Current')}：${user.mobile}（${keepHint}）` : undefined
          }
          rules={[
            checkRule(
              (s) => isValidMobile(s.trim()),
              t('手机号码应为11位，以1开头', 'An 11-digit number starting with 1'),
            ),
          ]}
        >
          <Input maxLength={11} autoComplete="off" data-testid="user-form-mobile" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('电子邮箱', 'Email')}
          rules={[{ type: 'email', message: t('电子邮箱格式不正确', 'Invalid email address') }]}
        >
          <Input data-testid="user-form-email" />
        </Form.Item>
        <Form.Item name="position" label={t('职务', 'Position')} rules={[{ max: 30 }]}>
          <Input data-testid="user-form-position" />
        </Form.Item>
        {!editing && (
          <PasswordField
            name="password"
            label={t('初始密码', 'Initial password')}
            testId="user-form-password"
          />
        )}
      </Form>
    </Drawer>
  );
}
