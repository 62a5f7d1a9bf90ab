/**
 * A snapshot read from disk is checked, not trusted (docs/security.md): it is a CI artifact anyone with
 * write access to the pipeline can edit. The schema says its shape; this says it is whole. A layer marked
 * collected must carry every facet of its layer (data, problems, or the reason it is absent), and a probe
 * the configuration names must have been probed. Whatever is missing becomes an `error` facet, so its rules
 * give `error` verdicts (the gate says incomplete) instead of skipping.
 */
import type { EnvironmentConfig } from './config.js';
import { FACET_NAMES, type FacetName, LAYERS, layerOfFacet, type Snapshot } from './snapshot/index.js';

const FIX = 'collect the snapshot again with `coditect-audit collect` and replay it unmodified';

function missing(facet: FacetName, why: string) {
  return {
    status: 'error' as const,
    problems: [{ subject: `snapshot facet ${facet}`, message: why, cause: 'snapshot-incomplete', fix: FIX }],
  };
}

/** The snapshot with every missing part turned into an error facet, and how many were. */
export function checkSnapshot(snapshot: Snapshot, env: EnvironmentConfig): { snapshot: Snapshot; missing: number } {
  const facets = { ...snapshot.facets } as Record<FacetName, unknown>;
  const layers = { ...snapshot.layers };
  let count = 0;
  for (const layer of LAYERS) {
    const state = layers[layer];
    const own = FACET_NAMES.filter((f) => layerOfFacet(f) === layer);
    if (!state) {
      // Every run of `collect` states every layer; a snapshot without one was cut.
      layers[layer] = {
        status: 'failed',
        reason: `the snapshot does not say whether the ${layer} layer was collected`,
      };
      for (const f of own) {
        facets[f] = missing(
          f,
          `the snapshot does not say whether the ${layer} layer was collected, so ${f} cannot be trusted as absent`,
        );
        count++;
      }
      continue;
    }
    if (state.status !== 'collected') continue;
    for (const f of own) {
      if (facets[f] === undefined) {
        facets[f] = missing(f, `the snapshot says the ${layer} layer was collected but holds no ${f}`);
        count++;
      }
    }
  }
  // A probe the configuration names was probed (data or errors), never "not configured".
  const probe = env.layers?.probe;
  if (layers.probe?.status === 'collected' && probe) {
    for (const service of ['postgres', 'redis', 'registry', 'http'] as const) {
      const name = `probe.${service}` as FacetName;
      const f = facets[name] as { status: string } | undefined;
      if (probe[service] && f?.status === 'absent') {
        facets[name] = missing(name, `layers.probe.${service} is configured, but the snapshot says it was not probed`);
        count++;
      }
    }
  }
  return { snapshot: { ...snapshot, layers, facets: facets as Snapshot['facets'] }, missing: count };
}
