import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/database.ts';

/**
 * One time a person held the `agency_head` role at a unit: from the grant to the revocation (null while
 * still held). Only what the evaluation needs to name a head of agency (Decree 13/2023/NĐ-CP): name,
 * title and unit; no email, no account details.
 */
export interface AgencyHeadTerm {
  userId: number;
  name: string;
  title: string | null;
  orgUnitId: number;
  /** When the role was granted (timestamptz text). */
  grantedAt: string;
  /** When it was revoked; null while the person still holds it. */
  revokedAt: string | null;
}

interface Instants {
  grantedAt: string | Date;
  revokedAt: string | Date | null;
}

/**
 * Who held the agency_head role, and when. A revocation deletes the role_assignment row, so the terms
 * come from the audit trail that every grant and revocation writes in the same transaction (`role.grant`
 * carries the new assignment's id, `role.revoke` the removed row): a term runs from a grant to the
 * revocation of that same assignment. A role_assignment row with no grant event (written outside the
 * services) is a term from its granted_at. A person whose account was deleted has no name to show and
 * is left out.
 */
export function headsRepository(db: Db | Tx) {
  return {
    /**
     * Terms that overlap [from, to) (instants): granted before `to` and not revoked before `from`.
     * Served by audit_event_entity_idx (entity_type, entity_id, id DESC): the user events, then each
     * person's revocations; people are few, so this reads hundreds of rows, not the whole trail.
     */
    async agencyHeadTerms(from: string, to: string): Promise<AgencyHeadTerm[]> {
      const found = await rows<Omit<AgencyHeadTerm, 'grantedAt' | 'revokedAt'> & Instants>(
        db,
        sql`
          SELECT u.id AS "userId", u.name, u.title, (g.after->>'orgUnitId')::int AS "orgUnitId",
                 g.occurred_at AS "grantedAt", r.occurred_at AS "revokedAt"
            FROM audit_event g
            JOIN app_user u ON u.id::text = g.entity_id
            LEFT JOIN LATERAL (
              SELECT min(r.occurred_at) AS occurred_at FROM audit_event r
               WHERE r.entity_type = 'user' AND r.entity_id = g.entity_id AND r.action = 'role.revoke'
                 AND r.before->>'id' = g.after->>'assignmentId') r ON true
           WHERE g.entity_type = 'user' AND g.action = 'role.grant' AND g.after->>'role' = 'agency_head'
             AND g.occurred_at < ${to}::timestamptz
             AND (r.occurred_at IS NULL OR r.occurred_at >= ${from}::timestamptz)
          UNION ALL
          SELECT u.id, u.name, u.title, ra.org_unit_id, ra.granted_at, NULL
            FROM role_assignment ra
            JOIN app_user u ON u.id = ra.user_id
           WHERE ra.role = 'agency_head' AND ra.granted_at < ${to}::timestamptz
             AND NOT EXISTS (
               SELECT 1 FROM audit_event g
                WHERE g.entity_type = 'user' AND g.entity_id = ra.user_id::text AND g.action = 'role.grant'
                  AND g.after->>'assignmentId' = ra.id::text)
           ORDER BY 4, 5, 1`,
      );
      // One engine returns timestamps as text, the other as Date: hand out ISO text either way.
      const iso = (t: string | Date) => new Date(t).toISOString();
      return found.map((t) => ({
        ...t,
        grantedAt: iso(t.grantedAt),
        revokedAt: t.revokedAt === null ? null : iso(t.revokedAt),
      }));
    },
  };
}
