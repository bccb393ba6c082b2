import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { DeliveryApiPaths } from '@domain-delivery/backstage-plugin-delivery-common';

type Paths = DeliveryApiPaths;

/** The HTTP methods the client sends. */
export type RouteMethod = 'get' | 'post' | 'delete';

/** The paths of the delivery API that answer `M`, as the spec says. */
export type RoutePath<M extends RouteMethod> = {
  [P in keyof Paths]: Paths[P][M] extends { responses: unknown } ? P : never;
}[keyof Paths];

type Operation<P extends keyof Paths, M extends RouteMethod> = Extract<
  Paths[P][M],
  { responses: unknown }
>;

type Parameters<O> = O extends { parameters: infer T } ? T : never;

type PathPart<O> = Parameters<O> extends { path: infer T }
  ? { path: T }
  : { path?: never };

type QueryPart<O> = Parameters<O> extends { query: infer T }
  ? { query: T }
  : Parameters<O> extends { query?: infer T }
  ? { query?: T }
  : { query?: never };

type BodyPart<O> = O extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? { body: B }
  : O extends { requestBody?: { content: { 'application/json': infer B } } }
  ? { body?: B }
  : { body?: never };

/** The path parameters, query and body of a route, as the spec says. */
export type RouteRequest<
  M extends RouteMethod,
  P extends RoutePath<M>,
> = PathPart<Operation<P, M>> &
  QueryPart<Operation<P, M>> &
  BodyPart<Operation<P, M>>;

type Success<R> = R extends { 200: infer S }
  ? S
  : R extends { 201: infer S }
  ? S
  : R extends { 204: unknown }
  ? { content: { 'application/json': void } }
  : never;

/** The JSON a route answers on success, as the spec says. */
export type RouteAnswer<
  M extends RouteMethod,
  P extends RoutePath<M>,
> = Success<Operation<P, M>['responses']> extends {
  content: { 'application/json': infer A };
}
  ? A
  : never;

function urlOf(
  baseUrl: string,
  template: string,
  request: {
    path?: Record<string, string | number>;
    query?: Record<string, unknown>;
  },
): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(request.path![name])),
  );
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query ?? {})) {
    // Repeated parameters for lists: `entityRef=a&entityRef=b`.
    for (const item of Array.isArray(value) ? value : [value]) {
      // A parameter left empty is left out.
      if (item !== undefined && item !== '') {
        params.append(name, String(item));
      }
    }
  }
  const search = params.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

/**
 * Calls a route of the delivery backend and answers its JSON. The path,
 * parameters, body and answer are the spec's, so a call that disagrees with
 * `openapi.yaml` does not compile. Every path parameter is encoded; an error
 * answer is thrown as a `ResponseError` that carries the server's message.
 */
export async function callRoute<M extends RouteMethod, P extends RoutePath<M>>(
  apis: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  method: M,
  path: P,
  ...[request]: {} extends RouteRequest<M, P>
    ? [request?: RouteRequest<M, P>]
    : [request: RouteRequest<M, P>]
): Promise<RouteAnswer<M, P>> {
  const { body, ...parameters } = (request ?? {}) as {
    body?: unknown;
    path?: Record<string, string | number>;
    query?: Record<string, unknown>;
  };
  const baseUrl = await apis.discoveryApi.getBaseUrl('delivery');
  const response = await apis.fetchApi.fetch(
    urlOf(baseUrl, path, parameters),
    body === undefined
      ? { method: method.toUpperCase() }
      : {
          method: method.toUpperCase(),
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        },
  );
  if (!response.ok) {
    // Carries the server's own message (e.g. which field was wrong) to the person.
    throw await ResponseError.fromResponse(response);
  }
  // 204 No Content (a deletion) has no body to read.
  return (
    response.status === 204 ? undefined : await response.json()
  ) as RouteAnswer<M, P>;
}
