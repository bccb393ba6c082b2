// The domain-boundary rule: a service may use its own domain's packages and
// any package that belongs to no domain, but never another domain's packages
// (those talk to each other through APIs and events, not imports). A package
// says which domain it belongs to with a top-level "domain" field in its
// package.json, as this service's own package.json does.

/** An import that crosses into another domain. */
export interface BoundaryViolation {
  file: string;
  specifier: string;
  packageName: string;
  domain: string;
}

const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s*['"]([^'"]+)['"]/g;

/** The module specifiers a source file imports. */
export function importedSpecifiers(source: string): string[] {
  return [...source.matchAll(IMPORT)].map(
    match => match[1] ?? match[2] ?? match[3],
  );
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`), or none for a relative or built-in one. */
export function packageOf(specifier: string): string | undefined {
  if (
    specifier.startsWith('.') ||
    specifier.startsWith('/') ||
    specifier.startsWith('node:')
  ) {
    return undefined;
  }
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The imports of the given files that reach into another domain's packages. */
export function findViolations(
  ownDomain: string,
  files: Array<{ path: string; source: string }>,
  domainOfPackage: (name: string) => string | undefined,
): BoundaryViolation[] {
  return files.flatMap(file =>
    importedSpecifiers(file.source).flatMap(specifier => {
      const packageName = packageOf(specifier);
      const domain = packageName ? domainOfPackage(packageName) : undefined;
      return domain && domain !== ownDomain
        ? [{ file: file.path, specifier, packageName: packageName!, domain }]
        : [];
    }),
  );
}
