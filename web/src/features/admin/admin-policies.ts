/** The policies that open the administration area ("Quản trị"): any one of them is enough. */
export const ADMIN_POLICIES = ['users.manage', 'orgs.manage', 'audit.read', 'calendar.manage'] as const;
