import {
  commentChallengeSchema,
  commentSubmitResultSchema,
  docCommentsSchema,
  publicCommentPeriodPageSchema,
  publicCommentPeriodSchema,
  staffCommentSchema,
  type CommentHandle,
  type CommentSubmit,
} from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../platform/api';

// 征求意见: the portal's hooks (no login) and the drafters' hooks.

export interface PublicCommentFilters {
  state?: 'open' | 'closed';
  page: number;
  pageSize: number;
}

export const commentKeys = {
  all: ['normdoc-comments'] as const,
  publicList: (f: PublicCommentFilters) => ['normdoc-comments', 'public', 'list', f] as const,
  publicDetail: (id: string) => ['normdoc-comments', 'public', 'detail', id] as const,
  challenge: ['normdoc-comments', 'challenge'] as const,
  doc: (docId: string) => ['normdoc-comments', 'doc', docId] as const,
};

/** GET /api/public/comment-periods — drafts open for comment, then recently closed ones. */
export function usePublicCommentPeriods(filters: PublicCommentFilters) {
  return useQuery({
    queryKey: commentKeys.publicList(filters),
    queryFn: ({ signal }) =>
      api.get('/api/public/comment-periods', publicCommentPeriodPageSchema, { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePublicCommentPeriod(id: string | undefined) {
  return useQuery({
    queryKey: commentKeys.publicDetail(id ?? ''),
    queryFn: ({ signal }) =>
      api.get(
        `/api/public/comment-periods/${encodeURIComponent(id ?? '')}`,
        publicCommentPeriodSchema,
        undefined,
        signal,
      ),
    enabled: !!id,
  });
}

/** A fresh anti-spam question; never cached (each token is bound to one question). */
export function useCommentChallenge(enabled: boolean) {
  return useQuery({
    queryKey: commentKeys.challenge,
    queryFn: ({ signal }) =>
      api.get('/api/public/comment-challenge', commentChallengeSchema, undefined, signal),
    enabled,
    staleTime: 5 * 60 * 1000,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

export type CommentSubmitInput = Omit<CommentSubmit, 'challengeToken' | 'challengeAnswer'> & {
  challengeToken: string;
  challengeAnswer: string;
};

export function useSubmitComment(periodId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CommentSubmitInput) =>
      api.post(
        `/api/public/comment-periods/${encodeURIComponent(periodId)}/comments`,
        commentSubmitResultSchema,
        input,
      ),
    onSettled: () => {
      // A token is spent (or the answer was wrong): always ask a new question.
      void queryClient.invalidateQueries({ queryKey: commentKeys.challenge });
      void queryClient.invalidateQueries({ queryKey: commentKeys.publicDetail(periodId) });
    },
  });
}

/** GET /api/normdocs/:id/comments — every period of the document with its comments (contacts masked). */
export function useDocComments(docId: string) {
  return useQuery({
    queryKey: commentKeys.doc(docId),
    queryFn: ({ signal }) =>
      api.get(`/api/normdocs/${encodeURIComponent(docId)}/comments`, docCommentsSchema, undefined, signal),
  });
}

/** 采纳 / 不采纳 with the reason. */
export function useHandleComment(docId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, input }: { commentId: string; input: CommentHandle }) =>
      api.post(`/api/normdocs/comments/${encodeURIComponent(commentId)}/handle`, staffCommentSchema, input),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: commentKeys.doc(docId) }),
  });
}
