import { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * Who is asking, as a key of answers kept for them: a person sees only what
 * the catalog and the permission policy let them see, so such answers are
 * kept per person (or per service).
 */
export function callerKey(credentials: BackstageCredentials): string {
  const { principal } = credentials as BackstageCredentials<{
    type: string;
    userEntityRef?: string;
    subject?: string;
  }>;
  return `${principal.type}:${principal.userEntityRef ?? principal.subject}`;
}
