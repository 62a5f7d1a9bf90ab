/**
 * Ownership before judgement (issue 15): whose image a gcr.io reference names decides the verdict, and a
 * message never proposes a path in a project that neither the config nor the file names.
 */
import { describe, expect, it } from 'vitest';
import gcrImageReference from '../src/registry/registry.gcr-reference.js';
import { findGcrReferences, suggestedLocation } from '../src/util/registry.js';
import { resolveExpectations } from '@coditect-audit/core';
import { deployment, list, workloads } from '../src/util/k8s-live-cases.js';
import { runCase } from './harness.js';

const manifest = (image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: ${image}
`;

describe('gcr.io references', () => {
  it('an Artifact Registry repository named gcr.io is not Container Registry', () => {
    expect(findGcrReferences('us-docker.pkg.dev/deeplearning-platform-release/gcr.io/tgi:1.0')).toEqual([]);
    expect(findGcrReferences('europe-docker.pkg.dev/p/eu.gcr.io/app')).toEqual([]);
  });

  it('a registry API URL names the image between /v2/ and its endpoint; minikube publishes its own', () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    const [api] = findGcrReferences(`Head eu.gcr.io/v2/acme-ci/tools/builder/manifests/${digest}: 404`);
    expect(api).toMatchObject({
      repository: 'eu.gcr.io/acme-ci/tools/builder',
      project: 'acme-ci',
      image: 'tools/builder',
    });
    expect(suggestedLocation(api!, resolveExpectations(undefined))).toBe(
      'europe-docker.pkg.dev/acme-ci/eu.gcr.io/tools/builder',
    );
    expect(findGcrReferences('GET gcr.io/v2/acme-ci/app/tags/list')[0]?.repository).toBe('gcr.io/acme-ci/app');
    // The API's root, or a path written as a placeholder after it, names no image.
    expect(findGcrReferences('curl eu.gcr.io/v2/ and eu.gcr.io/v2/<project>/<image>')).toEqual([]);
    expect(findGcrReferences('gcr.io/k8s-minikube/kicbase:v0.0.45')[0]).toMatchObject({
      kind: 'third-party',
      publisher: 'minikube',
    });
  });

  it("another project's image goes to that project's gcr.io-domain repository, never to the default project", () => {
    const [ref] = findGcrReferences('gcr.io/bank-of-anthos-ci/balancereader:v0.5.11');
    const suggestion = suggestedLocation(ref!, resolveExpectations(undefined));
    expect(suggestion).toBe('us-docker.pkg.dev/bank-of-anthos-ci/gcr.io/balancereader');
    expect(suggestion).not.toContain('coditect-cloud-infra');
  });

  it('the configured project goes to the configured repository', () => {
    const [ref] = findGcrReferences('eu.gcr.io/acme-prod/api:1.2.0');
    const exp = resolveExpectations({
      project: 'acme-prod',
      region: 'europe-west1',
      registry: { host: 'europe-west1-docker.pkg.dev', repository: 'apps', location: 'europe-west1' },
    });
    expect(suggestedLocation(ref!, exp)).toBe('europe-west1-docker.pkg.dev/acme-prod/apps/api');
  });

  it("an open-source project's image on gcr.io is not the project's own", () => {
    const [ref] = findGcrReferences('gcr.io/k8s-staging-perf-tests/sleep:latest');
    expect(ref).toMatchObject({ kind: 'third-party', publisher: 'the Kubernetes project' });
    // The files source judges; the k8s source says the layer was not scanned.
    const verdicts = runCase(gcrImageReference, {
      name: 'third party',
      files: { 'job.yaml': manifest('gcr.io/k8s-staging-perf-tests/sleep:latest') },
    }).filter((v) => v.source === 'files');
    expect(verdicts.map((v) => [v.status, v.messageId])).toEqual([['pass', 'thirdPartyImage']]);
    expect(verdicts[0]!.message).toContain('published by the Kubernetes project');
  });

  it('quotes the image as written and fails only the project image', () => {
    const verdicts = runCase(gcrImageReference, {
      name: 'mixed',
      expectations: { project: 'acme-prod' },
      files: {
        'a.yaml': manifest('gcr.io/other-team/tool:2.0'),
        'b.yaml': manifest('gcr.io/distroless/static:nonroot'),
        'c.yaml': manifest('k8s.gcr.io/pause:3.2'),
      },
    });
    const fails = verdicts.filter((v) => v.status === 'fail');
    expect(fails.map((v) => [v.resource.file, v.messageId])).toEqual([
      ['a.yaml', 'projectImage'],
      ['c.yaml', 'kubernetesFrozenRegistry'],
    ]);
    expect(fails[0]!.message).toMatch(
      /^gcr\.io\/other-team\/tool:2\.0 is a Container Registry image; use us-docker\.pkg\.dev\/other-team\/gcr\.io\/tool\./,
    );
    expect(fails[1]!.message).toContain('use registry.k8s.io/pause');
    for (const v of verdicts) expect(v.message).not.toContain('coditect-cloud-infra');
    const google = verdicts.find((v) => v.resource.file === 'b.yaml');
    expect(google).toMatchObject({ status: 'pass', messageId: 'googleMaintainedImage' });
  });

  it("judges a running workload with the same ownership, in the cluster's words", () => {
    const verdicts = runCase(gcrImageReference, {
      name: 'live',
      expectations: { project: 'acme-prod' },
      facets: workloads({
        'k8s.deployments': list(
          deployment('api', [
            { name: 'app', image: 'gcr.io/acme-prod/api:1.0' },
            { name: 'proxy', image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.8.0' },
            { name: 'pause', image: 'k8s.gcr.io/pause:3.2' },
          ]),
        ),
      }),
    }).filter((v) => v.source === 'k8s');
    const byMessage = (id: string) => verdicts.find((v) => v.messageId === id);
    expect(verdicts.map((v) => `${v.status} ${v.messageId}`).sort()).toEqual([
      'fail kubernetesFrozenRegistry',
      'fail projectImage',
      'pass googleMaintainedImage',
    ]);
    expect(byMessage('projectImage')!.message).toMatch(
      /^Container app in Deployment api runs gcr\.io\/acme-prod\/api:1\.0, a Container Registry image; use us-central1-docker\.pkg\.dev\/acme-prod\//,
    );
    expect(byMessage('kubernetesFrozenRegistry')!.message).toContain('use registry.k8s.io/pause');
    expect(byMessage('googleMaintainedImage')!.message).toContain(
      "a Google-maintained image, not one of the project's own",
    );
  });
});
