import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery, paginated, searchText } from '../../lib/http.ts';
import { notFound } from '../../server/errors.ts';
import { acceptFileUploads, uploadedBytes } from '../../server/uploads.ts';
import { can } from '../access/policies.ts';
import { ROLES } from '../access/roles.ts';
import { XLSX_MEDIA_TYPE } from '../orgs/import-template.ts';
import { MAX_IMPORT_BYTES } from '../orgs/org-import-file.ts';
import { emailField as email } from './auth.routes.ts';
import { sendResetLink } from './auth.service.ts';
import { personSchema, presentPerson } from './identity.presenter.ts';
import { usesDevOutbox } from './identity-options.ts';
import { sessionsRepository } from './sessions.repository.ts';
import {
  createUser,
  getUser,
  grantRole,
  listUsers,
  revokeRole,
  type UserWithRoles,
  updateUser,
} from './users.service.ts';
import {
  commitPeopleImport,
  IMPORT_MEDIA_TYPES,
  importPreviewSchema,
  type PeopleFile,
  previewPeopleImport,
} from './users-import.service.ts';
import { peopleImportTemplate } from './users-import-template.ts';

const tags = ['people and roles'];
const id = z.coerce.number().int().positive().max(2147483647);
const name = z.string().min(1).max(200);
const title = z.string().max(200).nullable().optional();
const grant = z.object({
  role: z.enum(ROLES),
  orgUnitId: z.number().int().positive().max(2147483647),
  includeSubUnits: z.boolean().default(false),
});

function present(request: FastifyRequest, u: UserWithRoles) {
  const s = request.subject;
  return presentPerson(u, {
    update: can(s, 'users.manage', { orgUnitId: u.orgUnitId }),
    grantRoles: can(s, 'roles.grant', { orgUnitId: u.orgUnitId }),
  });
}

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.identity;
  const db = ctx.db;

  app.get(
    '/users',
    {
      config: { policy: 'users.read' },
      schema: {
        tags,
        summary:
          'People the caller may see (auditors: all; administrators: their units), searched by name, email or title',
        querystring: z.object({ q: searchText, orgUnitId: id.optional(), ...pageQuery }),
        response: { 200: paginated(personSchema) },
      },
    },
    async (request) => {
      const found = await listUsers(db, request.query, request.subject);
      return {
        items: found.items.map((u) => present(request, u)),
        total: found.total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.post(
    '/users',
    {
      config: { policy: 'users.manage' },
      schema: {
        tags,
        summary: 'Add a person (and their roles); by default emails them a link to set a password',
        body: z.object({
          name,
          email,
          title,
          orgUnitId: z.number().int().positive().max(2147483647),
          roles: z.array(grant).max(20).default([]),
          invite: z.boolean().default(true),
        }),
        response: { 201: personSchema },
      },
    },
    async (request, reply) => {
      const created = await createUser(ctx, request.subject, request.body, request.actor);
      return reply.status(201).send(present(request, created));
    },
  );

  app.get(
    '/users/:id',
    {
      config: { policy: 'users.read' },
      schema: {
        tags,
        summary: 'One person with their roles',
        params: z.object({ id }),
        response: { 200: personSchema },
      },
    },
    async (request) => present(request, await getUser(db, request.params.id, request.subject)),
  );

  app.patch(
    '/users/:id',
    {
      config: { policy: 'users.manage' },
      schema: {
        tags,
        summary: 'Change a person; `disabled: true` disables the account and ends its sessions',
        params: z.object({ id }),
        body: z.object({
          name: name.optional(),
          email: email.optional(),
          title,
          orgUnitId: z.number().int().positive().max(2147483647).optional(),
          disabled: z.boolean().optional(),
        }),
        response: { 200: personSchema },
      },
    },
    async (request) =>
      present(
        request,
        await updateUser(ctx, request.subject, request.params.id, request.body, request.actor),
      ),
  );

  app.post(
    '/users/:id/roles',
    {
      config: { policy: 'roles.grant' },
      schema: {
        tags,
        summary: 'Grant a role scoped to an organisation (and its sub-units when stated)',
        params: z.object({ id }),
        body: grant,
        response: { 200: personSchema },
      },
    },
    async (request) =>
      present(request, await grantRole(ctx, request.subject, request.params.id, request.body, request.actor)),
  );

  app.delete(
    '/users/:id/roles/:assignmentId',
    {
      config: { policy: 'roles.grant' },
      schema: {
        tags,
        summary: 'Revoke one role assignment',
        params: z.object({ id, assignmentId: id }),
        response: { 200: personSchema },
      },
    },
    async (request) =>
      present(
        request,
        await revokeRole(ctx, request.subject, request.params.id, request.params.assignmentId, request.actor),
      ),
  );

  app.post(
    '/users/:id/reset-link',
    {
      config: { policy: 'users.manage' },
      schema: {
        tags,
        summary: 'Email the person a single-use link to set a new password',
        params: z.object({ id }),
        response: { 202: z.object({ accepted: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      const user = await getUser(db, request.params.id, request.subject);
      await sendResetLink(ctx, user.id, user.email, 'reset');
      return reply.status(202).send({ accepted: true as const });
    },
  );

  // Import files arrive as the request body itself (CSV or .xlsx), no multipart, like every import. The
  // parser is scoped to the import routes, so the JSON routes above refuse a CSV body (415) instead of
  // taking it for an empty object.
  const importRoutes: FastifyPluginAsyncZod = async (files) => {
    acceptFileUploads(files, IMPORT_MEDIA_TYPES, MAX_IMPORT_BYTES);
    const importSchema = {
      tags,
      consumes: IMPORT_MEDIA_TYPES,
      description: `Send the file itself as the body (content-type ${IMPORT_MEDIA_TYPES.join(', ')}), at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB; \`fileName\` tells its format when the content-type does not.`,
      querystring: z.object({ fileName: z.string().trim().max(200).optional() }),
    };
    const peopleFile = (request: FastifyRequest<{ Querystring: { fileName?: string } }>): PeopleFile => ({
      bytes: uploadedBytes(request.body, IMPORT_MEDIA_TYPES),
      contentType: request.headers['content-type'] ?? '',
      fileName: request.query.fileName,
    });

    files.get(
      '/users/import/template.xlsx',
      {
        config: { policy: 'users.manage' },
        schema: {
          tags,
          summary:
            'An empty people file to fill in (.xlsx), with the units you administer and the roles listed',
        },
      },
      async (request, reply) =>
        reply
          .header('content-type', XLSX_MEDIA_TYPE)
          .header('content-disposition', 'attachment; filename="nguoi-dung-mau.xlsx"')
          .send(await peopleImportTemplate(db, request.subject)),
    );

    files.post(
      '/users/import/preview',
      {
        config: { policy: 'users.manage' },
        schema: {
          ...importSchema,
          summary: 'Check a people file (CSV or .xlsx): each row and its problems; nothing is written',
          response: { 200: importPreviewSchema },
        },
      },
      async (request) => previewPeopleImport(ctx, request.subject, peopleFile(request)),
    );

    files.post(
      '/users/import/commit',
      {
        config: { policy: 'users.manage' },
        schema: {
          ...importSchema,
          summary: 'Import a people file all or nothing: any row problem answers 400 with every row error',
          response: { 201: z.object({ created: z.number().int() }) },
        },
      },
      async (request, reply) => {
        const created = await commitPeopleImport(ctx, request.subject, peopleFile(request), request.actor);
        return reply.status(201).send({ created });
      },
    );
  };
  await app.register(importRoutes);

  app.get(
    '/dev/mail',
    {
      config: { policy: 'dev.mail' },
      schema: {
        tags: ['system'],
        summary: 'Development mail outbox (no SMTP_URL, not production): newest first',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number(),
                createdAt: z.string(),
                to: z.string(),
                subject: z.string(),
                text: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async () => {
      if (!usesDevOutbox(ctx.options))
        throw notFound('Development mail outbox (SMTP is configured, or production)');
      return { items: await sessionsRepository(db).devMail(50) };
    },
  );
};
