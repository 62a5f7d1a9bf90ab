/**
 * Settings every live layer (gcp, k8s, probe) shares, with the same bounds and words in each layer's block.
 * Functions, so each layer's schema builds them when it is built (core's schemas are lazy: `lazySchema`).
 */
import { Type } from '@sinclair/typebox';

/** `layers.<gcp|k8s|probe>.deadlineSeconds`: the whole layer's time bound. */
export const deadlineSecondsSchema = () =>
  Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 3600,
      description:
        'most time the whole layer may take; what is not read by then becomes error verdicts (docs/security.md); default 120',
    }),
  );
