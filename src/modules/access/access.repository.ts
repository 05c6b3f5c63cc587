import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/database.ts';
import type { Role } from './roles.ts';
import type { RoleGrant } from './subject.ts';

export function accessRepository(db: Db | Tx) {
  return {
    grantsOf(userId: number) {
      return rows<RoleGrant>(
        db,
        sql`SELECT id, role, org_unit_id AS "orgUnitId", include_sub_units AS "includeSubUnits"
              FROM role_assignment WHERE user_id = ${userId} ORDER BY role, org_unit_id`,
      );
    },
    /**
     * Every (role, unit) a user's grants cover. A recursive CTE over parent_id, so it works with or
     * without a materialised path; UNION (not UNION ALL) stops on a cycle.
     */
    coveredUnits(userId: number) {
      return rows<{ role: Role; unitId: number }>(
        db,
        sql`WITH RECURSIVE covered(role, unit_id, deep) AS (
              SELECT role, org_unit_id, include_sub_units FROM role_assignment WHERE user_id = ${userId}
              UNION
              SELECT c.role, o.id, c.deep FROM covered c JOIN org_unit o ON o.parent_id = c.unit_id WHERE c.deep
            )
            SELECT DISTINCT role, unit_id AS "unitId" FROM covered`,
      );
    },
  };
}
