/**
 * Cloud Monitoring v3 (`@google-cloud/monitoring`): alert policies (with their conditions' filters and
 * queries, so rules can match a signal by what it measures) and uptime checks.
 */
import type { GcpAlertCondition, GcpAlertPolicy, GcpUptimeCheck } from '@coditect-audit/core';
import type { GcpApiCall } from '../api-calls.js';
import { FacetBuilder, type FacetResults, type GcpRun, listAll, ONE_PAGE, page } from '../context.js';
import { bool, compact, duration, enumStr, int, obj, objs, type Raw, str, strs } from '../normalize.js';

/** The calls this reader makes: its rows of the API call table (`../api-calls.ts`). */
export const MONITORING_API_CALLS = {
  'monitoring.alertPolicies.list': {
    service: 'monitoring',
    method: 'alertPolicies.list',
    http: 'GET',
    path: '/v3/projects/{project}/alertPolicies',
    via: 'client',
    permission: 'monitoring.alertPolicies.list',
    role: 'roles/monitoring.viewer',
    facets: ['gcp.monitoring'],
  },
  'monitoring.uptimeCheckConfigs.list': {
    service: 'monitoring',
    method: 'uptimeCheckConfigs.list',
    http: 'GET',
    path: '/v3/projects/{project}/uptimeCheckConfigs',
    via: 'client',
    permission: 'monitoring.uptimeCheckConfigs.list',
    role: 'roles/monitoring.viewer',
    facets: ['gcp.monitoring-uptime'],
  },
} as const satisfies Record<string, GcpApiCall>;

function condition(c: Raw): GcpAlertCondition {
  const kinds: [GcpAlertCondition['kind'], string, 'filter' | 'query'][] = [
    ['threshold', 'conditionThreshold', 'filter'],
    ['absent', 'conditionAbsent', 'filter'],
    ['matched-log', 'conditionMatchedLog', 'filter'],
    ['mql', 'conditionMonitoringQueryLanguage', 'query'],
    ['promql', 'conditionPrometheusQueryLanguage', 'query'],
  ];
  for (const [kind, field, queryField] of kinds) {
    const body = obj(c[field]);
    if (!body) continue;
    const aggregations = [...objs(body.aggregations), ...objs(body.denominatorAggregations)].flatMap((a) =>
      [enumStr(a.perSeriesAligner), enumStr(a.crossSeriesReducer)].filter((x): x is string => x !== undefined),
    );
    return compact({
      displayName: str(c.displayName),
      kind,
      query: str(body[queryField]),
      aggregations: aggregations.length > 0 ? [...new Set(aggregations)] : undefined,
    });
  }
  return compact({ displayName: str(c.displayName), kind: 'other' as const });
}

export function alertPolicy(project: string, p: Raw): GcpAlertPolicy {
  return compact({
    project,
    name: str(p.name) ?? '',
    displayName: str(p.displayName),
    enabled: bool(p.enabled),
    conditions: objs(p.conditions).map(condition),
    notificationChannels: strs(p.notificationChannels).sort(),
  });
}

export function uptimeCheck(project: string, u: Raw): GcpUptimeCheck {
  const http = obj(u.httpCheck);
  const resource = obj(obj(u.monitoredResource)?.labels);
  return compact({
    project,
    name: str(u.name) ?? '',
    displayName: str(u.displayName),
    host: str(resource?.host),
    path: str(http?.path),
    useSsl: bool(http?.useSsl),
    periodSeconds: duration(u.period) ?? int(u.period),
  });
}

export async function collectMonitoring(run: GcpRun): Promise<FacetResults> {
  const { AlertPolicyServiceClient, UptimeCheckServiceClient } = await import('@google-cloud/monitoring');
  const options = run.transport.gapic('monitoring');
  const alerts = new AlertPolicyServiceClient(options);
  const uptime = new UptimeCheckServiceClient(options);
  const alertFacet = new FacetBuilder();
  const uptimeFacet = new FacetBuilder();
  const alertRead: string[] = [];
  const uptimeRead: string[] = [];
  const policies: GcpAlertPolicy[] = [];
  const checks: GcpUptimeCheck[] = [];
  await Promise.all(
    run.settings.projects.flatMap((project) => {
      const name = `projects/${project}`;
      return [
        (async () => {
          const listed = await alertFacet.unit('monitoring.alertPolicies.list', name, project, () =>
            listAll(run, (token) => alerts.listAlertPolicies({ name, pageSize: 1000, ...page(token) }, ONE_PAGE)),
          );
          if (!listed) return;
          alertRead.push(name);
          policies.push(...listed.map((p) => alertPolicy(project, p as Raw)));
        })(),
        (async () => {
          const listed = await uptimeFacet.unit('monitoring.uptimeCheckConfigs.list', name, project, () =>
            listAll(run, (token) =>
              uptime.listUptimeCheckConfigs({ parent: name, pageSize: 1000, ...page(token) }, ONE_PAGE),
            ),
          );
          if (!listed) return;
          uptimeRead.push(name);
          checks.push(...listed.map((u) => uptimeCheck(project, u as Raw)));
        })(),
      ];
    }),
  );
  await Promise.all([alerts.close(), uptime.close()]);
  const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : 1);
  return {
    'gcp.monitoring': alertFacet.build<'gcp.monitoring'>({
      read: alertRead.sort(),
      alertPolicies: policies.sort(byName),
    }),
    'gcp.monitoring-uptime': uptimeFacet.build<'gcp.monitoring-uptime'>({
      read: uptimeRead.sort(),
      uptimeChecks: checks.sort(byName),
    }),
  };
}
