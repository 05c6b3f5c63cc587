import type { Db, Tx } from '../../db/database.ts';
import { AppError, invalid, invalidCredentials } from '../../server/errors.ts';
import { accessRepository } from '../access/access.repository.ts';
import type { Role } from '../access/roles.ts';
import { Subject } from '../access/subject.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { IdentityOptions } from './identity-options.ts';
import type { SendMail } from './mailer.ts';
import { sessionsRepository } from './sessions.repository.ts';
import { hashPassword, hashToken, newToken, PASSWORD_MIN, verifyPassword } from './tokens.ts';
import { usersRepository } from './users.repository.ts';

export interface IdentityContext {
  db: Db;
  options: IdentityOptions;
  sendMail: SendMail;
}

export interface SignedIn {
  /** The cookie value: shown once, stored only hashed. */
  token: string;
  userId: number;
}

export const normalizeEmail = (email: string) => email.normalize('NFC').trim().toLowerCase();

export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (password.length > 200) return 'must be at most 200 characters';
  return null;
}

/**
 * Email and password sign-in. Every failure (unknown email, wrong password, disabled, locked, demo
 * account with demo mode off) answers the same; the audit trail records which it was.
 */
export async function signIn(
  ctx: IdentityContext,
  input: { email: string; password: string },
  actor: Actor,
): Promise<SignedIn> {
  const { db, options } = ctx;
  const sessions = sessionsRepository(db);
  const ip = actor.ip ?? 'unknown';
  if (await sessions.ipLocked(ip)) {
    throw new AppError(429, 'rate_limited', 'Too many failed sign-ins from this address; try again later');
  }
  const email = normalizeEmail(input.email);
  const user = await usersRepository(db).credentials(email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  const refusal = !user
    ? 'unknown_user'
    : user.disabled
      ? 'disabled'
      : user.isDemo && !options.demo
        ? 'demo_off'
        : user.locked
          ? 'locked'
          : !passwordOk
            ? 'wrong_password'
            : null;
  if (refusal) {
    await db.transaction(async (tx) => {
      await sessionsRepository(tx).recordIpFailure(ip, options.lockout.ipFailures, options.lockout.minutes);
      if (user && refusal === 'wrong_password') {
        await usersRepository(tx).recordFailure(
          user.id,
          options.lockout.accountFailures,
          options.lockout.minutes,
        );
      }
      await recordAudit(tx, actor, {
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: { reason: refusal },
      });
    });
    throw invalidCredentials();
  }
  return db.transaction(async (tx) => {
    await usersRepository(tx).clearFailures(user!.id);
    const token = await openSession(ctx, tx, user!.id, 'password', actor);
    return { token, userId: user!.id };
  });
}

/** Starts a session (password or single sign-on) and records the sign-in. */
export async function openSession(
  ctx: IdentityContext,
  tx: Db | Tx,
  userId: number,
  method: 'password' | 'oidc',
  actor: Actor,
): Promise<string> {
  const token = newToken();
  await sessionsRepository(tx).create({
    idHash: hashToken(token),
    userId,
    method,
    ttlHours: ctx.options.session.idleHours,
    ip: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
  });
  await recordAudit(
    tx,
    { ...actor, userId },
    {
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: userId,
      after: { method },
    },
  );
  return token;
}

/** The caller behind a session cookie, or anonymous. Touches the session at most once a minute. */
export async function resolveSession(
  ctx: Pick<IdentityContext, 'db' | 'options'>,
  token: string | undefined,
): Promise<{ subject: Subject; sessionHash: string | null }> {
  if (!token || token.length > 100) return { subject: Subject.anonymous, sessionHash: null };
  const idHash = hashToken(token);
  const found = await sessionsRepository(ctx.db).find(idHash);
  if (!found || (found.isDemo && !ctx.options.demo)) return { subject: Subject.anonymous, sessionHash: null };
  if (found.lastSeenAgeSeconds >= 60) {
    await sessionsRepository(ctx.db).touch(
      idHash,
      ctx.options.session.idleHours,
      ctx.options.session.maxHours,
    );
  }
  const access = accessRepository(ctx.db);
  const [grants, covered] = await Promise.all([access.grantsOf(found.id), access.coveredUnits(found.id)]);
  const scopes = new Map<Role, Set<number>>();
  for (const c of covered) {
    const set = scopes.get(c.role) ?? new Set<number>();
    set.add(c.unitId);
    scopes.set(c.role, set);
  }
  const { lastSeenAgeSeconds: _, ...user } = found;
  return { subject: new Subject(user, grants, scopes), sessionHash: idHash };
}

export async function signOut(ctx: IdentityContext, sessionHash: string | null, actor: Actor): Promise<void> {
  if (!sessionHash) return;
  await ctx.db.transaction(async (tx) => {
    const userId = await sessionsRepository(tx).revoke(sessionHash);
    if (userId)
      await recordAudit(tx, actor, { action: 'auth.sign_out', entityType: 'user', entityId: userId });
  });
}

/** Revokes every session of the caller, this one included. */
export async function signOutEverywhere(ctx: IdentityContext, userId: number, actor: Actor): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const revoked = await sessionsRepository(tx).revokeAll(userId);
    await recordAudit(tx, actor, {
      action: 'auth.sign_out_everywhere',
      entityType: 'user',
      entityId: userId,
      after: { revokedSessions: revoked },
    });
    return revoked;
  });
}

/** Needs the current password; keeps the caller's session and revokes every other. */
export async function changePassword(
  ctx: IdentityContext,
  input: { userId: number; sessionHash: string | null; currentPassword: string; newPassword: string },
  actor: Actor,
): Promise<void> {
  const problem = passwordProblem(input.newPassword);
  if (problem) throw invalid([{ field: 'newPassword', problem }]);
  const stored = await usersRepository(ctx.db).passwordHash(input.userId);
  if (!(await verifyPassword(stored, input.currentPassword))) {
    throw invalid([{ field: 'currentPassword', problem: 'does not match your current password' }]);
  }
  const hashed = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await usersRepository(tx).setPassword(input.userId, hashed);
    const revoked = await sessionsRepository(tx).revokeAll(input.userId, input.sessionHash);
    await sessionsRepository(tx).voidResets(input.userId);
    await recordAudit(tx, actor, {
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: input.userId,
      after: { revokedOtherSessions: revoked },
    });
  });
}

/**
 * Emails a single-use reset link when the address belongs to an active account; answers the same
 * either way. The token travels in the URL fragment, which browsers do not send to servers or in Referer.
 */
export async function requestPasswordReset(
  ctx: IdentityContext,
  emailInput: string,
  actor: Actor,
): Promise<void> {
  const email = normalizeEmail(emailInput);
  const user = await usersRepository(ctx.db).credentials(email);
  const eligible = user && !user.disabled && (!user.isDemo || ctx.options.demo);
  await ctx.db.transaction(async (tx) => {
    await recordAudit(tx, actor, {
      action: 'auth.password_reset_requested',
      entityType: 'user',
      entityId: user?.id ?? null,
      after: { sent: Boolean(eligible) },
    });
  });
  if (!eligible) return;
  await sendResetLink(ctx, user.id, user.email, 'reset');
}

export async function sendResetLink(
  ctx: IdentityContext,
  userId: number,
  email: string,
  purpose: 'reset' | 'invite',
): Promise<void> {
  const token = newToken();
  const minutes = purpose === 'invite' ? 72 * 60 : ctx.options.resetLinkMinutes;
  await sessionsRepository(ctx.db).createReset(hashToken(token), userId, minutes);
  const link = `${ctx.options.publicUrl}/reset-password#token=${token}`;
  const hours = Math.round(minutes / 60);
  await ctx.sendMail({
    to: email,
    subject:
      purpose === 'invite'
        ? 'Tài khoản NQ57 Monitor / Your NQ57 Monitor account'
        : 'Đặt lại mật khẩu NQ57 Monitor / Reset your NQ57 Monitor password',
    text: [
      purpose === 'invite'
        ? 'Một tài khoản đã được tạo cho bạn. Đặt mật khẩu tại liên kết sau:'
        : 'Có yêu cầu đặt lại mật khẩu cho tài khoản của bạn. Đặt mật khẩu mới tại liên kết sau:',
      link,
      `Liên kết dùng được một lần, trong ${hours} giờ. / The link works once, for ${hours} hour(s).`,
      'Nếu bạn không yêu cầu, hãy bỏ qua thư này. / If you did not ask for this, ignore this message.',
    ].join('\n\n'),
  });
}

/** Sets a new password from a reset link; revokes every session and every other outstanding link. */
export async function confirmPasswordReset(
  ctx: IdentityContext,
  input: { token: string; newPassword: string },
  actor: Actor,
): Promise<void> {
  const problem = passwordProblem(input.newPassword);
  if (problem) throw invalid([{ field: 'newPassword', problem }]);
  const hashed = await hashPassword(input.newPassword);
  const done = await ctx.db.transaction(async (tx) => {
    const userId = await sessionsRepository(tx).consumeReset(hashToken(input.token));
    if (!userId) return false;
    await usersRepository(tx).setPassword(userId, hashed);
    await sessionsRepository(tx).revokeAll(userId);
    await sessionsRepository(tx).voidResets(userId);
    await recordAudit(
      tx,
      { ...actor, userId },
      {
        action: 'auth.password_reset',
        entityType: 'user',
        entityId: userId,
      },
    );
    return true;
  });
  if (!done) throw invalidCredentials();
}
