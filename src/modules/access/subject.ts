import type { Role } from './roles.ts';

export interface SubjectUser {
  id: number;
  name: string;
  email: string;
  title: string | null;
  orgUnitId: number;
  isDemo: boolean;
}

export interface RoleGrant {
  id: number;
  role: Role;
  orgUnitId: number;
  includeSubUnits: boolean;
}

/**
 * Who is asking, with every unit each of their roles covers (sub-units resolved once per request),
 * so the one-line rules in policies.ts stay synchronous.
 */
export class Subject {
  static readonly anonymous = new Subject(null, [], new Map());

  constructor(
    readonly user: SubjectUser | null,
    readonly grants: readonly RoleGrant[],
    private readonly scopes: ReadonlyMap<Role, ReadonlySet<number>>,
  ) {}

  get signedIn(): boolean {
    return this.user !== null;
  }

  /** Holds the role anywhere. */
  has(role: Role): boolean {
    return this.grants.some((g) => g.role === role);
  }

  hasAny(...roles: Role[]): boolean {
    return roles.some((r) => this.has(r));
  }

  /**
   * Holds the role for this unit (directly, or through a grant that includes sub-units). Without a unit
   * this is the route-level gate ("may do this somewhere"); the service then checks the actual unit.
   */
  hasIn(role: Role, orgUnitId: number | undefined): boolean {
    if (orgUnitId === undefined) return this.has(role);
    return this.scopes.get(role)?.has(orgUnitId) ?? false;
  }

  /** Units where the role applies, for filtering lists (e.g. drafts an officer may read). */
  unitsFor(role: Role): ReadonlySet<number> {
    return this.scopes.get(role) ?? new Set();
  }
}
