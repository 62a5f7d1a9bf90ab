import { defineViewRule } from '@coditect-audit/core';
import { type Attribute, evidenceOf, isTrue, type RedisInstanceView, valueSourceOf } from '@coditect-audit/core/views';

type Outcome =
  | { holds: true }
  | { holds: false; how: 'disabled' | 'notSet' }
  | { holds: undefined; on: Attribute<unknown> & { certainty: 'unresolved' } }
  /** probe: the anonymous PING got no answer that says either way (the probe's error verdict tells why). */
  | { holds: 'unanswered' };

/** A refusal of an anonymous client: NOAUTH, or an error that is one (protected mode, a wrong password). */
const REFUSAL = /^(DENIED|NOAUTH|WRONGPASS)\b/;

/**
 * The decision, whatever the source: AUTH is required when `auth_enabled`/`authEnabled` is true (unset is
 * Memorystore's default, false), or, seen by a client, when the server refuses a `PING` sent without AUTH.
 */
function decide(v: RedisInstanceView): Outcome {
  if (v.source === 'probe') {
    const ping = v.anonymousPing.certainty === 'decided' ? v.anonymousPing.value : undefined;
    if (ping === 'pong') return { holds: false, how: 'disabled' };
    if (ping === 'noauth' || (ping === 'error' && REFUSAL.test(v.anonymousPingReply ?? ''))) return { holds: true };
    return { holds: 'unanswered' };
  }
  const auth = v.authEnabled;
  if (auth.certainty === 'unresolved') return { holds: undefined, on: auth };
  if (auth.certainty === 'absent') return { holds: false, how: 'notSet' };
  return isTrue(auth.value) ? { holds: true } : { holds: false, how: 'disabled' };
}

/**
 * ADR-001 Issue 4: "Redis created without AUTH token": anything in the VPC can read and write the cache. As
 * declared (OpenTofu), as configured (the Redis API; the AUTH string itself is never read) and as a client
 * finds it (the probe's anonymous PING).
 */
export default defineViewRule({
  id: 'redis.auth-disabled',
  title: 'Memorystore AUTH is disabled',
  concerns: ['redis.auth-disabled'],
  view: 'redis-instance',
  sources: {
    tf: { alias: 'tf-redis-auth' },
    gcp: {
      alias: 'gcp-redis-auth',
      messages: {
        enabled: 'Memorystore {{instance}} requires AUTH.',
        disabled: 'Memorystore {{instance}} has AUTH disabled: any client in the VPC can use the cache.',
      },
    },
    probe: { alias: 'probe-redis-auth' },
    drift: {},
  },
  description:
    "Each Memorystore instance must require the AUTH string. **OpenTofu** (`google_redis_instance`): `auth_enabled = true`; `false`, or no value (the default is false), fails. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first. **Google Cloud** (redis `instances.list`): `authEnabled`; an absent value is Google's default, false, and fails. The AUTH string is never requested (`getAuthString` is not called). **Probe**: sends `PING` without `AUTH` over the configured transport. `NOAUTH Authentication required` passes (and so do `DENIED`, protected mode); `PONG` fails: any client that reaches the port can read and write the cache. When a `passwordEnv` is configured the probe then authenticates with it (only over TLS whose certificate it verified) and reads `INFO server`; a refused AUTH string is an error verdict, not a pass. **Drift**: a declaration that requires AUTH while the live instance of the same name does not (or the reverse) is a finding at the live instance.",
  rationale:
    'ADR-001 Issue 4 (Redis Authentication and Encryption, P0 "Must fix before production"): "Redis created without AUTH token or TLS encryption. Impact: High - Unprotected cache accessible within VPC." The cache holds sessions and license seat tracking; without AUTH, any pod or VM in the network can read them or flush the seat counts.',
  remediation: {
    text: "Set `auth_enabled = true`, apply (or enable AUTH on the live instance: unlike TLS, AUTH can be turned on in place), read the AUTH string into the application's secret (never into the repository), and make Django send it.",
    commands: [
      'auth_enabled = true',
      'gcloud redis instances update {{redis.instance}} --region={{region}} --enable-auth --project={{project}}',
      "gcloud redis instances get-auth-string {{redis.instance}} --region={{region}} --project={{project}} --format='value(authString)' | gcloud secrets versions add redis-password-staging --data-file=- --project={{project}}",
    ],
  },
  benchmarks: [{ standard: 'ScoutSuite', id: 'memorystore-redis-instance-auth-not-enabled' }],
  messages: {
    // tf (gcp words enabled/disabled its own way: see sources.gcp.messages)
    enabled: '{{address}} requires the AUTH string (auth_enabled = true).',
    disabled:
      '{{address}} {{sets}} auth_enabled = {{value}}{{from}}: any client in the VPC can read and write the cache.',
    notSet:
      '{{address}} does not set auth_enabled (default false): any client in the VPC can read and write the cache.',
    unresolved:
      'auth_enabled of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm AUTH is required (the gcp layer reads the live value).',
    // probe
    open: '{{endpoint}} answered {{reply}} to a PING without AUTH: anyone who reaches it can read and write the cache.',
    refused: '{{endpoint}} refused a PING without AUTH ({{reply}}).',
    // drift
    driftLiveWeaker:
      '{{address}} declares that Memorystore {{instance}} requires AUTH, but the live instance does not: it was changed outside OpenTofu or the declaration was never applied.',
    driftLiveStricter:
      'Memorystore {{instance}} requires AUTH, but {{address}} declares auth_enabled false or unset: the next `tofu apply` would turn AUTH off.',
    consistent: '{{address}} and the live Memorystore {{instance}} agree on AUTH.',
  },
  drift: {
    // Drift pairs the declaration with the Admin API's instance; the probe's own states never reach it.
    holds: (v) => {
      const h = decide(v).holds;
      return typeof h === 'boolean' ? h : undefined;
    },
    messages: { consistent: 'consistent', liveWeaker: 'driftLiveWeaker', liveStricter: 'driftLiveStricter' },
    data: (declared, live) => ({ address: declared.label, instance: live.label }),
    evidence: (declared, live) => [evidenceOf(declared.authEnabled, 'true'), evidenceOf(live.authEnabled, 'true')],
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      const o = decide(v);
      if (v.source === 'probe') {
        const reply =
          v.anonymousPingReply ?? String(v.anonymousPing.certainty === 'decided' ? v.anonymousPing.value : '');
        const data = { endpoint: v.label, reply };
        const evidence = [{ path: v.anonymousPing.origin.path, observed: reply, expected: 'NOAUTH' }];
        if (o.holds === true) ctx.pass({ resource, messageId: 'refused', data, evidence });
        else if (o.holds === false) ctx.fail({ resource, messageId: 'open', data, evidence });
        else ctx.skip(`${v.label} gave no usable answer to PING (${reply}); see the error verdict`, resource);
        continue;
      }
      const auth = v.authEnabled;
      const evidence = [evidenceOf(auth, 'true')];
      // Message data as the per-layer rules wrote it (reports and baselines compare it).
      const name: Record<string, string> = v.source === 'tf' ? { address: v.label } : { instance: v.label };
      const location = auth.origin.location ? { location: auth.origin.location } : {};
      if (o.holds === undefined) {
        ctx.unknown({
          resource,
          messageId: 'unresolved',
          data: { address: v.label, expression: o.on.expression },
          ...location,
          evidence,
          dependsOn: o.on.dependsOn,
        });
      } else if (o.holds === true) {
        ctx.pass({ resource, messageId: 'enabled', data: name, evidence });
      } else if (o.holds === false) {
        const data: Record<string, string> =
          v.source === 'tf' && o.how === 'disabled' && auth.certainty === 'decided'
            ? { ...name, value: String(auth.value), ...valueSourceOf(auth) }
            : name;
        ctx.fail({ resource, messageId: v.source === 'tf' ? o.how : 'disabled', data, ...location, evidence });
      }
    }
  },
});
