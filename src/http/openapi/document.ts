/**
 * The OpenAPI 3.1 document of the API, served at GET /api/v1/openapi.json:
 * "My mentoring", and the admin API (programs, participants, matching) whose
 * route modules add their part when they are registered (`documentAdminRoutes`),
 * so the document lists exactly the routes the running server has. Written by
 * hand as a typed object so it reads as the contract; tests check it against
 * the registered routes and the zod bodies.
 */
import { adminPaths } from './adminPaths';
import { adminSchemas } from './adminSchemas';
import { myMentoringPaths } from './myMentoringPaths';
import { myMentoringSchemas } from './myMentoringSchemas';
import { type OpenApiDocument } from './types';

export type { HttpMethod, OpenApiDocument, OpenApiOperation, OpenApiResponse } from './types';
export { adminPaths };

// Not copies: documentAdminRoutes grows this object in place, so myMentoringPaths and
// myMentoringSchemas come to hold the admin parts too, as the single object did before.
export const openApiDocument: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Tandem: My mentoring',
    version: '1.0.0',
    description:
      "The signed-in person's mentoring relationships, goals, sessions, agendas and ratings. Only the two people of a pair can read or change its data: another pair's ids in the same tenant get 403, ids from another tenant get 404 like unknown ones.",
  },
  servers: [{ url: '/api/v1' }],
  security: [{ teamsToken: [] }],
  paths: myMentoringPaths,
  components: {
    securitySchemes: {
      teamsToken: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'The Teams SSO token from authentication.getAuthToken(), or outside production a development sign-in token.',
      },
    },
    schemas: myMentoringSchemas,
  },
};

/** Adds a registered admin route module's paths (and every admin schema) to the served document. */
export function documentAdminRoutes(part: keyof typeof adminPaths, document: OpenApiDocument = openApiDocument): void {
  Object.assign(document.paths, adminPaths[part]);
  Object.assign(document.components.schemas, adminSchemas);
}
