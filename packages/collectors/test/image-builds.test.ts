/**
 * The image → Dockerfile join and kustomize patches, through the files collector: which evidence counts,
 * and what is said once per patch file.
 */
import type { K8sObject } from '@coditect-audit/core';
import { collectFilesFromMemory } from '@coditect-audit/collectors';
import { kustomizePatchFiles, MAX_PATCHES_IN_ORDER, type PatchFile, renderPatch } from '../src/files/kustomize.js';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

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
  const BASE =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:1\n        - name: side\n          image: side:1\n';

  it('are judged as kustomize renders them: merged onto their base, each key at its own file:line', () => {
    const facets = collectFilesFromMemory({
      'base/deploy.yaml': BASE,
      'base/kustomization.yaml': 'resources: [deploy.yaml]\n',
      'overlay/kustomization.yaml':
        'resources: [../base]\npatches:\n  - path: p.yaml\n  - patch: |-\n      - op: remove\npatchesStrategicMerge: [q.yaml, ../../outside.yaml]\n',
      'overlay/p.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: side\n          securityContext: {privileged: true}\n',
      'overlay/q.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec: {paused: true}\n',
    });
    const k8s = facets['files.kubernetes'];
    expect(k8s.data?.files.map((f) => [f.file, f.objects.length, f.skipped])).toEqual([
      ['base/deploy.yaml', 1, undefined],
      ['overlay/p.yaml', 1, undefined],
      ['overlay/q.yaml', 1, undefined],
    ]);
    const p = k8s.data?.files[1]?.objects[0];
    // The base's containers in the base's order, the patch's settings merged into the one it names; kustomize
    // applies q.yaml (`patchesStrategicMerge`) before p.yaml (`patches`), so p.yaml's Deployment is paused.
    expect(p?.object.spec).toEqual({
      paused: true,
      replicas: 2,
      template: {
        spec: {
          containers: [
            { name: 'app', image: 'app:1' },
            { name: 'side', image: 'side:1', securityContext: { privileged: true } },
          ],
        },
      },
    });
    expect(p?.patchedBase).toBe('base/deploy.yaml');
    // What the patch sets points into the patch; what it inherits into the base.
    expect(p?.positions['/spec/template/spec/containers/1/securityContext/privileged']).toMatchObject({ line: 11 });
    expect(p?.positions['/spec/template/spec/containers/1/securityContext/privileged']?.file).toBeUndefined();
    expect(p?.positions['/spec/template/spec/containers/1/image']).toEqual({
      line: 12,
      column: 11,
      file: 'base/deploy.yaml',
    });
    expect(p?.positions['/spec/template/spec/containers/0/image']).toEqual({
      line: 10,
      column: 11,
      file: 'base/deploy.yaml',
    });
    expect(p?.positions['/spec/replicas']).toMatchObject({ line: 6 });
    // What the earlier patch set points into it.
    expect(p?.positions['/spec/paused']).toEqual({ line: 5, column: 8, file: 'overlay/q.yaml' });
    expect(k8s.problems?.map((x) => `${x.severity} ${x.message}`)).toEqual([
      'notice overlay/p.yaml:1:1: kustomize patch (listed in overlay/kustomization.yaml): judged merged onto its base (Deployment/a in base/deploy.yaml), after overlay/q.yaml, as kustomize renders it.',
      'notice overlay/q.yaml:1:1: kustomize patch (listed in overlay/kustomization.yaml): judged merged onto its base (Deployment/a in base/deploy.yaml), as kustomize renders it.',
    ]);
  });

  it('with no base in the scanned tree, are judged as written: listing a file as a patch hides nothing', () => {
    const facets = collectFilesFromMemory({
      'k8s/deployment.yaml': BASE,
      'k8s/kustomization.yaml': 'patches:\n  - path: deployment.yaml\n',
    });
    const k8s = facets['files.kubernetes'];
    expect(k8s.data?.files.map((f) => [f.file, f.objects.length, f.objects[0]?.patchedBase])).toEqual([
      ['k8s/deployment.yaml', 1, undefined],
    ]);
    expect(k8s.data?.files[0]?.objects[0]?.object).toEqual(parseYaml(BASE));
    expect(k8s.problems?.map((x) => x.message)).toEqual([
      'k8s/deployment.yaml:1:1: kustomize patch (listed in k8s/kustomization.yaml): judged as written where no object it targets is among what k8s/kustomization.yaml accumulates in the scanned files.',
    ]);
  });

  it('honour null, $patch: delete and replace, merge keys other than name, and a target selector', () => {
    const facets = collectFilesFromMemory({
      'base/deploy.yaml': `${BASE}          ports: [{containerPort: 80, name: http}]\n      nodeSelector: {pool: a}\n`,
      'base/other.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: b\nspec: {}\n',
      'o/kustomization.yaml':
        'resources: [../base/deploy.yaml, ../base/other.yaml]\npatches:\n  - path: p.yaml\n    target: {kind: Deployment, name: a}\n',
      'o/p.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: anything\nspec:\n  template:\n    spec:\n      nodeSelector: null\n      containers:\n        - name: app\n          $patch: delete\n        - name: side\n          ports: [{containerPort: 80, protocol: TCP}]\n',
    });
    const p = facets['files.kubernetes'].data?.files.find((f) => f.file === 'o/p.yaml')?.objects;
    expect(p?.map((o) => [o.name, o.object.spec])).toEqual([
      [
        'a',
        {
          template: {
            spec: {
              containers: [
                { name: 'side', image: 'side:1', ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }] },
              ],
            },
          },
        },
      ],
    ]);
  });

  it('an overlay of many patches of one Deployment: each judged after those before it, each read once', () => {
    // A tree may list thousands of patches (it is untrusted): the renders grow linearly, each patch merged
    // once onto what the one before left, not every patch merging all those before it again.
    const count = MAX_PATCHES_IN_ORDER;
    const files: Record<string, string> = {
      'base/deploy.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  template:\n    metadata:\n      labels: {app: a}\n',
      'overlay/kustomization.yaml': `resources: [../base/deploy.yaml]\npatchesStrategicMerge:\n${Array.from({ length: count }, (_, i) => `  - p${i}.yaml\n`).join('')}`,
    };
    for (let i = 0; i < count; i++)
      files[`overlay/p${i}.yaml`] =
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  template:\n    metadata:\n      labels: {l${i}: "${i}"}\n`;
    const patchFiles = kustomizePatchFiles(Object.entries(files).map(([path, text]) => ({ path, text })));
    const parsed = collectFilesFromMemory(files)['files.kubernetes'].data?.files ?? [];
    const written = new Map(parsed.map((f) => [f.file, f.objects]));
    const bases = written.get('base/deploy.yaml') ?? [];
    let reads = 0;
    const objectsOf = (file: string) => {
      reads++;
      return (written.get(file) ?? []).map((o) => ({ ...o, object: parseYaml(files[file] as string) }));
    };
    let last: K8sObject | undefined;
    for (let i = 0; i < count; i++) {
      const file = `overlay/p${i}.yaml`;
      const own = [{ ...(written.get(file)?.[0] as K8sObject), object: parseYaml(files[file] as string) }];
      last = renderPatch(own, patchFiles.get(file) as PatchFile, bases, objectsOf).objects[0];
    }
    expect(reads).toBe(count - 1);
    const spec = (last as K8sObject).object.spec as { template: { metadata: { labels: Record<string, string> } } };
    const labels = spec.template.metadata.labels;
    expect(Object.keys(labels)).toHaveLength(count + 1);
    expect(last?.positions['/spec/template/metadata/labels/l0']?.file).toBe('overlay/p0.yaml');
    expect(last?.positions[`/spec/template/metadata/labels/l${count - 1}`]?.file).toBeUndefined();
    expect(last?.positions['/spec/template/metadata/labels/app']?.file).toBe('base/deploy.yaml');
  });

  it('past the bound, each patch of a kustomization is merged onto the bare base, and says so', () => {
    const count = MAX_PATCHES_IN_ORDER + 1;
    const files: Record<string, string> = {
      'base/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec: {replicas: 1}\n',
      'o/kustomization.yaml': `resources: [../base/deploy.yaml]\npatchesStrategicMerge:\n${Array.from({ length: count }, (_, i) => `  - p${i}.yaml\n`).join('')}`,
    };
    for (let i = 0; i < count; i++)
      files[`o/p${i}.yaml`] = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n  labels: {l${i}: x}\n`;
    const k8s = collectFilesFromMemory(files)['files.kubernetes'];
    const last = k8s.data?.files.find((f) => f.file === `o/p${count - 1}.yaml`)?.objects[0];
    expect(Object.keys(((last as K8sObject).object.metadata as { labels: object }).labels)).toEqual([`l${count - 1}`]);
    expect(k8s.problems?.find((p) => p.message.startsWith(`o/p${count - 1}.yaml:`))?.message).toBe(
      `o/p${count - 1}.yaml:1:1: kustomize patch (listed in o/kustomization.yaml): merged onto its base alone, not after the patches listed before it: o/kustomization.yaml lists ${count}, more than the ${MAX_PATCHES_IN_ORDER} merged in order; judged merged onto its base (Deployment/a in base/deploy.yaml).`,
    );
  });

  it('a Secret patch is judged as written: its values are what it sets', () => {
    const facets = collectFilesFromMemory({
      'base/s.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  a: "1"\n',
      'o/kustomization.yaml': 'resources: [../base/s.yaml]\npatchesStrategicMerge: [s.yaml]\n',
      'o/s.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  b: changeme\n',
    });
    const o = facets['files.kubernetes'].data?.files.find((f) => f.file === 'o/s.yaml')?.objects[0];
    expect(o?.patchedBase).toBeUndefined();
    expect(o?.secretKeys?.map((k) => k.key)).toEqual(['b']);
  });
});

describe('builds that stay on the runner', () => {
  it('are marked local when the job runs the image and neither pushes nor retags it', () => {
    const job = (script: string) =>
      `on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n${script
        .split('\n')
        .map((l) => `          ${l}`)
        .join('\n')}\n`;
    const builds = collectFilesFromMemory({
      'a/Dockerfile': 'FROM node:22\n',
      'b/Dockerfile': 'FROM node:22\n',
      'c/Dockerfile': 'FROM node:22\n',
      'd/Dockerfile': 'FROM node:22\n',
      // Run for the tests, never pushed: local.
      '.github/workflows/a.yml': job('docker build -t acme/a-test a\ndocker run --rm acme/a-test npm test'),
      // Run, then pushed; retagged for a later push; built with --push: not local.
      '.github/workflows/b.yml': job('docker build -t acme/b b\ndocker run acme/b true && docker push acme/b'),
      '.github/workflows/c.yml': job('docker build -t c-local c\ndocker run c-local\ndocker tag c-local acme/c:1'),
      '.github/workflows/d.yml': job('docker buildx build --push -t acme/d d\ndocker run acme/d'),
    })['files.dockerfile'].data?.builds;
    expect(builds?.map((b) => [b.dockerfile, b.local ?? false])).toEqual([
      ['a/Dockerfile', true],
      ['b/Dockerfile', false],
      ['c/Dockerfile', false],
      ['d/Dockerfile', false],
    ]);
  });
});

describe('GitHub Docker container actions', () => {
  it("list the repository's Dockerfiles an action.yml runs, relative to the action's folder", () => {
    const dockerfile = collectFilesFromMemory({
      '.github/actions/docs/action.yml': 'name: docs\nruns:\n  using: docker\n  image: Dockerfile\n',
      '.github/actions/docs/Dockerfile': 'FROM python:3.12-slim\n',
      'action.yaml': 'name: root\n\nruns:\n  using: docker\n  image: ./build/Dockerfile\n',
      'build/Dockerfile': 'FROM alpine:3.20\n',
      // A registry image, a composite action, a Dockerfile the repository does not have, one outside it.
      'a/action.yml': 'runs:\n  using: docker\n  image: docker://alpine:3.20\n',
      'a/Dockerfile': 'FROM alpine:3.20\n',
      'b/action.yml': 'runs:\n  using: composite\n  steps: []\n',
      'b/Dockerfile': 'FROM alpine:3.20\n',
      'c/action.yml': 'runs:\n  using: docker\n  image: Dockerfile.missing\n',
      'd/action.yml': 'runs:\n  using: docker\n  image: ../../outside/Dockerfile\n',
      // Not an action's metadata by its name.
      'e/my-action.yml': 'runs:\n  using: docker\n  image: Dockerfile\n',
      'e/Dockerfile': 'FROM alpine:3.20\n',
    })['files.dockerfile'].data;
    expect(dockerfile?.dockerActions).toEqual([
      { dockerfile: '.github/actions/docs/Dockerfile', file: '.github/actions/docs/action.yml', line: 3 },
      { dockerfile: 'build/Dockerfile', file: 'action.yaml', line: 4 },
    ]);
  });
});

describe('Cloud Build configs', () => {
  it('are listed when a step builds an image, whatever it is named; each with its first building step', () => {
    const workflows = collectFilesFromMemory({
      'cloudbuild.yaml':
        'steps:\n  - name: python:3.12\n    args: [pytest]\n  - name: gcr.io/cloud-builders/docker\n    args: [build, -t, "gcr.io/$PROJECT_ID/app:$SHORT_SHA", .]\n',
      'deploy/cloudbuild-buildx.yaml':
        'steps:\n  - name: docker\n    args: [buildx, build, --push, -t, "${_IMAGE}", .]\n',
      'ci/cloudbuild.yml':
        'steps:\n  - name: gcr.io/kaniko-project/executor:v1.23.0\n    args: ["--destination=$_IMAGE"]\n',
      // Runs tests, pushes or deploys only: no image built here.
      'cloudbuild-test.yaml':
        'steps:\n  - name: gcr.io/cloud-builders/docker\n    args: [push, "gcr.io/$PROJECT_ID/app"]\n  - name: gcr.io/cloud-builders/kubectl\n    args: [apply, -f, k8s/]\n',
      // Buildpacks, in a config named for what it builds (avocano's `server.cloudbuild.yaml`).
      'provisioning/server.cloudbuild.yaml':
        'steps:\n  - name: gcr.io/k8s-skaffold/pack\n    args: [build, "us-docker.pkg.dev/$PROJECT_ID/c/server", --path=server/]\n',
      // Not named as a Cloud Build config, but one by its contents (a pipeline's `build-and-stage.yaml`).
      'build.yaml': 'steps:\n  - name: gcr.io/cloud-builders/docker\n    args: [build, .]\n',
      // A top-level `steps:` that is no Cloud Build config: its steps name no builder image.
      'docs/howto.yaml': 'steps:\n  - title: Build\n    text: docker build .\n',
    })['files.workflows'].data;
    expect(workflows?.cloudBuild).toEqual([
      { file: 'build.yaml', line: 2 },
      { file: 'ci/cloudbuild.yml', line: 2 },
      { file: 'cloudbuild.yaml', line: 4 },
      { file: 'deploy/cloudbuild-buildx.yaml', line: 2 },
      { file: 'provisioning/server.cloudbuild.yaml', line: 2 },
    ]);
  });
});

describe('image names a deploy tool replaces', () => {
  it('Skaffold artifacts, and Cloud Deploy --images names in a workflow script continued over lines and in Cloud Build', () => {
    const kubernetes = collectFilesFromMemory({
      'skaffold.yaml':
        'apiVersion: skaffold/v4beta4\nkind: Config\nbuild:\n  artifacts:\n    - image: web\nprofiles:\n  - name: prod\n    build:\n      artifacts:\n        - image: $IMAGE\n',
      '.github/workflows/release.yml':
        'on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          gcloud deploy releases create rel-1 --delivery-pipeline=app \\\n            --images=api=europe-docker.pkg.dev/p/r/api:1,worker=europe-docker.pkg.dev/p/r/worker:1\n',
      'deploy/cloudbuild.yaml':
        'steps:\n  - name: gcr.io/cloud-builders/gcloud\n    args: [deploy, releases, create, rel-1, --images, cron=europe-docker.pkg.dev/p/r/cron:1]\n',
      'k8s/app.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web\n',
    })['files.kubernetes'].data;
    expect(kubernetes?.deployPinned?.map((p) => [p.image, p.tool, p.file, p.line])).toEqual([
      ['api', 'Cloud Deploy', '.github/workflows/release.yml', 6],
      ['worker', 'Cloud Deploy', '.github/workflows/release.yml', 6],
      ['cron', 'Cloud Deploy', 'deploy/cloudbuild.yaml', 2],
      ['web', 'Skaffold', 'skaffold.yaml', 5],
    ]);
  });
});

describe('what a kustomization accumulates', () => {
  it('a patch applies only to the objects of its own resources (through nested kustomizations), not to same-named objects elsewhere', () => {
    const deploy = (name: string, image: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${image}\n`;
    const facets = collectFilesFromMemory({
      'apps/a/deploy.yaml': deploy('web', 'a:1'),
      'apps/a/kustomization.yaml': 'resources: [deploy.yaml]\n',
      'other/deploy.yaml': deploy('web', 'other:1'),
      'env/prod/kustomization.yaml':
        'resources: [../../apps/a, https://example.invalid/remote?ref=v1]\npatches:\n  - path: p.yaml\n',
      'env/prod/p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec: {replicas: 3}\n',
    });
    const rendered = facets['files.kubernetes'].data?.files.find((f) => f.file === 'env/prod/p.yaml')?.objects;
    expect(rendered?.map((o) => [o.patchedBase, (o.object.spec as { replicas?: number }).replicas])).toEqual([
      ['apps/a/deploy.yaml', 3],
    ]);
  });
});
