import { defineRule } from '@coditect-audit/core';
import { postgresServerResource } from '../util/probe.js';

/** ADR-001 Issue 3: the app reached Cloud SQL over the private IP without SSL. The server's answer to a plaintext client settles it. */
export default defineRule({
  id: 'probe-postgres-ssl-enforced',
  title: 'PostgreSQL accepts unencrypted connections',
  concerns: ['sql.ssl-not-enforced'],
  layer: 'probe',
  facets: ['probe.postgres'],
  description:
    'Besides its TLS session, the probe opens a second connection with `sslmode=disable` whose password callback aborts: it passes when the server refuses the unencrypted connection before authentication (`pg_hba.conf` `hostnossl ... reject`, Cloud SQL `ENCRYPTED_ONLY`), and fails when the server asks for a password over plaintext or lets the client in. No password is ever sent over that connection.',
  rationale:
    'ADR-001 Issue 3 ("Current connection to Cloud SQL uses private IP without SSL enforcement"): without enforcement any client may connect in plaintext, and credentials and license data cross the VPC readable by anything on the path. Setting `sslmode=require` in the app does not help if the server still accepts others in plaintext.',
  remediation: {
    text: 'Make the instance refuse unencrypted connections, then connect the app with `sslmode=require` (better `verify-ca` with the server CA).',
    commands: [
      'gcloud sql instances patch coditect-db --ssl-mode=ENCRYPTED_ONLY --project=coditect-cloud-infra',
      'ip_configuration { ssl_mode = "ENCRYPTED_ONLY" }',
      '# self-managed PostgreSQL, pg_hba.conf: hostnossl all all 0.0.0.0/0 reject',
    ],
  },
  benchmarks: [
    {
      standard: 'CIS Google Cloud Platform Foundation Benchmark 2.0',
      id: '6.7',
      title: 'Ensure that the Cloud SQL database instance requires all incoming connections to use SSL',
    },
  ],
  messages: {
    refused: '{{endpoint}} refuses unencrypted connections ({{detail}}).',
    passwordOverPlaintext:
      '{{endpoint}} asked for a password over an unencrypted connection: it accepts plaintext clients.',
    acceptedWithoutTls: '{{endpoint}} let a client log in without TLS and without a password.',
  },
  check(ctx) {
    const d = ctx.facet('probe.postgres');
    const resource = postgresServerResource(d, ctx.env.expectations);
    const data = { endpoint: d.endpoint, detail: d.plaintext.detail };
    const evidence = [{ path: 'connection(sslmode=disable)', observed: d.plaintext.outcome, expected: 'refused' }];
    switch (d.plaintext.outcome) {
      case 'refused':
        ctx.pass({ resource, messageId: 'refused', data, evidence });
        break;
      case 'auth-requested':
        ctx.fail({ resource, messageId: 'passwordOverPlaintext', data, evidence });
        break;
      case 'accepted':
        ctx.fail({ resource, messageId: 'acceptedWithoutTls', data, evidence });
        break;
      default:
        ctx.skip(
          `the plaintext attempt to ${d.endpoint} did not complete (${d.plaintext.detail}); see the error verdict`,
          resource,
        );
    }
  },
});
