import {
  supervisionAccountabilityPageSchema,
  supervisionAccountabilitySchema,
  supervisionCheckPageSchema,
  supervisionCheckSchema,
  supervisionInterviewPageSchema,
  supervisionInterviewSchema,
  supervisionNoticePageSchema,
  supervisionNoticeSchema,
  supervisionProblemPageSchema,
  supervisionProblemSchema,
} from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type QueryParams } from '../../../platform/api';

// 执法监督: checks, clues/problems/complaints, 意见书/决定书 with their actions, 约谈, 追责.

export const supervisionKeys = { all: ['enf-supervision'] as const };
const P = '/api/enforcement/supervision';
const enc = encodeURIComponent;

function useList<S extends z.ZodType>(path: string, schema: S, filters: QueryParams) {
  return useQuery({
    queryKey: [...supervisionKeys.all, path, filters],
    queryFn: ({ signal }) => api.get(path, schema, filters, signal),
    placeholderData: keepPreviousData,
  });
}

export const SUPERVISION_PATHS = {
  checks: `${P}/checks`,
  problems: `${P}/problems`,
  notices: `${P}/notices`,
  interviews: `${P}/interviews`,
  accountability: `${P}/accountability`,
};

export const useSupervisionChecks = (f: QueryParams) =>
  useList(SUPERVISION_PATHS.checks, supervisionCheckPageSchema, f);
export const useSupervisionProblems = (f: QueryParams) =>
  useList(SUPERVISION_PATHS.problems, supervisionProblemPageSchema, f);
export const useSupervisionNotices = (f: QueryParams) =>
  useList(SUPERVISION_PATHS.notices, supervisionNoticePageSchema, f);
export const useSupervisionInterviews = (f: QueryParams) =>
  useList(SUPERVISION_PATHS.interviews, supervisionInterviewPageSchema, f);
export const useSupervisionAccountability = (f: QueryParams) =>
  useList(SUPERVISION_PATHS.accountability, supervisionAccountabilityPageSchema, f);

function useSupervisionMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: supervisionKeys.all }),
  });
}

export const useCreateCheck = () =>
  useSupervisionMutation((v: Record<string, unknown>) =>
    api.post(SUPERVISION_PATHS.checks, supervisionCheckSchema, v),
  );
export const useCreateProblem = () =>
  useSupervisionMutation((v: Record<string, unknown>) =>
    api.post(SUPERVISION_PATHS.problems, supervisionProblemSchema, v),
  );
export const useHandleProblem = () =>
  useSupervisionMutation((v: { id: string } & Record<string, unknown>) => {
    const { id, ...body } = v;
    return api.post(`${P}/problems/${enc(id)}/handle`, supervisionProblemSchema, body);
  });
export const useIssueNotice = () =>
  useSupervisionMutation((v: Record<string, unknown>) =>
    api.post(SUPERVISION_PATHS.notices, supervisionNoticeSchema, v),
  );
export const useNoticeAction = () =>
  useSupervisionMutation((v: { id: string; action: string } & Record<string, unknown>) => {
    const { id, action, ...body } = v;
    return api.post(`${P}/notices/${enc(id)}/${action}`, supervisionNoticeSchema, body);
  });
export const useCreateInterview = () =>
  useSupervisionMutation((v: Record<string, unknown>) =>
    api.post(SUPERVISION_PATHS.interviews, supervisionInterviewSchema, v),
  );
export const useCreateAccountability = () =>
  useSupervisionMutation((v: Record<string, unknown>) =>
    api.post(SUPERVISION_PATHS.accountability, supervisionAccountabilitySchema, v),
  );
