import { meSchema, type Me } from '@fazhi/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { setCsrfToken } from './session';

export const meQueryKey = ['auth', 'me'] as const;

/** GET /api/auth/me — also refreshes the CSRF token every state-changing request must carry. */
export async function fetchMe(): Promise<Me> {
  const me = await api.get('/api/auth/me', meSchema);
  setCsrfToken(me.csrfToken);
  return me;
}

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: fetchMe,
    staleTime: 5 * 60_000,
    retry: false,
    meta: { silent: true },
  });
}

/** The signed-in user; only for components rendered under the authenticated shell. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser() used outside the authenticated shell');
  return data;
}
