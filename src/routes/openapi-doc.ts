/**
 * Builds the OpenAPI 3.1 document from the route table (spec.ts) and the zod
 * schemas, through zod's own JSON Schema output (OpenAPI 3.1 schemas are JSON
 * Schema 2020-12). Run at build time by scripts/build-openapi.ts, so the
 * Worker ships the document, not the converter.
 */
import * as z from 'zod/mini'
import { queryIntegers } from './queries.js'
import { ROUTES, type ResponseSpec } from './spec.js'

type Json = Record<string, unknown>

const COMPONENT = (id: string) => `#/components/schemas/${id}`

export function buildOpenApiDocument(): Json {
  const registry = z.toJSONSchema(z.globalRegistry, { uri: COMPONENT, target: 'draft-2020-12' }) as { schemas: Record<string, Json> }
  const schemas: Record<string, Json> = {}
  for (const [id, schema] of Object.entries(registry.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema
    schemas[id] = rest
  }
  const paths: Record<string, Record<string, Json>> = {}
  for (const route of ROUTES) {
    const operation: Json = { summary: route.summary, responses: responsesOf(route.responses) }
    const parameters: Json[] = []
    for (const [name, description] of Object.entries(route.params ?? {})) {
      parameters.push({ name, in: 'path', required: true, description, schema: { type: 'string' } })
    }
    if (route.query !== undefined) {
      const query = schemaOf(route.query, 'input')
      const required = new Set((query.required as string[] | undefined) ?? [])
      for (const [name, schema] of Object.entries((query.properties as Record<string, Json> | undefined) ?? {})) {
        parameters.push({ name, in: 'query', required: required.has(name), schema })
      }
    }
    if (parameters.length > 0) operation.parameters = parameters
    if (route.body !== undefined) {
      operation.requestBody = {
        required: true,
        content: {
          'application/json': { schema: schemaOf(route.body.json, 'input') },
          'text/plain': { schema: { type: 'string', description: route.body.text } },
        },
      }
    }
    if (route.auth) operation.security = [{ ingestToken: [] }]
    paths[route.path] = { ...paths[route.path], [route.method]: operation }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'bantin',
      version: '1',
      description: 'Vietnamese news articles, stories and their summaries as JSON. Every error is RFC 9457 application/problem+json.',
    },
    paths,
    components: { schemas, securitySchemes: { ingestToken: { type: 'http', scheme: 'bearer' } } },
  }
}

/** A schema as JSON Schema: a $ref when it is a named component, inline otherwise. */
function schemaOf(schema: z.ZodMiniType, io: 'input' | 'output'): Json {
  const id = z.globalRegistry.get(schema)?.id
  if (id !== undefined) return { $ref: COMPONENT(id) }
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any', override: integerQueries }) as Json
  return rest
}

/** A bounded integer query parameter is documented as the integer a client sends (queries.ts checks its digits). */
function integerQueries(ctx: { zodSchema: unknown; jsonSchema: Json }): void {
  const bounds = queryIntegers.get(ctx.zodSchema as z.ZodMiniType)
  if (bounds === undefined) return
  delete ctx.jsonSchema.pattern
  Object.assign(ctx.jsonSchema, { type: 'integer', ...bounds })
}

function responsesOf(responses: Record<number, ResponseSpec>): Json {
  const out: Json = {}
  for (const [status, response] of Object.entries(responses)) {
    const content = response.json !== undefined
      ? { 'application/json': { schema: schemaOf(response.json, 'output') } }
      : response.problem ? { 'application/problem+json': { schema: { $ref: COMPONENT('Problem') } } }
      : response.html ? { 'text/html': { schema: { type: 'string' } } }
      : response.javascript ? { 'text/javascript': { schema: { type: 'string' } } }
      : undefined
    out[status] = content === undefined ? { description: response.description } : { description: response.description, content }
  }
  return out
}
