import type { RuleCases } from '../cases.js';
import { sqlFacet, sqlInstance } from '../util/gcp-cases.js';

export default {
  pass: [
    {
      name: 'sslMode ENCRYPTED_ONLY with requireSsl false (a valid pair)',
      facets: { 'gcp.sql': sqlFacet(sqlInstance()) },
    },
    {
      name: 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED',
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance({
            settings: { ipConfiguration: { sslMode: 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED', requireSsl: true } },
          }),
        ),
      },
    },
    {
      name: 'legacy requireSsl true without sslMode',
      facets: {
        'gcp.sql': sqlFacet(sqlInstance({ settings: { ipConfiguration: { sslMode: undefined, requireSsl: true } } })),
      },
    },
  ],
  fail: [
    {
      name: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED (the ADR staging instance)',
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance({ settings: { ipConfiguration: { sslMode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED' } } }),
        ),
      },
      expect: [{ messageId: 'allowsUnencrypted' }],
    },
    {
      name: 'sslMode wins over requireSsl true',
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance({
            settings: { ipConfiguration: { sslMode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED', requireSsl: true } },
          }),
        ),
      },
      expect: [{ messageId: 'allowsUnencrypted' }],
    },
    {
      name: 'neither sslMode nor requireSsl',
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance({ settings: { ipConfiguration: { sslMode: undefined, requireSsl: undefined } } }),
        ),
      },
      expect: [{ messageId: 'notEnforced' }],
    },
  ],
} satisfies RuleCases;
