/**
 * Checks that the OpenAPI document describes each request body exactly as the
 * zod schema the route parses it with: the same fields, the same required ones.
 */
import { z } from 'zod';
import { openApiDocument } from '../../src/http/openapi/document';

export function expectBodiesDocumented(zodBodies: Record<string, z.ZodTypeAny>): void {
  for (const [name, schema] of Object.entries(zodBodies)) {
    const objectSchema = (schema instanceof z.ZodEffects ? schema.innerType() : schema) as z.AnyZodObject;
    const documentedSchema = openApiDocument.components.schemas[name] as { properties: object; required: string[] };
    const required = Object.entries(objectSchema.shape)
      .filter(([, field]) => !(field as z.ZodTypeAny).isOptional())
      .map(([key]) => key);
    expect({ name, fields: Object.keys(documentedSchema.properties).sort(), required: [...documentedSchema.required].sort() }).toEqual({
      name,
      fields: Object.keys(objectSchema.shape).sort(),
      required: required.sort(),
    });
  }
}
