/**
 * The permission a route needs, named for the identity module that enforces it ('public',
 * 'register.read', 'register.manage', 'calendar.manage'). Declared as route config so enforcement can
 * read `routeOptions.config.policy` without this module knowing how.
 */
export type RoutePolicy = 'public' | 'register.read' | 'register.manage' | 'calendar.manage';
