import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../lib/api-client.ts';
import { ME_KEY, type Me } from './get-me.ts';

/** Sign in; the answer is the same as GET /api/me, so the header updates at once. */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => sendJson<Me>('POST', '/auth/sign-in', body),
    onSuccess: (me) => {
      // Whatever was cached for the anonymous visitor may differ for this person.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'meta' });
      client.setQueryData(ME_KEY, me);
    },
  });
}

function useSignOutWith(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<unknown>('POST', path),
    onSuccess: () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'meta' });
      client.setQueryData(ME_KEY, null);
    },
  });
}

export const useSignOut = () => useSignOutWith('/auth/sign-out');
export const useSignOutEverywhere = () => useSignOutWith('/auth/sign-out-everywhere');

export const useChangePassword = () =>
  useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      sendJson('POST', '/auth/password', body),
  });

export const useRequestPasswordReset = () =>
  useMutation({
    mutationFn: (body: { email: string }) => sendJson('POST', '/auth/password-reset/request', body),
  });

export const useConfirmPasswordReset = () =>
  useMutation({
    mutationFn: (body: { token: string; newPassword: string }) =>
      sendJson('POST', '/auth/password-reset/confirm', body),
  });
