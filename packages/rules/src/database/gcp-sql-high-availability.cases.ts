import type { RuleCases } from '../cases.js';
import { sqlFacet, sqlInstance } from '../util/gcp-cases.js';

export default {
  pass: [
    { name: 'REGIONAL', facets: { 'gcp.sql': sqlFacet(sqlInstance()) } },
    {
      name: 'a zonal read replica is skipped, its regional primary passes',
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance(),
          sqlInstance({
            name: 'coditect-db-replica',
            instanceType: 'READ_REPLICA_INSTANCE',
            masterInstanceName: 'coditect-cloud-infra:coditect-db',
            settings: { availabilityType: 'ZONAL' },
          }),
        ),
      },
    },
  ],
  fail: [
    {
      name: 'ZONAL (the ADR staging instance)',
      facets: { 'gcp.sql': sqlFacet(sqlInstance({ settings: { availabilityType: 'ZONAL' } })) },
      expect: [{ messageId: 'zonal' }],
    },
  ],
} satisfies RuleCases;
