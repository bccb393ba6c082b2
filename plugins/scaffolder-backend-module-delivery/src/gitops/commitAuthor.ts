import { Config } from '@backstage/config';

/** Who commits for the scaffolder, as Backstage's own publish actions do. */
export function commitAuthor(config: Config): { name: string; email: string } {
  return {
    name:
      config.getOptionalString('scaffolder.defaultAuthor.name') ?? 'Scaffolder',
    email:
      config.getOptionalString('scaffolder.defaultAuthor.email') ??
      'scaffolder@backstage.io',
  };
}
