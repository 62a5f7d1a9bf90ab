import { defineRule, type Location, type Workflow, type WorkflowJob, type WorkflowStep } from '@coditect-audit/core';
import {
  deployCommand,
  downstreamJobs,
  isDeployAction,
  jobResource,
  optionValues,
  type SimpleCommand,
  startsRunnerCluster,
  stepCommands,
  stepLabel,
  usesLocation,
} from '../util/workflows.js';

/** Paths that name a health endpoint: `/api/v1/health/live`, `/healthz`, `/readyz`, `/ping`, `/status`. */
const HEALTH_PATH = /health|livez|readyz|\/live\b|\/ready\b|\/ping\b|\/status\b/i;
/** A fallback after `||` that still fails the job: `exit 1`, `exit` (curl's status), `false`, `return 1`. */
const FAILING_FALLBACK = /(?:^|[\s;({])(?:exit(?!\s+0\b)|false|return\s+[1-9])\b/;

/**
 * ADR-001 Issue 11: the ADR's deploy workflow ends with `curl -f http://${STAGING_IP}/api/v1/health/live || exit 1`,
 * so a rollout that leaves the app down fails the run instead of passing green.
 */
export default defineRule({
  id: 'cicd-smoke-test',
  title: 'The deploy workflow checks the health endpoint after rollout and fails when it is down',
  concerns: ['cicd.smoke-test'],
  layer: 'files',
  facets: ['files.workflows'],
  description:
    'For every job that deploys (`kubectl apply|set image|replace|rollout restart`, `helm upgrade|install`, `gcloud run deploy`, `skaffold run|deploy`, `google-github-actions/deploy-*`; not an install on a cluster the job starts on its runner with kind, minikube or k3d, which is a test), a later command in the same step, a later step, or a job that needs it requests a health endpoint (a URL whose path names health, live, ready, ping or status, or the expected domain) in a way that fails the job when the endpoint is down: `curl -f`/`--fail`/`--fail-with-body` (or `curl -w "%{http_code}"`, whose code the script compares), or `wget`, not followed by `|| true` or another fallback that does not exit non-zero. `helm test` (or `ct install` of chart-testing, which runs it) counts too: it runs the test hooks of the chart against the release and fails the job when one fails. `kubectl rollout status` alone does not count: it waits for pods, not for the application to answer. A later step named like a smoke or health test that runs a script is taken as the smoke test; its script is not inspected.',
  rationale: `ADR-001 Issue 11 ends its deploy workflow with a smoke test, \`curl -f http://\${STAGING_IP}/api/v1/health/live || exit 1\`, and the ADR's pending "Smoke Tests" step is what tells a working deployment from a broken one: the ADR's blocker (Decision 4, ModuleNotFoundError) left pods crash-looping while the image had built and pushed fine. Without \`-f\` curl exits 0 on an HTTP 500, and \`|| true\` turns any failure into success, so the run is green while staging is down.`,
  remediation: {
    text: 'After the rollout, request the health endpoint with `curl -f` (retrying while the load balancer settles) and let a failure fail the job.',
    commands: [
      `- name: Run smoke tests
  run: |
    export STAGING_IP=$(kubectl get service coditect-backend -n coditect-staging -o jsonpath='{.status.loadBalancer.ingress[0].ip}')
    curl -f --retry 10 --retry-delay 6 --retry-all-errors http://\${STAGING_IP}/api/v1/health/live || exit 1`,
    ],
  },
  benchmarks: [],
  messages: {
    smokeTest: '{{step}} requests {{url}} after the deploy and fails the job when it is down.',
    smokeStepUnverified: 'Step {{step}} after the deploy is taken as the smoke test (its script is not inspected).',
    chartTest:
      "{{step}} runs `{{command}}` after the deploy: the chart's test hooks fail the job when the release does not answer.",
    curlWithoutFail:
      '`curl {{url}}` has no -f/--fail: it exits 0 on an HTTP error, so the job passes while the app is down.',
    failureSwallowed:
      '`{{program}} {{url}}` is followed by `|| {{fallback}}`, which turns a failed health check into success.',
    noSmokeTest:
      'Job {{job}} deploys ({{deploy}}) but no later step requests the health endpoint and fails when it is down.',
  },
  check(ctx) {
    const domain = ctx.env.expectations.domain;
    for (const wf of ctx.facet('files.workflows').files) {
      for (const job of wf.jobs) {
        // A chart or manifests installed on a cluster the job itself starts (kind, minikube) are under test.
        const deploy = startsRunnerCluster(job) ? undefined : lastDeploy(wf, job);
        if (!deploy) continue;
        const resource = jobResource(wf, job);
        const after = [
          ...deploy.restOfStep.map((cmd) => ({ step: deploy.step, cmd })),
          ...job.steps.slice(deploy.stepIndex + 1).flatMap(stepWithCommands),
          ...downstreamJobs(wf, job).flatMap((j) => j.steps.flatMap(stepWithCommands)),
        ];
        const checks = after
          .map(({ step, cmd }) => ({ step, cmd, check: healthCheck(cmd, domain) }))
          .filter((c) => c.check !== undefined);
        // `helm test` runs the chart's test hooks against the release and exits non-zero when one fails (chart
        // testing's `ct install` runs it after installing): the chart's own smoke test.
        const chartTest = after.find(({ cmd }) => isChartTest(cmd));
        if (chartTest) {
          ctx.pass({
            resource,
            messageId: 'chartTest',
            data: { step: stepLabel(chartTest.step), command: chartTest.cmd.argv.slice(0, 2).join(' ') },
            location: { file: wf.file, startLine: chartTest.cmd.line },
          });
          continue;
        }
        const good = checks.find((c) => c.check?.problem === undefined);
        if (good?.check) {
          ctx.pass({
            resource,
            messageId: 'smokeTest',
            data: { step: stepLabel(good.step), url: good.check.url },
            location: { file: wf.file, startLine: good.cmd.line },
          });
          continue;
        }
        if (checks.length > 0) {
          for (const { cmd, check } of checks) {
            if (!check?.problem) continue;
            ctx.fail({
              resource,
              messageId: check.problem,
              data: { program: check.program, url: check.url, fallback: check.fallback ?? '' },
              location: { file: wf.file, startLine: cmd.line },
              evidence: [
                {
                  path: `${check.program} ${check.url}`,
                  observed: check.problem === 'curlWithoutFail' ? 'no --fail' : `|| ${check.fallback}`,
                  expected: check.program === 'curl' ? 'curl -f, failure not swallowed' : 'failure not swallowed',
                },
              ],
              discriminator: `smoke:${check.url}`,
            });
          }
          continue;
        }
        const named = [
          ...job.steps.slice(deploy.stepIndex + 1),
          ...downstreamJobs(wf, job).flatMap((j) => j.steps),
        ].find((s) => /smoke|health/i.test(s.name ?? ''));
        if (named) {
          ctx.pass({ resource, messageId: 'smokeStepUnverified', data: { step: stepLabel(named) } });
          continue;
        }
        ctx.fail({
          resource,
          messageId: 'noSmokeTest',
          data: { job: job.id, deploy: deploy.what },
          location: deploy.location,
          evidence: [
            {
              path: `jobs.${job.id}`,
              observed: `${deploy.what}, then no health check`,
              expected: 'curl -f <health URL>',
            },
          ],
        });
      }
    }
  },
});

interface DeployPoint {
  stepIndex: number;
  step: WorkflowStep;
  what: string;
  location: Location;
  /** Commands of the deploy step after the deploy command (a health check may follow in the same script). */
  restOfStep: SimpleCommand[];
}

function lastDeploy(wf: Workflow, job: WorkflowJob): DeployPoint | undefined {
  let found: DeployPoint | undefined;
  job.steps.forEach((step, stepIndex) => {
    if (isDeployAction(step))
      found = {
        stepIndex,
        step,
        what: step.uses?.raw ?? 'deploy action',
        location: usesLocation(wf, step),
        restOfStep: [],
      };
    const cmds = stepCommands(step);
    cmds.forEach((cmd, i) => {
      const what = deployCommand(cmd);
      if (what)
        found = {
          stepIndex,
          step,
          what,
          location: { file: wf.file, startLine: cmd.line },
          restOfStep: cmds.slice(i + 1),
        };
    });
  });
  return found;
}

function stepWithCommands(step: WorkflowStep): { step: WorkflowStep; cmd: SimpleCommand }[] {
  return stepCommands(step).map((cmd) => ({ step, cmd }));
}

interface HealthCheck {
  program: 'curl' | 'wget';
  url: string;
  problem?: 'curlWithoutFail' | 'failureSwallowed';
  fallback?: string;
}

/** A curl/wget request to a health endpoint, and what keeps it from failing the job, if anything. */
function healthCheck(cmd: SimpleCommand, domain: string): HealthCheck | undefined {
  const program = cmd.argv[0];
  if (program !== 'curl' && program !== 'wget') return undefined;
  const written = cmd.argv
    .slice(1)
    .find((w) => !w.startsWith('-') && (HEALTH_PATH.test(w) || (!!domain && w.includes(domain))));
  if (!written) return undefined;
  // Messages carry the URL without user info or query, where a literal credential could sit.
  const url = written.replace(/\/\/[^/@]*@/, '//').replace(/\?.*$/, '');
  if (cmd.next === '||' && !FAILING_FALLBACK.test(cmd.after)) {
    return { program, url, problem: 'failureSwallowed', fallback: cmd.after || 'true' };
  }
  if (program === 'curl' && !curlFails(cmd.argv)) return { program, url, problem: 'curlWithoutFail' };
  return { program, url };
}

/** `helm test <release>` or `ct install` (which runs it), its failure not swallowed by a fallback. */
function isChartTest(cmd: SimpleCommand): boolean {
  const [program, sub] = cmd.argv;
  const runs = (program === 'helm' && sub === 'test') || (program === 'ct' && sub === 'install');
  return runs && !(cmd.next === '||' && !FAILING_FALLBACK.test(cmd.after));
}

/** `-f`, `--fail`, `--fail-with-body`, `-sSf`, or `-w '%{http_code}'` whose code the script then compares. */
function curlFails(argv: readonly string[]): boolean {
  if (argv.some((w) => w === '--fail' || w === '--fail-with-body' || /^-[a-zA-Z]*f[a-zA-Z]*$/.test(w))) return true;
  return optionValues(argv, ['-w', '--write-out']).some((w) => /http_code|response_code/.test(w));
}
