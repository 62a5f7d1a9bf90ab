import type { Rule } from '@coditect-audit/core';
import gcpGkeNodeArchitecture from './gcp-gke-node-architecture.js';
import imageMutableTag from './image.mutable-tag.js';
import joinImagePlatformNodes from './join-image-platform-nodes.js';
import k8sPlatformMismatch from './k8s-platform-mismatch.js';
import probeImagePlatform from './probe-image-platform.js';

/** Rules of the images area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  gcpGkeNodeArchitecture,
  imageMutableTag,
  joinImagePlatformNodes,
  k8sPlatformMismatch,
  probeImagePlatform,
];
