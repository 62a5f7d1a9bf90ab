/**
 * Property tests of the Kubernetes YAML parser (fixed seed; scripts/fuzz.mjs runs them longer): any text
 * made of manifest fragments (multi-document streams, anchors and aliases, flow collections, tags, Helm
 * templates) and noise either parses with every position inside the text or fails with a FileParseError
 * pointing inside it, and `collectFilesFromMemory` never throws on it.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { collectFilesFromMemory, parseKubernetes } from '../src/index.js';
import { expectParsesOrFileParseError, propertyParameters, textFrom } from './property-support.js';

const FRAGMENTS = [
  '---',
  '...',
  'apiVersion: v1',
  'apiVersion: apps/v1',
  'kind: Secret',
  'kind: Deployment',
  'kind: List',
  'metadata:',
  '  name: backend-secrets',
  '  namespace: coditect-staging',
  'data:',
  '  db-password: cGxhY2Vob2xkZXI=',
  'stringData:',
  '  db-host: TODO',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '      - name: backend',
  '        image: us-central1-docker.pkg.dev/p/r/i:latest',
  '        securityContext: { runAsNonRoot: true }',
  'items:',
  '- ',
  '  - ',
  '&a ',
  '*a',
  '<<: *a',
  '!!binary ',
  '!Ref ',
  '{{ .Values.image }}',
  '{{- if .Values.x }}',
  '{',
  '}',
  '[',
  ']',
  ': ',
  ',',
  '"',
  "'",
  '|',
  '>-',
  '# comment',
  '%YAML 1.2',
  '? ',
];

describe('parseKubernetes on random manifest-like text', () => {
  it('parses or throws a FileParseError, every position inside the text', () => {
    fc.assert(
      fc.property(textFrom(FRAGMENTS), (text) => {
        expectParsesOrFileParseError((t) => parseKubernetes('k8s/deployment.yaml', t), text);
      }),
      propertyParameters(),
    );
  });

  it('never crashes collectFilesFromMemory', () => {
    fc.assert(
      fc.property(textFrom(FRAGMENTS), (text) => {
        collectFilesFromMemory({ 'k8s/deployment.yaml': text, 'k8s/other.yml': `apiVersion: v1\n${text}` });
      }),
      propertyParameters(),
    );
  });
});
