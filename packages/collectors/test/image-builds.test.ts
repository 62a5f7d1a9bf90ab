/**
 * The image → Dockerfile join and kustomize patches, through the files collector: which evidence counts,
 * and what is said once per patch file.
 */
import { collectFilesFromMemory } from '@coditect-audit/collectors';
import { describe, expect, it } from 'vitest';

const builds = (files: Record<string, string>) =>
  (collectFilesFromMemory(files)['files.dockerfile'].data?.builds ?? []).map(
    (b) => `${b.image} <- ${b.dockerfile} (${b.via} ${b.file}:${b.line})`,
  );

describe('image builds', () => {
  it('reads workflow builds (run and build-push-action), Cloud Build, skaffold, compose and kustomize renames', () => {
    expect(
      builds({
        Dockerfile: 'FROM alpine\nUSER 1\n',
        'svc/Dockerfile': 'FROM alpine\n',
        '.github/workflows/ci.yml': `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: docker build --build-arg X=1 -t ghcr.io/o/app:\${{ github.sha }} .
      - uses: docker/build-push-action@v6
        with:
          context: svc
          tags: ghcr.io/o/svc:1,ghcr.io/o/svc:latest
`,
        'svc/cloudbuild.yaml': `steps:
  - name: gcr.io/cloud-builders/docker
    args: [build, -t, us-docker.pkg.dev/p/r/svc:1.0, .]
    dir: svc
`,
        'skaffold.yaml': 'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n    - image: app\n',
        'compose.yaml': 'services:\n  svc:\n    build: ./svc\n    image: svc-local\n',
        'k8s/kustomization.yaml': 'images:\n  - name: svc\n    newName: us-docker.pkg.dev/p/r/svc\n',
      }),
    ).toEqual([
      'ghcr.io/o/app <- Dockerfile (workflow .github/workflows/ci.yml:6)',
      'ghcr.io/o/svc:1 <- svc/Dockerfile (workflow .github/workflows/ci.yml:10)',
      'ghcr.io/o/svc:latest <- svc/Dockerfile (workflow .github/workflows/ci.yml:10)',
      'svc-local <- svc/Dockerfile (compose compose.yaml:3)',
      'app <- Dockerfile (skaffold skaffold.yaml:5)',
      'us-docker.pkg.dev/p/r/svc:1.0 <- svc/Dockerfile (cloudbuild svc/cloudbuild.yaml:2)',
      'svc <- svc/Dockerfile (kustomize k8s/kustomization.yaml:2)',
    ]);
  });

  it('is no evidence when the image name, the context or the Dockerfile is a variable, a URL or outside the tree', () => {
    expect(
      builds({
        Dockerfile: 'FROM alpine\n',
        '.github/workflows/ci.yml': `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: |
          docker build -t \${IMAGE}:1 .
          docker build -t ghcr.io/o/a:1 https://example.com/repo.git
          docker build -t ghcr.io/o/b:1 -f \${DOCKERFILE} .
          docker build -t ghcr.io/o/c:1 ../elsewhere
          docker build -t ghcr.io/o/d:1 missing
`,
      }),
    ).toEqual([]);
  });
});

describe('kustomize patches', () => {
  it('are not read as manifests: one notice per patch file naming its kustomization', () => {
    const facets = collectFilesFromMemory({
      'base/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n',
      'overlay/kustomization.yaml':
        'resources: [../base]\npatches:\n  - path: p.yaml\n  - patch: |-\n      - op: remove\npatchesStrategicMerge: [q.yaml, ../../outside.yaml]\n',
      'overlay/p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec: {replicas: 2}\n',
      'overlay/q.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec: {paused: true}\n',
    });
    const k8s = facets['files.kubernetes'];
    expect(k8s.data?.files.map((f) => [f.file, f.objects.length, f.skipped !== undefined])).toEqual([
      ['base/deploy.yaml', 1, false],
      ['overlay/p.yaml', 0, true],
      ['overlay/q.yaml', 0, true],
    ]);
    expect(k8s.problems?.map((p) => `${p.severity} ${p.message}`)).toEqual([
      expect.stringMatching(
        /^notice overlay\/p\.yaml:1:1: not read: kustomize patch \(listed in overlay\/kustomization\.yaml\)/,
      ),
      expect.stringMatching(/^notice overlay\/q\.yaml:1:1: not read: kustomize patch/),
    ]);
  });
});
