import { notificationPageSchema, okSchema } from '@fazhi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../platform/api';

export type NotificationPage = z.infer<typeof notificationPageSchema>;
export type NotificationItem = NotificationPage['items'][number];

const notificationsKey = ['notifications'] as const;
const POLL_MS = 60_000;

/** The latest notifications and the unread count, polled every 60 s. */
export function useBellNotifications(enabled: boolean) {
  return useQuery({
    queryKey: [...notificationsKey, 'bell'],
    queryFn: () => api.get('/api/notifications', notificationPageSchema, { page: 1, pageSize: 10 }),
    enabled,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 0,
    // a failed poll should not raise a toast every minute
    meta: { silent: true },
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/api/notifications/${encodeURIComponent(id)}/read`, okSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/notifications/read-all', okSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
