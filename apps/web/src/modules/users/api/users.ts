import {
  userPageSchema,
  userSchema,
  type Role,
  type User,
  type userCreateSchema,
  type userUpdateSchema,
  userSensitiveSchema,
} from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type QueryParams } from '../../../platform/api';

export type UserCreateInput = z.input<typeof userCreateSchema>;
export type UserUpdateInput = z.input<typeof userUpdateSchema>;

export interface UserFilters {
  q?: string;
  orgId?: string;
  role?: Role;
  page: number;
  pageSize: number;
}

export const userKeys = {
  all: ['users'] as const,
  list: (filters: UserFilters) => ['users', 'list', filters] as const,
};

export function userQuery(f: UserFilters): QueryParams {
  return { q: f.q, orgId: f.orgId, role: f.role, page: f.page, pageSize: f.pageSize };
}

/** GET /api/users — paged. */
export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: userKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/users', userPageSchema, userQuery(filters), signal),
    placeholderData: keepPreviousData,
  });
}

const path = (id: string, rest = '') => `/api/users/${encodeURIComponent(id)}${rest}`;

function useUserMutation<V>(fn: (vars: V) => Promise<User>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export const useCreateUser = () =>
  useUserMutation((input: UserCreateInput) => api.post('/api/users', userSchema, input));

export const useUpdateUser = () =>
  useUserMutation(({ id, input }: { id: string; input: UserUpdateInput }) =>
    api.patch(path(id), userSchema, input),
  );

/** PUT /api/users/:id/roles (安全管理员). */
export const useAssignRoles = () =>
  useUserMutation(({ user, roles }: { user: User; roles: Role[] }) =>
    api.put(path(user.id, '/roles'), userSchema, { roles, version: user.version }),
  );

export const useUnlockUser = () =>
  useUserMutation((user: User) => api.post(path(user.id, '/unlock'), userSchema));

export const useResetPassword = () =>
  useUserMutation(({ user, password }: { user: User; password: string }) =>
    api.post(path(user.id, '/reset-password'), userSchema, { password }),
  );

export type UserSensitive = z.infer<typeof userSensitiveSchema>;

/** Unmasked ID number and mobile — fetched on demand, never cached (the server audits each read). */
export function useUserSensitive() {
  return useMutation({
    mutationFn: (user: User) => api.get(path(user.id, '/sensitive'), userSensitiveSchema),
  });
}
