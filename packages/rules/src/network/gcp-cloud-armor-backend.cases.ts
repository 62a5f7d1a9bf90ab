import type { RuleCases } from '../cases.js';
import { PROJECT, READ_PROJECT } from '../util/gcp-cases.js';

const APP = 'k8s1-7c2d9e41-coditect-staging-coditect-backend-internal-8000-3a5f1b2c';
const DEFAULT = 'k8s1-7c2d9e41-kube-system-default-http-backend-80-9d0e4f6a';
const policy = {
  project: PROJECT,
  name: 'coditect-backend-armor',
  type: 'CLOUD_ARMOR',
  ruleCount: 4,
  adaptiveProtection: true,
};

export default {
  pass: [
    {
      name: 'the app backend has the policy (the default backend is not the app)',
      facets: {
        'gcp.compute-armor': {
          read: READ_PROJECT,
          securityPolicies: [policy],
          backendServices: [
            { project: PROJECT, name: APP, securityPolicy: 'coditect-backend-armor' },
            { project: PROJECT, name: DEFAULT },
          ],
        },
      },
    },
  ],
  fail: [
    {
      name: 'no load balancer backend for the app (the ADR staging LoadBalancer Service)',
      facets: { 'gcp.compute-armor': { read: READ_PROJECT, securityPolicies: [], backendServices: [] } },
      expect: [{ messageId: 'noBackend' }],
    },
    {
      name: 'the backend exists without a policy',
      facets: {
        'gcp.compute-armor': {
          read: READ_PROJECT,
          securityPolicies: [policy],
          backendServices: [{ project: PROJECT, name: APP }],
        },
      },
      expect: [{ messageId: 'noPolicy' }],
    },
  ],
} satisfies RuleCases;
