import type { Rule } from '@coditect-audit/core';
import gcpArtifactRegistryReader from './gcp-artifact-registry-reader.js';
import gcpArtifactRegistryRepository from './gcp-artifact-registry-repository.js';
import gcpContainerRegistryApi from './gcp-container-registry-api.js';
import gcrDocsReference from './gcr-docs-reference.js';
import registryGcrReference from './registry.gcr-reference.js';

/** Rules of the registry area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  gcpArtifactRegistryReader as Rule,
  gcpArtifactRegistryRepository as Rule,
  gcpContainerRegistryApi as Rule,
  gcrDocsReference as Rule,
  registryGcrReference as Rule,
];
