import type { GcpAlertPolicy } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { PROJECT, READ_PROJECT } from '../util/gcp-cases.js';

const policy = (
  id: string,
  displayName: string,
  conditions: GcpAlertPolicy['conditions'],
  enabled = true,
): GcpAlertPolicy => ({
  project: PROJECT,
  name: `projects/${PROJECT}/alertPolicies/${id}`,
  displayName,
  enabled,
  conditions,
  notificationChannels: [`projects/${PROJECT}/notificationChannels/1`],
});
const byName = [
  policy('1', 'Error rate > 1%', []),
  policy('2', 'Latency p99 > 500ms', []),
  policy('3', 'Pod crash loop', []),
  policy('4', 'Database connection errors', []),
];
const byCondition = [
  policy('11', 'API 5xx', [
    {
      kind: 'promql',
      query: 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.01',
    },
  ]),
  policy('12', 'Slow API', [
    {
      kind: 'threshold',
      query: 'metric.type = "loadbalancing.googleapis.com/https/total_latencies"',
      aggregations: ['ALIGN_PERCENTILE_99'],
    },
  ]),
  policy('13', 'Restarts', [{ kind: 'threshold', query: 'metric.type = "kubernetes.io/container/restart_count"' }]),
  policy('14', 'DB', [{ kind: 'matched-log', query: 'textPayload:"could not connect to server"' }]),
];
const monitoring = (...alertPolicies: GcpAlertPolicy[]) => ({ read: READ_PROJECT, alertPolicies });

export default {
  pass: [
    { name: 'four policies with the configured names', facets: { 'gcp.monitoring': monitoring(...byName) } },
    {
      name: 'four policies found by what their conditions measure',
      facets: { 'gcp.monitoring': monitoring(...byCondition) },
    },
  ],
  fail: [
    {
      name: 'only an unrelated CPU alert (the ADR staging project)',
      facets: {
        'gcp.monitoring': monitoring(
          policy('9', 'Cloud SQL CPU > 80%', [
            { kind: 'threshold', query: 'metric.type = "cloudsql.googleapis.com/database/cpu/utilization"' },
          ]),
        ),
      },
      expect: [{ messageId: 'missing' }, { messageId: 'missing' }, { messageId: 'missing' }, { messageId: 'missing' }],
    },
    {
      name: 'the crash-loop policy is disabled',
      facets: {
        'gcp.monitoring': monitoring(byName[0]!, byName[1]!, { ...byName[2]!, enabled: false }, byName[3]!),
      },
      expect: [{ messageId: 'disabled' }],
    },
  ],
} satisfies RuleCases;
