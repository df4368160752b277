export { useLogout } from './api';
export { changePasswordRoute, loginRoute } from './routes';
