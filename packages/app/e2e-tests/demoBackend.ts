import { DemoPersona } from './signIn';

/** The backend the browser tests start (playwright.config.ts). */
export const BACKEND = 'http://localhost:7007';

/** A token of a demo persona, as the demo sign-in page gets one. */
export async function demoToken(persona: DemoPersona): Promise<string> {
  const response = await fetch(`${BACKEND}/api/auth/demo/refresh`, {
    headers: { 'x-demo-persona': persona.replace(' ', '-') },
  });
  if (!response.ok) {
    throw new Error(
      `Signing in as the ${persona} failed: ${
        response.status
      } ${await response.text()}`,
    );
  }
  return (await response.json()).backstageIdentity.token;
}

/** Calls the backend with a token; answers the parsed JSON body, if any. */
export async function callBackend<T>(
  token: string,
  path: string,
  init: RequestInit = {},
): Promise<T> {
  const response = await fetch(`${BACKEND}${path}`, {
    ...init,
    headers: { ...init.headers, authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    throw new Error(
      `${init.method ?? 'GET'} ${path} answered ${
        response.status
      }: ${await response.text()}`,
    );
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A component of the catalog, with the parts the demo checks read. */
export interface CatalogComponent {
  metadata: {
    uid: string;
    name: string;
    namespace?: string;
    annotations?: Record<string, string>;
  };
}

/** The catalog's components; with `filter`, only those matching it. */
export async function catalogComponents(
  token: string,
  filter = '',
): Promise<CatalogComponent[]> {
  const { items } = await callBackend<{ items: CatalogComponent[] }>(
    token,
    `/api/catalog/entities/by-query?filter=${encodeURIComponent(
      `kind=component${filter ? `,${filter}` : ''}`,
    )}&fields=metadata.uid,metadata.name,metadata.namespace,metadata.annotations&limit=1000`,
  );
  return items;
}
