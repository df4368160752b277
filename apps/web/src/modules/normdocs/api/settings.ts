import { normdocSettingsSchema, type normdocSettingsUpdateSchema } from '@fazhi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../platform/api';

export type NormdocSettingsInput = z.input<typeof normdocSettingsUpdateSchema>;

export const normdocSettingsKeys = {
  all: ['normdoc-settings'] as const,
  region: (regionCode: string | undefined) => ['normdoc-settings', regionCode ?? ''] as const,
};

/** GET /api/normdocs/settings — the settings in force for a region (the caller's when none is given). */
export function useNormdocSettings(regionCode: string | undefined) {
  return useQuery({
    queryKey: normdocSettingsKeys.region(regionCode),
    queryFn: ({ signal }) => api.get('/api/normdocs/settings', normdocSettingsSchema, { regionCode }, signal),
  });
}

/** PUT /api/normdocs/settings — saves the region's own row (version 0 creates it). */
export function useSaveNormdocSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NormdocSettingsInput) =>
      api.put('/api/normdocs/settings', normdocSettingsSchema, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: normdocSettingsKeys.all }),
  });
}
