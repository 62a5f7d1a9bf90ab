/** Moved to core (issue #18: the gcr-reference view is built from it); kept so rule imports stay short. */
export {
  AR_MIGRATION_SENTENCE,
  configureDockerHosts,
  findGcrReferences,
  GCR_HOST_LOCATION,
  GCR_SHUTDOWN_DATE,
  type GcrKind,
  type GcrReference,
  gcrDomainRepository,
  suggestedLocation,
} from '@coditect-audit/core/views';
