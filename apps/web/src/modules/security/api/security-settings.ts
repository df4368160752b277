import { securitySettingsSchema, type SecuritySettings } from '@fazhi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../platform/api';

const key = ['security', 'settings'] as const;

export function useSecuritySettings() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get('/api/security/settings', securitySettingsSchema, undefined, signal),
  });
}

export function useSaveSecuritySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SecuritySettings) => api.put('/api/security/settings', securitySettingsSchema, input),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  });
}
