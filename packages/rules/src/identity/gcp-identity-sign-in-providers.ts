import { defineRule } from '@coditect-audit/core';

/** ADR-001 Issue 7: "Configure OAuth providers (Google, GitHub)". Client secrets never reach the snapshot. */
export default defineRule({
  id: 'gcp-identity-sign-in-providers',
  title: 'Identity Platform has no sign-in provider configured',
  concerns: ['identity.sign-in-provider'],
  layer: 'gcp',
  facets: ['gcp.identity'],
  description:
    'Reads the Identity Platform configuration of the expected project (identitytoolkit `projects.getConfig` and `defaultSupportedIdpConfigs.list`). Identity Platform never initialised fails, and so does a project where `identitytoolkit.googleapis.com` is disabled (the API answers SERVICE_DISABLED: there is no provider, which is an answer, not an error). At least one sign-in method must be enabled: an IdP such as `google.com` (enabled, with a client id), email, or phone; none fails. API keys, the password-hash signer key and IdP client secrets are dropped by the collector.',
  rationale:
    'ADR-001 Issue 7 (P0, "Users can\'t authenticate"): enabling the API is not enough; without a provider no user can sign in.',
  remediation: {
    text: 'Initialise Identity Platform and enable a provider (the ADR uses Google and GitHub OAuth).',
    commands: [
      'gcloud alpha identity providers create google --client-id="<client id>" --client-secret="<from your secret store>" --enabled --project={{project}}',
    ],
  },
  messages: {
    providers: 'Identity Platform of {{project}} signs users in with {{providers}}.',
    notInitialised: 'Identity Platform was never initialised in {{project}} (no project config).',
    apiDisabled:
      'identitytoolkit.googleapis.com is disabled in {{project}}, so Identity Platform has no sign-in provider: no user can sign in.',
    noProvider: 'Identity Platform of {{project}} has no enabled sign-in provider.',
  },
  check(ctx) {
    const { project } = ctx.env.expectations;
    for (const p of ctx.facet('gcp.identity').projects.filter((x) => x.project === project)) {
      const resource = { id: `gcp:identity/${project}`, kind: 'IdentityPlatform', name: project };
      const providers = [
        ...p.idpConfigs.filter((i) => i.enabled === true && i.clientIdSet).map((i) => i.idp),
        ...(p.signIn.email ? ['email'] : []),
        ...(p.signIn.phoneNumber ? ['phone'] : []),
      ];
      const evidence = [
        {
          path: 'defaultSupportedIdpConfigs[enabled]',
          observed: providers.join(', ') || null,
          expected: 'at least one provider',
        },
      ];
      if (p.apiEnabled === false) ctx.fail({ resource, messageId: 'apiDisabled', data: { project }, evidence });
      else if (!p.exists) ctx.fail({ resource, messageId: 'notInitialised', data: { project }, evidence });
      else if (providers.length === 0) ctx.fail({ resource, messageId: 'noProvider', data: { project }, evidence });
      else ctx.pass({ resource, messageId: 'providers', data: { project, providers: providers.join(', ') }, evidence });
    }
  },
});
