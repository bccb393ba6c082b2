/** Whose records a read covers: one component, a domain's components or a group's entities. */
export interface EntityScope {
  type: 'component' | 'domain' | 'group';
  entityRef: string;
}
