import {
  indicatorImportAnalysisSchema,
  indicatorImportConfirmResultSchema,
  type IndicatorImportAnalyse,
  type IndicatorImportConfirm,
} from '@fazhi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../platform/api';

// Import of a published report: analyse the text into proposals, then confirm a selection.

export function useAnalyseReport() {
  return useMutation({
    mutationFn: (body: IndicatorImportAnalyse) =>
      api.post('/api/indicator-imports', indicatorImportAnalysisSchema, body),
  });
}

export function useConfirmImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IndicatorImportConfirm) =>
      api.post('/api/indicator-imports/confirm', indicatorImportConfirmResultSchema, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['indicator-dashboard'] });
    },
  });
}
