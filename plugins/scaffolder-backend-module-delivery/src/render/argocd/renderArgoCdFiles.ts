import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import {
  argoCdApplicationFilePath,
  argoCdApplicationsPath,
  argoCdDomainPath,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { GeneratedFile } from '../generatedFile';
import { yamlText } from '../yamlDocument';
import {
  applicationName,
  renderAppOfApps,
  renderApplication,
  renderAppProject,
  ServiceApplicationsSpec,
} from './renderApplications';

/**
 * A service's Argo CD files, relative to the GitOps repository's root:
 * `argocd/<domain>/apps/<application>.yaml` per environment and, with
 * `domainResources`, the domain's AppProject (`apps/project.yaml`) and its app
 * of apps (`app-of-apps.yaml`, applied once to bootstrap the domain).
 */
export function renderArgoCdFiles(
  spec: ServiceApplicationsSpec & { owner?: string },
  options: {
    /** The service's environments in promotion order. */
    environments: Pick<Environment, 'name' | 'production'>[];
    /** The environments to write applications for. */
    write: Pick<Environment, 'name' | 'production'>[];
    domainResources: boolean;
  },
): GeneratedFile[] {
  const domainPath = argoCdDomainPath(spec.domain);
  const appsPath = argoCdApplicationsPath(spec.domain);
  // The pipeline deploys to the first environment; the image updater does it.
  const pipelineEnvironment = options.environments[0]?.name;
  const applications = options.write.map(environment => ({
    path: argoCdApplicationFilePath(
      spec.domain,
      applicationName(spec, environment.name),
    ),
    content: yamlText(
      renderApplication(spec, environment, {
        imageUpdater: environment.name === pipelineEnvironment,
      }),
    ),
  }));
  if (!options.domainResources) {
    return applications;
  }
  return [
    {
      path: `${domainPath}/app-of-apps.yaml`,
      content: yamlText(renderAppOfApps({ ...spec, appsPath })),
    },
    {
      path: `${appsPath}/project.yaml`,
      content: yamlText(renderAppProject(spec)),
    },
    ...applications,
  ];
}
