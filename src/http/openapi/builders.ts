/**
 * The helpers both halves of the document are written with. Each adds the
 * answers every operation of its kind shares (401, 403, 404, 400 for bodies),
 * so a path lists only what is particular to it and cannot forget the rest.
 */
import { type JsonSchema, type OpenApiOperation, type OpenApiResponse } from './types';

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
export const string = (extra: JsonSchema = {}): JsonSchema => ({ type: 'string', ...extra });
export const nullable = (schema: JsonSchema): JsonSchema => ({ oneOf: [schema, { type: 'null' }] });
export const uuid = string({ format: 'uuid' });
export const dateTime = string({ format: 'date-time' });
export const day = string({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const text = (maxLength: number) => string({ minLength: 1, maxLength });
export const object = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties)): JsonSchema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
export const arrayOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
export const integer = (minimum?: number, maximum?: number): JsonSchema => ({ type: 'integer', ...(minimum === undefined ? {} : { minimum }), ...(maximum === undefined ? {} : { maximum }) });
export const role = { type: 'string', enum: ['mentor', 'mentee'] };

export const problem = (description: string): OpenApiResponse => ({ description, content: json(ref('Problem')) });
export const ok = (description: string, schema: JsonSchema, status = '200'): Record<string, OpenApiResponse> => ({
  [status]: { description, content: json(schema) },
});
export const noContent: Record<string, OpenApiResponse> = { '204': { description: 'Deleted.' } };
const withBody = { '400': problem('The body is not valid: `field` names the first problem and `error` says why.') };

// My mentoring: the caller must be one of the pair, so another pair's id is 403 and an unknown one 404.

const signedIn = {
  '401': problem('No token, or a token that does not verify.'),
  '403': problem('The object belongs to another pair in your tenant, or you have not chatted with Tandem yet.'),
};
const forAnId = {
  ...signedIn,
  '404': problem("No such object: the id is unknown, malformed or another tenant's."),
};

function idParameter(what: string) {
  return [{ name: 'id', in: 'path' as const, required: true as const, description: `The ${what}'s id.`, schema: uuid }];
}

export function operation(
  operationId: string,
  summary: string,
  tag: string,
  responses: Record<string, OpenApiResponse>,
  extra: { idOf?: string; body?: string } = {},
): OpenApiOperation {
  return {
    operationId,
    summary,
    tags: [tag],
    ...(extra.idOf ? { parameters: idParameter(extra.idOf) } : {}),
    ...(extra.body ? { requestBody: { required: true as const, content: json(ref(extra.body)) } } : {}),
    responses: { ...responses, ...(extra.idOf ? forAnId : signedIn), ...(extra.body ? withBody : {}) },
  };
}

// The admin API: one refusal for every route, whether the program is unknown, another tenant's, or not yours.

export const pathParameter = (name: string, description: string) => ({ name, in: 'path' as const, required: true, description, schema: uuid });
export const queryParameter = (name: string, description: string, schema: JsonSchema) => ({ name, in: 'query' as const, required: false, description, schema });
export const programIdParameter = pathParameter('programId', "The program's id.");
export const personIdParameter = pathParameter('personId', "The participant's person id.");
export const runIdParameter = pathParameter('runId', "The matching run's id.");

const adminRefusals = {
  '401': problem('No token, or a token that does not verify.'),
  '403': problem("You are not an admin of this program (or of your organisation's Tandem), or the program is another tenant's."),
};
export const unprocessable = { '422': { description: 'The request breaks a rule of the program: `field` and `error` name the first problem, `problems` lists every one.', content: json(ref('Problems')) } };

export function adminOperation(
  operationId: string,
  summary: string,
  tag: string,
  responses: Record<string, OpenApiResponse>,
  extra: { parameters?: NonNullable<OpenApiOperation['parameters']>; body?: string } = {},
): OpenApiOperation {
  return {
    operationId,
    summary,
    tags: [tag],
    ...(extra.parameters ? { parameters: extra.parameters } : {}),
    ...(extra.body ? { requestBody: { required: true as const, content: json(ref(extra.body)) } } : {}),
    responses: { ...responses, ...adminRefusals, ...(extra.body ? withBody : {}) },
  };
}

export const notFound = (what: string) => ({ '404': problem(`No such ${what} in this program.`) });
export const conflict = (why: string) => ({ '409': problem(why) });
