/**
 * The development sign-in: outside production, anyone who can reach the
 * server may act as any known person. It exists so the tabs can be used with
 * the Agents Playground, which has no Entra to issue Teams SSO tokens.
 */
import type restify from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { DevelopmentSignIn } from '../../auth/developmentSignIn';
import type { Store } from '../../store/store';
import { handle, HttpProblem, parseBody } from '../problems';

export interface DevelopmentSignInDeps {
  store: Store;
  /** Null in production: the routes then answer 404. */
  signIn: DevelopmentSignIn | null;
  logger: Logger;
  /** The tenant local conversations happen in (the Playground's). */
  defaultTenantId: string;
}

const PEOPLE_LISTED = 200;

const tenantIdSchema = z.string().trim().min(1, 'must not be empty').max(200, 'is too long');

const signInBody = z
  .object({
    personId: z.string().uuid('must be a person id (a uuid)').optional(),
    teamsUserId: z.string().trim().min(1, 'must not be empty').max(200, 'is too long').optional(),
    tenantId: tenantIdSchema.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if ((body.personId === undefined) === (body.teamsUserId === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['personId'], message: 'Give either personId or teamsUserId.' });
    }
  });

export function registerDevelopmentSignIn(server: restify.Server, deps: DevelopmentSignInDeps): void {
  const { store, logger, defaultTenantId } = deps;

  function enabled(): DevelopmentSignIn {
    if (!deps.signIn) throw new HttpProblem(404, 'The development sign-in is off in production.');
    return deps.signIn;
  }

  server.post(
    '/api/v1/dev/sign-in',
    handle(logger, async (req, res) => {
      const signIn = enabled();
      const body = parseBody(signInBody, req.body);
      const tenantId = body.tenantId ?? defaultTenantId;
      const person = body.personId
        ? await store.people.get(tenantId, body.personId)
        : await store.people.findByTeamsUserId(tenantId, body.teamsUserId!);
      if (!person) throw new HttpProblem(404, 'No such person in this tenant. They appear once they have chatted with Tandem.');
      const token = await signIn.issue({ tenantId, personId: person.id });
      logger.info({ tenantId, personId: person.id }, 'development sign-in');
      res.send(200, { token, person: { id: person.id, name: person.name } });
    }),
  );

  server.get(
    '/api/v1/dev/people',
    handle(logger, async (req, res) => {
      enabled();
      const requested = new URLSearchParams(req.getQuery()).get('tenantId');
      const parsed = tenantIdSchema.safeParse(requested ?? defaultTenantId);
      if (!parsed.success) throw new HttpProblem(400, parsed.error.issues[0]?.message ?? 'is not valid', 'tenantId');
      const people = await store.people.listByTenant(parsed.data, PEOPLE_LISTED);
      res.send(200, { tenantId: parsed.data, people: people.map((p) => ({ id: p.id, name: p.name })) });
    }),
  );
}
