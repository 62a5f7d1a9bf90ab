import type { Rule } from '@coditect-audit/core';
import gcpGkeNodeArchitecture from './gcp-gke-node-architecture.js';
import joinImagePlatformNodes from './join-image-platform-nodes.js';
import k8sMutableImageTag from './k8s-mutable-image-tag.js';
import k8sPlatformMismatch from './k8s-platform-mismatch.js';
import manifestMutableImageTag from './manifest-mutable-image-tag.js';
import probeImageMutableTag from './probe-image-mutable-tag.js';
import probeImagePlatform from './probe-image-platform.js';

/** Rules of the images area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  gcpGkeNodeArchitecture as Rule,
  joinImagePlatformNodes as Rule,
  k8sMutableImageTag as Rule,
  k8sPlatformMismatch as Rule,
  manifestMutableImageTag as Rule,
  probeImageMutableTag as Rule,
  probeImagePlatform as Rule,
];
