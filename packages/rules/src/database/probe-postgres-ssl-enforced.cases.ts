import type { PostgresProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';

const probe = (plaintext: PostgresProbe['plaintext']): PostgresProbe => ({
  endpoint: '10.28.0.3:5432/coditect',
  host: '10.28.0.3',
  port: 5432,
  database: 'coditect',
  login: 'license_api_staging',
  appRole: 'license_api_staging',
  credentialSource: 'env DB_PASSWORD',
  sslmode: 'require',
  plaintext,
});

export default {
  pass: [
    {
      name: 'ENCRYPTED_ONLY: the server rejects plaintext before authentication',
      facets: {
        'probe.postgres': probe({
          outcome: 'refused',
          detail:
            'pg_hba.conf rejects connection for host "10.28.0.9", user "license_api_staging", database "coditect", no encryption',
        }),
      },
    },
  ],
  fail: [
    {
      name: 'the ADR as deployed: plaintext allowed, the server asks for the password',
      facets: {
        'probe.postgres': probe({
          outcome: 'auth-requested',
          detail: 'the server asked for a password over an unencrypted connection (none was sent)',
        }),
      },
      expect: [{ messageId: 'passwordOverPlaintext' }],
    },
    {
      name: 'trust authentication over plaintext',
      facets: { 'probe.postgres': probe({ outcome: 'accepted', detail: 'logged in without TLS' }) },
      expect: [{ messageId: 'acceptedWithoutTls' }],
    },
  ],
} satisfies RuleCases;
