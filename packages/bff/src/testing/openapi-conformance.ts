import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { openApiDocument } from '../openapi/document.ts';

/**
 * Every answer the BFF tests receive, held against `GET /openapi.json`: the status must be one the
 * operation describes, the content type one described for that status, a JSON body valid against
 * its schema (JSON Schema 2020-12, as OAS 3.1 has it), and required headers present. `appOn` wraps
 * each test app's `request()` with `assertConformsToOpenApi`, so a mismatch fails the test that
 * made the request, and the document cannot drift from what the app really answers.
 */

interface MediaType {
  schema?: object;
}
interface ResponseObject {
  headers?: Record<string, { required?: boolean } | { $ref: string }>;
  content?: Record<string, MediaType>;
}
interface OperationObject {
  responses: Record<string, ResponseObject>;
}

// The document does not depend on where the app is mounted but for `servers`.
const document = openApiDocument('/');
const components = document.components as { headers: Record<string, { required?: boolean }> };
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));

/** Each path of the document as a pattern (`{name}` matches one segment), literal paths first. */
const routes = Object.entries(document.paths as Record<string, Record<string, OperationObject>>)
  .map(([path, operations]) => ({
    path,
    pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`),
    literal: !path.includes('{'),
    operations,
  }))
  .sort((a, b) => Number(b.literal) - Number(a.literal));

let checked = 0;
/** How many answers have been checked in this test file's process (the checker's own tests count on it). */
export const conformanceChecks = () => checked;

const compiled = new Map<string, ValidateFunction>();
function validatorFor(key: string, schema: object) {
  let validate = compiled.get(key);
  if (!validate) compiled.set(key, (validate = ajv.compile(schema)));
  return validate;
}

const headerObject = (header: { required?: boolean } | { $ref: string }) =>
  '$ref' in header ? components.headers[header.$ref.replace('#/components/headers/', '')]! : header;

/**
 * What is wrong with `response` as the answer to `method path` (none: it conforms). Reads a clone
 * of the body, so the caller can still read it.
 */
export async function openApiMismatches(method: string, path: string, response: Response): Promise<string[]> {
  checked++;
  const route = routes.find((candidate) => candidate.pattern.test(path));
  const operation = route?.operations[method.toLowerCase()];
  const name = `${method.toUpperCase()} ${route?.path ?? path} → ${response.status}`;
  if (!route || !operation) {
    // Not a route of the app: the catch-all's 404 problem, or under /service the token's 401 (the
    // token guards even what is not there). HEAD is answered by the GET route.
    const expected = path.startsWith('/service/') ? [401, 404] : [404];
    const fine = expected.includes(response.status) && mediaType(response) === 'application/problem+json';
    return fine || method.toUpperCase() === 'HEAD' ? [] : [`${name}: no such operation in the document, and not a ${expected.join(' or ')} problem`];
  }
  const described = operation.responses[String(response.status)];
  if (!described) return [`${name}: status not described (described: ${Object.keys(operation.responses).join(', ')})`];
  const mismatches: string[] = [];
  for (const [header, object] of Object.entries(described.headers ?? {})) {
    if (headerObject(object).required && !response.headers.has(header)) mismatches.push(`${name}: required header ${header} missing`);
  }
  const body = await response.clone().arrayBuffer();
  if (!described.content) {
    if (body.byteLength > 0) mismatches.push(`${name}: a body where the document describes none`);
    return mismatches;
  }
  const type = mediaType(response);
  const media = type === null ? undefined : described.content[type];
  if (!media) return [...mismatches, `${name}: content type ${type} not described (described: ${Object.keys(described.content).join(', ')})`];
  if (!type!.endsWith('json') || !media.schema) return mismatches;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return [...mismatches, `${name}: the body is not JSON`];
  }
  const validate = validatorFor(`${method} ${route.path} ${response.status} ${type}`, media.schema);
  if (!validate(value)) {
    const errors = (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
    mismatches.push(`${name}: the body does not match its schema: ${errors.join('; ')}\n${JSON.stringify(value).slice(0, 500)}`);
  }
  return mismatches;
}

const mediaType = (response: Response) => response.headers.get('content-type')?.split(';')[0]!.trim().toLowerCase() ?? null;

/** Throws (failing the test that made the request) when `response` does not conform. */
export async function assertConformsToOpenApi(method: string, path: string, response: Response): Promise<void> {
  const mismatches = await openApiMismatches(method, path, response);
  if (mismatches.length > 0) throw new Error(`The answer does not conform to GET /openapi.json:\n${mismatches.join('\n')}`);
}

type Requestable = { request(input: string | URL | Request, init?: RequestInit, ...rest: never[]): Response | Promise<Response> };

/** `app` whose `request()` checks every answer against the document before handing it back. */
export function conformingToOpenApi<App extends Requestable>(app: App): App {
  const request = async (input: string | URL | Request, init?: RequestInit, ...rest: never[]) => {
    const response = await app.request(input, init, ...rest);
    const method = input instanceof Request ? input.method : (init?.method ?? 'GET');
    const url = input instanceof Request ? new URL(input.url) : new URL(input, 'http://localhost');
    await assertConformsToOpenApi(method, url.pathname, response);
    return response;
  };
  return new Proxy(app, {
    get(target, key) {
      if (key === 'request') return request;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
