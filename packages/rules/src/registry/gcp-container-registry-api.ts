import { defineRule } from '@coditect-audit/core';
import { gcpResource } from '../util/gcp.js';

const API = 'containerregistry.googleapis.com';

/** ADR-001 Decision 1 / Lesson 1: Container Registry is shut down; its API left enabled invites gcr.io pushes. */
export default defineRule({
  id: 'gcp-container-registry-api',
  title: 'The Container Registry API is still enabled',
  concerns: ['registry.legacy-api-enabled'],
  layer: 'gcp',
  facets: ['gcp.services'],
  description: `\`${API}\` must not be among the enabled services of any scanned project (serviceusage \`services.list\`).`,
  rationale:
    'ADR-001 Decision 1: "GCR was shut down March 18, 2025. All image pull attempts returned 403/401" and "All future projects MUST use Artifact Registry". An enabled Container Registry API keeps old gcr.io tooling and documentation looking usable.',
  remediation: {
    text: 'Disable the API once nothing references gcr.io (gcr.io-domain repositories in Artifact Registry keep serving gcr.io paths without it).',
    commands: [`gcloud services disable ${API} --project={{project}}`],
  },
  messages: {
    disabled: `${API} is not enabled in {{project}}.`,
    enabled: `${API} is still enabled in {{project}}: Container Registry was shut down on 2025-03-18.`,
  },
  check(ctx) {
    for (const p of ctx.facet('gcp.services').projects) {
      const resource = gcpResource.api(p.project, API);
      const on = p.enabled.includes(API);
      const evidence = [
        { path: 'services[state=ENABLED].config.name', observed: on ? API : null, expected: `not ${API}` },
      ];
      if (on) ctx.fail({ resource, messageId: 'enabled', data: { project: p.project }, evidence });
      else ctx.pass({ resource, messageId: 'disabled', data: { project: p.project }, evidence });
    }
  },
});
