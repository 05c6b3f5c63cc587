import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, programCode } from '../../lib/http.ts';
import {
  liveEvaluationSchema,
  methodDetailSchema,
  presentLiveEvaluation,
  presentMethod,
  presentRecheck,
  presentRecheckItem,
  presentSnapshot,
  presentSnapshotSummary,
  recheckItemSchema,
  recheckSchema,
  snapshotSchema,
  snapshotSummarySchema,
} from './evaluation.presenter.ts';
import {
  answerRecheck,
  createMethodVersion,
  getMethod,
  getSnapshot,
  listMethods,
  listRechecks,
  listSnapshots,
  liveEvaluation,
  publishEvaluation,
  refuseMethodChange,
  refuseSnapshotChange,
  requestRecheck,
} from './evaluation.service.ts';
import { actorOf, actsForAgency } from './evaluation-actor.ts';

const tags = ['evaluations'];
const id = z.coerce.number().int().min(1).max(2147483647);
const internal = { audience: { public: false } } as const;
// NFC and trimmed; inner line breaks kept, since reasons and answers are written in paragraphs.
const text = (max: number) =>
  z
    .string()
    .transform((v) => v.normalize('NFC').trim())
    .pipe(z.string().min(1, 'must not be empty').max(max));

export const evaluationQuery = z.object({
  program: programCode,
  period: z.string().max(10).describe('2025, 2025-H1, 2025-Q2 or 2025-06'),
  asOf: isoDate
    .optional()
    .describe('a date within the period, at most today; default: its last day (or today)'),
  methodId: id.optional().describe('a scoring method version; default: the latest version of "default"'),
});

const newMethodBody = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/, 'must be lower-case letters, digits, - or _')
    .default('default'),
  nameVi: text(200),
  nameEn: text(200).nullish(),
  note: text(2000).nullish().describe('why this version: shown with the method'),
  weights: z.record(z.string(), z.number()).describe('criterion → whole number; together exactly 100'),
  penalties: z.record(z.string(), z.number()).describe('criterion → whole points; together at most 50'),
  partnerShare: z
    .number()
    .describe('0–1 in steps of 0.05: how much a partner task counts beside a lead task'),
});

/**
 * Evaluation inside the platform. Every route names its policy; the access layer enforces it:
 * evaluation.read (signed-in staff), evaluation.publish and evaluation.methods.manage and
 * evaluation.recheck.answer (coordinator), evaluation.recheck.request (head or focal officer of the agency).
 */
export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/evaluations/methods',
    {
      config: { policy: 'evaluation.read' },
      schema: {
        tags,
        summary: 'Every version of every scoring method',
        response: { 200: z.object({ items: z.array(methodDetailSchema) }) },
      },
    },
    async () => ({ items: (await listMethods(db())).map(presentMethod) }),
  );

  app.get(
    '/evaluations/methods/:id',
    {
      config: { policy: 'evaluation.read' },
      schema: {
        tags,
        summary: 'One scoring method version',
        params: z.object({ id }),
        response: { 200: methodDetailSchema },
      },
    },
    async (request) => presentMethod(await getMethod(db(), request.params.id)),
  );

  app.post(
    '/evaluations/methods',
    {
      config: { policy: 'evaluation.methods.manage' },
      schema: {
        tags,
        summary: 'Create a new version of a scoring method (weights never change in place)',
        body: newMethodBody,
        response: { 201: methodDetailSchema },
      },
    },
    async (request, reply) => {
      const method = await createMethodVersion(db(), actorOf(request), request.body);
      return reply.status(201).send(presentMethod(method));
    },
  );

  app.route({
    method: ['PUT', 'PATCH', 'DELETE'],
    url: '/evaluations/methods/:id',
    config: { policy: 'evaluation.methods.manage' },
    schema: {
      tags,
      summary: 'Refused: published method versions are immutable (409)',
      params: z.object({ id }),
    },
    handler: async () => refuseMethodChange(),
  });

  app.get(
    '/evaluations/live',
    {
      config: { policy: 'evaluation.read' },
      schema: {
        tags,
        summary:
          'The evaluation of a period as of a date, computed now and not published, with what would change since the latest snapshot',
        querystring: evaluationQuery,
        response: { 200: liveEvaluationSchema },
      },
    },
    async (request) => {
      const { program, ...rest } = request.query;
      return presentLiveEvaluation(await liveEvaluation(db(), { programCode: program, ...rest }));
    },
  );

  app.get(
    '/evaluations/snapshots',
    {
      config: { policy: 'evaluation.read' },
      schema: {
        tags,
        summary: 'Published snapshots, newest first',
        querystring: z.object({ program: programCode }),
        response: { 200: z.object({ items: z.array(snapshotSummarySchema) }) },
      },
    },
    async (request) => ({
      items: (await listSnapshots(db(), request.query.program)).map((s) =>
        presentSnapshotSummary(s, internal.audience),
      ),
    }),
  );

  app.post(
    '/evaluations/snapshots',
    {
      config: { policy: 'evaluation.publish' },
      schema: {
        tags,
        summary: 'Publish the evaluation of a period: a snapshot that never changes afterwards',
        body: evaluationQuery,
        response: { 201: snapshotSchema },
      },
    },
    async (request, reply) => {
      const { program, ...rest } = request.body;
      const snapshot = await publishEvaluation(db(), actorOf(request), { programCode: program, ...rest });
      return reply.status(201).send(presentSnapshot({ ...snapshot, hashVerified: true }, internal.audience));
    },
  );

  app.get(
    '/evaluations/snapshots/:id',
    {
      config: { policy: 'evaluation.read' },
      schema: {
        tags,
        summary: 'One snapshot with its rechecks',
        params: z.object({ id }),
        response: { 200: snapshotSchema },
      },
    },
    async (request) => presentSnapshot(await getSnapshot(db(), request.params.id), internal.audience),
  );

  app.route({
    method: ['PUT', 'PATCH', 'DELETE'],
    url: '/evaluations/snapshots/:id',
    config: { policy: 'evaluation.publish' },
    schema: { tags, summary: 'Refused: a published snapshot never changes (409)', params: z.object({ id }) },
    handler: async () => refuseSnapshotChange(),
  });

  app.post(
    '/evaluations/snapshots/:id/rechecks',
    {
      config: { policy: 'evaluation.recheck.request' },
      schema: {
        tags,
        summary: "Ask for a recheck of one's own agency's figures in a snapshot",
        params: z.object({ id }),
        body: z.object({ agencyId: id, reason: text(4000) }),
        response: { 201: recheckSchema },
      },
    },
    async (request, reply) => {
      const recheck = await requestRecheck(
        db(),
        actorOf(request),
        request.params.id,
        request.body,
        actsForAgency(request),
      );
      return reply.status(201).send(presentRecheck(recheck, internal.audience));
    },
  );

  app.get(
    '/evaluations/rechecks',
    {
      config: { policy: 'evaluation.read' },
      schema: {
        tags,
        summary: "Rechecks of the program's snapshots, oldest first: the coordinator's queue",
        querystring: z.object({
          program: programCode,
          state: z
            .enum(['pending', 'answered', 'all'])
            .default('pending')
            .describe('pending (not answered yet), answered, or all'),
          agencyId: id.optional().describe("one agency's rechecks"),
        }),
        response: { 200: z.object({ items: z.array(recheckItemSchema) }) },
      },
    },
    async (request) => {
      const { program, ...filter } = request.query;
      return {
        items: (await listRechecks(db(), program, filter)).map((r) =>
          presentRecheckItem(r, internal.audience),
        ),
      };
    },
  );

  app.post(
    '/evaluations/rechecks/:id/answer',
    {
      config: { policy: 'evaluation.recheck.answer' },
      schema: {
        tags,
        summary: 'Answer a recheck (once); the answer is shown with the snapshot',
        params: z.object({ id }),
        body: z.object({ answer: text(4000), outcome: z.enum(['upheld', 'corrected_in_next']) }),
        response: { 200: recheckSchema },
      },
    },
    async (request) =>
      presentRecheck(
        await answerRecheck(db(), actorOf(request), request.params.id, request.body),
        internal.audience,
      ),
  );
};
