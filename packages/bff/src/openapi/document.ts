import { z } from 'zod';
import { ProblemSchema, type ProblemCode } from '@roster/shared';
import { SESSION_COOKIE } from '../session/cookie.ts';
import { OPERATIONS, type Operation } from './operations.ts';

/**
 * `GET /openapi.json`: the HTTP contract as OpenAPI 3.1, generated from the same zod schemas the
 * routes validate with and the elements are typed by, so it cannot drift from them. Tests check
 * that every route of the app is described here, and every answer the BFF tests receive against it
 * (`testing/openapi-conformance.ts`).
 */

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
};
const json = (schema: z.ZodType, io: 'input' | 'output') => ({ 'application/json': { schema: jsonSchema(schema, io) } });

const binary = (types: string[]) =>
  Object.fromEntries(types.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]));

type Refusals = Map<number, Set<ProblemCode>>;

const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);

/** Every refusal `operation` can answer with: those its kind of route shares, then its own. */
function refusalsOf(operation: Operation): Refusals {
  const refusals: Refusals = new Map();
  const add = (status: number, ...codes: ProblemCode[]) => {
    const known = refusals.get(status) ?? new Set();
    for (const code of codes) known.add(code);
    refusals.set(status, known);
  };
  if (operation.query || operation.body) add(400, 'invalid_parameters');
  if (operation.body) {
    add(400, 'bad_request'); // Hono's own refusal of a body that is not JSON
    add(413, 'body_too_large'); // validate's bound on JSON bodies
  }
  if (operation.service) {
    // The service token; and 404 for everything while no token is configured.
    add(401, 'invalid_token');
    add(404, 'not_found');
  } else {
    // A host's bearer authenticator reads the token on every route, public ones too.
    add(401, 'invalid_token');
    add(503, 'identity_provider_unavailable');
    if (!operation.public) add(401, 'unauthenticated');
  }
  if (UNSAFE.has(operation.method)) add(403, 'csrf_rejected');
  if (operation.path.startsWith('/accounts/:accountId')) {
    // Not an active member: no hint that the account exists.
    add(404, 'not_found');
    if (!operation.anyMember) add(403, 'forbidden');
  }
  for (const [status, codes] of Object.entries(operation.refusals ?? {})) add(Number(status), ...codes);
  add(500, 'internal_error');
  add(503, 'database_unavailable', 'database_busy');
  return new Map([...refusals].sort(([a], [b]) => a - b));
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad input',
  401: 'Not signed in, or the credentials are not accepted',
  403: 'Not allowed',
  404: 'Not found (or not visible to the caller)',
  409: 'Conflicts with the current state',
  410: 'Gone',
  413: 'Too large',
  415: 'Unsupported media type',
  429: 'Too many requests: wait as Retry-After says',
  500: 'Unexpected error',
  503: 'Unavailable for now: try again after Retry-After',
};

const retryAfter = { $ref: '#/components/headers/RetryAfter' };

/** An RFC 9457 problem whose `code` is one of `codes` (clients switch on it). */
function problemResponse(status: number, codes: Set<ProblemCode>) {
  const problem = jsonSchema(ProblemSchema, 'output') as { properties: Record<string, unknown> };
  const schema = { ...problem, properties: { ...problem.properties, status: { const: status }, code: { type: 'string', enum: [...codes] } } };
  const headers: Record<string, unknown> = {};
  // Every 429 and 503 refusal says when to try again.
  if (status === 429 || status === 503) headers['Retry-After'] = retryAfter;
  if (codes.has('invalid_token')) headers['WWW-Authenticate'] = { $ref: '#/components/headers/WWWAuthenticate' };
  return {
    description: `${STATUS_TEXT[status] ?? 'Refused'}: ${[...codes].map((code) => `\`${code}\``).join(', ')}`,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    content: { 'application/problem+json': { schema } },
  };
}

function successResponse(operation: Operation) {
  const headers =
    operation.sessionCookie === undefined
      ? undefined
      : { 'Set-Cookie': { ...SESSION_COOKIE_HEADER, required: operation.sessionCookie === 'always' } };
  const content = operation.response
    ? json(operation.response, 'output')
    : operation.binaryResponse
      ? binary([operation.binaryResponse])
      : undefined;
  return {
    description: content ? 'OK' : 'No content',
    ...(headers ? { headers } : {}),
    ...(content ? { content } : {}),
  };
}

const SESSION_COOKIE_HEADER = {
  description: `\`${SESSION_COOKIE}\`, HttpOnly, SameSite=Lax, Path=/ (Secure over https); emptied with Max-Age=0 on sign-out`,
  schema: { type: 'string' },
};

function describeOperation(operation: Operation) {
  const pathParameters = [...operation.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const queryParameters = Object.entries(operation.query?.shape ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema: jsonSchema(schema as z.ZodType, 'input'),
  }));
  const success = operation.status ?? (operation.response || operation.binaryResponse ? 200 : 204);
  const others = Object.entries(operation.otherResponses ?? {}).map(([status, other]) => [
    status,
    {
      description: other.description,
      ...(other.retryAfter ? { headers: { 'Retry-After': retryAfter } } : {}),
      content: json(other.body, 'output'),
    },
  ]);
  const refusals = [...refusalsOf(operation)]
    .filter(([status]) => !operation.otherResponses?.[status])
    .map(([status, codes]) => [String(status), problemResponse(status, codes)]);
  return {
    summary: operation.summary,
    ...(operation.public ? { security: [] } : operation.service ? { security: [{ serviceToken: [] }] } : {}),
    parameters: [...pathParameters, ...queryParameters],
    ...(operation.body ? { requestBody: { required: true, content: json(operation.body, 'input') } } : {}),
    ...(operation.binaryBody ? { requestBody: { required: true, content: binary(operation.binaryBody) } } : {}),
    responses: Object.fromEntries([[String(success), successResponse(operation)], ...others, ...refusals]),
  };
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) {
    const path = operation.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[operation.method] = describeOperation(operation);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Roster BFF',
      version: '0.1.0',
      description:
        'The Users settings screen’s backend-for-frontend. Every refusal is an RFC 9457 problem (`application/problem+json`) with a stable `code`; each operation lists the codes it can answer with, by status.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'Set by `POST /session` (and accepting an invitation as a new person). Unsafe methods also need an `Origin` of the page that may send them (else 403 `csrf_rejected`).',
        },
        hostToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: "The host's own sign-in (bearerAuthenticator)" },
        serviceToken: { type: 'http', scheme: 'bearer', description: 'ROSTER_SERVICE_TOKEN: /service/* only' },
      },
      headers: {
        RetryAfter: { description: 'Seconds to wait before trying again', required: true, schema: { type: 'string', pattern: '^[0-9]+$' } },
        WWWAuthenticate: { description: 'Present when a bearer token is refused: `Bearer error="invalid_token"`', schema: { type: 'string' } },
      },
    },
    security: [{ session: [] }, { hostToken: [] }],
    paths,
  };
}
