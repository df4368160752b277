import {
  delegationPowerListSchema,
  delegationPowerSchema,
  delegationRoundListSchema,
  delegationRoundSchema,
  delegationTownshipCapacitySchema,
  delegationTownshipListSchema,
} from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../platform/api';

// 乡镇（街道）赋权事项: powers, adjustment rounds, township capacity.

export const delegationKeys = { all: ['enf-delegation'] as const };
export const DELEGATION_PATH = '/api/enforcement/delegation';

export const useDelegatedPowers = (filters: QueryParams) =>
  useQuery({
    queryKey: [...delegationKeys.all, 'powers', filters],
    queryFn: ({ signal }) => api.get(`${DELEGATION_PATH}/powers`, delegationPowerListSchema, filters, signal),
    placeholderData: keepPreviousData,
  });
export const useDelegationRounds = () =>
  useQuery({
    queryKey: [...delegationKeys.all, 'rounds'],
    queryFn: ({ signal }) =>
      api.get(`${DELEGATION_PATH}/rounds`, delegationRoundListSchema, undefined, signal),
  });
export const useTownships = () =>
  useQuery({
    queryKey: [...delegationKeys.all, 'townships'],
    queryFn: ({ signal }) =>
      api.get(`${DELEGATION_PATH}/townships`, delegationTownshipListSchema, undefined, signal),
  });

function useDelegationMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: delegationKeys.all }),
  });
}
export const useCreateRound = () =>
  useDelegationMutation((v: unknown) => api.post(`${DELEGATION_PATH}/rounds`, delegationRoundSchema, v));
export const useWithdrawPower = () =>
  useDelegationMutation(({ id, ...v }: { id: string } & Record<string, unknown>) =>
    api.post(`${DELEGATION_PATH}/powers/${id}/withdraw`, delegationPowerSchema, v),
  );
export const useUpdateCapacity = () =>
  useDelegationMutation(({ orgId, ...v }: { orgId: string } & Record<string, unknown>) =>
    api.put(`${DELEGATION_PATH}/townships/${orgId}/capacity`, delegationTownshipCapacitySchema, v),
  );
