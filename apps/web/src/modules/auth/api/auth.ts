import { meSchema, okSchema, type changePasswordSchema, type loginSchema, type Me } from '@fazhi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, meQueryKey, setCsrfToken } from '../../../platform/api';

export type LoginInput = z.input<typeof loginSchema>;
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

function useStoreMe() {
  const queryClient = useQueryClient();
  return (me: Me) => {
    setCsrfToken(me.csrfToken);
    queryClient.setQueryData(meQueryKey, me);
  };
}

/** POST /api/auth/login — the form shows the server's message itself (wrong password, locked …). */
export function useLogin() {
  const storeMe = useStoreMe();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post('/api/auth/login', meSchema, input),
    onSuccess: storeMe,
    meta: { silent: true },
  });
}

export function useChangePassword() {
  const storeMe = useStoreMe();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api.post('/api/auth/change-password', meSchema, input),
    onSuccess: storeMe,
    meta: { silent: true },
  });
}

/** POST /api/auth/logout, then forget everything cached for this user. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout', okSchema),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
    },
    meta: { silent: true },
  });
}
