import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programCode } from '../../lib/http.ts';
import { actorOf } from '../audit/request-actor.ts';
import { ITEM_LINK_STATUSES } from './item-links.schema.ts';
import { decideItemLink, listItemLinks, suggestItemLinks } from './item-links.service.ts';

const tags = ['program: item links'];
const link = z.object({
  id: z.number(),
  itemCode: z.string(),
  itemText: z.string(),
  taskId: z.number(),
  taskCode: z.string(),
  taskContent: z.string(),
  score: z.number(),
  method: z.string(),
  status: z.enum(ITEM_LINK_STATUSES),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
const links = z.object({ programCode: z.string(), links: z.array(link) });

export const itemLinkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/item-links',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'Section II items and the tasks that carry them out, as confirmed by the coordinator',
        querystring: z.object({ program: programCode }),
        response: { 200: links },
      },
    },
    async (request) => {
      const { program, links } = await listItemLinks(request.readDb, request.query.program, ['confirmed']);
      return { programCode: program.code, links };
    },
  );

  app.get(
    '/item-links',
    {
      config: { policy: 'register.manage' },
      schema: {
        tags,
        summary: 'All item ↔ task links with their status, suggestions included (coordinator)',
        querystring: z.object({
          program: programCode,
          status: z
            .union([z.enum(ITEM_LINK_STATUSES), z.array(z.enum(ITEM_LINK_STATUSES))])
            .optional()
            .transform((s) => (s === undefined ? [...ITEM_LINK_STATUSES] : Array.isArray(s) ? s : [s])),
        }),
        response: { 200: links },
      },
    },
    async (request) => {
      const { program, links } = await listItemLinks(
        app.database.db,
        request.query.program,
        request.query.status,
      );
      return { programCode: program.code, links };
    },
  );

  app.post(
    '/item-links/suggest',
    {
      config: { policy: 'register.manage' },
      schema: {
        tags,
        summary: 'Recompute link suggestions by text similarity; decided links are kept as they are',
        querystring: z.object({ program: programCode }),
        response: {
          200: z.object({
            programCode: z.string(),
            method: z.string(),
            added: z.number(),
            rescored: z.number(),
            withdrawn: z.number(),
            keptDecisions: z.number(),
          }),
        },
      },
    },
    async (request) => suggestItemLinks(app.database.db, actorOf(request), request.query.program),
  );

  app.patch(
    '/item-links/:id',
    {
      config: { policy: 'register.manage' },
      schema: {
        tags,
        summary: 'Confirm or reject a suggested link (or reopen it)',
        params: z.object({ id: z.coerce.number().int().positive().max(2147483647) }),
        body: z.object({ status: z.enum(ITEM_LINK_STATUSES) }),
        response: { 200: z.object({ id: z.number(), status: z.enum(ITEM_LINK_STATUSES) }) },
      },
    },
    async (request) => {
      const row = await decideItemLink(
        app.database.db,
        actorOf(request),
        request.params.id,
        request.body.status,
      );
      return { id: row.id, status: row.status };
    },
  );
};
