import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Argo CD instances of the tests, and the tokens they accept. */
export const ARGOCD = {
  main: { url: 'https://argocd.example.com', token: 'main-token' },
  eu: { url: 'https://argocd.eu.example.com', token: 'eu-token' },
};

/** A recorded answer of `GET /api/v1/applications/{name}`, from `__fixtures__`. */
export function recordedApplication(file: string): any {
  return JSON.parse(
    readFileSync(join(__dirname, '../__fixtures__', `${file}.json`), 'utf8'),
  );
}

/**
 * Argo CD's applications API as the instances answer it: the applications
 * each one holds (by name), 403 to a wrong token and 404 to an application it
 * does not hold; every request is counted.
 */
export function argoCdServer() {
  const applications = new Map<string, Map<string, object>>(
    Object.keys(ARGOCD).map(instance => [instance, new Map()]),
  );
  const requests: string[] = [];
  const handlers = Object.entries(ARGOCD).map(([instance, { url, token }]) =>
    http.get(`${url}/api/v1/applications/:name`, ({ request, params }) => {
      requests.push(`${instance} ${params.name}`);
      if (request.headers.get('authorization') !== `Bearer ${token}`) {
        return HttpResponse.json(
          { error: 'permission denied', code: 7, message: 'permission denied' },
          { status: 403 },
        );
      }
      const application = applications
        .get(instance)!
        .get(params.name as string);
      if (!application) {
        const message = `applications.argoproj.io "${params.name}" not found`;
        return HttpResponse.json(
          { error: message, code: 5, message },
          { status: 404 },
        );
      }
      return HttpResponse.json(application);
    }),
  );
  const server = setupServer(...handlers);
  return {
    server,
    requests,
    /** Makes the instance answer the application as given. */
    holds(instance: keyof typeof ARGOCD, application: any) {
      applications.get(instance)!.set(application.metadata.name, application);
    },
  };
}
