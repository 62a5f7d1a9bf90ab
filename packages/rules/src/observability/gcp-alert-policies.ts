import { defineRule, type Expectations, type GcpAlertPolicy } from '@coditect-audit/core';
import { gcpResource, wasRead } from '../util/gcp.js';

type Signal = keyof Expectations['alertPolicies'];

/** What a condition measuring each signal looks like, when the policy is not named as configured. */
const SIGNALS: Record<Signal, { label: string; matches(text: string, aggregations: string[]): boolean }> = {
  errorRate: {
    label: 'error rate',
    matches: (t) =>
      /5xx|response_code_class\W{0,4}5|(code|status)\W{0,3}(>=?|=~?)\W{0,3}"?5|error[_ ]?rate|error_count|errors_total/i.test(
        t,
      ),
  },
  latencyP99: {
    label: 'p99 latency',
    matches: (t, aggs) =>
      /latenc|duration|response_time/i.test(t) &&
      (/0\.99|p99|99th|percentile_99/i.test(t) || aggs.some((a) => /PERCENTILE_99/.test(a))),
  },
  crashLoop: {
    label: 'crash loops',
    matches: (t) => /restart_count|restarts_total|CrashLoopBackOff|crash[ _-]?loop/i.test(t),
  },
  databaseConnectionErrors: {
    label: 'database connection errors',
    matches: (t) =>
      /OperationalError|could not connect|connection (refused|error|fail|reset)|connection_errors?|database\/network\/connections|postgresql\/num_backends|cloudsql.*connections/i.test(
        t,
      ),
  },
};

function matchesSignal(p: GcpAlertPolicy, signal: Signal, configuredName: string): 'name' | 'condition' | undefined {
  if (p.displayName?.trim().toLowerCase() === configuredName.trim().toLowerCase()) return 'name';
  const spec = SIGNALS[signal];
  return p.conditions.some((c) => spec.matches(`${c.query ?? ''} ${c.displayName ?? ''}`, c.aggregations ?? []))
    ? 'condition'
    : undefined;
}

/** ADR-001 Issue 9: "Create alerting policies: error rate > 1%, latency p99 > 500ms, pod crash loop, database connection errors". */
export default defineRule({
  id: 'gcp-alert-policies',
  title: "An alert policy for one of the ADR's four signals is missing or disabled",
  concerns: ['observability.alerting'],
  layer: 'gcp',
  facets: ['gcp.monitoring'],
  adrIdentity: 'alert policy names',
  adrIdentityFields: ['alertPolicies'],
  description:
    'Reads the alert policies of the expected project (monitoring `alertPolicies.list`). For each signal of ADR-001 Issue 9 (error rate, p99 latency, crash loops, database connection errors) a policy must match, either by the display name configured in `expectations.alertPolicies` or by what one of its conditions measures (the metric filter, log filter, MQL or PromQL query: 5xx ratios, a 99th percentile of latency, container restart counts, PostgreSQL connection failures). A matching policy must be enabled. No match fails; only disabled matches fail too.',
  rationale:
    'ADR-001 Issue 9 (P1): "Can\'t detect/respond to issues". These four signals catch the failures the staging bring-up actually had: crash-looping pods, a database the app could not reach, errors and slow responses.',
  remediation: {
    text: 'Create one alert policy per signal with a notification channel (OpenTofu `google_monitoring_alert_policy`, or the console); keep the display names of the configuration so the audit finds them by name.',
    commands: [
      'gcloud alpha monitoring policies create --policy-from-file=alert-error-rate.json --project={{project}}',
    ],
  },
  messages: {
    covered: 'The {{label}} signal is alerted on by "{{policy}}" (matched by {{how}}).',
    missing: 'No alert policy of {{project}} covers {{label}} (expected one named "{{name}}" or a condition on it).',
    disabled: 'The {{label}} alert policy "{{policy}}" is disabled.',
  },
  check(ctx) {
    const { project, alertPolicies } = ctx.env.expectations;
    const data = ctx.facet('gcp.monitoring');
    if (!wasRead(data.read, `projects/${project}`)) return;
    const policies = data.alertPolicies.filter((p) => p.project === project);
    for (const signal of Object.keys(SIGNALS) as Signal[]) {
      const name = alertPolicies[signal];
      const { label } = SIGNALS[signal];
      const resource = gcpResource.alertSignal(project, signal);
      const matched = policies
        .map((p) => ({ p, how: matchesSignal(p, signal, name) }))
        .filter((m): m is { p: GcpAlertPolicy; how: 'name' | 'condition' } => m.how !== undefined)
        .sort((a, b) => (a.how === b.how ? 0 : a.how === 'name' ? -1 : 1));
      const enabled = matched.find((m) => m.p.enabled !== false);
      const evidence = [
        {
          path: 'alertPolicies[].displayName',
          observed:
            matched
              .map((m) => `${m.p.displayName ?? m.p.name}${m.p.enabled === false ? ' (disabled)' : ''}`)
              .join(', ') || null,
          expected: name,
        },
      ];
      if (enabled)
        ctx.pass({
          resource,
          messageId: 'covered',
          data: {
            label,
            policy: enabled.p.displayName ?? enabled.p.name,
            how: enabled.how === 'name' ? 'name' : 'its condition',
          },
          evidence,
        });
      else if (matched[0])
        ctx.fail({
          resource,
          messageId: 'disabled',
          data: { label, policy: matched[0].p.displayName ?? matched[0].p.name },
          evidence,
        });
      else ctx.fail({ resource, messageId: 'missing', data: { label, project, name }, evidence });
    }
  },
});
