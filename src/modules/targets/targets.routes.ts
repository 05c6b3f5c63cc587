import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programCode } from '../../lib/http.ts';
import { cleanText } from '../../lib/text.ts';
import {
  enterObservation,
  listAgencyObservations,
  listObservationsByStatus,
  listTargetObservations,
  reviewObservation,
  updateObservation,
} from './observations.service.ts';
import { targetHistory, updateTargetDefinition } from './target-definition.service.ts';
import { targetImportRoutes } from './target-imports.routes.ts';
import {
  monitoredTargetSchema,
  presentMonitoredTarget,
  presentPublicValue,
  presentValue,
  presentValueWithTarget,
  publicValueSchema,
  valueSchema,
  valueWithTargetSchema,
} from './targets.presenter.ts';
import type { TargetDefinitionRow } from './targets.repository.ts';
import { COMPARISONS, OBSERVATION_STATUSES } from './targets.schema.ts';
import { actorOf, TARGET_POLICIES } from './targets-actor.ts';

const tags = ['targets'];
const targetCode = z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'must be a target code');
const idParam = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const programQuery = z.object({ program: programCode });

const cleanString = (max: number) =>
  z
    .string()
    .max(max)
    .transform((v) => cleanText(v));
const optionalText = (max: number) => cleanString(max).nullable().optional();

const definitionBody = z
  .object({
    textVi: cleanString(2000).pipe(z.string().min(1, 'must not be empty')).optional(),
    textEn: optionalText(2000),
    comparison: z.enum(COMPARISONS).optional(),
    unit: optionalText(200),
    targetValueText: cleanString(200).pipe(z.string().min(1, 'must not be empty')).optional(),
    targetValue: z.number().finite().nullable().optional(),
    targetValueMax: z.number().finite().nullable().optional(),
    targetYear: z.number().int().min(2000).max(2100).nullable().optional(),
    baselineValue: z.number().finite().nullable().optional(),
    baselineYear: z
      .number()
      .int()
      .min(2000, 'must be 2000–2045')
      .max(2045, 'must be 2000–2045')
      .nullable()
      .optional(),
    baselineSource: optionalText(1000),
    monitoringAgency: z
      .string()
      .regex(/^[A-Za-z0-9_]{1,40}$/, 'must be an organisation code')
      .nullable()
      .optional(),
    reason: optionalText(2000),
    expectedVersion: z.number().int().min(1).optional(),
  })
  .strict();

const definitionSchema = z.object({
  code: z.string(),
  textVi: z.string(),
  textEn: z.string().nullable(),
  comparison: z.enum(COMPARISONS),
  comparisonInferred: z.boolean(),
  unit: z.string().nullable(),
  targetValueText: z.string(),
  targetValue: z.number().nullable(),
  targetValueMax: z.number().nullable(),
  targetYear: z.number().nullable(),
  baselineValue: z.number().nullable(),
  baselineYear: z.number().nullable(),
  baselineSource: z.string().nullable(),
  monitoringAgencyCode: z.string().nullable(),
  version: z.number(),
  editedLocally: z.boolean(),
});
const presentDefinition = ({ id: _, programId: __, monitoringAgencyId: ___, ...t }: TargetDefinitionRow) => t;

/** Loose on purpose: the value rules (observation-input.ts) judge the content and say "field: problem". */
const valueBody = z
  .object({
    year: z.union([z.number(), z.string().max(20)]),
    period: z.string().max(10).optional(),
    disaggregation: z
      .object({ key: z.string().max(60), value: z.string().max(200) })
      .nullable()
      .optional(),
    value: z
      .union([z.number(), z.string().max(100)])
      .nullable()
      .optional(),
    assessedClass: z.string().max(40).nullable().optional(),
    assessmentText: z.string().max(4000).nullable().optional(),
    unit: z.string().max(200).nullable().optional(),
    source: z.string().max(1000).nullable().optional(),
    note: z.string().max(4000).nullable().optional(),
    evidenceUrl: z.string().max(2000).nullable().optional(),
  })
  .strict();

/** Routes that change targets and their values. Each declares the policy sign-in enforces. */
export const targetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    '/targets/:code',
    {
      config: { policy: TARGET_POLICIES.manage },
      schema: {
        tags,
        summary: 'Correct or complete a target definition (versioned; the loader keeps the correction)',
        params: z.object({ code: targetCode }),
        querystring: programQuery,
        body: definitionBody,
        response: { 200: z.object({ target: definitionSchema, changed: z.boolean() }) },
      },
    },
    async (request) => {
      const { target, changed } = await updateTargetDefinition(
        app.database.db,
        actorOf(request),
        request.query.program,
        request.params.code,
        request.body,
      );
      return { target: presentDefinition(target), changed };
    },
  );

  app.get(
    '/targets/:code/versions',
    {
      config: { policy: TARGET_POLICIES.manage },
      schema: {
        tags,
        summary: "A target definition's versions: who changed what, when and why",
        params: z.object({ code: targetCode }),
        querystring: programQuery,
        response: {
          200: z.object({
            target: definitionSchema,
            versions: z.array(
              z.object({
                version: z.number(),
                changedAt: z.string(),
                actor: z.string(),
                reason: z.string().nullable(),
                before: z.record(z.string(), z.unknown()),
                after: z.record(z.string(), z.unknown()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { target, versions } = await targetHistory(
        app.database.db,
        request.query.program,
        request.params.code,
      );
      return {
        target: presentDefinition(target),
        versions: versions.map((v) => ({
          version: v.version,
          changedAt: new Date(v.changedAt).toISOString(),
          actor: v.actorLabel,
          reason: v.reason,
          before: v.before as Record<string, unknown>,
          after: v.after as Record<string, unknown>,
        })),
      };
    },
  );

  app.post(
    '/targets/:code/values',
    {
      config: { policy: TARGET_POLICIES.enterValues },
      schema: {
        tags,
        summary: 'Enter a measured value (a draft) for a target your agency monitors',
        params: z.object({ code: targetCode }),
        querystring: programQuery,
        body: valueBody,
        response: { 201: valueSchema },
      },
    },
    async (request, reply) => {
      const created = await enterObservation(
        app.database.db,
        actorOf(request),
        { programCode: request.query.program, targetCode: request.params.code },
        request.body,
      );
      return reply.status(201).send(presentValue(created));
    },
  );

  app.get(
    '/targets/:code/values',
    {
      config: { policy: TARGET_POLICIES.enterValues },
      schema: {
        tags,
        summary: "A target's values in every status (drafts included)",
        params: z.object({ code: targetCode }),
        querystring: programQuery.extend({ status: z.enum(OBSERVATION_STATUSES).optional() }),
        response: { 200: z.object({ items: z.array(valueSchema) }) },
      },
    },
    async (request) => {
      const found = await listTargetObservations(
        app.database.db,
        actorOf(request),
        request.query.program,
        request.params.code,
        request.query.status,
      );
      return { items: found.map(presentValue) };
    },
  );

  app.get(
    '/target-values',
    {
      config: { policy: TARGET_POLICIES.reviewValues },
      schema: {
        tags,
        summary: 'Values in one status across the program (default: submitted, the review queue)',
        querystring: programQuery.extend({ status: z.enum(OBSERVATION_STATUSES).default('submitted') }),
        response: {
          200: z.object({
            items: z.array(valueWithTargetSchema.extend({ previous: publicValueSchema.nullable() })),
          }),
        },
      },
    },
    async (request) => {
      const found = await listObservationsByStatus(
        app.database.db,
        request.query.program,
        request.query.status,
      );
      return {
        items: found.map((f) => ({
          ...presentValueWithTarget(f),
          previous: f.previous ? presentPublicValue(f.previous) : null,
        })),
      };
    },
  );

  app.get(
    '/target-values/mine',
    {
      config: { policy: TARGET_POLICIES.enterValues },
      schema: {
        tags,
        summary:
          "The targets your agency monitors and their values (every status, or one): the officer's own list",
        querystring: programQuery.extend({ status: z.enum(OBSERVATION_STATUSES).optional() }),
        response: {
          200: z.object({ targets: z.array(monitoredTargetSchema), items: z.array(valueWithTargetSchema) }),
        },
      },
    },
    async (request) => {
      const agencies = [...request.subject.unitsFor('focal_officer')];
      const { targets, values } = await listAgencyObservations(
        app.database.db,
        request.query.program,
        agencies,
        request.query.status,
      );
      return { targets: targets.map(presentMonitoredTarget), items: values.map(presentValueWithTarget) };
    },
  );

  app.put(
    '/target-values/:id',
    {
      config: { policy: TARGET_POLICIES.enterValues },
      schema: {
        tags,
        summary: 'Replace the content of a draft or returned value; it becomes a draft again',
        params: idParam,
        body: valueBody,
        response: { 200: valueSchema },
      },
    },
    async (request) =>
      presentValue(
        await updateObservation(app.database.db, actorOf(request), request.params.id, request.body),
      ),
  );

  const transitions = [
    ['submit', TARGET_POLICIES.enterValues, 'Submit a draft or returned value for review'],
    [
      'accept',
      TARGET_POLICIES.reviewValues,
      'Accept a submitted value: it becomes public and counts for progress',
    ],
    ['return', TARGET_POLICIES.reviewValues, 'Return a submitted value to its agency with a reason'],
  ] as const;
  for (const [transition, policy, summary] of transitions) {
    app.post(
      `/target-values/:id/${transition}`,
      {
        config: { policy },
        schema: {
          tags,
          summary,
          params: idParam,
          body: z
            .object({ reason: z.string().max(4000).optional() })
            .strict()
            .nullish(),
          response: { 200: valueSchema },
        },
      },
      async (request) =>
        presentValue(
          await reviewObservation(
            app.database.db,
            actorOf(request),
            request.params.id,
            transition,
            request.body?.reason,
          ),
        ),
    );
  }

  await app.register(targetImportRoutes);
};
