import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/database.ts';
import type { SubjectUser } from '../access/subject.ts';

export interface SessionLookup extends SubjectUser {
  lastSeenAgeSeconds: number;
}

/** Sessions, reset links, per-address sign-in throttling and OIDC sign-ins under way. */
export function sessionsRepository(db: Db | Tx) {
  return {
    async create(s: {
      idHash: string;
      userId: number;
      method: 'password' | 'oidc';
      ttlHours: number;
      ip: string | null;
      userAgent: string | null;
    }) {
      await db.execute(
        sql`INSERT INTO session (id_hash, user_id, method, expires_at, ip, user_agent)
            VALUES (${s.idHash}, ${s.userId}, ${s.method}, now() + make_interval(hours => ${s.ttlHours}),
                    ${s.ip}, ${s.userAgent})`,
      );
    },
    /** The live session's user: not revoked, not expired, user not disabled. */
    async find(idHash: string): Promise<SessionLookup | undefined> {
      const [row] = await rows<SessionLookup>(
        db,
        sql`SELECT u.id, u.name, u.email, u.title, u.org_unit_id AS "orgUnitId", u.is_demo AS "isDemo",
                   extract(epoch FROM now() - s.last_seen_at)::int AS "lastSeenAgeSeconds"
              FROM session s JOIN app_user u ON u.id = s.user_id
             WHERE s.id_hash = ${idHash} AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled`,
      );
      return row;
    },
    /** Sliding expiry, capped at an absolute lifetime from sign-in. */
    async touch(idHash: string, idleHours: number, maxHours: number) {
      await db.execute(
        sql`UPDATE session SET last_seen_at = now(),
                   expires_at = least(now() + make_interval(hours => ${idleHours}),
                                      created_at + make_interval(hours => ${maxHours}))
             WHERE id_hash = ${idHash}`,
      );
    },
    async revoke(idHash: string): Promise<number | undefined> {
      const [row] = await rows<{ userId: number }>(
        db,
        sql`UPDATE session SET revoked_at = now() WHERE id_hash = ${idHash} AND revoked_at IS NULL
            RETURNING user_id AS "userId"`,
      );
      return row?.userId;
    },
    /** Revokes every live session of a user except, optionally, the one making the request. */
    async revokeAll(userId: number, exceptIdHash: string | null = null): Promise<number> {
      const revoked = await rows<{ idHash: string }>(
        db,
        sql`UPDATE session SET revoked_at = now()
             WHERE user_id = ${userId} AND revoked_at IS NULL AND id_hash IS DISTINCT FROM ${exceptIdHash}
            RETURNING id_hash AS "idHash"`,
      );
      return revoked.length;
    },
    async liveCount(userId: number): Promise<number> {
      const [row] = await rows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM session WHERE user_id = ${userId} AND revoked_at IS NULL AND expires_at > now()`,
      );
      return row?.n ?? 0;
    },

    async createReset(tokenHash: string, userId: number, ttlMinutes: number) {
      await db.execute(
        sql`INSERT INTO password_reset (token_hash, user_id, expires_at)
            VALUES (${tokenHash}, ${userId}, now() + make_interval(mins => ${ttlMinutes}))`,
      );
    },
    /** Marks a valid link used and returns its user; an unknown, used or expired link returns nothing. */
    async consumeReset(tokenHash: string): Promise<number | undefined> {
      const [row] = await rows<{ userId: number }>(
        db,
        sql`UPDATE password_reset SET used_at = now()
             WHERE token_hash = ${tokenHash} AND used_at IS NULL AND expires_at > now()
            RETURNING user_id AS "userId"`,
      );
      return row?.userId;
    },
    async voidResets(userId: number) {
      await db.execute(
        sql`UPDATE password_reset SET used_at = now() WHERE user_id = ${userId} AND used_at IS NULL`,
      );
    },

    async ipLocked(ip: string): Promise<boolean> {
      const [row] = await rows<{ locked: boolean }>(
        db,
        sql`SELECT coalesce(locked_until > now(), false) AS locked FROM login_throttle WHERE ip = ${ip}`,
      );
      return row?.locked ?? false;
    },
    /** Counts a failure from an address within a window; reaching the limit locks the address. */
    async recordIpFailure(ip: string, limit: number, minutes: number) {
      await db.execute(
        sql`INSERT INTO login_throttle AS t (ip, failures, window_started_at) VALUES (${ip}, 1, now())
            ON CONFLICT (ip) DO UPDATE SET
              failures = CASE WHEN t.window_started_at < now() - make_interval(mins => ${minutes})
                              THEN 1 ELSE t.failures + 1 END,
              window_started_at = CASE WHEN t.window_started_at < now() - make_interval(mins => ${minutes})
                                       THEN now() ELSE t.window_started_at END,
              locked_until = CASE WHEN t.window_started_at >= now() - make_interval(mins => ${minutes})
                                        AND t.failures + 1 >= ${limit}
                                  THEN now() + make_interval(mins => ${minutes}) ELSE t.locked_until END`,
      );
    },

    async saveOidcLogin(stateHash: string, codeVerifier: string, nonce: string) {
      await db.execute(
        sql`INSERT INTO oidc_login (state_hash, code_verifier, nonce, expires_at)
            VALUES (${stateHash}, ${codeVerifier}, ${nonce}, now() + interval '10 minutes')`,
      );
    },
    async takeOidcLogin(stateHash: string) {
      await db.execute(sql`DELETE FROM oidc_login WHERE expires_at < now()`);
      const [row] = await rows<{ codeVerifier: string; nonce: string }>(
        db,
        sql`DELETE FROM oidc_login WHERE state_hash = ${stateHash} AND expires_at > now()
            RETURNING code_verifier AS "codeVerifier", nonce`,
      );
      return row;
    },

    async saveDevMail(m: { to: string; subject: string; text: string }) {
      await db.execute(
        sql`INSERT INTO dev_mail (to_address, subject, body_text) VALUES (${m.to}, ${m.subject}, ${m.text})`,
      );
    },
    devMail(limit: number) {
      return rows<{ id: number; createdAt: string; to: string; subject: string; text: string }>(
        db,
        sql`SELECT id, created_at AS "createdAt", to_address AS "to", subject, body_text AS "text"
              FROM dev_mail ORDER BY id DESC LIMIT ${limit}`,
      );
    },
  };
}
