import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programCode } from '../../lib/http.ts';
import { notFound } from '../../server/errors.ts';
import {
  methodDetailSchema,
  presentMethod,
  presentSnapshot,
  presentSnapshotAgency,
  presentSnapshotHead,
  presentSnapshotRankings,
  presentSnapshotSummary,
  snapshotAgencySchema,
  snapshotHeadSchema,
  snapshotRankingsSchema,
  snapshotSchema,
  snapshotSummarySchema,
} from './evaluation.presenter.ts';
import {
  getMethod,
  getSnapshot,
  getSnapshotRankings,
  listSnapshots,
  refuseSnapshotChange,
} from './evaluation.service.ts';

const tags = ['public: evaluations'];
const id = z.coerce.number().int().min(1).max(2147483647);
const audience = { public: true };

/** What the public sees: published snapshots only, with the method, the breakdown and the rechecks. */
export const publicEvaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/evaluations',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'Published evaluations, newest first',
        querystring: z.object({ program: programCode }),
        response: { 200: z.object({ items: z.array(snapshotSummarySchema) }) },
      },
    },
    async (request) => ({
      items: (await listSnapshots(request.readDb, request.query.program)).map((s) =>
        presentSnapshotSummary(s, audience),
      ),
    }),
  );

  app.get(
    '/public/evaluations/methods/:id',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'A scoring method version: "how is this score computed?"',
        params: z.object({ id }),
        response: { 200: methodDetailSchema },
      },
    },
    async (request) => presentMethod(await getMethod(request.readDb, request.params.id)),
  );

  app.get(
    '/public/evaluations/:id',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary:
          'One published evaluation: figures, scores with their components down to tasks, rankings, changes, rechecks',
        params: z.object({ id }),
        response: { 200: snapshotSchema },
      },
    },
    async (request) => presentSnapshot(await getSnapshot(request.readDb, request.params.id), audience),
  );

  app.get(
    '/public/evaluations/:id/rankings',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary:
          'The rankings of one published evaluation: ministries and provinces ranked, the method, the basis, changes, rechecks (the figures and score breakdowns: /public/evaluations/:id)',
        params: z.object({ id }),
        response: { 200: snapshotRankingsSchema },
      },
    },
    async (request) =>
      presentSnapshotRankings(await getSnapshotRankings(request.readDb, request.params.id), audience),
  );

  app.get(
    '/public/evaluations/:id/agencies/:agencyId',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary:
          'One agency in a published evaluation: its figures, score components down to tasks, rank, change',
        params: z.object({ id, agencyId: id }),
        response: { 200: snapshotAgencySchema },
      },
    },
    async (request) => {
      const snapshot = await getSnapshot(request.readDb, request.params.id);
      const agency = presentSnapshotAgency(snapshot, request.params.agencyId, audience);
      if (!agency) throw notFound(`Agency ${request.params.agencyId} in evaluation ${request.params.id}`);
      return agency;
    },
  );

  app.get(
    '/public/evaluations/:id/heads/:number',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary:
          "A head of agency's scorecard in a published evaluation: name, title, each agency they headed with its figures over the days they held the role",
        params: z.object({ id, number: id }),
        response: { 200: snapshotHeadSchema },
      },
    },
    async (request) => {
      const snapshot = await getSnapshot(request.readDb, request.params.id);
      const card = presentSnapshotHead(snapshot, request.params.number, audience);
      if (!card) throw notFound(`Scorecard ${request.params.number} in evaluation ${request.params.id}`);
      return card;
    },
  );

  app.route({
    method: ['PUT', 'PATCH', 'DELETE', 'POST'],
    url: '/public/evaluations/:id',
    config: { policy: 'public' },
    schema: {
      tags,
      summary: 'Refused: a published evaluation never changes (409)',
      params: z.object({ id }),
    },
    handler: async () => refuseSnapshotChange(),
  });
};
