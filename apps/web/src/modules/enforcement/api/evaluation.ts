import {
  evalCampaignDetailSchema,
  evalCampaignListSchema,
  evalCaseFileListSchema,
  evalCaseFileSchema,
  evalRectificationSchema,
  evalTemplateSchema,
} from '@fazhi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../platform/api';

// 案卷评查: templates, case files, campaigns (draw, score, rectification), rectification responses.

export const evaluationKeys = { all: ['enf-evaluation'] as const };
export const EVALUATION_PATH = '/api/enforcement/evaluation';

export const useEvalTemplates = () =>
  useQuery({
    queryKey: [...evaluationKeys.all, 'templates'],
    queryFn: ({ signal }) =>
      api.get(
        `${EVALUATION_PATH}/templates`,
        z.object({ items: z.array(evalTemplateSchema) }),
        undefined,
        signal,
      ),
  });
export const useEvalCaseFiles = () =>
  useQuery({
    queryKey: [...evaluationKeys.all, 'case-files'],
    queryFn: ({ signal }) =>
      api.get(`${EVALUATION_PATH}/case-files`, evalCaseFileListSchema, undefined, signal),
  });
export const useEvalCampaigns = () =>
  useQuery({
    queryKey: [...evaluationKeys.all, 'campaigns'],
    queryFn: ({ signal }) =>
      api.get(`${EVALUATION_PATH}/campaigns`, evalCampaignListSchema, undefined, signal),
  });
export const useEvalCampaign = (id: string | null) =>
  useQuery({
    queryKey: [...evaluationKeys.all, 'campaign', id],
    queryFn: ({ signal }) =>
      api.get(`${EVALUATION_PATH}/campaigns/${id}`, evalCampaignDetailSchema, undefined, signal),
    enabled: !!id,
  });

function useEvalMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: evaluationKeys.all }),
  });
}
export const useCreateTemplate = () =>
  useEvalMutation((v: unknown) => api.post(`${EVALUATION_PATH}/templates`, evalTemplateSchema, v));
export const useCreateCaseFile = () =>
  useEvalMutation((v: unknown) => api.post(`${EVALUATION_PATH}/case-files`, evalCaseFileSchema, v));
export const useCreateCampaign = () =>
  useEvalMutation((v: unknown) => api.post(`${EVALUATION_PATH}/campaigns`, evalCampaignDetailSchema, v));
export const useDrawCampaign = (id: string) =>
  useEvalMutation((v: unknown) =>
    api.post(`${EVALUATION_PATH}/campaigns/${id}/draw`, evalCampaignDetailSchema, v),
  );
export const useScoreFile = (id: string) =>
  useEvalMutation(({ fileId, ...v }: { fileId: string } & Record<string, unknown>) =>
    api.post(`${EVALUATION_PATH}/campaigns/${id}/files/${fileId}/score`, evalCampaignDetailSchema, v),
  );
export const useCreateRectification = (id: string) =>
  useEvalMutation((v: unknown) =>
    api.post(`${EVALUATION_PATH}/campaigns/${id}/rectifications`, evalCampaignDetailSchema, v),
  );
export const useRespondRectification = () =>
  useEvalMutation(({ id, ...v }: { id: string } & Record<string, unknown>) =>
    api.post(`${EVALUATION_PATH}/rectifications/${id}/response`, evalRectificationSchema, v),
  );
