import {
  capCheckSchema,
  drawPageSchema,
  drawSchema,
  drawVerifyResultSchema,
  enterprisePageSchema,
  enterpriseSchema,
  inspectionItemPageSchema,
  inspectionItemSchema,
  inspectionPageSchema,
  inspectionPlanPageSchema,
  inspectionPlanSchema,
  inspectionSchema,
  officerPageSchema,
  publicDrawPageSchema,
  publicDrawSchema,
  publicInspectionItemPageSchema,
  type DrawInput,
  type InspectionInput,
  type InspectionPlanAction,
} from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type QueryParams } from '../../../platform/api';

// 涉企行政检查: enterprises, item lists, plans, 双随机 draws, inspections, yearly-cap check; portal lists.

export const inspectionKeys = { all: ['enf-inspections'] as const };
const key = (...parts: unknown[]) => [...inspectionKeys.all, ...parts];
const enc = encodeURIComponent;

function useList<S extends z.ZodType>(path: string, schema: S, filters: QueryParams, enabled = true) {
  return useQuery({
    queryKey: key(path, filters),
    queryFn: ({ signal }) => api.get(path, schema, filters, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const useEnterprises = (f: QueryParams) =>
  useList('/api/enforcement/enterprises', enterprisePageSchema, f);
export const useInspectionItems = (f: QueryParams) =>
  useList('/api/enforcement/inspection-items', inspectionItemPageSchema, f);
export const useInspectionPlans = (f: QueryParams) =>
  useList('/api/enforcement/inspection-plans', inspectionPlanPageSchema, f);
export const useDraws = (f: QueryParams) => useList('/api/enforcement/draws', drawPageSchema, f);
export const useInspections = (f: QueryParams) =>
  useList('/api/enforcement/inspections', inspectionPageSchema, f);
export const useBodyOfficers = (orgId: string | undefined) =>
  useList('/api/enforcement/officers', officerPageSchema, { orgId, pageSize: 200 }, !!orgId);

export function useDraw(id: string | undefined) {
  return useQuery({
    queryKey: key('draw', id),
    queryFn: ({ signal }) => api.get(`/api/enforcement/draws/${enc(id ?? '')}`, drawSchema, {}, signal),
    enabled: !!id,
  });
}

export function useCapCheck(q: { enterpriseId?: string; bodyId?: string; date?: string }) {
  return useQuery({
    queryKey: key('cap', q),
    queryFn: ({ signal }) =>
      api.get('/api/enforcement/inspections/cap-check', capCheckSchema, { ...q }, signal),
    enabled: !!(q.enterpriseId && q.bodyId && q.date),
  });
}

function useInspectionMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: inspectionKeys.all }),
  });
}

export const useCreateEnterprise = () =>
  useInspectionMutation((v: { uscc: string; name: string; industry?: string }) =>
    api.post('/api/enforcement/enterprises', enterpriseSchema, v),
  );
export const useCreateItem = () =>
  useInspectionMutation((v: Record<string, unknown>) =>
    api.post('/api/enforcement/inspection-items', inspectionItemSchema, v),
  );
export const useItemPublish = () =>
  useInspectionMutation((v: { id: string; version: number; publish: boolean }) =>
    api.post(
      `/api/enforcement/inspection-items/${enc(v.id)}/${v.publish ? 'publish' : 'withdraw'}`,
      inspectionItemSchema,
      { version: v.version },
    ),
  );
export const useCreatePlan = () =>
  useInspectionMutation((v: { year: number; kind: string; title: string; itemIds: string[] }) =>
    api.post('/api/enforcement/inspection-plans', inspectionPlanSchema, v),
  );
export const usePlanAction = () =>
  useInspectionMutation((v: { id: string; action: InspectionPlanAction; version: number; note?: string }) =>
    api.post(`/api/enforcement/inspection-plans/${enc(v.id)}/${v.action}`, inspectionPlanSchema, {
      version: v.version,
      note: v.note,
    }),
  );
export const useCreateDraw = () =>
  useInspectionMutation((v: Partial<DrawInput>) => api.post('/api/enforcement/draws', drawSchema, v));
export const usePublishDraw = () =>
  useInspectionMutation((v: { id: string; version: number }) =>
    api.post(`/api/enforcement/draws/${enc(v.id)}/publish`, drawSchema, { version: v.version }),
  );
export const useVerifyDraw = () =>
  useMutation({
    mutationFn: (v: { id: string; seed?: string }) =>
      api.post(`/api/enforcement/draws/${enc(v.id)}/verify`, drawVerifyResultSchema, {
        seed: v.seed || undefined,
      }),
  });
export const useRecordInspection = () =>
  useInspectionMutation((v: Partial<InspectionInput>) =>
    api.post('/api/enforcement/inspections', inspectionSchema, v),
  );

// Portal (no login)
export const usePublicInspectionItems = (f: QueryParams) =>
  useList('/api/public/inspection-items', publicInspectionItemPageSchema, f);
export const usePublicDraws = (f: QueryParams) =>
  useList('/api/public/random-draws', publicDrawPageSchema, f);
export function usePublicDraw(id: string | undefined) {
  return useQuery({
    queryKey: key('public-draw', id),
    queryFn: ({ signal }) =>
      api.get(`/api/public/random-draws/${enc(id ?? '')}`, publicDrawSchema, {}, signal),
    enabled: !!id,
  });
}
