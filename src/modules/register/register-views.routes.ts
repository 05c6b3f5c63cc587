import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programCode } from '../../lib/http.ts';
import { actorOf } from '../audit/request-actor.ts';
import { idParam } from './register.inputs.ts';
import { viewInputSchema } from './register-views.inputs.ts';
import { presentRegisterView, registerViewSchema } from './register-views.presenter.ts';
import {
  createRegisterView,
  deleteRegisterView,
  myRegisterViews,
  updateRegisterView,
} from './register-views.service.ts';

const tags = ['register'];
const own = { policy: 'register.views.self' } as const;
const programQuery = z.object({ program: programCode });

/** Each person's saved views of the register (decision 040). */
export const registerViewRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/register/views',
    {
      config: own,
      schema: {
        tags,
        summary: 'My saved views of the register, by name',
        querystring: programQuery,
        response: { 200: z.object({ items: z.array(registerViewSchema) }) },
      },
    },
    async (request) => ({
      items: (await myRegisterViews(db(), actorOf(request), request.query.program)).map(presentRegisterView),
    }),
  );

  app.post(
    '/register/views',
    {
      config: own,
      schema: {
        tags,
        summary: 'Save a named view of the register (filters, sort, columns); 409 if the name is taken',
        querystring: programQuery,
        body: viewInputSchema,
        response: { 201: registerViewSchema },
      },
    },
    async (request, reply) => {
      const view = await createRegisterView(db(), actorOf(request), request.query.program, request.body);
      return reply.code(201).send(presentRegisterView(view));
    },
  );

  app.put(
    '/register/views/:id',
    {
      config: own,
      schema: {
        tags,
        summary: 'Replace one of my views (rename, or save the current filters into it)',
        params: idParam,
        body: viewInputSchema,
        response: { 200: registerViewSchema },
      },
    },
    async (request) =>
      presentRegisterView(await updateRegisterView(db(), actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/register/views/:id',
    {
      config: own,
      schema: { tags, summary: 'Delete one of my views', params: idParam },
    },
    async (request, reply) => {
      await deleteRegisterView(db(), actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
};
