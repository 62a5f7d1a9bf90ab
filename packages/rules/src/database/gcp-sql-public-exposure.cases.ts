import type { RuleCases } from '../cases.js';
import { sqlFacet, sqlInstance } from '../util/gcp-cases.js';

export default {
  pass: [
    { name: 'private IP only', facets: { 'gcp.sql': sqlFacet(sqlInstance()) } },
    {
      name: 'public IP restricted to an office range',
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance({
            settings: {
              ipConfiguration: {
                ipv4Enabled: true,
                authorizedNetworks: [{ name: 'office', value: '198.51.100.0/24' }],
              },
            },
          }),
        ),
      },
    },
  ],
  fail: [
    {
      name: 'public IP open to 0.0.0.0/0',
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance({
            ipAddresses: [{ type: 'PRIMARY', ipAddress: '34.41.12.7' }],
            settings: {
              ipConfiguration: { ipv4Enabled: true, authorizedNetworks: [{ name: 'all', value: '0.0.0.0/0' }] },
            },
          }),
        ),
      },
      expect: [{ messageId: 'openToAll' }],
    },
  ],
} satisfies RuleCases;
