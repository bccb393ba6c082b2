import { entityRouteSegments } from '@domain-delivery/backstage-plugin-delivery-common';

/**
 * Service, domain and environment names end up in Kubernetes object names,
 * namespaces, Argo CD application names and file names: DNS labels.
 */
export const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** The name of a domain given as a plain name or as an entity ref. */
export function domainName(domain: string): string {
  return entityRouteSegments(domain, { defaultKind: 'domain' }).name;
}

/**
 * The host a service answers on in an environment: production directly under
 * the ingress domain, every other environment under its own subdomain.
 */
export function ingressHost(
  service: string,
  environment: { name: string; production: boolean },
  ingressDomain: string,
): string {
  return environment.production
    ? `${service}.${ingressDomain}`
    : `${service}.${environment.name}.${ingressDomain}`;
}

/** The Kubernetes namespace of a domain's services in an environment. */
export function domainNamespace(domain: string, environment: string): string {
  return `${domain}-${environment}`;
}

/** The ingress domain when a template names none. */
export const DEFAULT_INGRESS_DOMAIN = 'apps.example.com';
