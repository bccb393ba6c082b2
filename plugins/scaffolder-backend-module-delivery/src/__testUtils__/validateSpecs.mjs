// Validates generated files with the real specifications' own tools, which
// ship only as ECMAScript modules: GitHub's workflow parser and the Argo CD
// models generated from Argo CD's CRDs. Jest (CommonJS) runs it as a child
// process: JSON in on stdin, JSON out on stdout.
import { registerHooks } from 'node:module';

// @actions/workflow-parser imports its JSON schema without the import
// attribute Node requires; supply it.
registerHooks({
  load(url, context, nextLoad) {
    return url.endsWith('.json')
      ? nextLoad(url, {
          ...context,
          importAttributes: { ...context.importAttributes, type: 'json' },
        })
      : nextLoad(url, context);
  },
});

const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } =
  await import('@actions/workflow-parser');
const { Application, AppProject } = await import(
  '@kubernetes-models/argo-cd/argoproj.io/v1alpha1'
);

const ARGO_CD_MODELS = { Application, AppProject };

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function workflowErrors({ name, content }) {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map(error => error.message);
  if (!parsed.value) {
    return [...errors, 'no workflow'];
  }
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return Array.from(
    new Set([
      ...errors,
      ...(template.errors ?? []).map(error => error.Message ?? String(error)),
    ]),
  );
}

function argoCdErrors({ document }) {
  const Model = ARGO_CD_MODELS[document?.kind];
  if (!Model || document.apiVersion !== 'argoproj.io/v1alpha1') {
    return [
      `not an Argo CD manifest: ${document?.apiVersion} ${document?.kind}`,
    ];
  }
  try {
    new Model(document).validate();
    return [];
  } catch (error) {
    return [String(error?.message ?? error)];
  }
}

const input = JSON.parse(await readStdin());
const result = { workflows: {}, argocd: {} };
for (const workflow of input.workflows ?? []) {
  result.workflows[workflow.name] = await workflowErrors(workflow);
}
for (const manifest of input.argocd ?? []) {
  result.argocd[manifest.name] = argoCdErrors(manifest);
}
process.stdout.write(JSON.stringify(result));
