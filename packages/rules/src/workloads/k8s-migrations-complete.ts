import { defineRule, type K8sLiveObject } from '@coditect-audit/core';
import { appContainer, asArray, asNumber, asRecord, asString, containersOf } from '../util/k8s-app.js';
import { containerImageRef } from '../util/images.js';
import {
  conditionOf,
  containerStatuses,
  controllerOf,
  digestOf,
  inScope,
  itemsOf,
  liveResource,
  podsOf,
  podSpecOf,
  statusOf,
  viewOf,
} from '../util/k8s-live.js';

/** Commands that apply schema migrations (Django, Alembic, Flyway, Liquibase, Rails, Prisma, Knex...). */
const MIGRATION_COMMAND =
  /\bmigrat(?:e|es|ion|ions)\b|\balembic\s+upgrade\b|\bflyway\b.*\bmigrate\b|\bliquibase\b.*\bupdate\b|\bdb:migrate\b|\bprisma\s+migrate\b/i;

/**
 * ADR-001 "Pending: Database Migrations": the `django-migrate` Job must run `python manage.py migrate`
 * with the image the Deployment runs, and succeed, before the app can serve.
 */
export default defineRule({
  id: 'k8s-migrations-complete',
  title: 'No successful migration Job for the image the app runs',
  concerns: ['k8s.migrations-complete'],
  layer: 'k8s',
  facets: ['k8s.deployments', 'k8s.jobs', 'k8s.pods'],
  description:
    "In the app namespace, a migration Job (a Job whose container command or arguments apply migrations: `manage.py migrate`, `alembic upgrade`, `flyway migrate`..., or whose name says `migrate`) must have run the image the app's Deployment runs (the same reference, or the same digest as the app's pods report) and completed (`Complete` condition true). A failed or unfinished Job for that image fails, naming the reason (e.g. BackoffLimitExceeded); no migration Job for that image fails on the Deployment.",
  rationale:
    'ADR-001 Pending step 4 creates Job `django-migrate` running `python manage.py migrate` with the backend image and `envFrom: backend-secrets`, and watches its logs before restarting the Deployment. An app whose schema migrations did not run against its own image fails at the first query on a missing table or column.',
  remediation: {
    text: 'Fix why the Job failed (see its pods), then run the migration again with the image the Deployment runs.',
    commands: [
      'kubectl logs job/django-migrate -n coditect-staging',
      'kubectl delete job django-migrate -n coditect-staging',
      'kubectl apply -f k8s/migrate-job.yaml && kubectl wait --for=condition=complete job/django-migrate -n coditect-staging --timeout=300s',
    ],
  },
  benchmarks: [],
  messages: {
    noMigrationJob:
      'No migration Job ran {{image}}, the image Deployment {{deployment}} runs (migration Jobs seen: {{jobs}}).',
    failed: 'Migration Job {{job}} for {{image}} failed ({{reason}}; {{failures}} failed pod(s)).',
    notFinished: 'Migration Job {{job}} for {{image}} has not completed ({{state}}).',
    complete: 'Migration Job {{job}} completed with {{image}}, the image Deployment {{deployment}} runs.',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const ns = exp.app.namespace;
    const deployments = ctx.facet('k8s.deployments');
    if (!inScope(deployments, ns)) {
      ctx.skip(`namespace ${ns} is not among the namespaces read (layers.k8s.namespaces)`);
      return;
    }
    const d = itemsOf(deployments).find((x) => x.name === exp.app.deployment && x.namespace === ns);
    const view = d ? viewOf(d) : undefined;
    const container = view ? appContainer(view, exp) : undefined;
    if (!d || !container?.image) {
      ctx.skip(
        `Deployment ${exp.app.deployment} (or its app container) is not running in ${ns}; see k8s.rollout-healthy`,
      );
      return;
    }
    const image = container.image;
    const pods = itemsOf(ctx.facet('k8s.pods'));
    const running = new Set<string>();
    const pinned = view && containerImageRef({ object: view, pointer: container.pointer })?.digest;
    if (pinned) running.add(pinned);
    for (const pod of podsOf(d, pods, [])) {
      for (const s of containerStatuses(pod)) {
        const digest = s.name === container.name ? digestOf(s.imageID) : undefined;
        if (digest) running.add(digest);
      }
    }

    const jobsFacet = ctx.facet('k8s.jobs');
    if (!inScope(jobsFacet, ns)) {
      ctx.skip(`the Jobs of ${ns} were not read`);
      return;
    }
    const jobs = itemsOf(jobsFacet).filter((j) => j.namespace === ns && isMigration(j));
    const sameImage = (job: K8sLiveObject) => {
      const view = viewOf(job);
      const containers = containersOf(view);
      if (containers.some((c) => c.image === image)) return true;
      if (containers.some((c) => running.has(containerImageRef({ object: view, pointer: c.pointer })?.digest ?? '')))
        return true;
      return podsOf(job, pods, []).some((p) =>
        containerStatuses(p).some((s) => running.has(digestOf(s.imageID) ?? '')),
      );
    };
    const candidates = jobs.filter(sameImage);
    if (candidates.length === 0) {
      const seen = jobs.map(
        (j) =>
          `${j.name} (${containersOf(viewOf(j))
            .map((c) => c.image)
            .join(', ')})`,
      );
      ctx.fail({
        resource: liveResource(d),
        messageId: 'noMigrationJob',
        data: { deployment: d.name, image, jobs: seen.join('; ') || 'none' },
        evidence: [
          {
            path: `jobs in ${ns}`,
            observed: seen.join('; ') || null,
            expected: `a completed migration Job running ${image}`,
          },
        ],
      });
      return;
    }
    const complete = candidates.find((j) => conditionOf(j, 'Complete')?.status === 'True');
    if (complete) {
      ctx.pass({
        resource: liveResource(complete),
        messageId: 'complete',
        data: { job: complete.name, image, deployment: d.name },
      });
      return;
    }
    for (const job of candidates) {
      const failed = conditionOf(job, 'Failed');
      const status = statusOf(job);
      if (failed?.status === 'True') {
        ctx.fail({
          resource: liveResource(job),
          messageId: 'failed',
          data: { job: job.name, image, reason: failed.reason ?? 'Failed', failures: asNumber(status.failed) ?? 0 },
          evidence: [
            {
              path: 'status.conditions[Failed]',
              observed: `True ${failed.reason ?? ''}`.trim(),
              expected: 'Complete True',
            },
            { path: 'status.failed', observed: asNumber(status.failed) ?? 0 },
          ],
        });
      } else {
        const active = asNumber(status.active) ?? 0;
        const state =
          asRecord(job.object.spec)?.suspend === true
            ? 'suspended'
            : active > 0
              ? `${active} pod(s) running`
              : 'no pod running';
        ctx.fail({
          resource: liveResource(job),
          messageId: 'notFinished',
          data: { job: job.name, image, state },
          evidence: [
            {
              path: 'status.conditions[Complete]',
              observed: conditionOf(job, 'Complete')?.status ?? null,
              expected: 'True',
            },
          ],
        });
      }
    }
  },
});

function isMigration(job: K8sLiveObject): boolean {
  if (controllerOf(job)?.kind === 'CronJob') return false;
  if (/migrat/i.test(job.name)) return true;
  const pod = podSpecOf(job);
  return asArray(pod?.containers).some((c) => {
    const rec = asRecord(c);
    const words = [...asArray(rec?.command), ...asArray(rec?.args)].map((w) => asString(w) ?? '').join(' ');
    return MIGRATION_COMMAND.test(words);
  });
}
