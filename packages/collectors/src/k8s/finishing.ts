/**
 * What turns each listed object into its facet item, redacts it and gives it its parsed parts: the secret
 * detector, the shell and image parsers and the sanitisers. The collector imports it once its first requests
 * are written (collect.ts), so that it loads while their answers are awaited rather than before the first
 * request: no page can arrive before it is asked for.
 */
export { finishCollected, finishedItem, finishItemsFacet } from '../parsed.js';
export {
  claimUsers,
  liveClaim,
  liveConfigMap,
  liveExternalSecret,
  liveNode,
  liveObject,
  liveSecret,
  liveSecretStore,
} from './sanitize.js';
