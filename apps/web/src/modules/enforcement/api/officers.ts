import {
  certificatePageSchema,
  certificateSchema,
  officerDetailSchema,
  officerPageSchema,
  officerSettingsSchema,
  publicCertificateSchema,
  type CertificateAction,
} from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../platform/api';

// 行政执法人员 and their certificates, training and exams; the public 亮证 check.

export const officerKeys = { all: ['enf-officers'] as const };
export const OFFICERS_PATH = '/api/enforcement/officers';
export const CERTIFICATES_PATH = '/api/enforcement/certificates';
const enc = encodeURIComponent;

export const useOfficers = (f: QueryParams) =>
  useQuery({
    queryKey: [...officerKeys.all, 'list', f],
    queryFn: ({ signal }) => api.get(OFFICERS_PATH, officerPageSchema, f, signal),
    placeholderData: keepPreviousData,
  });

export const useOfficer = (id: string | null) =>
  useQuery({
    queryKey: [...officerKeys.all, 'one', id],
    queryFn: ({ signal }) =>
      api.get(`${OFFICERS_PATH}/${enc(id ?? '')}`, officerDetailSchema, undefined, signal),
    enabled: id !== null,
  });

export const useCertificates = (f: QueryParams) =>
  useQuery({
    queryKey: [...officerKeys.all, 'certificates', f],
    queryFn: ({ signal }) => api.get(CERTIFICATES_PATH, certificatePageSchema, f, signal),
    placeholderData: keepPreviousData,
  });

export const useOfficerSettings = () =>
  useQuery({
    queryKey: [...officerKeys.all, 'settings'],
    queryFn: ({ signal }) => api.get(`${OFFICERS_PATH}/settings`, officerSettingsSchema, undefined, signal),
  });

function useOfficerMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: officerKeys.all }),
  });
}

export const useCreateOfficer = () =>
  useOfficerMutation((v: Record<string, unknown>) => api.post(OFFICERS_PATH, officerDetailSchema, v));
export const useUpdateOfficer = () =>
  useOfficerMutation(({ id, ...v }: { id: string } & Record<string, unknown>) =>
    api.patch(`${OFFICERS_PATH}/${enc(id)}`, officerDetailSchema, v),
  );
export const useAddTraining = () =>
  useOfficerMutation(({ id, ...v }: { id: string } & Record<string, unknown>) =>
    api.post(`${OFFICERS_PATH}/${enc(id)}/trainings`, officerDetailSchema, v),
  );
export const useAddExam = () =>
  useOfficerMutation(({ id, ...v }: { id: string } & Record<string, unknown>) =>
    api.post(`${OFFICERS_PATH}/${enc(id)}/exams`, officerDetailSchema, v),
  );
export const useApplyCertificate = () =>
  useOfficerMutation(({ id, ...v }: { id: string } & Record<string, unknown>) =>
    api.post(`${OFFICERS_PATH}/${enc(id)}/certificates`, certificateSchema, v),
  );
export const useCertificateAction = () =>
  useOfficerMutation(
    ({ id, action, ...v }: { id: string; action: CertificateAction } & Record<string, unknown>) =>
      api.post(`${CERTIFICATES_PATH}/${enc(id)}/actions/${action}`, certificateSchema, v),
  );
export const useUpdateOfficerSettings = () =>
  useOfficerMutation((v: { version: number; trainingHoursRequired: number }) =>
    api.put(`${OFFICERS_PATH}/settings`, officerSettingsSchema, v),
  );

/** 亮证 verification on the portal (no login). */
export const checkCertificate = (number: string) =>
  api.get(`/api/public/certificates/${enc(number.trim())}`, publicCertificateSchema);
