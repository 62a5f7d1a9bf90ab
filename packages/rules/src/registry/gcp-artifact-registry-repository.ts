import { defineRule } from '@coditect-audit/core';
import { gcpResource, wasRead } from '../util/gcp.js';

const API = 'artifactregistry.googleapis.com';

/** ADR-001 Decision 1: "Enable Artifact Registry API; create repository coditect-backend (docker, us-central1)". */
export default defineRule({
  id: 'gcp-artifact-registry-repository',
  title: 'The Artifact Registry Docker repository is missing, or its API is not enabled',
  concerns: ['registry.ar-repository'],
  layer: 'gcp',
  facets: ['gcp.artifactregistry', 'gcp.services'],
  adrIdentity: 'Artifact Registry repository (coditect-backend)',
  adrIdentityFields: ['registry.repository'],
  description:
    'The expected project must have `artifactregistry.googleapis.com` enabled (serviceusage `services.list`) and a repository `expectations.registry.repository` (default `coditect-backend`) of format DOCKER in `expectations.registry.location` (default `us-central1`; artifactregistry `repositories.list`). A repository of that name elsewhere fails with its location; one of another format fails.',
  rationale:
    'ADR-001 Decision 1 (P0): Container Registry was shut down on 2025-03-18 and "All future projects MUST use Artifact Registry"; GKE pulls the backend image from this repository.',
  remediation: {
    text: 'Enable the API and create the Docker repository in the expected location.',
    commands: [
      `gcloud services enable ${API} --project={{project}}`,
      'gcloud artifacts repositories create coditect-backend --repository-format=docker --location={{region}} --project={{project}}',
    ],
  },
  messages: {
    ready: 'Artifact Registry repository {{repository}} (DOCKER) exists in {{location}}.',
    apiDisabled: `${API} is not enabled in {{project}}.`,
    missing: 'Artifact Registry has no repository {{repository}} in {{location}} of {{project}}.',
    wrongLocation: 'Artifact Registry repository {{repository}} is in {{actual}}, not {{location}}.',
    notDocker: 'Artifact Registry repository {{repository}} has format {{format}}, not DOCKER.',
  },
  check(ctx) {
    const { project, registry } = ctx.env.expectations;
    const services = ctx.facet('gcp.services').projects.find((p) => p.project === project);
    if (services && !services.enabled.includes(API))
      ctx.fail({
        resource: gcpResource.api(project, API),
        messageId: 'apiDisabled',
        data: { project },
        evidence: [{ path: 'services[state=ENABLED].config.name', observed: null, expected: API }],
      });
    const data = ctx.facet('gcp.artifactregistry');
    const resource = gcpResource.arRepository(project, registry.location, registry.repository);
    const named = data.repositories.filter((r) => r.project === project && r.name === registry.repository);
    const here = named.find((r) => r.location === registry.location);
    const ids = { repository: registry.repository, location: registry.location, project };
    const evidence = [
      {
        path: 'repositories[].name',
        observed: named.map((r) => `${r.location}/${r.name}`).join(', ') || null,
        expected: `${registry.location}/${registry.repository}`,
      },
      { path: 'repositories[].format', observed: here?.format ?? null, expected: 'DOCKER' },
    ];
    if (here) {
      if (here.format === 'DOCKER') ctx.pass({ resource, messageId: 'ready', data: ids, evidence });
      else ctx.fail({ resource, messageId: 'notDocker', data: { ...ids, format: here.format ?? 'unknown' }, evidence });
      return;
    }
    if (named[0])
      ctx.fail({ resource, messageId: 'wrongLocation', data: { ...ids, actual: named[0].location }, evidence });
    else if (wasRead(data.read, `projects/${project}/locations/${registry.location}`))
      ctx.fail({ resource, messageId: 'missing', data: ids, evidence });
  },
});
