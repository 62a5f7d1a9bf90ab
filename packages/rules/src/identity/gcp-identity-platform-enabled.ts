import { defineRule } from '@coditect-audit/core';
import { gcpResource } from '../util/gcp.js';

const API = 'identitytoolkit.googleapis.com';

/** ADR-001 Issue 7: "Enable Identity Platform". */
export default defineRule({
  id: 'gcp-identity-platform-enabled',
  title: 'Identity Platform (identitytoolkit.googleapis.com) is not enabled',
  concerns: ['identity.platform-enabled'],
  layer: 'gcp',
  facets: ['gcp.services'],
  description: `\`${API}\` must be among the enabled services of the expected project (serviceusage \`services.list\`).`,
  rationale:
    'ADR-001 Issue 7 (P0): "Authentication not implemented (no Firebase/Identity Platform setup)"; users cannot sign in and the API cannot verify tokens.',
  remediation: {
    text: 'Enable the API, then configure the sign-in providers (Google, GitHub).',
    commands: [`gcloud services enable ${API} --project={{project}}`],
  },
  messages: {
    enabled: `${API} is enabled in {{project}}.`,
    disabled: `${API} is not enabled in {{project}}: Identity Platform cannot authenticate users.`,
  },
  check(ctx) {
    const { project } = ctx.env.expectations;
    for (const p of ctx.facet('gcp.services').projects.filter((x) => x.project === project)) {
      const resource = gcpResource.api(project, API);
      const on = p.enabled.includes(API);
      const evidence = [{ path: 'services[state=ENABLED].config.name', observed: on ? API : null, expected: API }];
      if (on) ctx.pass({ resource, messageId: 'enabled', data: { project }, evidence });
      else ctx.fail({ resource, messageId: 'disabled', data: { project }, evidence });
    }
  },
});
