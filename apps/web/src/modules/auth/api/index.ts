export { useChangePassword, useLogin, useLogout, type ChangePasswordInput, type LoginInput } from './auth';
