/** A step of a generated GitHub Actions job. */
export interface WorkflowStep {
  id?: string;
  name: string;
  if?: string;
  uses?: string;
  with?: Record<string, string | number | boolean>;
  run?: string;
  env?: Record<string, string>;
}

/** A job of a generated GitHub Actions workflow. */
export interface WorkflowJob {
  name: string;
  needs?: string[];
  if?: string;
  'runs-on': string;
  'timeout-minutes': number;
  permissions: Record<string, 'read' | 'write'>;
  environment?: { name: string; url?: string };
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  outputs?: Record<string, string>;
  env?: Record<string, string>;
  steps: WorkflowStep[];
}
