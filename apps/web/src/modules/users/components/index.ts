export { AssignRolesModal } from './AssignRolesModal';
export { ResetPasswordModal } from './ResetPasswordModal';
export { UserFormDrawer } from './UserFormDrawer';
export { UserTable } from './UserTable';
