import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, pageQuery, paginated } from '../../lib/http.ts';
import { listAuditEvents, verifyAuditChain } from './audit.service.ts';

const tags = ['audit'];

export const auditEventSchema = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actorUserId: z.number().nullable(),
  actorLabel: z.string(),
  via: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});

export const auditListQuery = z
  .object({
    entityType: z.string().max(60).optional(),
    entityId: z.string().max(200).optional(),
    actor: z.string().max(200).optional(),
    actorUserId: z.coerce.number().int().min(1).optional(),
    action: z.string().max(100).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    ...pageQuery,
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.to < q.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  });

const verdictSchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  brokenAt: z.number().optional(),
  reason: z.enum(['hash_mismatch', 'link_mismatch']).optional(),
});

/** The audit trail for administrators and auditors: browse with filters, verify the hash chain. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config: { policy: 'audit.read' },
      schema: {
        tags,
        summary: 'The audit trail, newest first, filtered by object, actor, action and date range',
        querystring: auditListQuery,
        response: { 200: paginated(auditEventSchema) },
      },
    },
    async (request) => {
      const found = await listAuditEvents(app.database.db, request.query);
      return { ...found, items: found.items.map(({ prevHash: _, ...e }) => e) };
    },
  );

  app.get(
    '/audit/verify',
    {
      config: { policy: 'audit.read' },
      schema: {
        tags,
        summary: 'Walks the hash chain and names the first broken link, if any',
        response: { 200: verdictSchema },
      },
    },
    async () => verifyAuditChain(app.database.db),
  );
};
