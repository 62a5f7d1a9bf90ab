import type { RuleCases } from '../cases.js';
import { ADR_DEPLOY_WORKFLOW } from './cicd-pipeline-present.cases.js';

const image = 'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend';
const workflow = '.github/workflows/build.yml';

export default {
  pass: [
    {
      name: 'an end-to-end test loads its build into a kind cluster on the runner; the release build names the platform',
      files: {
        '.github/workflows/e2e.yml': `name: e2e
on: [pull_request]
jobs:
  kind:
    runs-on: ubuntu-latest
    steps:
      - name: Build container
        run: |
          docker build -t \${IMAGE_URL}:\${VERSION} .
          kind load docker-image \${IMAGE_URL}:\${VERSION}
  release:
    runs-on: ubuntu-latest
    steps:
      - run: docker buildx build --platform linux/amd64 -t us-central1-docker.pkg.dev/p/r/app:1.0.0 --push .
`,
      },
    },
    {
      name: 'the ADR Issue 11 workflow: docker buildx build --platform linux/amd64 --push',
      files: { '.github/workflows/deploy-staging.yml': ADR_DEPLOY_WORKFLOW },
    },
    {
      name: 'a multi-platform list containing linux/amd64 (--platform=a,b), and a test build that stays local',
      files: {
        [workflow]: `name: Build
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: docker build -t app:test . && docker run --rm app:test pytest
  image:
    runs-on: ubuntu-latest
    steps:
      - name: Build multi-arch
        run: |
          docker buildx build \\
            --platform=linux/amd64,linux/arm64 \\
            -t ${image}:\${{ github.sha }} \\
            --push .
`,
      },
    },
    {
      // A test image: built, run on the runner, never pushed, whatever its name looks like (Docker Hub's user/app,
      // an env variable); the release build beside it names the platform.
      name: 'a test image run on the runner with docker run and never pushed; the release build names the platform',
      files: {
        [workflow]: `name: Build
on: push
env:
  TEST_IMAGE: app-tests
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: |
          docker build -t acme/react-test -f client/Dockerfile.dev ./client
          docker run -e CI=true acme/react-test npm test
          docker build -t $TEST_IMAGE -f Dockerfile.test .
          docker run --rm $TEST_IMAGE pytest
  release:
    runs-on: ubuntu-latest
    steps:
      - run: docker buildx build --platform linux/amd64 -t ${image}:1.0.0 --push .
`,
      },
    },
    {
      // Docker's "Distribute build across multiple runners": each platform on a runner of its own, then one tag.
      name: 'an arm64 build on its own runner, merged with the amd64 build into one multi-platform tag',
      files: {
        [workflow]: `name: Build
on: push
jobs:
  amd64:
    runs-on: ubuntu-24.04
    steps:
      - uses: docker/build-push-action@v6
        with:
          platforms: linux/amd64
          tags: \${{ env.IMAGE }}:amd64
          push: true
  arm64:
    runs-on: ubuntu-24.04-arm
    steps:
      - run: docker buildx build --platform linux/arm64 -t ${image}:arm64 --push .
  merge:
    needs: [amd64, arm64]
    runs-on: ubuntu-24.04
    steps:
      - run: docker buildx imagetools create -t ${image}:1.0.0 ${image}:amd64 ${image}:arm64
`,
      },
    },
    {
      name: 'docker/build-push-action with a block list of platforms',
      files: {
        [workflow]: `name: Build
on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/build-push-action@263435318d21b8e681c14492fe198d362a7d2c83
        with:
          push: true
          platforms: |
            linux/arm64
            linux/amd64
          tags: ${image}:\${{ github.sha }}
`,
      },
    },
    {
      name: 'gcloud builds submit (Cloud Build workers are linux/amd64), and DOCKER_DEFAULT_PLATFORM exported',
      files: {
        [workflow]: `name: Build
on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - run: gcloud builds submit --tag ${image}:\${{ github.sha }} .
      - run: |
          export DOCKER_DEFAULT_PLATFORM=linux/amd64
          docker build -t ${image}:worker-\${{ github.sha }} -f Dockerfile.worker .
          docker push ${image}:worker-\${{ github.sha }}
`,
      },
    },
  ],
  fail: [
    {
      name: 'docker build with no --platform, continued over lines, then docker push',
      files: {
        [workflow]: `name: Build
on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - name: Build and push
        run: |
          gcloud auth configure-docker us-central1-docker.pkg.dev
          docker build \\
            -t ${image}:\${{ github.sha }} \\
            .
          docker push ${image}:\${{ github.sha }}
`,
      },
      expect: [{ messageId: 'missingPlatform', file: workflow, line: 10 }],
    },
    {
      name: 'a platform list without linux/amd64 (an arm64 build, as on the macOS laptop of Decision 2)',
      files: {
        [workflow]: `name: Build
on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - run: docker buildx build --platform linux/arm64 -t ${image}:v1.0.0-staging --push .
`,
      },
      expect: [{ messageId: 'wrongPlatform', file: workflow, line: 7 }],
    },
    {
      // Run on the runner, then pushed: it leaves, and its platform counts.
      name: 'an image run on the runner for its tests, then pushed',
      files: {
        [workflow]: `name: Build
on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - run: |
          docker build -t ${image}:1.0.0 .
          docker run ${image}:1.0.0 ./selftest
          docker push ${image}:1.0.0
`,
      },
      expect: [{ messageId: 'missingPlatform', file: workflow, line: 8 }],
    },
    {
      // A merge with no build of linux/amd64 beside it still publishes no image GKE can run.
      name: 'arm64 builds merged into one tag, none of them for linux/amd64',
      files: {
        [workflow]: `name: Build
on: push
jobs:
  arm64:
    runs-on: ubuntu-24.04-arm
    steps:
      - uses: docker/build-push-action@v6
        with:
          platforms: linux/arm64
          tags: ${image}:arm64
          push: true
  merge:
    needs: [arm64]
    runs-on: ubuntu-24.04
    steps:
      - run: docker manifest create ${image}:1.0.0 ${image}:arm64
`,
      },
      expect: [{ messageId: 'actionWrongPlatforms', file: workflow, line: 9 }],
    },
    {
      name: 'a folded (>) run script without --platform',
      files: {
        [workflow]: `name: Build
on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - name: Build
        run: >
          docker buildx build
          -t ${image}:\${{ github.sha }}
          --push .
`,
      },
      expect: [{ messageId: 'missingPlatform', file: workflow, line: 9 }],
    },
    {
      name: 'docker/build-push-action without platforms, and with platforms lacking linux/amd64',
      files: {
        [workflow]: `name: Build
on: push
jobs:
  api:
    runs-on: ubuntu-latest
    steps:
      - name: Build API
        uses: docker/build-push-action@v6
        with:
          push: true
          tags: ${image}:\${{ github.sha }}
  worker:
    runs-on: ubuntu-latest
    steps:
      - name: Build worker
        uses: docker/build-push-action@v6
        with:
          push: \${{ github.event_name != 'pull_request' }}
          platforms: linux/arm64
          tags: ${image}-worker:\${{ github.sha }}
`,
      },
      expect: [
        { messageId: 'actionMissingPlatforms', file: workflow, line: 8 },
        { messageId: 'actionWrongPlatforms', file: workflow, line: 19 },
      ],
    },
    {
      name: 'a local tag retagged into the registry, and podman build, in two jobs',
      files: {
        [workflow]: `name: Build
on: push
jobs:
  docker:
    runs-on: ubuntu-latest
    steps:
      - run: |
          docker image build -t backend:ci .
          docker tag backend:ci ${image}:\${{ github.sha }}
          docker push ${image}:\${{ github.sha }}
  podman:
    runs-on: ubuntu-latest
    steps:
      - run: podman build --platform linux/amd64 -t ${image}:podman . && podman push ${image}:podman
      - run: sudo podman build -t ${image}:podman-arm --platform linux/arm64 .
`,
      },
      expect: [
        { messageId: 'missingPlatform', file: workflow, line: 8 },
        { messageId: 'wrongPlatform', file: workflow, line: 15 },
      ],
    },
  ],
} satisfies RuleCases;
