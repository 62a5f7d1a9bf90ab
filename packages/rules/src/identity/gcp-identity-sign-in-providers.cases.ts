import type { GcpIdentityProject } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { PROJECT } from '../util/gcp-cases.js';

const identity = (o: Partial<GcpIdentityProject>) => ({
  projects: [
    {
      project: PROJECT,
      exists: true,
      subtype: 'IDENTITY_PLATFORM',
      signIn: {},
      authorizedDomains: ['localhost', 'staging-api.coditect.ai'],
      idpConfigs: [],
      ...o,
    },
  ],
});

export default {
  pass: [
    {
      name: 'Google sign-in enabled',
      facets: { 'gcp.identity': identity({ idpConfigs: [{ idp: 'google.com', enabled: true, clientIdSet: true }] }) },
    },
    {
      name: 'email and password',
      facets: { 'gcp.identity': identity({ signIn: { email: true, emailPasswordRequired: true } }) },
    },
  ],
  fail: [
    {
      name: 'never initialised',
      facets: { 'gcp.identity': identity({ exists: false, subtype: undefined }) },
      expect: [{ messageId: 'notInitialised' }],
    },
    {
      name: 'the Identity Toolkit API is disabled: no provider, a fail rather than an error',
      facets: { 'gcp.identity': identity({ exists: false, subtype: undefined, apiEnabled: false }) },
      expect: [{ messageId: 'apiDisabled' }],
    },
    {
      name: 'a disabled Google provider only',
      facets: { 'gcp.identity': identity({ idpConfigs: [{ idp: 'google.com', enabled: false, clientIdSet: true }] }) },
      expect: [{ messageId: 'noProvider' }],
    },
  ],
} satisfies RuleCases;
