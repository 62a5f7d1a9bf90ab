import type { GcpArRepository } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { PROJECT, servicesFacet } from '../util/gcp-cases.js';

const repo = (o: Partial<GcpArRepository> = {}): GcpArRepository => ({
  project: PROJECT,
  location: 'us-central1',
  name: 'coditect-backend',
  format: 'DOCKER',
  mode: 'STANDARD_REPOSITORY',
  labels: {},
  gcrDomain: false,
  ...o,
});
const ar = (...repositories: GcpArRepository[]) => ({
  read: [`projects/${PROJECT}/locations/us-central1`],
  repositories,
});

export default {
  pass: [
    {
      name: 'coditect-backend DOCKER in us-central1, API enabled',
      facets: { 'gcp.artifactregistry': ar(repo()), 'gcp.services': servicesFacet('artifactregistry') },
    },
  ],
  fail: [
    {
      name: 'no repository',
      facets: { 'gcp.artifactregistry': ar(), 'gcp.services': servicesFacet('artifactregistry') },
      expect: [{ messageId: 'missing' }],
    },
    {
      name: 'an npm repository under that name, and the API disabled since',
      facets: { 'gcp.artifactregistry': ar(repo({ format: 'NPM' })), 'gcp.services': servicesFacet('compute') },
      expect: [{ messageId: 'apiDisabled' }, { messageId: 'notDocker' }],
    },
  ],
} satisfies RuleCases;
