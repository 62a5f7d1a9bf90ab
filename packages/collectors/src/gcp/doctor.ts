/**
 * `coditect-audit doctor` for the gcp layer, read-only: Application Default Credentials (or an endpoint),
 * the configured APIs enabled in each project (Service Usage), and the IAM permissions of the API call
 * table (`api-calls.ts`, the source of docs/gcp-permissions.md) held on each project (`testIamPermissions`,
 * which only asks).
 */
import type { CollectContext, GcpLayerConfig, GcpService, LayerCheck } from '@coditect-audit/core';
import { gcpApiCalls, type GcpApiCall } from './api-calls.js';
import { callWithPolicy, classify, type GcpCallError, Limiter, paginate } from './call.js';
import { obj, objs, str } from './normalize.js';
import { ENDPOINT_ENV, GcpSettingsError, resolveSettings } from './settings.js';
import { GcpTransport } from './transport.js';

/** The APIs doctor itself reads, whatever the scan reads. */
const DOCTOR_APIS: GcpService[] = ['serviceusage', 'cloudresourcemanager'];

/** testIamPermissions takes at most 100 permissions per request. */
const PERMISSIONS_PER_REQUEST = 100;

/**
 * A SERVICE_DISABLED naming a Google-owned project: the credentials carry no quota project, so the call was
 * billed to Google's own client project. Enabling the API in the user's project would not help.
 */
function missingQuotaProject(project: string, what: string, err: GcpCallError): LayerCheck {
  return {
    kind: 'credentials',
    status: 'fail',
    subject: 'quota project',
    message: `${what} was billed to a Google-owned project, not ${project}: the credentials carry no quota project (${err.detail})`,
    fix: `set layers.gcp.quotaProject (or GOOGLE_CLOUD_QUOTA_PROJECT) to ${project}, or run \`gcloud auth application-default set-quota-project ${project}\`; enabling the API does not help`,
  };
}

function failedCall(subject: string, what: string, err: GcpCallError, fix: string): LayerCheck {
  const kind = err.kind === 'unavailable' || err.kind === 'timeout' ? 'reachable' : 'permissions';
  return {
    kind,
    status: 'fail',
    subject,
    message: `${what} failed (${err.kind}${err.httpStatus ? `, HTTP ${err.httpStatus}` : ''}): ${err.detail}`,
    fix:
      kind === 'reachable'
        ? 'check the network path to the endpoint (proxy, VPC Service Controls) or raise layers.gcp.timeoutMs'
        : fix,
  };
}

export async function diagnoseGcp(ctx: CollectContext<GcpLayerConfig>): Promise<LayerCheck[]> {
  const config = ctx.config ?? {};
  let settings: ReturnType<typeof resolveSettings>;
  try {
    settings = resolveSettings(config, ctx.expectations);
  } catch (e) {
    if (!(e instanceof GcpSettingsError)) throw e;
    return [{ kind: 'credentials', status: 'fail', subject: 'layers.gcp', message: e.message, fix: 'fix the setting' }];
  }
  if (settings.services.size === 0)
    return [
      {
        kind: 'credentials',
        status: 'fail',
        subject: 'endpoint',
        message: 'layers.gcp.endpointOnly is set and no endpoint is given: nothing would be read',
        fix: `set ${ENDPOINT_ENV} (or layers.gcp.endpoint) to the endpoint serving the recordings, or remove endpointOnly to read Google Cloud with credentials`,
      },
    ];
  const scanned = [...settings.services];
  // Doctor reads Service Usage and Resource Manager too, through the same transport (endpoint or ADC).
  const withDoctor = resolveSettings(
    { ...config, services: [...new Set([...scanned, ...DOCTOR_APIS])] },
    ctx.expectations,
  );
  const transport = await GcpTransport.create(withDoctor, ctx.log ? (m) => ctx.log?.('debug', m) : undefined);
  const checks: LayerCheck[] = [];

  const emulated = scanned.filter((s) => transport.emulated(s));
  if (emulated.length === scanned.length) {
    const urls = [...new Set(emulated.map((s) => settings.endpoints[s]!.origin))];
    checks.push({
      kind: 'credentials',
      status: 'ok',
      subject: 'endpoint',
      message: `every API is read from ${urls.join(', ')} without credentials`,
    });
  } else {
    const problem = await transport.credentialsProblem();
    if (problem)
      return [
        {
          kind: 'credentials',
          status: 'fail',
          subject: 'Application Default Credentials',
          message: `none found: ${problem.detail}`,
          fix: 'run `gcloud auth application-default login`, set GOOGLE_APPLICATION_CREDENTIALS to a key file, or run on a workload whose Kubernetes service account is bound through Workload Identity',
        },
      ];
    checks.push({ kind: 'credentials', status: 'ok', subject: 'Application Default Credentials', message: 'found' });
  }
  if (settings.quotaProject)
    checks.push({
      kind: 'credentials',
      status: 'ok',
      subject: 'quota project',
      message: `every call bills quota to ${settings.quotaProject} (x-goog-user-project)`,
    });

  const limiter = new Limiter(settings.concurrency);
  const policy = { timeoutMs: settings.timeoutMs, retries: Math.min(settings.retries, 2), retryBudgetMs: 10_000 };
  const read = <T>(fn: () => Promise<T>) => callWithPolicy(limiter, policy, fn);

  for (const project of settings.projects) {
    // APIs: which of the scanned ones are enabled.
    if (!withDoctor.services.has('serviceusage')) {
      checks.push({
        kind: 'apis',
        status: 'skip',
        subject: `APIs of ${project}`,
        message: 'Service Usage is not read (endpointOnly without an endpoint for it)',
      });
    } else {
      try {
        const enabled = new Set(
          (
            await paginate(async (token) => {
              const page = obj(
                await read(() =>
                  transport.call(
                    'serviceusage.services.list',
                    { project },
                    { filter: 'state:ENABLED', pageSize: 200, pageToken: token },
                  ),
                ),
              );
              return { items: objs(page?.services), next: str(page?.nextPageToken) ?? null };
            })
          )
            .map((s) => str(obj(s.config)?.name) ?? str(s.name)?.split('/').pop())
            .filter((n): n is string => Boolean(n)),
        );
        const missing = scanned.filter((s) => !enabled.has(`${s}.googleapis.com`));
        if (missing.length === 0)
          checks.push({
            kind: 'apis',
            status: 'ok',
            subject: `APIs of ${project}`,
            message: `all ${scanned.length} APIs the scan reads are enabled`,
          });
        for (const s of missing)
          checks.push({
            kind: 'apis',
            status: 'fail',
            subject: `${s}.googleapis.com in ${project}`,
            message: 'not enabled: every rule reading it would give an error verdict',
            fix: `\`gcloud services enable ${s}.googleapis.com --project=${project}\`, or leave "${s}" out of layers.gcp.services`,
          });
      } catch (e) {
        const err = classify(e);
        checks.push(
          err.kind === 'quota-project'
            ? missingQuotaProject(project, 'serviceusage.googleapis.com services.list', err)
            : err.kind === 'service-disabled'
              ? {
                  kind: 'apis',
                  status: 'fail',
                  subject: `serviceusage.googleapis.com in ${project}`,
                  message: `Service Usage is not enabled, so the enabled APIs cannot be listed (${err.detail})`,
                  fix: `\`gcloud services enable serviceusage.googleapis.com --project=${project}\``,
                }
              : failedCall(
                  `APIs of ${project}`,
                  'serviceusage.googleapis.com services.list',
                  err,
                  'grant serviceusage.services.list (roles/serviceusage.serviceUsageViewer) to the identity the scan runs as',
                ),
        );
      }
    }

    // Permissions: the table's permissions for the scanned APIs, tested on the project.
    const calls = (Object.values(gcpApiCalls()) as GcpApiCall[]).filter((c) => settings.services.has(c.service));
    const wanted = [...new Set(calls.map((c) => c.permission))].sort();
    if (!withDoctor.services.has('cloudresourcemanager')) {
      checks.push({
        kind: 'permissions',
        status: 'skip',
        subject: `IAM permissions on ${project}`,
        message: 'Resource Manager is not read (endpointOnly without an endpoint for it)',
      });
      continue;
    }
    try {
      const held = new Set<string>();
      for (let i = 0; i < wanted.length; i += PERMISSIONS_PER_REQUEST) {
        const answer = obj(
          await read(() =>
            transport.call(
              'cloudresourcemanager.projects.testIamPermissions',
              { project },
              {},
              { permissions: wanted.slice(i, i + PERMISSIONS_PER_REQUEST) },
            ),
          ),
        );
        for (const p of Array.isArray(answer?.permissions) ? answer.permissions : [])
          if (typeof p === 'string') held.add(p);
      }
      const missing = wanted.filter((p) => !held.has(p));
      if (missing.length === 0)
        checks.push({
          kind: 'permissions',
          status: 'ok',
          subject: `IAM permissions on ${project}`,
          message: `all ${wanted.length} permissions of docs/gcp-permissions.md are held`,
        });
      const roles = new Map<string, string[]>();
      for (const p of missing) {
        const role = calls.find((c) => c.permission === p)!.role;
        roles.set(role, [...(roles.get(role) ?? []), p]);
      }
      for (const [role, permissions] of [...roles].sort(([a], [b]) => (a < b ? -1 : 1)))
        checks.push({
          kind: 'permissions',
          status: 'fail',
          subject: `${permissions.join(', ')} on ${project}`,
          message: 'not held: the rules needing it would give error verdicts',
          fix: `\`gcloud projects add-iam-policy-binding ${project} --role=${role} --member=<the scan's identity>\` (or a custom role with these permissions; see docs/gcp-permissions.md)`,
        });
    } catch (e) {
      const err = classify(e);
      checks.push(
        err.kind === 'quota-project'
          ? missingQuotaProject(project, 'cloudresourcemanager.googleapis.com projects.testIamPermissions', err)
          : err.kind === 'service-disabled'
            ? {
                kind: 'apis',
                status: 'fail',
                subject: `cloudresourcemanager.googleapis.com in ${project}`,
                message: `Resource Manager is not enabled, so permissions cannot be tested (${err.detail})`,
                fix: `\`gcloud services enable cloudresourcemanager.googleapis.com --project=${project}\``,
              }
            : failedCall(
                `IAM permissions on ${project}`,
                'cloudresourcemanager.googleapis.com projects.testIamPermissions',
                err,
                'check layers.gcp.projects; testIamPermissions needs no permission of its own, so a denial means the project is not visible to this identity',
              ),
      );
    }
  }
  return checks;
}
