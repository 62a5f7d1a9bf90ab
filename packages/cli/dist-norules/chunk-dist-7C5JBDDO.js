import {
  AR_MIGRATION_SENTENCE,
  BACKEND_CONFIG_ANNOTATIONS,
  KMS_SIGNER_ROLE,
  MANAGED_CERTIFICATES_ANNOTATION,
  METADATA_SERVER_LABEL,
  SQL_LIFECYCLE_AS_OF,
  WORKLOAD_IDENTITY_ANNOTATION,
  anchorLocation,
  anchorLocation2,
  appContainer,
  appSettings,
  asArray,
  asNumber,
  asRecord,
  asString,
  blockLocation,
  conditionOf,
  containerStatuses,
  containersOf,
  containersOf2,
  controllerOf,
  dataSourcesOf,
  datastoreOf,
  declarationKey,
  declaresNothing,
  defineRule,
  defineViewRule,
  describeKnown,
  describeSetting,
  describeUse,
  digestOf,
  dirOf,
  displayValue,
  effectiveStageUser,
  engineOf,
  escapePointerToken,
  evidenceOf,
  externalSecretTarget,
  finalStage,
  findGcrReferences,
  findResource,
  gcrDomainRepository,
  gkeClusterResource,
  gkeNodePoolResource,
  imageRepository,
  imageTarget,
  inScope,
  isClientCommand,
  isEndOfLife,
  isExpression,
  isFalse,
  isPostgresScheme,
  isTrue,
  itemsOf,
  k8sResource,
  kmsKeyResource,
  labelsOf,
  lifecycleOf,
  liveResource,
  locationAt,
  manifestObjects,
  metadataOf,
  moduleCalls,
  namespaceResource,
  objectLocation,
  podSpecOf,
  podsOf,
  postgresRoleResource,
  publicMembers,
  redisInstanceResource,
  referenceTo,
  resourceOf,
  resourcesOf,
  rootModules,
  secretManagerSecretResource,
  securityContexts,
  settingNamed,
  specOf,
  sqlInstanceResource,
  statusOf,
  suggestedLocation,
  under,
  unknownInputs,
  valueAt,
  valueSourceOf,
  viewOf,
  workloadOfPod
} from "./chunk-chunk-KBIY7DDS.js";
import "./chunk-chunk-K3HIYUOK.js";
import "./chunk-chunk-EMT75KSU.js";
import "./chunk-chunk-IWPLMFNU.js";

// packages/rules/dist/backup/backup.redis-persistence.js
function decide(v) {
  const mode = v.persistenceMode;
  if (mode.certainty === "unresolved")
    return { holds: void 0, on: mode };
  if (mode.certainty === "absent")
    return { holds: false, how: "notSet" };
  return mode.value === "RDB" ? { holds: true } : { holds: false, how: "disabled" };
}
var backup_redis_persistence_default = defineViewRule({
  id: "backup.redis-persistence",
  title: "Memorystore persistence (RDB snapshots) is off",
  concerns: ["backup.redis-persistence"],
  view: "redis-instance",
  sources: {
    tf: { alias: "tf-redis-persistence" },
    gcp: {
      alias: "gcp-redis-persistence",
      messages: { rdb: "Memorystore {{instance}} takes RDB snapshots ({{period}})." }
    },
    drift: {}
  },
  description: 'Each Memorystore instance must take RDB snapshots. **OpenTofu** (`google_redis_instance`): `persistence_config { persistence_mode = "RDB" }` (with an `rdb_snapshot_period`). `DISABLED`, or no `persistence_config` (Memorystore then keeps no snapshot), fails. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first. **Google Cloud** (redis `instances.list`): `persistenceConfig.persistenceMode` `RDB` passes (with the snapshot period); `DISABLED` or not reported fails. **Drift**: a declaration of RDB snapshots while the live instance of the same name takes none (or the reverse) is a finding at the live instance.',
  rationale: `ADR-001 Issue 10 (Disaster Recovery and Backups, P1): "No Redis backup strategy"; the ADR's option 1 is RDB snapshots, which it wrongly calls "enabled by default on Memorystore". Without them a restart, failover or maintenance event loses every session and seat-tracking entry.`,
  remediation: {
    text: "Turn on RDB snapshots in the instance definition, then apply (or update the live instance the same way).",
    commands: [
      'persistence_config {\n  persistence_mode    = "RDB"\n  rdb_snapshot_period = "TWELVE_HOURS"\n}',
      "gcloud redis instances update {{redis.instance}} --region={{region}} --persistence-mode=rdb --rdb-snapshot-period=12h --project={{project}}"
    ]
  },
  benchmarks: [],
  messages: {
    // tf (gcp words rdb its own way: see sources.gcp.messages)
    rdb: "{{address}} takes RDB snapshots (persistence_mode = RDB).",
    disabled: "{{address}} {{sets}} persistence_mode = {{mode}}{{from}}: Memorystore keeps no snapshot, a restart loses the cache.",
    notSet: "{{address}} has no persistence_config.persistence_mode: Memorystore persistence defaults to DISABLED (it is not on by default), a restart loses the cache.",
    unresolved: "persistence_mode of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm RDB snapshots are on (the gcp layer reads the live value).",
    // gcp
    off: "Memorystore {{instance}} has persistence {{mode}}: its data is lost on failover or maintenance.",
    // drift
    driftLiveWeaker: "{{address}} declares RDB snapshots for Memorystore {{instance}}, but the live instance takes none: it was changed outside OpenTofu or the declaration was never applied.",
    driftLiveStricter: "Memorystore {{instance}} takes RDB snapshots, but {{address}} declares no persistence: the next `tofu apply` would turn them off.",
    consistent: "{{address}} and the live Memorystore {{instance}} agree on RDB snapshots."
  },
  drift: {
    holds: (v) => decide(v).holds,
    messages: { consistent: "consistent", liveWeaker: "driftLiveWeaker", liveStricter: "driftLiveStricter" },
    data: (declared3, live2) => ({ address: declared3.label, instance: live2.label }),
    evidence: (declared3, live2) => [
      evidenceOf(declared3.persistenceMode, "RDB"),
      evidenceOf(live2.persistenceMode, "RDB")
    ]
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      const mode = v.persistenceMode;
      const evidence = [evidenceOf(mode, "RDB")];
      const location = mode.origin.location ? { location: mode.origin.location } : {};
      const o = decide(v);
      if (o.holds === void 0) {
        ctx.unknown({
          resource,
          messageId: "unresolved",
          data: { address: v.label, expression: o.on.expression },
          ...location,
          evidence,
          dependsOn: o.on.dependsOn
        });
      } else if (v.source === "gcp") {
        const period = v.rdbSnapshotPeriod.certainty === "decided" ? String(v.rdbSnapshotPeriod.value) : "default period";
        if (o.holds)
          ctx.pass({ resource, messageId: "rdb", data: { instance: v.label, period }, evidence });
        else
          ctx.fail({
            resource,
            messageId: "off",
            data: {
              instance: v.label,
              mode: mode.certainty === "decided" ? String(mode.value) : "not reported (DISABLED)"
            },
            evidence
          });
      } else if (o.holds) {
        ctx.pass({ resource, messageId: "rdb", data: { address: v.label }, evidence });
      } else {
        const data = o.how === "disabled" && mode.certainty === "decided" ? { address: v.label, mode: String(mode.value), ...valueSourceOf(mode) } : { address: v.label };
        ctx.fail({ resource, messageId: o.how, data, ...location, evidence });
      }
    }
  }
});

// packages/rules/dist/backup/backup.sql-automated.js
var FRESH_HOURS = 26;
function finished(r) {
  const t = r.endTime ?? r.startTime ?? r.enqueuedTime ?? r.windowStartTime;
  return t ? Date.parse(t) : void 0;
}
var backup_sql_automated_default = defineViewRule({
  id: "backup.sql-automated",
  title: "Cloud SQL automated backups are off or have not succeeded in the last 26 hours",
  concerns: ["backup.sql-automated"],
  view: "sql-instance",
  sources: {
    tf: { alias: "tf-sql-automated-backups" },
    gcp: { alias: "gcp-sql-automated-backups", facets: ["gcp.sql-backup-runs"] }
  },
  description: `Each primary Cloud SQL instance must take automated backups. **OpenTofu** (\`google_sql_database_instance\`): \`settings.backup_configuration.enabled = true\`; \`false\`, no \`enabled\`, or no \`backup_configuration\` block (both default to off) fails. A value the repository does not settle (a variable without a default or \`.tfvars\` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an \`unknown\` verdict naming that input, which does not gate unless the scan is strict. **Google Cloud**: \`settings.backupConfiguration.enabled\` must be true (sqladmin \`instances.list\`), and the newest backup run with status \`SUCCESSFUL\` (sqladmin \`backupRuns.list\`, newest first) must have finished within ${FRESH_HOURS} hours of the time the data was collected; enabled with only failed, skipped or no runs in that window fails, naming the newest run's status. Read replicas (\`master_instance_name\`, \`replica_configuration\`, \`instance_type = "READ_REPLICA_INSTANCE"\`; live \`instanceType\`, \`masterInstanceName\`) are skipped in both: backups are taken on their primary.`,
  rationale: 'ADR-001 Issue 10 (Disaster Recovery and Backups; P1 for staging, P0 for production): "Cloud SQL backups enabled but not tested"; the plan sets an RPO of one hour on hourly backups and a PITR restore drill. A configuration that does not pin backups on lets a re-created or re-applied instance lose them silently, and a daily backup that keeps failing is no recovery point at all.',
  remediation: {
    text: "Enable automated backups with a start time and a retention, then apply; on the live instance, find out why the newest runs fail (the run's error) and take an on-demand backup to confirm.",
    commands: [
      'settings {\n  backup_configuration {\n    enabled    = true\n    start_time = "03:00"\n    backup_retention_settings {\n      retained_backups = 7\n    }\n  }\n}',
      "gcloud sql instances patch {{database.instance}} --backup-start-time=03:00 --project={{project}}",
      "gcloud sql backups list --instance={{database.instance}} --project={{project}} --limit=5",
      "gcloud sql backups create --instance={{database.instance}} --project={{project}}"
    ]
  },
  benchmarks: [
    {
      standard: "CIS Google Cloud Platform Foundation Benchmark 1.2.0",
      id: "6.7",
      title: "Ensure That Cloud SQL Database Instances Are Configured With Automated Backups"
    },
    { standard: "Security Command Center", id: "AUTO_BACKUP_DISABLED" }
  ],
  messages: {
    // tf
    enabled: "{{address}} has automated backups enabled.",
    disabled: "{{address}} {{sets}} backup_configuration.enabled = {{enabled}}{{from}}: Cloud SQL takes no automated backup.",
    notSet: "{{address}} does not set settings.backup_configuration.enabled (default off): Cloud SQL takes no automated backup.",
    unresolved: "backup_configuration.enabled of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm automated backups are on (the gcp layer reads the live value).",
    // gcp (`disabled` was its id in gcp-sql-automated-backups)
    fresh: `Cloud SQL {{instance}} has automated backups on and a SUCCESSFUL backup within ${FRESH_HOURS} hours.`,
    liveDisabled: "Cloud SQL {{instance}} has automated backups {{state}}.",
    stale: `Cloud SQL {{instance}} has backups on, but its newest SUCCESSFUL backup is older than ${FRESH_HOURS} hours; the newest run is {{newest}}.`,
    noSuccessfulRun: "Cloud SQL {{instance}} has backups on, but none of its {{count}} most recent backup runs succeeded (newest: {{newest}})."
  },
  check(ctx) {
    const now = ctx.now.getTime();
    for (const v of ctx.views) {
      const resource = v.resource;
      if (v.replicaOf) {
        const who = v.source === "gcp" ? `Cloud SQL ${v.label}` : v.label;
        ctx.skip(`${who} is a read replica (${v.replicaOf}); backups are taken on its primary`, resource);
        continue;
      }
      const enabled = v.backupsEnabled;
      const enabledEvidence = evidenceOf(enabled, "true");
      if (v.source === "tf") {
        const address = v.label;
        const location = enabled.origin.location ? { location: enabled.origin.location } : {};
        if (enabled.certainty === "decided" && isTrue(enabled.value))
          ctx.pass({ resource, messageId: "enabled", data: { address }, evidence: [enabledEvidence] });
        else if (enabled.certainty === "unresolved")
          ctx.unknown({
            resource,
            messageId: "unresolved",
            data: { address, expression: enabled.expression },
            ...location,
            evidence: [enabledEvidence],
            dependsOn: enabled.dependsOn
          });
        else if (enabled.certainty === "decided")
          ctx.fail({
            resource,
            messageId: "disabled",
            data: { address, enabled: String(enabled.value), ...valueSourceOf(enabled) },
            ...location,
            evidence: [enabledEvidence]
          });
        else
          ctx.fail({ resource, messageId: "notSet", data: { address }, ...location, evidence: [enabledEvidence] });
        continue;
      }
      const instance = v.label;
      if (!(enabled.certainty === "decided" && enabled.value === true)) {
        ctx.fail({
          resource,
          messageId: "liveDisabled",
          data: {
            instance,
            state: enabled.certainty === "decided" && enabled.value === false ? "off" : "not reported (off)"
          },
          evidence: [enabledEvidence]
        });
        continue;
      }
      if (v.backupRuns.certainty !== "decided")
        continue;
      const runs = v.backupRuns.value;
      const newest = runs[0];
      const newestText = newest ? `${newest.status ?? "of unknown status"}${newest.type ? ` (${newest.type})` : ""}` : "none";
      const successful = runs.filter((r) => r.status === "SUCCESSFUL").map(finished).filter((t) => t !== void 0).sort((a, b) => b - a)[0];
      const fresh = successful !== void 0 && now - successful <= FRESH_HOURS * 36e5;
      const evidence = [
        enabledEvidence,
        { path: "backupRuns[0].status", observed: newest?.status ?? null },
        {
          path: "backupRuns[status=SUCCESSFUL].endTime",
          observed: successful === void 0 ? null : fresh ? `within ${FRESH_HOURS} hours` : `older than ${FRESH_HOURS} hours`,
          expected: `within ${FRESH_HOURS} hours`
        }
      ];
      if (fresh)
        ctx.pass({ resource, messageId: "fresh", data: { instance }, evidence });
      else if (successful !== void 0)
        ctx.fail({ resource, messageId: "stale", data: { instance, newest: newestText }, evidence });
      else
        ctx.fail({
          resource,
          messageId: "noSuccessfulRun",
          data: { instance, count: runs.length, newest: newestText },
          evidence
        });
    }
  }
});

// packages/rules/dist/backup/backup.sql-pitr.js
var backup_sql_pitr_default = defineViewRule({
  id: "backup.sql-pitr",
  title: "Cloud SQL point-in-time recovery is off",
  concerns: ["backup.sql-pitr"],
  view: "sql-instance",
  sources: { tf: { alias: "tf-sql-pitr" }, gcp: { alias: "gcp-sql-pitr" } },
  description: "**OpenTofu**: Each primary `google_sql_database_instance` must keep the logs point-in-time recovery needs: `settings.backup_configuration.point_in_time_recovery_enabled = true` for PostgreSQL (and SQL Server), `binary_log_enabled = true` for MySQL (either one when the version is not a literal), with automated backups on, since recovery replays the log onto a backup. Read replicas are skipped. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first. **Google Cloud** (sqladmin `instances.list`): For every primary Cloud SQL instance: PostgreSQL needs `settings.backupConfiguration.pointInTimeRecoveryEnabled` true, MySQL `binaryLogEnabled` true (its PITR). Off or not reported fails. Read replicas and engines without this setting (SQL Server) are skipped.",
  rationale: 'ADR-001 Issue 10 (Disaster Recovery and Backups) asks to "Test Point-in-Time Recovery (PITR)" and sets an RPO of one hour; without the log, a restore can only go back to the last daily backup.',
  remediation: {
    text: "Enable point-in-time recovery (PostgreSQL; the binary log for MySQL) together with automated backups and a log retention of at least 7 days, then apply (or patch the live instance).",
    commands: [
      "settings {\n  backup_configuration {\n    enabled                        = true\n    point_in_time_recovery_enabled = true\n    transaction_log_retention_days = 7\n  }\n}",
      "gcloud sql instances patch {{database.instance}} --enable-point-in-time-recovery --retained-transaction-log-days=7 --project={{project}}"
    ]
  },
  messages: {
    // tf
    enabled: "{{address}} keeps the {{flag}} log for point-in-time recovery, on top of automated backups.",
    disabled: "{{address}} {{sets}} backup_configuration.{{flag}} = {{value}}{{from}}: no point-in-time recovery, only restores to the last backup.",
    notSet: "{{address}} does not set backup_configuration.{{flag}} (default off): no point-in-time recovery, only restores to the last backup.",
    backupsOff: "{{address}} enables {{flag}} but automated backups are not on (backup_configuration.enabled = {{backups}}): point-in-time recovery replays the log onto a backup, so there is nothing to recover from.",
    unresolved: "{{field}} of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm point-in-time recovery is on (the gcp layer reads the live value).",
    // gcp (ids were `enabled` / `disabled` in gcp-sql-pitr)
    liveEnabled: "Cloud SQL {{instance}} has point-in-time recovery on ({{field}}).",
    liveDisabled: "Cloud SQL {{instance}} has point-in-time recovery off ({{field}} = {{value}})."
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      if (v.replicaOf) {
        const who = v.source === "gcp" ? `Cloud SQL ${v.label}` : v.label;
        ctx.skip(`${who} is a read replica (${v.replicaOf}); recovery is configured on its primary`, resource);
        continue;
      }
      const version = v.databaseVersion.certainty === "decided" ? v.databaseVersion.value : void 0;
      const engine = engineOf(version);
      if (v.source === "gcp") {
        if (engine !== "postgres" && engine !== "mysql") {
          ctx.skip(`Cloud SQL ${v.label} runs ${version ?? "an unknown engine"}, which has no PITR switch here`, resource);
          continue;
        }
        const [field, a] = engine === "postgres" ? ["pointInTimeRecoveryEnabled", v.pointInTimeRecovery] : ["binaryLogEnabled", v.binaryLog];
        const evidence = [evidenceOf(a, "true")];
        if (a.certainty === "decided" && a.value === true)
          ctx.pass({ resource, messageId: "liveEnabled", data: { instance: v.label, field }, evidence });
        else
          ctx.fail({
            resource,
            messageId: "liveDisabled",
            data: { instance: v.label, field, value: String(a.certainty === "decided" ? a.value : "unset") },
            evidence
          });
        continue;
      }
      declared(ctx, v, engine);
    }
  }
});
function declared(ctx, v, engine) {
  const resource = v.resource;
  const address = v.label;
  const flags = engine === "mysql" ? [{ flag: "binary_log_enabled", value: v.binaryLog }] : engine === "postgres" || engine === "sqlserver" ? [{ flag: "point_in_time_recovery_enabled", value: v.pointInTimeRecovery }] : [
    { flag: "point_in_time_recovery_enabled", value: v.pointInTimeRecovery },
    { flag: "binary_log_enabled", value: v.binaryLog }
  ];
  const backups = v.backupsEnabled;
  const evidence = [...flags.map(({ value }) => evidenceOf(value, "true")), evidenceOf(backups, "true")];
  const at = (a) => a.origin.location ? { location: a.origin.location } : {};
  const unresolved = (field, a) => {
    if (a.certainty !== "unresolved")
      return;
    ctx.unknown({
      resource,
      messageId: "unresolved",
      data: { address, field, expression: a.expression },
      ...at(a),
      evidence,
      dependsOn: a.dependsOn
    });
  };
  const on2 = flags.find(({ value }) => value.certainty === "decided" && isTrue(value.value));
  if (on2) {
    if (backups.certainty === "decided" && isTrue(backups.value))
      ctx.pass({ resource, messageId: "enabled", data: { address, flag: on2.flag }, evidence });
    else if (backups.certainty === "unresolved")
      unresolved("backup_configuration.enabled", backups);
    else
      ctx.fail({
        resource,
        messageId: "backupsOff",
        data: {
          address,
          flag: on2.flag,
          backups: backups.certainty === "decided" ? String(backups.value) : "not set, default off"
        },
        ...at(backups),
        evidence
      });
    return;
  }
  const unknown = flags.find(({ value }) => value.certainty === "unresolved");
  if (unknown) {
    unresolved(`backup_configuration.${unknown.flag}`, unknown.value);
    return;
  }
  const first = flags[0];
  ctx.fail({
    resource,
    messageId: first.value.certainty === "decided" ? "disabled" : "notSet",
    data: {
      address,
      flag: first.flag,
      ...first.value.certainty === "decided" ? { value: String(first.value.value), ...valueSourceOf(first.value) } : {}
    },
    ...at(first.value),
    evidence
  });
}

// packages/rules/dist/util/gcp.js
var tf = (type, name) => declarationKey({ layer: "tf", type, name });
var gcpResource = {
  project: (project) => ({ id: `gcp:project/${project}`, kind: "GcpProject", name: project }),
  sqlInstance: (i) => sqlInstanceResource(i),
  sqlDatabase: (project, instance, database) => ({
    id: `gcp:sql/${project}/${instance}/databases/${database}`,
    kind: "CloudSqlDatabase",
    name: `${instance}/${database}`,
    declaredAs: tf("google_sql_database", database)
  }),
  sqlUser: (project, instance, user) => ({
    id: `gcp:sql/${project}/${instance}/users/${user}`,
    kind: "CloudSqlUser",
    name: `${instance}/${user}`,
    declaredAs: tf("google_sql_user", user)
  }),
  redis: (i) => redisInstanceResource(i),
  kmsKey: (project, location, keyRing, key) => kmsKeyResource(project, location, keyRing, key),
  arRepository: (project, location, name) => ({
    id: `gcp:artifactregistry/${project}/${location}/${name}`,
    kind: "ArtifactRegistryRepository",
    name,
    declaredAs: tf("google_artifact_registry_repository", name)
  }),
  cluster: (c) => gkeClusterResource(c),
  nodePool: (c, pool) => gkeNodePoolResource(c, pool),
  secret: (project, name) => secretManagerSecretResource(project, name),
  serviceAccount: (email) => ({
    id: `gcp:serviceaccount/${email}`,
    kind: "ServiceAccount",
    name: email,
    declaredAs: tf("google_service_account", email.split("@")[0] ?? email)
  }),
  api: (project, service) => ({
    id: `gcp:service/${project}/${service}`,
    kind: "GoogleApi",
    name: service,
    declaredAs: tf("google_project_service", service)
  }),
  certificateFor: (project, domain) => ({
    id: `gcp:certificate/${project}/${domain}`,
    kind: "TlsCertificate",
    name: domain
  }),
  backendService: (project, name) => ({
    id: `gcp:backendservice/${project}/${name}`,
    kind: "BackendService",
    name
  }),
  alertSignal: (project, signal) => ({
    id: `gcp:alert-signal/${project}/${signal}`,
    kind: "AlertSignal",
    name: signal
  })
};
function wasRead(read, scope) {
  return read.some((r) => r === scope || scope.startsWith(`${r}/`));
}
function holders(policy, roles) {
  return [...new Set((policy?.bindings ?? []).filter((b) => roles.includes(b.role)).flatMap((b) => b.members))];
}
function rolesOf(policy, member) {
  const wanted = member.toLowerCase();
  return (policy?.bindings ?? []).filter((b) => b.members.some((m) => m.toLowerCase() === wanted)).map((b) => b.role);
}
var PUBLIC_PRINCIPALS = ["allUsers", "allAuthenticatedUsers"];
function machineArchitecture(machineType) {
  if (!machineType)
    return void 0;
  return /^(t2a|c4a|n4a)-/i.test(machineType) ? "arm64" : "amd64";
}
function nodeServiceAccount(reported, projectNumber) {
  if (reported && reported !== "default")
    return reported;
  return projectNumber ? `${projectNumber}-compute@developer.gserviceaccount.com` : void 0;
}
function iacLabel(labels) {
  if (labels["goog-terraform-provisioned"] === "true")
    return "goog-terraform-provisioned=true";
  const managedBy = labels["managed-by"] ?? labels.managed_by;
  if (managedBy && /^(opentofu|tofu|terraform)$/i.test(managedBy))
    return `managed-by=${managedBy}`;
  return void 0;
}

// packages/rules/dist/cache/gcp-redis-instance-ready.js
var gcp_redis_instance_ready_default = defineRule({
  id: "gcp-redis-instance-ready",
  title: "The Memorystore instance is missing or not READY",
  concerns: ["redis.instance-ready"],
  layer: "gcp",
  facets: ["gcp.redis"],
  adrIdentity: "Memorystore instance name (coditect-redis-staging)",
  adrIdentityFields: ["redis.instance"],
  description: "Looks for `expectations.redis.instance` (default `coditect-redis-staging`) among the Memorystore instances of the expected project, in every location (redis `instances.list` on `locations/-`). Missing fails; a `state` other than `READY` (CREATING, REPAIRING, MAINTENANCE, ...) fails with the state.",
  rationale: `ADR-001 Decision 3 left Redis "\u23F3 Creating (5-10 minutes)"; until it is READY the backend has no session or seat-tracking cache, and the endpoint in the app's secret is not known.`,
  remediation: {
    text: "Create the instance (with AUTH and in-transit encryption: they cannot be added later) or wait for it to become READY.",
    commands: [
      'gcloud redis instances describe {{redis.instance}} --region={{region}} --project={{project}} --format="value(state)"',
      "gcloud redis instances create {{redis.instance}} --size=1 --region={{region}} --redis-version=redis_7_0 --auth-enabled --transit-encryption-mode=SERVER_AUTHENTICATION --project={{project}}"
    ]
  },
  messages: {
    ready: "Memorystore {{instance}} ({{location}}) is READY.",
    missing: "Memorystore instance {{instance}} does not exist in project {{project}}.",
    notReady: "Memorystore {{instance}} ({{location}}) is {{state}}, not READY."
  },
  check(ctx) {
    const { project, redis } = ctx.env.expectations;
    const data = ctx.facet("gcp.redis");
    if (!wasRead(data.read, `projects/${project}`))
      return;
    const found = data.instances.filter((i) => i.project === project && i.name === redis.instance);
    if (found.length === 0) {
      ctx.fail({
        resource: gcpResource.redis({ project, location: ctx.env.expectations.region, name: redis.instance }),
        messageId: "missing",
        data: { instance: redis.instance, project },
        evidence: [
          {
            path: "instances[].name",
            observed: data.instances.map((i) => i.name).join(", ") || null,
            expected: redis.instance
          }
        ]
      });
      return;
    }
    for (const i of found) {
      const resource = gcpResource.redis(i);
      const evidence = [{ path: "state", observed: i.state ?? null, expected: "READY" }];
      const d = { instance: i.name, location: i.location, state: i.state ?? "unknown" };
      if (i.state === "READY")
        ctx.pass({ resource, messageId: "ready", data: d, evidence });
      else
        ctx.fail({ resource, messageId: "notReady", data: d, evidence });
    }
  }
});

// packages/rules/dist/cache/redis.auth-disabled.js
var REFUSAL = /^(DENIED|NOAUTH|WRONGPASS)\b/;
function decide2(v) {
  if (v.source === "probe") {
    const ping = v.anonymousPing.certainty === "decided" ? v.anonymousPing.value : void 0;
    if (ping === "pong")
      return { holds: false, how: "disabled" };
    if (ping === "noauth" || ping === "error" && REFUSAL.test(v.anonymousPingReply ?? ""))
      return { holds: true };
    return { holds: "unanswered" };
  }
  const auth = v.authEnabled;
  if (auth.certainty === "unresolved")
    return { holds: void 0, on: auth };
  if (auth.certainty === "absent")
    return { holds: false, how: "notSet" };
  return isTrue(auth.value) ? { holds: true } : { holds: false, how: "disabled" };
}
var redis_auth_disabled_default = defineViewRule({
  id: "redis.auth-disabled",
  title: "Memorystore AUTH is disabled",
  concerns: ["redis.auth-disabled"],
  view: "redis-instance",
  sources: {
    tf: { alias: "tf-redis-auth" },
    gcp: {
      alias: "gcp-redis-auth",
      messages: {
        enabled: "Memorystore {{instance}} requires AUTH.",
        disabled: "Memorystore {{instance}} has AUTH disabled: any client in the VPC can use the cache."
      }
    },
    probe: { alias: "probe-redis-auth" },
    drift: {}
  },
  description: "Each Memorystore instance must require the AUTH string. **OpenTofu** (`google_redis_instance`): `auth_enabled = true`; `false`, or no value (the default is false), fails. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first. **Google Cloud** (redis `instances.list`): `authEnabled`; an absent value is Google's default, false, and fails. The AUTH string is never requested (`getAuthString` is not called). **Probe**: sends `PING` without `AUTH` over the configured transport. `NOAUTH Authentication required` passes (and so do `DENIED`, protected mode); `PONG` fails: any client that reaches the port can read and write the cache. When a `passwordEnv` is configured the probe then authenticates with it (only over TLS whose certificate it verified) and reads `INFO server`; a refused AUTH string is an error verdict, not a pass. **Drift**: a declaration that requires AUTH while the live instance of the same name does not (or the reverse) is a finding at the live instance.",
  rationale: 'ADR-001 Issue 4 (Redis Authentication and Encryption, P0 "Must fix before production"): "Redis created without AUTH token or TLS encryption. Impact: High - Unprotected cache accessible within VPC." The cache holds sessions and license seat tracking; without AUTH, any pod or VM in the network can read them or flush the seat counts.',
  remediation: {
    text: "Set `auth_enabled = true`, apply (or enable AUTH on the live instance: unlike TLS, AUTH can be turned on in place), read the AUTH string into the application's secret (never into the repository), and make Django send it.",
    commands: [
      "auth_enabled = true",
      "gcloud redis instances update {{redis.instance}} --region={{region}} --enable-auth --project={{project}}",
      "gcloud redis instances get-auth-string {{redis.instance}} --region={{region}} --project={{project}} --format='value(authString)' | gcloud secrets versions add redis-password-staging --data-file=- --project={{project}}"
    ]
  },
  benchmarks: [{ standard: "ScoutSuite", id: "memorystore-redis-instance-auth-not-enabled" }],
  messages: {
    // tf (gcp words enabled/disabled its own way: see sources.gcp.messages)
    enabled: "{{address}} requires the AUTH string (auth_enabled = true).",
    disabled: "{{address}} {{sets}} auth_enabled = {{value}}{{from}}: any client in the VPC can read and write the cache.",
    notSet: "{{address}} does not set auth_enabled (default false): any client in the VPC can read and write the cache.",
    unresolved: "auth_enabled of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm AUTH is required (the gcp layer reads the live value).",
    // probe
    open: "{{endpoint}} answered {{reply}} to a PING without AUTH: anyone who reaches it can read and write the cache.",
    refused: "{{endpoint}} refused a PING without AUTH ({{reply}}).",
    // drift
    driftLiveWeaker: "{{address}} declares that Memorystore {{instance}} requires AUTH, but the live instance does not: it was changed outside OpenTofu or the declaration was never applied.",
    driftLiveStricter: "Memorystore {{instance}} requires AUTH, but {{address}} declares auth_enabled false or unset: the next `tofu apply` would turn AUTH off.",
    consistent: "{{address}} and the live Memorystore {{instance}} agree on AUTH."
  },
  drift: {
    // Drift pairs the declaration with the Admin API's instance; the probe's own states never reach it.
    holds: (v) => {
      const h = decide2(v).holds;
      return typeof h === "boolean" ? h : void 0;
    },
    messages: { consistent: "consistent", liveWeaker: "driftLiveWeaker", liveStricter: "driftLiveStricter" },
    data: (declared3, live2) => ({ address: declared3.label, instance: live2.label }),
    evidence: (declared3, live2) => [evidenceOf(declared3.authEnabled, "true"), evidenceOf(live2.authEnabled, "true")]
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      const o = decide2(v);
      if (v.source === "probe") {
        const reply = v.anonymousPingReply ?? String(v.anonymousPing.certainty === "decided" ? v.anonymousPing.value : "");
        const data = { endpoint: v.label, reply };
        const evidence2 = [{ path: v.anonymousPing.origin.path, observed: reply, expected: "NOAUTH" }];
        if (o.holds === true)
          ctx.pass({ resource, messageId: "refused", data, evidence: evidence2 });
        else if (o.holds === false)
          ctx.fail({ resource, messageId: "open", data, evidence: evidence2 });
        else
          ctx.skip(`${v.label} gave no usable answer to PING (${reply}); see the error verdict`, resource);
        continue;
      }
      const auth = v.authEnabled;
      const evidence = [evidenceOf(auth, "true")];
      const name = v.source === "tf" ? { address: v.label } : { instance: v.label };
      const location = auth.origin.location ? { location: auth.origin.location } : {};
      if (o.holds === void 0) {
        ctx.unknown({
          resource,
          messageId: "unresolved",
          data: { address: v.label, expression: o.on.expression },
          ...location,
          evidence,
          dependsOn: o.on.dependsOn
        });
      } else if (o.holds === true) {
        ctx.pass({ resource, messageId: "enabled", data: name, evidence });
      } else if (o.holds === false) {
        const data = v.source === "tf" && o.how === "disabled" && auth.certainty === "decided" ? { ...name, value: String(auth.value), ...valueSourceOf(auth) } : name;
        ctx.fail({ resource, messageId: v.source === "tf" ? o.how : "disabled", data, ...location, evidence });
      }
    }
  }
});

// packages/rules/dist/cache/redis.transit-encryption-disabled.js
var TLS_MODE = "SERVER_AUTHENTICATION";
function decide3(v) {
  if (v.source === "probe") {
    const d = v.probe;
    const problems = [];
    if (v.plaintextConnection.certainty === "decided" && v.plaintextConnection.value === "answered")
      problems.push("plaintext");
    if (d.tls && !d.certificate)
      problems.push("noTls");
    if (d.tls && d.certificate && !d.certificate.trusted)
      problems.push("untrusted");
    if (d.tls && d.certificate && !d.certificate.hostnameMatches)
      problems.push("wrongHost");
    if (problems.length)
      return { holds: false, how: "observed", problems };
    return d.tls && d.certificate ? { holds: true } : { holds: "unobserved" };
  }
  const mode = v.transitEncryptionMode;
  if (mode.certainty === "unresolved")
    return { holds: void 0, on: mode };
  if (mode.certainty === "absent")
    return { holds: false, how: "notSet" };
  return mode.value === TLS_MODE ? { holds: true } : { holds: false, how: "disabled" };
}
var redis_transit_encryption_disabled_default = defineViewRule({
  id: "redis.transit-encryption-disabled",
  title: "Memorystore in-transit encryption is disabled",
  concerns: ["redis.transit-encryption-disabled"],
  view: "redis-instance",
  sources: {
    tf: { alias: "tf-redis-transit-encryption" },
    gcp: {
      alias: "gcp-redis-transit-encryption",
      messages: {
        encrypted: "Memorystore {{instance}} encrypts traffic in transit (SERVER_AUTHENTICATION, port {{port}}).",
        plaintext: "Memorystore {{instance}} has transitEncryptionMode {{mode}}: clients talk to it in plaintext."
      }
    },
    probe: { alias: "probe-redis-transit-encryption" },
    drift: {}
  },
  description: 'Each Memorystore instance must encrypt client traffic. **OpenTofu** (`google_redis_instance`): `transit_encryption_mode = "SERVER_AUTHENTICATION"` (TLS); `DISABLED`, or no value (the default is DISABLED), fails. The mode cannot change on an existing instance: OpenTofu replaces the instance, so plan the migration. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first. **Google Cloud** (redis `instances.list`): `transitEncryptionMode` `SERVER_AUTHENTICATION` passes (TLS on port 6378); `DISABLED` or absent fails (plaintext on port 6379). **Probe**: with `tls: true`, completes a TLS handshake (sending nothing) and checks the server certificate: it must chain to a trusted CA (`caFile`: the Memorystore server CA), cover the host name, and not be expired; then sends a `PING` over a plain TCP connection to the same port, which must not be answered. With `tls: false` (or when Redis answers in plaintext) the cache is reachable unencrypted and the rule fails. **Drift**: a declaration of SERVER_AUTHENTICATION while the live instance of the same name is DISABLED (or the reverse) is a finding at the live instance.',
  rationale: 'ADR-001 Issue 4 (Redis Authentication and Encryption, P0): "Redis created without AUTH token or TLS encryption"; the ADR recreates the instance (`coditect-redis-staging-v2`) because the mode "cannot modify existing instance". Without TLS the AUTH string and every cached session cross the VPC in clear text. A certificate the client cannot verify gives no protection against interception, because a client that accepts any certificate accepts the attacker\u2019s.',
  remediation: {
    text: "Create a replacement instance with TLS and AUTH, move the application to it (TLS on port 6378, the server CA from the instance), then delete the old one. In OpenTofu, setting the mode replaces the instance. The ADR spells the flags `--auth-enabled` and `SERVER_AUTH`; gcloud expects `--enable-auth` and `server-authentication`.",
    commands: [
      'transit_encryption_mode = "SERVER_AUTHENTICATION"\nauth_enabled            = true',
      "gcloud redis instances create {{redis.instance}}-v2 --size=1 --region={{region}} --redis-version=redis_7_0 --enable-auth --transit-encryption-mode=server-authentication --project={{project}}",
      'gcloud redis instances describe {{redis.instance}}-v2 --region={{region}} --format="value(serverCaCerts[0].cert)" > server-ca.pem',
      "gcloud redis instances delete {{redis.instance}} --region={{region}} --async --project={{project}}"
    ]
  },
  benchmarks: [{ standard: "ScoutSuite", id: "memorystore-redis-instance-ssl-not-required" }],
  messages: {
    // tf
    tls: "{{address}} encrypts client traffic (transit_encryption_mode = SERVER_AUTHENTICATION).",
    disabled: "{{address}} {{sets}} transit_encryption_mode = {{mode}}{{from}}: clients and the AUTH string travel in clear text.",
    notSet: "{{address}} does not set transit_encryption_mode (default DISABLED): clients and the AUTH string travel in clear text.",
    unresolved: "transit_encryption_mode of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm SERVER_AUTHENTICATION (the gcp layer reads the live value).",
    // probe (gcp words encrypted/plaintext its own way: see sources.gcp.messages)
    plaintext: "{{endpoint}} answered a plaintext client ({{reply}}): traffic to the cache is not encrypted.",
    noTls: "{{endpoint}} did not complete a TLS handshake ({{error}}).",
    untrusted: "The TLS certificate of {{endpoint}} is not trusted ({{reason}}): clients cannot tell the server from an impostor.",
    wrongHost: "The TLS certificate of {{endpoint}} does not cover {{hostname}} (it names {{names}}).",
    encrypted: "{{endpoint}} speaks TLS only, with a trusted certificate for {{hostname}} valid until {{validTo}}.",
    // drift
    driftLiveWeaker: "{{address}} declares that Memorystore {{instance}} encrypts traffic (SERVER_AUTHENTICATION), but the live instance does not: it is not the declared instance, or the declaration was never applied (the mode cannot change in place).",
    driftLiveStricter: "Memorystore {{instance}} encrypts traffic, but {{address}} declares transit_encryption_mode DISABLED or unset: the next `tofu apply` would replace it with a plaintext instance.",
    consistent: "{{address}} and the live Memorystore {{instance}} agree on in-transit encryption."
  },
  drift: {
    // Drift pairs the declaration with the Admin API's instance; the probe's own states never reach it.
    holds: (v) => {
      const h = decide3(v).holds;
      return typeof h === "boolean" ? h : void 0;
    },
    messages: { consistent: "consistent", liveWeaker: "driftLiveWeaker", liveStricter: "driftLiveStricter" },
    data: (declared3, live2) => ({ address: declared3.label, instance: live2.label }),
    evidence: (declared3, live2) => [
      evidenceOf(declared3.transitEncryptionMode, TLS_MODE),
      evidenceOf(live2.transitEncryptionMode, TLS_MODE)
    ]
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      const o = decide3(v);
      if (v.source === "probe") {
        const d = v.probe;
        const endpoint = v.label;
        const cert = d.certificate;
        if (o.holds === true && cert)
          ctx.pass({
            resource,
            messageId: "encrypted",
            data: { endpoint, hostname: cert.hostname, validTo: cert.validTo.slice(0, 10) }
          });
        if (o.holds !== false || o.how !== "observed")
          continue;
        for (const p of o.problems) {
          if (p === "plaintext")
            ctx.fail({
              resource,
              messageId: "plaintext",
              data: { endpoint, reply: v.plaintextReply ?? "a Redis reply" },
              discriminator: "plaintext",
              evidence: [
                {
                  path: v.plaintextConnection.origin.path,
                  observed: v.plaintextReply ?? "answered",
                  expected: "no answer (TLS only)"
                }
              ]
            });
          else if (p === "noTls")
            ctx.fail({
              resource,
              messageId: "noTls",
              data: { endpoint, error: d.tlsError ?? "no certificate" },
              discriminator: "tls",
              evidence: [{ path: "TLS handshake", observed: d.tlsError ?? null, expected: "a certificate" }]
            });
          else if (p === "untrusted" && cert)
            ctx.fail({
              resource,
              messageId: "untrusted",
              data: { endpoint, reason: cert.trustError ?? "unknown reason" },
              discriminator: "certificate:trust",
              evidence: [
                {
                  path: "certificate",
                  observed: cert.trustError ?? "untrusted",
                  expected: "chains to the configured CA"
                }
              ]
            });
          else if (p === "wrongHost" && cert)
            ctx.fail({
              resource,
              messageId: "wrongHost",
              data: { endpoint, hostname: cert.hostname, names: cert.altNames.join(", ") || cert.subject },
              discriminator: "certificate:host",
              evidence: [
                { path: "certificate.subjectAltName", observed: cert.altNames.join(", "), expected: cert.hostname }
              ]
            });
        }
        continue;
      }
      const mode = v.transitEncryptionMode;
      const evidence = [evidenceOf(mode, TLS_MODE)];
      const location = mode.origin.location ? { location: mode.origin.location } : {};
      if (o.holds === void 0) {
        ctx.unknown({
          resource,
          messageId: "unresolved",
          data: { address: v.label, expression: o.on.expression },
          ...location,
          evidence,
          dependsOn: o.on.dependsOn
        });
      } else if (v.source === "gcp") {
        if (o.holds === true) {
          const port = v.port.certainty === "decided" ? v.port.value : 6378;
          ctx.pass({ resource, messageId: "encrypted", data: { instance: v.label, port }, evidence });
        } else {
          const observed = mode.certainty === "decided" ? String(mode.value) : "unset (DISABLED)";
          ctx.fail({ resource, messageId: "plaintext", data: { instance: v.label, mode: observed }, evidence });
        }
      } else if (o.holds === true) {
        ctx.pass({ resource, messageId: "tls", data: { address: v.label }, evidence });
      } else if (o.holds === false && o.how !== "observed") {
        const data = o.how === "disabled" && mode.certainty === "decided" ? { address: v.label, mode: String(mode.value), ...valueSourceOf(mode) } : { address: v.label };
        ctx.fail({ resource, messageId: o.how, data, ...location, evidence });
      }
    }
  }
});

// packages/rules/dist/util/workflows.js
function stepLabel(step) {
  if (step.name?.trim())
    return step.name.trim();
  if (step.uses)
    return actionIdentity(step.uses.raw);
  const first = step.run?.commands.flatMap((c) => c.simple)[0];
  return first?.argv[0] ? `run:${first.argv[0]}` : "run";
}
function workflowResource(wf) {
  return { id: wf.file, kind: "Workflow", name: wf.name ?? wf.file, file: wf.file };
}
function jobResource(wf, job) {
  return { id: `${wf.file}#job:${job.id}`, kind: "WorkflowJob", name: job.id, file: wf.file };
}
function stepResource(wf, job, step) {
  const label = stepLabel(step);
  return { id: `${wf.file}#job:${job.id}/step:${label}`, kind: "WorkflowStep", name: label, file: wf.file };
}
function actionIdentity(raw) {
  if (raw.startsWith("docker://"))
    return raw.replace(/@sha256:[0-9a-f]+$/i, "").replace(/:[^/:@]+$/, "");
  const at = raw.lastIndexOf("@");
  return at > 0 ? raw.slice(0, at) : raw;
}
function actionRepository(step) {
  const uses = step.uses;
  if (uses?.kind !== "remote")
    return void 0;
  const path = uses.repository ?? actionIdentity(uses.raw);
  return path.split("/").slice(0, 2).join("/").toLowerCase();
}
function withValue(step, key) {
  return step.with[key]?.value;
}
function withLocation(wf, step, key) {
  const entry = step.with[key];
  return entry ? { file: wf.file, startLine: entry.line, startColumn: entry.column } : void 0;
}
function usesLocation(wf, step) {
  return step.uses ? { file: wf.file, startLine: step.uses.line, startColumn: step.uses.column } : { file: wf.file, startLine: step.line };
}
function isDynamic(value) {
  return value.includes("${{") || /\$(?:\{|[A-Za-z_])/.test(value);
}
function stepCommands(step) {
  return (step.run?.commands ?? []).flatMap((c) => c.simple);
}
function optionValues(argv, names) {
  const values = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i];
    for (const name of names) {
      if (w === name && argv[i + 1] !== void 0)
        values.push(argv[i + 1]);
      else if (w.startsWith(`${name}=`))
        values.push(w.slice(name.length + 1));
      else if (/^-[a-zA-Z]$/.test(name) && w.startsWith(name) && w.length > 2 && !w.startsWith("--"))
        values.push(w.slice(2));
    }
  }
  return values;
}
function hasFlag(argv, names) {
  return argv.some((w) => names.includes(w) || names.some((n) => n.startsWith("--") && w.startsWith(`${n}=`)));
}
function positionals(argv, valueOptions) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i];
    if (w.startsWith("-")) {
      if (valueOptions.has(w))
        i++;
      continue;
    }
    out.push(w);
  }
  return out;
}
function imageBuild(cmd) {
  const tool = buildTool(cmd.argv);
  if (!tool)
    return void 0;
  const args = cmd.argv.slice(tool.split(" ").length);
  const outputs = optionValues(args, ["-o", "--output"]);
  const push = hasFlag(args, ["--push"]) || outputs.some((o) => /(?:^|,)type=registry(?:,|$)/.test(o) || /push=true/.test(o));
  const defaultPlatform = cmd.assignments.DOCKER_DEFAULT_PLATFORM;
  return {
    tool,
    platforms: optionValues(args, ["--platform"]),
    tags: optionValues(args, ["-t", "--tag"]),
    push,
    ...defaultPlatform !== void 0 ? { defaultPlatform } : {}
  };
}
function buildTool(argv) {
  const [program, ...rest] = argv;
  const sub = positionals(rest, /* @__PURE__ */ new Set(["-H", "--host", "-c", "--context", "--config", "-l", "--log-level"]));
  if (program === "docker") {
    if (sub[0] === "build")
      return "docker build";
    if (sub[0] === "buildx" && (sub[1] === "build" || sub[1] === "b"))
      return "docker buildx build";
    if ((sub[0] === "image" || sub[0] === "builder") && sub[1] === "build")
      return "docker image build";
    return void 0;
  }
  if (program === "podman" && (sub[0] === "build" || sub[0] === "buildx" && sub[1] === "build"))
    return "podman build";
  if (program === "buildah" && (sub[0] === "build" || sub[0] === "bud"))
    return "buildah build";
  if (program === "nerdctl" && sub[0] === "build")
    return "nerdctl build";
  return void 0;
}
function isCloudBuildSubmit(cmd) {
  const sub = gcloudCommand(cmd.argv);
  return sub[0] === "builds" && sub[1] === "submit";
}
function isBuildPushAction(step) {
  return actionRepository(step) === "docker/build-push-action";
}
function buildPushActionPushes(step) {
  const push = withValue(step, "push")?.trim();
  if (push && (push === "true" || push.includes("${{")))
    return true;
  const outputs = withValue(step, "outputs") ?? "";
  return /type=registry|push=true/.test(outputs);
}
function splitPlatforms(value) {
  return value.split(/[\s,]+/).map((p) => p.trim()).filter(Boolean);
}
function splitTags(value) {
  return value.split(/[\n,]/).map((t) => t.trim()).filter(Boolean);
}
function normalizePlatform(platform) {
  const parts = platform.toLowerCase().split("/");
  const [os, arch] = parts.length === 1 ? ["linux", parts[0]] : [parts[0], parts[1]];
  const aliases = { x86_64: "amd64", "x86-64": "amd64", aarch64: "arm64" };
  return `${os}/${aliases[arch ?? ""] ?? arch}`;
}
function missingPlatforms(written, expected) {
  const have = new Set(written.flatMap(splitPlatforms).map(normalizePlatform));
  return expected.filter((p) => !have.has(normalizePlatform(p)));
}
function isImagePush(cmd) {
  const [program, sub] = cmd.argv;
  return (program === "docker" || program === "podman" || program === "buildah" || program === "nerdctl") && (sub === "push" || sub === "image" && cmd.argv[2] === "push");
}
function imagesPushedOrRetagged(cmd) {
  const [program, sub, ...rest] = cmd.argv;
  if (program !== "docker" && program !== "podman")
    return [];
  if (sub === "push" || sub === "tag")
    return positionals(rest, /* @__PURE__ */ new Set()).slice(0, 1);
  return [];
}
var KUBECTL_VALUE_OPTIONS = /* @__PURE__ */ new Set([
  "-n",
  "--namespace",
  "--context",
  "--kubeconfig",
  "--cluster",
  "--user",
  "-s",
  "--server",
  "--token",
  "--as"
]);
var HELM_VALUE_OPTIONS = /* @__PURE__ */ new Set(["-n", "--namespace", "--kube-context", "--kubeconfig"]);
var GCLOUD_VALUE_OPTIONS = /* @__PURE__ */ new Set([
  "--project",
  "--account",
  "--configuration",
  "--impersonate-service-account",
  "--verbosity",
  "--format"
]);
function gcloudCommand(argv) {
  if (argv[0] !== "gcloud")
    return [];
  return positionals(argv.slice(1), GCLOUD_VALUE_OPTIONS).filter((w) => w !== "alpha" && w !== "beta");
}
function deployCommand(cmd) {
  const [program, ...rest] = cmd.argv;
  if (program === "kubectl") {
    const sub = positionals(rest, KUBECTL_VALUE_OPTIONS);
    if (sub[0] === "apply" || sub[0] === "replace")
      return `kubectl ${sub[0]}`;
    if (sub[0] === "set" && sub[1] === "image")
      return "kubectl set image";
    if (sub[0] === "rollout" && sub[1] === "restart")
      return "kubectl rollout restart";
    return void 0;
  }
  if (program === "helm") {
    const sub = positionals(rest, HELM_VALUE_OPTIONS);
    return sub[0] === "upgrade" || sub[0] === "install" ? `helm ${sub[0]}` : void 0;
  }
  if (program === "skaffold")
    return rest[0] === "run" || rest[0] === "deploy" ? `skaffold ${rest[0]}` : void 0;
  const g = gcloudCommand(cmd.argv);
  if ((g[0] === "run" || g[0] === "app" || g[0] === "functions") && g[1] === "deploy")
    return `gcloud ${g[0]} deploy`;
  if (g[0] === "run" && g[1] === "services" && g[2] === "replace")
    return "gcloud run services replace";
  if (g[0] === "deploy" && g[1] === "releases" && g[2] === "create")
    return "gcloud deploy releases create";
  return void 0;
}
function isDeployAction(step) {
  const repo = actionRepository(step);
  if (!repo)
    return false;
  const [owner, name] = repo.split("/");
  return owner === "google-github-actions" && (name?.startsWith("deploy-") ?? false) || name === "k8s-deploy";
}
function branchPattern(pattern) {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*" && pattern[i + 1] === "*") {
      re += ".*";
      i++;
    } else if (c === "*")
      re += "[^/]*";
    else if (c === "?")
      re += ".";
    else if (c === "+" && i > 0)
      re += "+";
    else if (c === "[") {
      const close = pattern.indexOf("]", i);
      if (close < 0)
        re += "\\[";
      else {
        re += pattern.slice(i, close + 1);
        i = close;
      }
    } else
      re += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}
function pushTriggers(wf, branch) {
  if (!wf.on.includes("push"))
    return false;
  if (wf.pushBranches.length === 0)
    return true;
  let matched = false;
  for (const p of wf.pushBranches) {
    if (p.startsWith("!")) {
      if (branchPattern(p.slice(1)).test(branch))
        matched = false;
    } else if (branchPattern(p).test(branch))
      matched = true;
  }
  return matched;
}
function effectivePermissions(wf, job) {
  return job.permissions ?? wf.permissions;
}
function grantsIdToken(permissions) {
  if (permissions === void 0)
    return false;
  if (typeof permissions === "string")
    return permissions.trim() === "write-all";
  return permissions["id-token"]?.trim() === "write";
}
function calledWorkflow(all, job) {
  if (job.uses?.kind !== "local")
    return void 0;
  const path = job.uses.raw.replace(/^\.\//, "").replace(/@.*$/, "");
  return all.find((wf) => wf.file === path);
}
function callersOf(all, wf) {
  return all.flatMap((w) => w.jobs.filter((j) => calledWorkflow(all, j) === wf).map((j) => ({ workflow: w, job: j })));
}
function downstreamJobs(wf, job) {
  const after = /* @__PURE__ */ new Set([job.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const j of wf.jobs) {
      if (!after.has(j.id) && j.needs.some((n) => after.has(n))) {
        after.add(j.id);
        grew = true;
      }
    }
  }
  return wf.jobs.filter((j) => j.id !== job.id && after.has(j.id));
}

// packages/rules/dist/cicd/build-platform-flag.js
var build_platform_flag_default = defineRule({
  id: "build-platform-flag",
  title: "Image builds in workflows target linux/amd64 explicitly",
  concerns: ["build.platform-flag"],
  layer: "files",
  facets: ["files.workflows"],
  description: `Every image build in a workflow (\`docker build\`, \`docker buildx build\`, \`docker image build\`, \`podman build\`, \`buildah build\` in \`run\` scripts, and \`docker/build-push-action\` steps) names the platforms GKE nodes run (\`--platform linux/amd64\`, a list containing it such as \`--platform=linux/amd64,linux/arm64\`, or \`with.platforms\`). Builds whose image never leaves the runner (no \`--push\`, no registry tag, not pushed or retagged later in the job) are skipped. \`gcloud builds submit\` passes: Cloud Build workers are linux/amd64. A platform set from an expression (\`\${{ matrix.platform }}\`) is skipped: it is only known at run time. \`DOCKER_DEFAULT_PLATFORM\` counts when it is set on the command, exported earlier in the same script, or appended to \`$GITHUB_ENV\` by an earlier step of the job (a step or job \`env:\` is not read).`,
  rationale: 'ADR-001 Decision 2: images built on macOS (arm64) made GKE (linux/amd64) fail with "no match for platform", and the consequence recorded there is that CI/CD must use `--platform linux/amd64`. Lesson 2 repeats it: "Always use --platform linux/amd64 flag." Without the flag a build inherits the architecture of the machine it runs on, so an arm64 runner or a laptop silently produces an image GKE cannot run.',
  remediation: {
    text: "Name the platform on every build that feeds GKE: `--platform linux/amd64` on the command line, or `platforms: linux/amd64` on docker/build-push-action (add `linux/arm64` to the list if you also need it).",
    commands: [
      `- name: Build and push Docker image
  run: |
    docker buildx build --platform linux/amd64 \\
      -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:\${{ github.sha }} \\
      --push .`,
      `- name: Build and push Docker image
  uses: docker/build-push-action@<full-commit-sha> # v6
  with:
    platforms: linux/amd64
    push: true
    tags: {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:\${{ github.sha }}`
    ]
  },
  benchmarks: [],
  messages: {
    missingPlatform: "`{{tool}}` of {{image}} has no --platform: the image gets the architecture of the machine that builds it, and GKE nodes run {{expected}}.",
    wrongPlatform: "`{{tool}}` of {{image}} builds for {{platforms}}, without {{missing}} that GKE nodes run.",
    actionMissingPlatforms: "docker/build-push-action has no `platforms` input: the image gets the architecture of the runner, and GKE nodes run {{expected}}.",
    actionWrongPlatforms: "docker/build-push-action builds for {{platforms}}, without {{missing}} that GKE nodes run.",
    targetsPlatform: "`{{tool}}` of {{image}} builds for {{platforms}}.",
    cloudBuild: "`gcloud builds submit` builds on Cloud Build workers, which are linux/amd64."
  },
  check(ctx) {
    const expected = ctx.env.expectations.platforms;
    for (const wf of ctx.facet("files.workflows").files) {
      for (const job of wf.jobs) {
        const leaving = imagesLeavingRunner(job);
        const local = imagesLoadedLocally(job);
        let jobDefaultPlatform;
        for (const step of job.steps) {
          const resource = stepResource(wf, job, step);
          if (isBuildPushAction(step))
            checkAction(wf, step, resource, leaving);
          let stepDefaultPlatform = jobDefaultPlatform;
          for (const cmd of stepCommands(step)) {
            stepDefaultPlatform = exportedDefaultPlatform(cmd) ?? stepDefaultPlatform;
            jobDefaultPlatform = githubEnvDefaultPlatform(cmd) ?? jobDefaultPlatform;
            if (isCloudBuildSubmit(cmd)) {
              if (missingPlatforms(["linux/amd64"], expected).length === 0)
                ctx.pass({ resource, messageId: "cloudBuild", discriminator: "build:cloud-build" });
              else
                ctx.skip(`Cloud Build builds linux/amd64 only unless its config says more; ${expected.join(", ")} are expected`, resource);
              continue;
            }
            const build = imageBuild(cmd);
            if (build)
              checkCommand(wf, cmd, build, resource, leaving, local, stepDefaultPlatform);
          }
        }
      }
    }
    function checkCommand(wf, cmd, build, resource, leaving, local, defaultPlatform) {
      const image = build.tags[0] ?? "(untagged image)";
      const discriminator = `build:${build.tags[0] ?? build.tool}`;
      if (!build.push && build.tags.length > 0 && build.tags.every((t) => local.has(t) && !leaving.has(t))) {
        ctx.skip(`\`${build.tool}\` of ${image} is loaded into a cluster on the runner (kind, minikube, k3d), built for the runner's own architecture`, resource);
        return;
      }
      if (!build.push && !build.tags.some((t) => isRegistryTag(t) || leaving.has(t))) {
        ctx.skip(`\`${build.tool}\` of ${image} keeps the image on the runner (no --push, no registry tag)`, resource);
        return;
      }
      const written = build.platforms.length > 0 ? build.platforms : [build.defaultPlatform ?? defaultPlatform].filter(isSet);
      const location = { file: wf.file, startLine: cmd.line };
      if (written.length === 0) {
        ctx.fail({
          resource,
          messageId: "missingPlatform",
          data: { tool: build.tool, image, expected: expected.join(", ") },
          location,
          evidence: [{ path: `${build.tool} --platform`, observed: null, expected: expected.join(",") }],
          discriminator
        });
        return;
      }
      if (written.some(isDynamic)) {
        ctx.skip(`\`${build.tool}\` of ${image} takes its platform from ${written.join(", ")}, known only at run time`, resource);
        return;
      }
      const platforms = written.flatMap(splitPlatforms).map(normalizePlatform).join(", ");
      const missing = missingPlatforms(written, expected);
      if (missing.length > 0) {
        ctx.fail({
          resource,
          messageId: "wrongPlatform",
          data: { tool: build.tool, image, platforms, missing: missing.join(", ") },
          location,
          evidence: [{ path: `${build.tool} --platform`, observed: written.join(","), expected: expected.join(",") }],
          discriminator
        });
        return;
      }
      ctx.pass({ resource, messageId: "targetsPlatform", data: { tool: build.tool, image, platforms }, discriminator });
    }
    function checkAction(wf, step, resource, leaving) {
      const tags = splitTags(withValue(step, "tags") ?? "");
      if (!buildPushActionPushes(step) && !tags.some((t) => leaving.has(t))) {
        ctx.skip("docker/build-push-action does not push (`push` is not true) and its tags are not pushed later", resource);
        return;
      }
      const discriminator = "build:docker/build-push-action";
      const value = withValue(step, "platforms");
      if (value === void 0 || !value.trim()) {
        ctx.fail({
          resource,
          messageId: "actionMissingPlatforms",
          data: { expected: expected.join(", ") },
          location: usesLocation(wf, step),
          evidence: [{ path: "with.platforms", observed: null, expected: expected.join(",") }],
          discriminator
        });
        return;
      }
      if (isDynamic(value)) {
        ctx.skip(`docker/build-push-action takes its platforms from ${value.trim()}, known only at run time`, resource);
        return;
      }
      const platforms = splitPlatforms(value).map(normalizePlatform).join(", ");
      const missing = missingPlatforms([value], expected);
      if (missing.length > 0) {
        ctx.fail({
          resource,
          messageId: "actionWrongPlatforms",
          data: { platforms, missing: missing.join(", ") },
          location: withLocation(wf, step, "platforms") ?? usesLocation(wf, step),
          evidence: [{ path: "with.platforms", observed: value.trim(), expected: expected.join(",") }],
          discriminator
        });
        return;
      }
      ctx.pass({
        resource,
        messageId: "targetsPlatform",
        data: { tool: "docker/build-push-action", image: tags[0] ?? "(untagged image)", platforms },
        discriminator
      });
    }
  }
});
function isSet(v) {
  return v !== void 0 && v !== "";
}
function isRegistryTag(tag) {
  return tag.includes("/") || isDynamic(tag);
}
function imagesLeavingRunner(job) {
  return new Set(job.steps.flatMap((s) => stepCommands(s)).flatMap(imagesPushedOrRetagged));
}
function imagesLoadedLocally(job) {
  const out = /* @__PURE__ */ new Set();
  for (const cmd of job.steps.flatMap((s) => stepCommands(s))) {
    const [tool, a, b, ...rest] = cmd.argv;
    const images = tool === "kind" && a === "load" && b === "docker-image" ? rest : tool === "minikube" && a === "image" && b === "load" || tool === "k3d" && a === "image" && b === "import" ? rest : [];
    for (const image of images)
      if (!image.startsWith("-"))
        out.add(image);
  }
  return out;
}
function exportedDefaultPlatform(cmd) {
  if (cmd.argv.length === 0)
    return cmd.assignments.DOCKER_DEFAULT_PLATFORM;
  if (cmd.argv[0] !== "export")
    return void 0;
  for (const w of cmd.argv.slice(1))
    if (w.startsWith("DOCKER_DEFAULT_PLATFORM="))
      return w.slice(24);
  return void 0;
}
function githubEnvDefaultPlatform(cmd) {
  if (cmd.argv[0] !== "echo" && cmd.argv[0] !== "printf")
    return void 0;
  if (!cmd.argv.some((w) => w.includes("GITHUB_ENV")))
    return void 0;
  return cmd.argv.find((w) => w.startsWith("DOCKER_DEFAULT_PLATFORM="))?.slice(24);
}

// packages/rules/dist/cicd/cicd-long-lived-key.js
var KEY_INPUTS = ["credentials_json", "credentials", "service_account_key"];
var SECRET_REFERENCE = /^\$\{\{\s*secrets\.([A-Za-z0-9_]+)\s*\}\}$/;
var cicd_long_lived_key_default = defineRule({
  id: "cicd-long-lived-key",
  title: "CI authenticates to Google Cloud with Workload Identity Federation, not a JSON key",
  concerns: ["cicd.long-lived-key"],
  layer: "files",
  facets: ["files.workflows"],
  description: "Fails on every way a workflow hands Google Cloud a service-account JSON key: `google-github-actions/auth` (or another Google action) with `credentials_json`, `credentials` or `service_account_key`; `gcloud auth activate-service-account --key-file`; and `GOOGLE_APPLICATION_CREDENTIALS` set in a `run` script of a job that writes a secret. `google-github-actions/auth` with `workload_identity_provider` passes when the job may request an OIDC token (`permissions: id-token: write` on the job, or on the workflow when the job sets none); without it the step cannot authenticate, which fails with its own message. A reusable workflow without permissions of its own is judged by the jobs of this repository that call it.",
  rationale: `ADR-001 Issue 11 remediates manual deploys with a workflow that authenticates through \`credentials_json: \${{ secrets.GCP_SA_KEY }}\`. A JSON key is a long-lived credential: it is valid until someone deletes it (user-managed keys expire after 10 years by default), it can be copied out of any workflow that reads the secret, and nothing ties its use to this repository. Workload Identity Federation exchanges the short-lived GitHub OIDC token of one run for short-lived Google credentials, scoped by the provider's attribute condition to this repository.`,
  remediation: {
    text: "Create a Workload Identity pool and GitHub provider restricted to this repository, let it impersonate the deploy service account, replace the key input with `workload_identity_provider` and `service_account`, grant the job `id-token: write`, then delete the JSON key and its secret.",
    commands: [
      'gcloud iam workload-identity-pools create github --project={{project}} --location=global --display-name="GitHub Actions"',
      `gcloud iam workload-identity-pools providers create-oidc github --project={{project}} --location=global --workload-identity-pool=github --issuer-uri="https://token.actions.githubusercontent.com" --attribute-mapping="google.subject=assertion.sub,attribute.repository=assertion.repository" --attribute-condition="assertion.repository=='<owner>/<repo>'"`,
      'gcloud iam service-accounts add-iam-policy-binding github-deployer@{{project}}.iam.gserviceaccount.com --project={{project}} --role=roles/iam.workloadIdentityUser --member="principalSet://iam.googleapis.com/projects/<project-number>/locations/global/workloadIdentityPools/github/attribute.repository/<owner>/<repo>"',
      `permissions:
  contents: read
  id-token: write
jobs:
  build-and-deploy:
    steps:
      - name: Authenticate to Google Cloud
        uses: google-github-actions/auth@<full-commit-sha> # v2
        with:
          workload_identity_provider: projects/<project-number>/locations/global/workloadIdentityPools/github/providers/github
          service_account: github-deployer@{{project}}.iam.gserviceaccount.com`,
      "gcloud iam service-accounts keys delete <key-id> --iam-account=github-deployer@{{project}}.iam.gserviceaccount.com",
      "gh secret delete GCP_SA_KEY"
    ]
  },
  benchmarks: [
    {
      standard: "CIS Google Cloud Platform Foundation Benchmark 3.0",
      id: "1.4",
      title: "Ensure That There Are Only GCP-Managed Service Account Keys for Each Service Account"
    }
  ],
  messages: {
    keyInput: "{{action}} authenticates with `{{input}}`, a service-account JSON key ({{source}}) that stays valid until deleted; use Workload Identity Federation.",
    keyFileActivation: "`gcloud auth activate-service-account --key-file` logs in with a service-account JSON key that stays valid until deleted; use Workload Identity Federation.",
    keyFileEnv: "GOOGLE_APPLICATION_CREDENTIALS points at a key file this job writes from a secret: a long-lived JSON key; use Workload Identity Federation.",
    missingIdToken: "Job {{job}} uses Workload Identity Federation but its token may not request an OIDC token (permissions: {{permissions}}); add `id-token: write`.",
    workloadIdentity: "{{action}} authenticates with Workload Identity Federation ({{identity}})."
  },
  check(ctx) {
    const all = ctx.facet("files.workflows").files;
    for (const wf of all) {
      for (const job of wf.jobs) {
        const jobWritesSecret = job.steps.some((s) => /\$\{\{\s*secrets\./.test(s.run?.script ?? ""));
        for (const step of job.steps) {
          const resource = stepResource(wf, job, step);
          const repo = actionRepository(step);
          if (repo && isGoogleAction(repo)) {
            for (const input of KEY_INPUTS) {
              const value = withValue(step, input);
              if (value === void 0)
                continue;
              const secret = SECRET_REFERENCE.exec(value.trim())?.[1];
              ctx.fail({
                resource,
                messageId: "keyInput",
                data: { action: repo, input, source: secret ? `secret ${secret}` : "a value written in the workflow" },
                location: withLocation(wf, step, input),
                // The secret's name is evidence; a literal value never is.
                evidence: [
                  {
                    path: `jobs.${job.id}.steps[${resource.name}].with.${input}`,
                    observed: secret ? `\${{ secrets.${secret} }}` : "(a literal value, not shown)",
                    expected: "workload_identity_provider + service_account"
                  }
                ],
                discriminator: `with:${input}`
              });
            }
            const provider = withValue(step, "workload_identity_provider");
            if (provider !== void 0 && repo === "google-github-actions/auth") {
              const permissions = effectivePermissions(wf, job);
              const granted = idTokenGranted(all, wf, permissions);
              if (granted === void 0) {
                ctx.skip(`${wf.file} is a reusable workflow without permissions of its own and no workflow here calls it: its callers decide whether it may request an OIDC token`, resource);
              } else if (granted) {
                const account = withValue(step, "service_account");
                ctx.pass({
                  resource,
                  messageId: "workloadIdentity",
                  data: { action: repo, identity: account ? `as ${account}` : "direct resource access" },
                  discriminator: "workload-identity"
                });
              } else {
                ctx.fail({
                  resource,
                  messageId: "missingIdToken",
                  data: { job: job.id, permissions: describePermissions(permissions) },
                  location: withLocation(wf, step, "workload_identity_provider"),
                  evidence: [
                    {
                      path: job.permissions !== void 0 ? `jobs.${job.id}.permissions` : "permissions",
                      observed: describePermissions(permissions),
                      expected: "id-token: write"
                    }
                  ],
                  discriminator: "permissions:id-token"
                });
              }
            }
          }
          for (const cmd of stepCommands(step)) {
            if (isKeyFileActivation(cmd)) {
              ctx.fail({
                resource,
                messageId: "keyFileActivation",
                location: { file: wf.file, startLine: cmd.line },
                evidence: [
                  { path: "gcloud auth activate-service-account --key-file", observed: true, expected: "absent" }
                ],
                discriminator: "run:activate-service-account"
              });
            } else if (jobWritesSecret && setsKeyFileCredentials(cmd)) {
              ctx.fail({
                resource,
                messageId: "keyFileEnv",
                location: { file: wf.file, startLine: cmd.line },
                evidence: [{ path: "GOOGLE_APPLICATION_CREDENTIALS", observed: "a key file written from a secret" }],
                discriminator: "run:GOOGLE_APPLICATION_CREDENTIALS"
              });
            }
          }
        }
      }
    }
  }
});
function isGoogleAction(repo) {
  return repo.startsWith("google-github-actions/") || repo === "googlecloudplatform/github-actions";
}
function isKeyFileActivation(cmd) {
  const words = cmd.argv.filter((w) => !w.startsWith("-"));
  const i = words.indexOf("auth");
  return cmd.argv[0] === "gcloud" && i > 0 && words[i + 1] === "activate-service-account" && hasFlag(cmd.argv, ["--key-file"]);
}
function setsKeyFileCredentials(cmd) {
  const values = [
    cmd.assignments.GOOGLE_APPLICATION_CREDENTIALS,
    ...cmd.argv.filter((w) => w.startsWith("GOOGLE_APPLICATION_CREDENTIALS=")).map((w) => w.slice("GOOGLE_APPLICATION_CREDENTIALS=".length))
  ].filter((v) => v !== void 0);
  return values.some((v) => !v.includes("credentials_file_path"));
}
function idTokenGranted(all, wf, permissions) {
  if (permissions !== void 0 || !wf.on.includes("workflow_call"))
    return grantsIdToken(permissions);
  if (wf.on.some((event) => event !== "workflow_call"))
    return false;
  const callers = callersOf(all, wf);
  if (callers.length === 0)
    return void 0;
  return callers.every((c) => grantsIdToken(effectivePermissions(c.workflow, c.job)));
}
function describePermissions(p) {
  if (p === void 0)
    return "not set, so the default without id-token";
  if (typeof p === "string")
    return p;
  const entries = Object.entries(p);
  return entries.length ? entries.map(([k, v]) => `${k}: ${v}`).join(", ") : "{}";
}

// packages/rules/dist/cicd/cicd-pipeline-present.js
var cicd_pipeline_present_default = defineRule({
  id: "cicd-pipeline-present",
  title: "A workflow builds, pushes and deploys the backend on push to main",
  concerns: ["cicd.pipeline-present"],
  layer: "files",
  facets: ["files.workflows"],
  adrIdentity: "deployment pipeline (build, push and deploy on push to main)",
  description: "At least one GitHub workflow runs on `push` to the expected branch (`expectations.cicd.branch`, default `main`; a push trigger without a branch filter counts) and, in any of its jobs, builds an image (`docker build`, `docker buildx build`, `podman build`, `gcloud builds submit`, `docker/build-push-action`), pushes it (`--push`, `docker push`, `push: true`, `gcloud builds submit`) and deploys it (`kubectl apply|set image|replace|rollout restart`, `helm upgrade|install`, `gcloud run deploy`, `skaffold run|deploy`, `google-github-actions/deploy-*`); reusable workflows of the repository that a job calls (`uses: ./.github/workflows/deploy.yml`) count as part of the caller. When `expectations.cicd.workflows` lists files, only those are considered. Without any workflow the deploys are manual, which is a failure.",
  rationale: 'ADR-001 Issue 11: "Manual Docker builds and deployments", with a medium impact of slow deployments and human error (the arm64 images of Decision 2 came from a manual build). The ADR\'s remediation is `.github/workflows/deploy-staging.yml`, which builds with `--platform linux/amd64`, pushes to Artifact Registry and runs `kubectl set image` on every push to main. It is P2 for staging and P0 for production.',
  remediation: {
    text: "Add a workflow that runs on push to main and builds, pushes and deploys the image (the ADR-001 Issue 11 workflow, authenticated with Workload Identity Federation).",
    commands: [
      `# .github/workflows/deploy-staging.yml
name: Deploy to Staging
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
  id-token: write
jobs:
  build-and-deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@<full-commit-sha> # v4
      - uses: google-github-actions/auth@<full-commit-sha> # v2
        with:
          workload_identity_provider: projects/<project-number>/locations/global/workloadIdentityPools/github/providers/github
          service_account: github-deployer@{{project}}.iam.gserviceaccount.com
      - uses: google-github-actions/setup-gcloud@<full-commit-sha> # v2
      - run: gcloud auth configure-docker {{region}}-docker.pkg.dev
      - name: Build and push Docker image
        run: |
          docker buildx build --platform linux/amd64 \\
            -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:\${{ github.sha }} \\
            --push .
      - name: Deploy to GKE
        run: |
          gcloud container clusters get-credentials coditect-cluster --region={{region}} --project={{project}}
          kubectl set image deployment/coditect-backend \\
            backend={{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:\${{ github.sha }} \\
            -n coditect-staging
          kubectl rollout status deployment/coditect-backend -n coditect-staging`
    ]
  },
  benchmarks: [],
  messages: {
    pipeline: "{{workflow}} builds, pushes and deploys the image on push to {{branch}}.",
    noPipeline: "No workflow builds, pushes and deploys the image on push to {{branch}}; the closest, {{closest}}, lacks {{missing}}. Builds and deploys stay manual (ADR-001 Issue 11).",
    noWorkflow: "No GitHub workflow builds, pushes and deploys the image on push to {{branch}}: builds and deploys are manual (ADR-001 Issue 11).",
    expectedWorkflowsMissing: "None of the expected workflows ({{workflows}}) exists, so nothing builds, pushes and deploys the image on push to {{branch}} (ADR-001 Issue 11)."
  },
  check(ctx) {
    const { branch, workflows: only } = ctx.env.expectations.cicd;
    const all = ctx.facet("files.workflows").files;
    const assessed = all.filter((wf) => !only?.length || only.some((w) => wf.file === w || wf.file.endsWith(`/${w}`))).sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0).map((wf) => ({ wf, missing: missingOf(wf, branch, all) }));
    const complete = assessed.filter((a) => a.missing.length === 0);
    for (const { wf } of complete) {
      ctx.pass({
        resource: workflowResource(wf),
        messageId: "pipeline",
        data: { workflow: wf.file, branch },
        location: { file: wf.file, startLine: wf.line }
      });
    }
    if (complete.length > 0)
      return;
    const resource = { id: "cicd:pipeline", kind: "Pipeline", name: "deploy pipeline" };
    const expected = `a workflow on push to ${branch} with an image build, an image push and a deploy`;
    const first = assessed[0];
    if (!first) {
      ctx.fail({
        resource,
        ...only?.length ? { messageId: "expectedWorkflowsMissing", data: { branch, workflows: only.join(", ") } } : { messageId: "noWorkflow", data: { branch } },
        evidence: [{ path: ".github/workflows", observed: null, expected }]
      });
      return;
    }
    const closest = assessed.reduce((best, a) => a.missing.length < best.missing.length ? a : best);
    ctx.fail({
      resource,
      messageId: "noPipeline",
      data: { branch, closest: closest.wf.file, missing: closest.missing.join(", ") },
      location: { file: first.wf.file, startLine: first.wf.line },
      evidence: assessed.map(({ wf, missing }) => ({
        path: wf.file,
        observed: `lacks ${missing.join(", ")}`,
        expected
      }))
    });
  }
});
function stagesOf(wf, all, seen = /* @__PURE__ */ new Set()) {
  const stages = { build: false, push: false, deploy: false };
  seen.add(wf.file);
  for (const job of wf.jobs) {
    const called = calledWorkflow(all, job);
    if (!called || seen.has(called.file))
      continue;
    const inner = stagesOf(called, all, seen);
    stages.build ||= inner.build;
    stages.push ||= inner.push;
    stages.deploy ||= inner.deploy;
  }
  for (const step of wf.jobs.flatMap((j) => j.steps)) {
    if (isBuildPushAction(step)) {
      stages.build = true;
      if (buildPushActionPushes(step))
        stages.push = true;
    }
    if (isDeployAction(step))
      stages.deploy = true;
    for (const cmd of stepCommands(step)) {
      const build = imageBuild(cmd);
      if (build)
        stages.build = true;
      if (build?.push || isImagePush(cmd))
        stages.push = true;
      if (isCloudBuildSubmit(cmd)) {
        stages.build = true;
        stages.push = true;
      }
      if (deployCommand(cmd))
        stages.deploy = true;
    }
  }
  return stages;
}
function missingOf(wf, branch, all) {
  const stages = stagesOf(wf, all);
  return [
    ...pushTriggers(wf, branch) ? [] : [`a push trigger for ${branch}`],
    ...stages.build ? [] : ["an image build"],
    ...stages.push ? [] : ["an image push"],
    ...stages.deploy ? [] : ["a deploy step"]
  ];
}

// packages/rules/dist/cicd/cicd-smoke-test.js
var HEALTH_PATH = /health|livez|readyz|\/live\b|\/ready\b|\/ping\b|\/status\b/i;
var FAILING_FALLBACK = /(?:^|[\s;({])(?:exit(?!\s+0\b)|false|return\s+[1-9])\b/;
var cicd_smoke_test_default = defineRule({
  id: "cicd-smoke-test",
  title: "The deploy workflow checks the health endpoint after rollout and fails when it is down",
  concerns: ["cicd.smoke-test"],
  layer: "files",
  facets: ["files.workflows"],
  description: 'For every job that deploys (`kubectl apply|set image|replace|rollout restart`, `helm upgrade|install`, `gcloud run deploy`, `skaffold run|deploy`, `google-github-actions/deploy-*`), a later command in the same step, a later step, or a job that needs it requests a health endpoint (a URL whose path names health, live, ready, ping or status, or the expected domain) in a way that fails the job when the endpoint is down: `curl -f`/`--fail`/`--fail-with-body` (or `curl -w "%{http_code}"`, whose code the script compares), or `wget`, not followed by `|| true` or another fallback that does not exit non-zero. `kubectl rollout status` alone does not count: it waits for pods, not for the application to answer. A later step named like a smoke or health test that runs a script is taken as the smoke test; its script is not inspected.',
  rationale: `ADR-001 Issue 11 ends its deploy workflow with a smoke test, \`curl -f http://\${STAGING_IP}/api/v1/health/live || exit 1\`, and the ADR's pending "Smoke Tests" step is what tells a working deployment from a broken one: the ADR's blocker (Decision 4, ModuleNotFoundError) left pods crash-looping while the image had built and pushed fine. Without \`-f\` curl exits 0 on an HTTP 500, and \`|| true\` turns any failure into success, so the run is green while staging is down.`,
  remediation: {
    text: "After the rollout, request the health endpoint with `curl -f` (retrying while the load balancer settles) and let a failure fail the job.",
    commands: [
      `- name: Run smoke tests
  run: |
    export STAGING_IP=$(kubectl get service coditect-backend -n coditect-staging -o jsonpath='{.status.loadBalancer.ingress[0].ip}')
    curl -f --retry 10 --retry-delay 6 --retry-all-errors http://\${STAGING_IP}/api/v1/health/live || exit 1`
    ]
  },
  benchmarks: [],
  messages: {
    smokeTest: "{{step}} requests {{url}} after the deploy and fails the job when it is down.",
    smokeStepUnverified: "Step {{step}} after the deploy is taken as the smoke test (its script is not inspected).",
    curlWithoutFail: "`curl {{url}}` has no -f/--fail: it exits 0 on an HTTP error, so the job passes while the app is down.",
    failureSwallowed: "`{{program}} {{url}}` is followed by `|| {{fallback}}`, which turns a failed health check into success.",
    noSmokeTest: "Job {{job}} deploys ({{deploy}}) but no later step requests the health endpoint and fails when it is down."
  },
  check(ctx) {
    const domain = ctx.env.expectations.domain;
    for (const wf of ctx.facet("files.workflows").files) {
      for (const job of wf.jobs) {
        const deploy = lastDeploy(wf, job);
        if (!deploy)
          continue;
        const resource = jobResource(wf, job);
        const after = [
          ...deploy.restOfStep.map((cmd) => ({ step: deploy.step, cmd })),
          ...job.steps.slice(deploy.stepIndex + 1).flatMap(stepWithCommands),
          ...downstreamJobs(wf, job).flatMap((j) => j.steps.flatMap(stepWithCommands))
        ];
        const checks = after.map(({ step, cmd }) => ({ step, cmd, check: healthCheck(cmd, domain) })).filter((c) => c.check !== void 0);
        const good = checks.find((c) => c.check?.problem === void 0);
        if (good?.check) {
          ctx.pass({
            resource,
            messageId: "smokeTest",
            data: { step: stepLabel(good.step), url: good.check.url },
            location: { file: wf.file, startLine: good.cmd.line }
          });
          continue;
        }
        if (checks.length > 0) {
          for (const { cmd, check } of checks) {
            if (!check?.problem)
              continue;
            ctx.fail({
              resource,
              messageId: check.problem,
              data: { program: check.program, url: check.url, fallback: check.fallback ?? "" },
              location: { file: wf.file, startLine: cmd.line },
              evidence: [
                {
                  path: `${check.program} ${check.url}`,
                  observed: check.problem === "curlWithoutFail" ? "no --fail" : `|| ${check.fallback}`,
                  expected: check.program === "curl" ? "curl -f, failure not swallowed" : "failure not swallowed"
                }
              ],
              discriminator: `smoke:${check.url}`
            });
          }
          continue;
        }
        const named = [
          ...job.steps.slice(deploy.stepIndex + 1),
          ...downstreamJobs(wf, job).flatMap((j) => j.steps)
        ].find((s) => /smoke|health/i.test(s.name ?? ""));
        if (named) {
          ctx.pass({ resource, messageId: "smokeStepUnverified", data: { step: stepLabel(named) } });
          continue;
        }
        ctx.fail({
          resource,
          messageId: "noSmokeTest",
          data: { job: job.id, deploy: deploy.what },
          location: deploy.location,
          evidence: [
            {
              path: `jobs.${job.id}`,
              observed: `${deploy.what}, then no health check`,
              expected: "curl -f <health URL>"
            }
          ]
        });
      }
    }
  }
});
function lastDeploy(wf, job) {
  let found;
  job.steps.forEach((step, stepIndex) => {
    if (isDeployAction(step))
      found = {
        stepIndex,
        step,
        what: step.uses?.raw ?? "deploy action",
        location: usesLocation(wf, step),
        restOfStep: []
      };
    const cmds = stepCommands(step);
    cmds.forEach((cmd, i) => {
      const what = deployCommand(cmd);
      if (what)
        found = {
          stepIndex,
          step,
          what,
          location: { file: wf.file, startLine: cmd.line },
          restOfStep: cmds.slice(i + 1)
        };
    });
  });
  return found;
}
function stepWithCommands(step) {
  return stepCommands(step).map((cmd) => ({ step, cmd }));
}
function healthCheck(cmd, domain) {
  const program = cmd.argv[0];
  if (program !== "curl" && program !== "wget")
    return void 0;
  const written = cmd.argv.slice(1).find((w) => !w.startsWith("-") && (HEALTH_PATH.test(w) || !!domain && w.includes(domain)));
  if (!written)
    return void 0;
  const url = written.replace(/\/\/[^/@]*@/, "//").replace(/\?.*$/, "");
  if (cmd.next === "||" && !FAILING_FALLBACK.test(cmd.after)) {
    return { program, url, problem: "failureSwallowed", fallback: cmd.after || "true" };
  }
  if (program === "curl" && !curlFails(cmd.argv))
    return { program, url, problem: "curlWithoutFail" };
  return { program, url };
}
function curlFails(argv) {
  if (argv.some((w) => w === "--fail" || w === "--fail-with-body" || /^-[a-zA-Z]*f[a-zA-Z]*$/.test(w)))
    return true;
  return optionValues(argv, ["-w", "--write-out"]).some((w) => /http_code|response_code/.test(w));
}

// packages/rules/dist/cicd/cicd-unpinned-action.js
var FULL_SHA = /^[0-9a-f]{40}$/i;
var DIGEST = /@sha256:[0-9a-f]{64}$/i;
var GITHUB_OWNERS = /* @__PURE__ */ new Set(["actions", "github"]);
var cicd_unpinned_action_default = defineRule({
  id: "cicd-unpinned-action",
  title: "Actions are pinned to a full commit SHA",
  concerns: ["cicd.unpinned-action"],
  layer: "files",
  facets: ["files.workflows"],
  description: "Every remote action a workflow step uses (`owner/repo[/path]@ref`) is pinned to a full 40-character commit SHA, and every `docker://` action to an image digest (`@sha256:`). Local actions (`./path`) are part of the repository and pass. Actions published by GitHub (`actions/*`, `github/*`) are findings too, with their own message: GitHub's security hardening guide and the OpenSSF Scorecard ask for every action to be pinned, and a release tag of any owner can be moved.",
  rationale: "ADR-001 Issue 11 remediates manual deploys with a workflow that uses `actions/checkout@v3`, `google-github-actions/auth@v1` and `google-github-actions/setup-gcloud@v1`. Those steps run with the deploy credentials in reach (the `GCP_SA_KEY` secret, or a Workload Identity token that can push images and change the cluster). A tag or branch can be repointed by whoever controls the action's repository, as in the tj-actions/changed-files compromise of March 2025 where tags were moved to code that dumped CI secrets; a full commit SHA cannot be moved.",
  remediation: {
    text: "Replace each tag with the full commit SHA it points to, keeping the tag as a comment so Dependabot or Renovate can propose updates. `git ls-remote https://github.com/<owner>/<repo> refs/tags/<tag>` prints the SHA (for an annotated tag, use the `^{}` line).",
    commands: [
      "git ls-remote https://github.com/actions/checkout refs/tags/v4.2.2",
      `steps:
  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
  - uses: google-github-actions/auth@<full-commit-sha> # v2
  - uses: docker://alpine@sha256:<digest>`,
      `# .github/dependabot.yml
version: 2
updates:
  - package-ecosystem: github-actions
    directory: /
    schedule:
      interval: weekly`
    ]
  },
  benchmarks: [{ standard: "OpenSSF Scorecard", id: "Pinned-Dependencies", title: "Pinned-Dependencies" }],
  messages: {
    unpinned: "{{action}} is used at {{ref}}, a ref its owner can move; pin it to a full commit SHA.",
    unpinnedGithubOwned: "{{action}} (published by GitHub) is used at {{ref}}, a ref that can be moved; pin it to a full commit SHA as GitHub's hardening guide advises.",
    unpinnedImage: "{{action}} runs the image {{image}} by tag, not by digest; pin it to @sha256:<digest>.",
    pinned: "{{action}} is pinned to {{ref}}.",
    local: "{{action}} is a local action, versioned with the repository."
  },
  check(ctx) {
    for (const wf of ctx.facet("files.workflows").files) {
      for (const job of wf.jobs) {
        if (job.uses)
          checkUses(job.uses, jobResource(wf, job), wf.file, `jobs.${job.id}.uses`);
        for (const step of job.steps) {
          if (!step.uses)
            continue;
          const resource = stepResource(wf, job, step);
          checkUses(step.uses, resource, wf.file, `jobs.${job.id}.steps[${resource.name}].uses`);
        }
      }
    }
    function checkUses(uses, resource, file, path) {
      const action = actionIdentity(uses.raw);
      const location = { file, startLine: uses.line, startColumn: uses.column };
      if (uses.kind === "local") {
        ctx.pass({ resource, messageId: "local", data: { action }, discriminator: `uses:${action}` });
        return;
      }
      if (uses.kind === "docker") {
        const image = uses.raw.slice("docker://".length);
        if (DIGEST.test(image)) {
          const ref2 = image.slice(image.lastIndexOf("@") + 1);
          ctx.pass({ resource, messageId: "pinned", data: { action, ref: ref2 }, discriminator: `uses:${action}` });
          return;
        }
        ctx.fail({
          resource,
          messageId: "unpinnedImage",
          data: { action, image },
          location,
          evidence: [{ path, observed: uses.raw, expected: "docker://<image>@sha256:<digest>" }],
          discriminator: `uses:${uses.raw}`
        });
        return;
      }
      const ref = uses.ref ?? "";
      if (FULL_SHA.test(ref)) {
        ctx.pass({ resource, messageId: "pinned", data: { action, ref }, discriminator: `uses:${action}` });
        return;
      }
      const owner = action.split("/")[0]?.toLowerCase() ?? "";
      ctx.fail({
        resource,
        messageId: GITHUB_OWNERS.has(owner) ? "unpinnedGithubOwned" : "unpinned",
        data: { action, ref: ref || "(no ref)" },
        location,
        evidence: [{ path, observed: uses.raw, expected: `${action}@<40-hex commit SHA>` }],
        discriminator: `uses:${action}@${ref}`
      });
    }
  }
});

// packages/rules/dist/containers/container.privilege-escalation.js
function findings(v) {
  const out = [];
  const ape = v.allowPrivilegeEscalation;
  if (!(ape.certainty === "decided" && ape.value === false))
    out.push({
      messageId: ape.certainty === "decided" && ape.value === true ? "escalationAllowed" : "escalationNotDisabled",
      discriminator: "allowPrivilegeEscalation",
      at: ape,
      expected: "false",
      observed: ape.certainty === "decided" ? String(ape.value) : null
    });
  if (v.privileged.certainty === "decided" && v.privileged.value === true)
    out.push({
      messageId: "privileged",
      discriminator: "privileged",
      at: v.privileged,
      expected: "false or unset",
      observed: true
    });
  const caps = v.capabilitiesAdded;
  if (caps.certainty === "decided" && Array.isArray(caps.value) && caps.value.length > 0) {
    const list2 = caps.value.map(String).join(", ");
    out.push({
      messageId: "capabilitiesAdded",
      discriminator: "capabilities.add",
      at: caps,
      expected: "no added capabilities",
      observed: list2,
      capabilities: list2
    });
  }
  return out;
}
var container_privilege_escalation_default = defineViewRule({
  id: "container.privilege-escalation",
  title: "Workload container can escalate privileges",
  concerns: ["container.privilege-escalation"],
  view: "container",
  sources: {
    manifest: { alias: "manifest-privilege-escalation" },
    k8s: { alias: "k8s-privilege-escalation" }
  },
  description: "For every container and init container of every workload, in the Kubernetes manifests and in what the cluster runs, the container `securityContext` must set `allowPrivilegeEscalation: false`, must not set `privileged: true`, and must not add Linux capabilities (`capabilities.add`). Each of the three is a separate finding. `allowPrivilegeEscalation` defaults to true when it is not set, so a missing key fails too (in a manifest, located at the container's `name`).",
  rationale: 'ADR-001 Lesson 4 makes the runtime user a security boundary ("Running as root works but is insecure"). That boundary holds only if the process cannot regain root: `allowPrivilegeEscalation` (default true) lets setuid binaries do so, `privileged: true` gives all capabilities and host devices, and added capabilities hand out root powers piecemeal.',
  remediation: {
    text: "Give every container a security context that blocks escalation and drops all capabilities, apply, and roll out.",
    commands: [
      'securityContext:\n  allowPrivilegeEscalation: false\n  privileged: false\n  capabilities:\n    drop: ["ALL"]',
      "kubectl apply -f <manifest>.yaml",
      "kubectl rollout status deployment/{{app.deployment}} -n {{app.namespace}}"
    ]
  },
  benchmarks: [
    {
      standard: "CIS Kubernetes Benchmark v1.6.1",
      id: "5.2.1",
      title: "Minimize the admission of privileged containers"
    },
    {
      standard: "CIS Kubernetes Benchmark v1.6.1",
      id: "5.2.5",
      title: "Minimize the admission of containers with allowPrivilegeEscalation"
    },
    {
      standard: "CIS Kubernetes Benchmark v1.6.1",
      id: "5.2.8",
      title: "Minimize the admission of containers with added capabilities"
    }
  ],
  messages: {
    escalationNotDisabled: "{{container}} in {{kind}} {{name}} does not set allowPrivilegeEscalation: false (it defaults to true).",
    escalationAllowed: "{{container}} in {{kind}} {{name}} sets allowPrivilegeEscalation: true.",
    privileged: "{{container}} in {{kind}} {{name}} runs privileged (privileged: true).",
    capabilitiesAdded: "{{container}} in {{kind}} {{name}} adds Linux capabilities: {{capabilities}}.",
    locked: "{{container}} in {{kind}} {{name}} cannot escalate privileges."
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      const data = { container: v.container, kind: v.workloadKind, name: v.workloadName };
      const found = findings(v);
      for (const f of found)
        ctx.fail({
          resource,
          messageId: f.messageId,
          data: f.capabilities ? { ...data, capabilities: f.capabilities } : data,
          ...f.at.origin.location ? { location: f.at.origin.location } : {},
          evidence: [{ path: f.at.origin.path, observed: f.observed, expected: f.expected }],
          discriminator: f.discriminator
        });
      if (found.length === 0)
        ctx.pass({ resource, messageId: "locked", data, ...v.location ? { location: v.location } : {} });
    }
  }
});

// packages/rules/dist/util/dockerfile.js
function isRootUser(user) {
  const name = user.split(":")[0]?.trim() ?? "";
  return name === "root" || name === "0" || name === "";
}
function isNonRootBaseImage(ref) {
  if (ref?.registry !== "gcr.io" || !ref.repository.startsWith("distroless/"))
    return false;
  return ref.tag !== void 0 && /(?:^|-)nonroot$/.test(ref.tag);
}
function dockerfileUser(df) {
  const stage = finalStage(df);
  if (!stage)
    return { status: "undecided", line: 1, column: 1, text: "has no FROM" };
  const user = effectiveStageUser(df, stage);
  if (!user) {
    if (isNonRootBaseImage(stage.imageRef))
      return {
        status: "nonRoot",
        user: `the user of ${stage.resolvedImage}`,
        line: stage.line,
        column: stage.column,
        text: `sets no USER on ${stage.resolvedImage}, published to run as non-root`
      };
    return {
      status: "root",
      line: stage.line,
      column: stage.column,
      text: `sets no USER (FROM ${stage.resolvedImage}), so it runs as root`
    };
  }
  const value = user.value.trim();
  if (/\$(?:\{?[A-Za-z_])/.test(value))
    return { status: "undecided", line: user.line, column: user.column, text: `says USER ${value}, a build argument` };
  if (isRootUser(value) || /^0+(?::|$)/.test(value))
    return { status: "root", user: value, line: user.line, column: user.column, text: `runs as root (USER ${value})` };
  return { status: "nonRoot", user: value, line: user.line, column: user.column, text: `runs as USER ${value}` };
}

// packages/rules/dist/util/image-user.js
function imageRepositoryKey(ref) {
  if (!ref)
    return void 0;
  const registry = ref.registry ?? "docker.io";
  const repository = registry === "docker.io" && !ref.repository.includes("/") ? `library/${ref.repository}` : ref.repository;
  return `${registry === "index.docker.io" ? "docker.io" : registry}/${repository}`;
}
function imageUser(reference, dockerfiles, manifest) {
  const key = imageRepositoryKey(reference);
  const from = [];
  if (key) {
    for (const build of dockerfiles.builds ?? []) {
      if (imageRepositoryKey(build.imageRef) !== key || from.some((f) => f.build.dockerfile === build.dockerfile))
        continue;
      if (!build.image.includes("/") && !inFolderOf(build.file, manifest))
        continue;
      const df = dockerfiles.files.find((d) => d.file === build.dockerfile);
      if (!df)
        continue;
      const user = dockerfileUser(df);
      from.push({ build, user, location: { file: df.file, startLine: user.line, startColumn: user.column } });
    }
  }
  if (from.length > 0) {
    const statuses = new Set(from.map((f) => f.user.status));
    const status = statuses.size === 1 ? from[0].user.status : "undecided";
    return { kind: "built", status, from };
  }
  if (isNonRootBaseImage(reference))
    return { kind: "publishedNonRoot" };
  return { kind: "notBuiltHere" };
}
function inFolderOf(declaring, file) {
  const slash = declaring.lastIndexOf("/");
  return slash < 0 || file.startsWith(declaring.slice(0, slash + 1));
}
function describeBuilds(from) {
  return from.map((f) => `${f.build.dockerfile} ${f.user.text} (line ${f.user.line}; built by ${f.build.file}:${f.build.line}, ${f.build.via})`).join("; ");
}

// packages/rules/dist/util/images.js
function containerImageRef(c) {
  return c.object.images?.[`${c.pointer}/image`];
}
function repositoryKeyOf(ref) {
  return ref ? `${ref.registry ?? "docker.io"}/${ref.repository}` : void 0;
}
function configuredRepositoryKey(repository) {
  const first = repository.split("/")[0] ?? "";
  const named = repository.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  return named ? repository : `docker.io/${repository}`;
}
function isDigestPinned(ref) {
  return ref.digest !== void 0 && /^sha256:[0-9a-f]{64}$/i.test(ref.digest);
}
var MOVING_TAGS = [
  "latest",
  "staging",
  "stage",
  "prod",
  "production",
  "dev",
  "develop",
  "development",
  "main",
  "master",
  "trunk",
  "head",
  "stable",
  "edge",
  "nightly",
  "canary",
  "current",
  "test",
  "qa",
  "uat",
  "snapshot",
  "lts"
];
function classifyTag(ref) {
  if (isDigestPinned(ref))
    return { kind: "digest" };
  const tag = ref.tag;
  if (tag === void 0 || tag === "")
    return { kind: "none" };
  if (/[${}]/.test(tag))
    return { kind: "templated", tag };
  const lower = tag.toLowerCase();
  if (MOVING_TAGS.includes(lower) || lower.endsWith("-latest") || lower.startsWith("latest-"))
    return { kind: "moving", tag };
  if (/^v?\d+\.\d+(?:[.\-+_][0-9A-Za-z][0-9A-Za-z.\-_+]*)?$/.test(tag))
    return { kind: "version", tag };
  if (/^(?:sha-)?[0-9a-f]{7,40}$/.test(tag) && /\d/.test(tag))
    return { kind: "commit", tag };
  return { kind: "unknown", tag };
}
var OFFICIAL_IMAGES = /* @__PURE__ */ new Set([
  "alpine",
  "amazoncorretto",
  "busybox",
  "caddy",
  "debian",
  "eclipse-temurin",
  "elasticsearch",
  "golang",
  "haproxy",
  "httpd",
  "mariadb",
  "memcached",
  "mongo",
  "mysql",
  "nginx",
  "node",
  "openjdk",
  "php",
  "postgres",
  "python",
  "rabbitmq",
  "redis",
  "ruby",
  "rust",
  "traefik",
  "ubuntu"
]);
function officialImageName(ref) {
  const name = hubLibraryName(ref);
  return name !== void 0 && OFFICIAL_IMAGES.has(name) ? name : void 0;
}
function hubLibraryName(ref) {
  const hubHosts = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
  const mirrors = { "mirror.gcr.io": "library/", "public.ecr.aws": "docker/library/" };
  const repo = ref.repository;
  if (!ref.registry || hubHosts.has(ref.registry)) {
    if (!repo.includes("/"))
      return repo;
    if (repo.startsWith("library/") && repo.split("/").length === 2)
      return repo.slice("library/".length);
    return void 0;
  }
  const prefix = mirrors[ref.registry];
  if (prefix && repo.startsWith(prefix) && !repo.slice(prefix.length).includes("/"))
    return repo.slice(prefix.length);
  return void 0;
}
function isFloatingOfficialTag(ref) {
  if (!officialImageName(ref) || ref.tag === void 0 || isDigestPinned(ref))
    return false;
  return !/\d/.test(ref.tag) || /^v?\d+(?:-[A-Za-z][\w.]*)*$/.test(ref.tag);
}

// packages/rules/dist/util/probe.js
var postgresRoleResource2 = postgresRoleResource;
function httpResource(d, path = "") {
  return { id: `${d.baseUrl}${path}`, kind: path ? "HttpEndpoint" : "HttpService", name: `${d.baseUrl}${path}` };
}
function isRootImageUser(user) {
  const name = user.trim().split(":")[0] ?? "";
  return name === "" || name === "root" || name === "0";
}
function platformMatches(want, have) {
  const [os, architecture, variant] = want.split("/");
  return have.os === os && have.architecture === architecture && (!variant || have.variant === variant);
}
function platformText(p) {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ""}`;
}

// packages/rules/dist/containers/container.runs-as-root.js
var container_runs_as_root_default = defineViewRule({
  id: "container.runs-as-root",
  title: "Workload container may run as root",
  concerns: ["container.runs-as-root"],
  view: "container",
  sources: {
    manifest: { alias: "manifest-runs-as-root", facets: ["files.dockerfile"] },
    k8s: {
      alias: "k8s-runs-as-root",
      messages: {
        notEnforced: "{{container}} in {{kind}} {{name}} sets neither runAsNonRoot nor runAsUser (pod or container), so nothing in the pod spec keeps it off root: the image's own USER decides. Set runAsNonRoot: true."
      }
    },
    effective: {
      alias: "join-effective-runtime-user",
      messages: {
        nonRoot: "{{container}} in Deployment {{name}} runs as {{user}}: {{decidedBy}} has the last word ({{chain}})."
      }
    }
  },
  description: "For every container and init container of every workload (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob), in the Kubernetes manifests and in what the cluster runs (Deployments, StatefulSets, DaemonSets, CronJobs, and Jobs, ReplicaSets and Pods no controller owns), the effective `securityContext` (container over pod) must keep it off root: `runAsUser: 0` or `runAsNonRoot: false` without a non-zero `runAsUser` fails; `runAsNonRoot: true` or a non-zero `runAsUser` passes.\n\nWhen neither is set, in the manifests the image's own user decides. For the application's container (`expectations.app.image`, or its Deployment and container) ADR-001 wants the pod spec to agree on a non-root user, so that fails. For an image this repository builds (a workflow, Cloud Build, skaffold, compose or kustomize declaration ties it to one of its Dockerfiles), the Dockerfile's final stage decides: root fails, a non-root `USER` passes, a build-argument `USER` is unknown. Distroless `nonroot` images pass. Any other image's user is in its image config, which the files layer does not read: `unknown`, naming that input. In what the cluster runs, neither set fails as not enforced (the API does not show the image's user).\n\nAcross layers (`effective` source), for every container of every live Deployment, the user is followed in the order the runtime applies it: the repository Dockerfile's final `USER` (only for the app image, `expectations.app.image`), the image config `User` the registry serves for the container's image (probe layer), the pod's `securityContext` and the container's (`runAsUser`, `runAsNonRoot`). The last one set decides: a `runAsUser` of 0, or a root image user not overridden, fails; `runAsNonRoot: true` passes (the kubelet refuses to start a root container). Images are joined by reference, then by repository. The evidence carries the whole chain; the finding is located where the deciding layer is declared (the Dockerfile USER line, the workload manifest naming the image, or the live workload's manifest).",
  rationale: "ADR-001 Decision 4 and Lesson 4: the application must not run as root. `runAsNonRoot: true` makes the kubelet refuse to start a container whose user is root, so the pod spec guarantees what the Dockerfile intends; without it, a rebuilt image that forgets its `USER` silently runs as root. What the cluster runs can differ from the repository (kubectl edits, older applies), and the image that was pushed is not always the one the repository describes: only the chain Dockerfile \u2192 image \u2192 pod says which user the process really has.",
  remediation: {
    text: "Set a pod-level security context that forbids root and names the image's UID (override per container only when needed), apply and roll out; rebuild and push the image from a Dockerfile whose final stage ends with a non-root `USER`.",
    commands: [
      "spec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 1000\n    runAsGroup: 1000",
      "kubectl apply -f <manifest>.yaml",
      `kubectl patch deployment coditect-backend -n coditect-staging --type merge -p '{"spec":{"template":{"spec":{"securityContext":{"runAsNonRoot":true,"runAsUser":1000,"runAsGroup":1000}}}}}'`,
      "kubectl rollout status deployment/coditect-backend -n coditect-staging"
    ]
  },
  benchmarks: [
    { standard: "CIS Kubernetes Benchmark v1.6.1", id: "5.2.6", title: "Minimize the admission of root containers" }
  ],
  messages: {
    rootUser: "{{container}} in {{kind}} {{name}} runs as root: runAsUser is 0 (set at {{level}} level).",
    nonRootDisabled: "{{container}} in {{kind}} {{name}} sets runAsNonRoot: false (at {{level}} level) and no non-zero runAsUser, so it runs as whatever user the image names, root included.",
    notEnforced: "{{container}} in {{kind}} {{name}} is the application's ({{why}}) and sets neither runAsNonRoot nor runAsUser (pod or container): nothing in the pod spec keeps it off root, and ADR-001 Decision 4 wants the pod spec to agree with the image on a non-root user. Set runAsNonRoot: true.",
    builtRoot: "{{container}} in {{kind}} {{name}} runs as root: the pod spec sets neither runAsNonRoot nor runAsUser, and its image {{image}} is built from this repository: {{builds}}.",
    builtNonRoot: "{{container}} in {{kind}} {{name}} runs as {{user}}: its image {{image}} is built from this repository: {{builds}}. runAsNonRoot: true would have the kubelet enforce it.",
    builtUndecided: "{{container}} in {{kind}} {{name}} sets neither runAsNonRoot nor runAsUser, and the Dockerfiles that build its image {{image}} do not settle the user: {{builds}}.",
    publishedNonRoot: "{{container}} in {{kind}} {{name}} sets neither runAsNonRoot nor runAsUser; its image {{image}} is published to run as a non-root user.",
    imageUserUnknown: "{{container}} in {{kind}} {{name}} sets neither runAsNonRoot nor runAsUser, so the user configured in its image {{image}} decides, and no Dockerfile of this repository builds it: that user is read from the registry (probe layer), not from files. Set runAsNonRoot: true to enforce a non-root user.",
    nonRoot: "{{container}} in {{kind}} {{name}} runs as non-root ({{reason}}).",
    root: "{{container}} in Deployment {{name}} runs as {{user}}: {{decidedBy}} has the last word ({{chain}})."
  },
  check(ctx) {
    if (ctx.source === "effective") {
      followChain(ctx);
      return;
    }
    for (const v of ctx.views)
      judgeSecurityContext(ctx, v);
  }
});
function levelOf(v, a) {
  return a.origin.path.startsWith(`${v.ref.pointer}/`) ? "container" : "pod";
}
var locationOf = (a) => a.origin.location ? { location: a.origin.location } : {};
function judgeSecurityContext(ctx, v) {
  const { resource } = v;
  const data = { container: v.container, kind: v.workloadKind, name: v.workloadName };
  const { runAsUser, runAsNonRoot } = v;
  const evidence = [];
  if (runAsUser.certainty === "decided")
    evidence.push(evidenceOf(runAsUser, "a non-zero UID"));
  if (runAsNonRoot.certainty === "decided")
    evidence.push(evidenceOf(runAsNonRoot, "true"));
  if (runAsUser.certainty === "decided") {
    if (runAsUser.value === 0)
      ctx.fail({
        resource,
        messageId: "rootUser",
        data: { ...data, level: levelOf(v, runAsUser) },
        ...locationOf(runAsUser),
        evidence
      });
    else
      ctx.pass({
        resource,
        messageId: "nonRoot",
        data: { ...data, reason: `runAsUser: ${runAsUser.value}` },
        ...locationOf(runAsUser),
        evidence
      });
  } else if (runAsNonRoot.certainty === "decided" && runAsNonRoot.value === true) {
    ctx.pass({
      resource,
      messageId: "nonRoot",
      data: { ...data, reason: "runAsNonRoot: true" },
      ...locationOf(runAsNonRoot),
      evidence
    });
  } else if (runAsNonRoot.certainty === "decided") {
    ctx.fail({
      resource,
      messageId: "nonRootDisabled",
      data: { ...data, level: levelOf(v, runAsNonRoot) },
      ...locationOf(runAsNonRoot),
      evidence
    });
  } else if (ctx.source === "manifest") {
    judgeByImage(ctx, v, data, ctx.env.expectations);
  } else {
    ctx.fail({ resource, messageId: "notEnforced", data, evidence: unenforced(v) });
  }
}
function unenforced(v) {
  return [
    { path: `${v.ref.pointer}/securityContext/runAsNonRoot`, observed: null, expected: "true" },
    { path: `${v.ref.podPointer}/securityContext/runAsNonRoot`, observed: null, expected: "true" }
  ];
}
function judgeByImage(ctx, v, data, exp) {
  const { resource } = v;
  const c = v.ref;
  const image = typeof c.container.image === "string" ? c.container.image : "";
  const location = v.location;
  const app = appContainerReason(v, exp);
  if (app) {
    ctx.fail({ resource, messageId: "notEnforced", data: { ...data, why: app }, location, evidence: unenforced(v) });
    return;
  }
  const user = imageUser(containerImageRef(c), ctx.facet("files.dockerfile"), c.object.file);
  const withImage = { ...data, image: image || "(no image)" };
  if (user.kind === "publishedNonRoot") {
    ctx.pass({ resource, messageId: "publishedNonRoot", data: withImage, location });
    return;
  }
  if (user.kind === "notBuiltHere") {
    ctx.unknown({
      resource,
      messageId: "imageUserUnknown",
      data: withImage,
      location,
      evidence: unenforced(v),
      dependsOn: [`image config User of ${image || "(no image)"}`]
    });
    return;
  }
  const builds = describeBuilds(user.from);
  const dockerEvidence = user.from.map((f) => ({
    path: `${f.build.dockerfile} final stage USER`,
    observed: f.user.status === "nonRoot" ? f.user.user : f.user.status === "root" ? f.user.user ?? null : f.user.text,
    expected: "a non-root user",
    location: f.location
  }));
  if (user.status === "root") {
    ctx.fail({
      resource,
      messageId: "builtRoot",
      data: { ...withImage, builds },
      location,
      relatedLocations: user.from.map((f) => f.location),
      evidence: [...unenforced(v), ...dockerEvidence]
    });
  } else if (user.status === "nonRoot") {
    const users = [...new Set(user.from.map((f) => f.user.status === "nonRoot" ? f.user.user : ""))].join(" or ");
    ctx.pass({
      resource,
      messageId: "builtNonRoot",
      data: { ...withImage, builds, user: users },
      location,
      evidence: dockerEvidence
    });
  } else {
    ctx.unknown({
      resource,
      messageId: "builtUndecided",
      data: { ...withImage, builds },
      location,
      evidence: [...unenforced(v), ...dockerEvidence],
      dependsOn: user.from.map((f) => `${f.build.dockerfile} USER`)
    });
  }
}
function appContainerReason(v, exp) {
  const c = v.ref;
  const key = repositoryKeyOf(containerImageRef(c));
  if (key && exp.app.image && key === configuredRepositoryKey(exp.app.image))
    return `image ${exp.app.image}`;
  if (c.object.kind === "Deployment" && c.object.name === exp.app.deployment && (c.object.namespace === void 0 || c.object.namespace === exp.app.namespace) && (exp.app.container ? c.name === exp.app.container : c.field === "containers"))
    return `Deployment ${exp.app.deployment}`;
  return void 0;
}
function followChain(ctx) {
  const exp = ctx.env.expectations;
  const byReference = /* @__PURE__ */ new Map();
  const byRepository = /* @__PURE__ */ new Map();
  for (const image of ctx.facet("probe.registry").images) {
    byReference.set(image.reference, image);
    byRepository.set(`${image.registry}/${image.repository}`, image);
  }
  const dockerfiles = ctx.facet("files.dockerfile").files;
  const dockerfile = dockerfiles.find((d) => d.file === "Dockerfile") ?? dockerfiles[0];
  const appRepository = configuredRepositoryKey(exp.app.image);
  for (const v of ctx.views) {
    const c = v.ref;
    const reference = typeof c.container.image === "string" ? c.container.image : "";
    const repository = repositoryKeyOf(containerImageRef(c));
    const chain = [];
    if (dockerfile && repository && repository === appRepository) {
      const stage = finalStage(dockerfile);
      const user = stage ? effectiveStageUser(dockerfile, stage) : void 0;
      chain.push({
        layer: "files",
        source: `${dockerfile.file} USER`,
        value: user?.value ?? null,
        location: user ? { file: dockerfile.file, startLine: user.line, startColumn: user.column } : { file: dockerfile.file, startLine: 1 }
      });
    }
    const image = byReference.get(reference) ?? (repository ? byRepository.get(repository) : void 0);
    if (image && image.configs.length > 0) {
      const root = image.configs.find((x) => isRootImageUser(x.user));
      const target = imageTarget(image);
      chain.push({
        layer: "probe",
        source: `image config User of ${image.reference}`,
        value: (root ?? image.configs[0]).user,
        ...target.location ? { location: target.location } : {}
      });
    }
    const sc = securityContexts(c);
    for (const [level, context, pointer] of [
      ["pod", sc.pod, c.podPointer],
      ["container", sc.container, c.pointer]
    ]) {
      for (const key of ["runAsUser", "runAsNonRoot"]) {
        const value = context[key];
        if (typeof value === "number" || typeof value === "boolean")
          chain.push({
            layer: "k8s",
            source: `${level} securityContext.${key} (${pointer}/securityContext/${escapePointerToken(key)})`,
            value
          });
      }
    }
    const { resource } = v;
    const decision = decide4(chain);
    if (!decision) {
      ctx.skip(`neither the image config of ${reference || "(no image)"} nor the pod says which user ${c.name} runs as`, resource);
      continue;
    }
    const evidence = chain.map((l) => ({
      path: `${l.layer}: ${l.source}`,
      observed: l.value,
      ...l === decision.link ? { expected: "a non-root user (this one decides)" } : {}
    }));
    const data = {
      container: v.container,
      name: v.workloadName,
      user: decision.user,
      decidedBy: `the ${decision.link.layer} layer (${decision.link.source})`,
      chain: chain.map((l) => `${l.source} = ${l.value === null || l.value === "" ? "(unset)" : l.value}`).join(" \u2192 ")
    };
    const location = decision.link.location;
    if (decision.root)
      ctx.fail({ resource, messageId: "root", data, evidence, ...location ? { location } : {} });
    else
      ctx.pass({ resource, messageId: "nonRoot", data, evidence, ...location ? { location } : {} });
  }
}
function decide4(chain) {
  const k8s = chain.filter((l) => l.layer === "k8s");
  const runAsUser = [...k8s].reverse().find((l) => l.source.includes("runAsUser"));
  if (runAsUser && typeof runAsUser.value === "number")
    return { link: runAsUser, root: runAsUser.value === 0, user: `UID ${runAsUser.value}` };
  const nonRoot = [...k8s].reverse().find((l) => l.source.includes("runAsNonRoot"));
  if (nonRoot?.value === true)
    return { link: nonRoot, root: false, user: "a non-root user (runAsNonRoot)" };
  const image = chain.find((l) => l.layer === "probe") ?? chain.find((l) => l.layer === "files");
  if (!image)
    return void 0;
  const user = typeof image.value === "string" ? image.value : "";
  const root = isRootImageUser(user);
  return { link: image, root, user: root ? user === "" ? "root (no USER)" : user : user };
}

// packages/rules/dist/containers/container.unreadable-dependencies.js
function underRoot(path) {
  return path === "/root" || path.startsWith("/root/");
}
var container_unreadable_dependencies_default = defineViewRule({
  id: "container.unreadable-dependencies",
  title: "Dependencies under /root while the image runs as a non-root user",
  concerns: ["container.unreadable-dependencies"],
  view: "image",
  sources: {
    dockerfile: { alias: "dockerfile-unreadable-dependencies" },
    probe: {
      alias: "probe-image-unreadable-dependencies",
      messages: {
        pathUnderRoot: "{{image}} (used by {{usedBy}}) runs as {{user}} with {{entry}} on PATH: {{user}} cannot read /root.",
        readable: "{{image}} runs as {{user}} with nothing under /root on PATH."
      }
    }
  },
  description: "The image runs as a non-root user but what it runs lives under `/root`, which is mode 0700, so the runtime user cannot read it. Dockerfile: the final stage copies files to a path under `/root` (for example `/root/.local` from a builder stage) or puts a `/root` directory on `PATH`, while its last `USER` is not root. Registry: the image config of each image the workloads run has a non-root `User` and an entry of the `PATH` in its `Env` under `/root` (e.g. `/root/.local/bin`). Only `PATH` is read from the environment; no other variable leaves the registry. An image that runs as root is `image.runs-as-root`'s finding, not this one's.",
  rationale: "ADR-001 Decision 4 (BLOCKER): the image built Python packages to `/root/.local` but ran as `django` (UID 1000), and the application failed with \"ModuleNotFoundError: No module named 'django'\". Deployment was blocked until the Dockerfile was fixed and the image rebuilt; the repository's Dockerfile may be fixed while the image the cluster pulls is still the old one, which the registry shows.",
  remediation: {
    text: "Copy dependencies into the runtime user's home, put that on PATH, give the user ownership, rebuild and push.",
    commands: [
      "COPY --from=builder /root/.local /home/django/.local",
      "ENV PATH=/home/django/.local/bin:$PATH",
      "RUN useradd -m -u 1000 django && chown -R django:django /app /home/django/.local",
      "USER django",
      "docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1-staging --push ."
    ]
  },
  benchmarks: [],
  messages: {
    copiedUnderRoot: "COPY puts {{destination}} under /root but the final USER is {{user}}, who cannot read /root.",
    pathUnderRoot: "PATH includes {{entry}} under /root but the final USER is {{user}}, who cannot read /root.",
    readable: "Nothing the runtime user {{user}} runs lives under /root."
  },
  check(ctx) {
    for (const v of ctx.views) {
      if (v.dockerfile)
        judgeDockerfile(ctx, v, v.dockerfile);
      else
        judgeImageConfig(ctx, v);
    }
  }
});
function judgeDockerfile(ctx, v, df) {
  const { resource } = v;
  const { stage } = df;
  const user = v.user;
  const value = user?.certainty === "decided" ? user.value : user?.certainty === "unresolved" ? user.expression : "";
  if (!user || user.certainty === "absent" || isRootUser(value)) {
    ctx.skip(`the final stage runs as root (${value || "no USER"}); see image.runs-as-root`, resource);
    return;
  }
  let failed = false;
  for (const copy of stage.copies) {
    if (!underRoot(copy.destination))
      continue;
    failed = true;
    ctx.fail({
      resource,
      messageId: "copiedUnderRoot",
      data: { destination: copy.destination, user: value },
      location: { file: df.file, startLine: copy.line, startColumn: copy.column },
      evidence: [
        {
          path: `stage[${stage.index}].COPY.destination`,
          observed: copy.destination,
          expected: "a path outside /root"
        },
        { path: `stage[${stage.index}].USER`, observed: value }
      ],
      discriminator: `copy:${copy.destination}`
    });
  }
  for (const env of stage.env) {
    if (env.name !== "PATH")
      continue;
    for (const entry of env.value.split(":")) {
      if (!underRoot(entry))
        continue;
      failed = true;
      ctx.fail({
        resource,
        messageId: "pathUnderRoot",
        data: { entry, user: value },
        location: { file: df.file, startLine: env.line, startColumn: env.column },
        evidence: [{ path: `stage[${stage.index}].ENV.PATH`, observed: env.value, expected: "no entry under /root" }],
        discriminator: `path:${entry}`
      });
    }
  }
  if (!failed)
    ctx.pass({ resource, messageId: "readable", data: { user: value } });
}
function judgeImageConfig(ctx, v) {
  const { resource, location, relatedLocations } = v;
  const configs = v.configs ?? [];
  const nonRoot = configs.filter((c) => !isRootImageUser(c.user));
  if (nonRoot.length === 0) {
    ctx.skip(`${v.reference} runs as root${configs.length ? "" : " or its config could not be read"}; see image.runs-as-root`, resource);
    return;
  }
  const bad = nonRoot.flatMap((c) => (c.path ?? "").split(":").filter(underRoot).map((entry) => ({ c, entry })));
  const first = bad[0];
  if (first) {
    ctx.fail({
      resource,
      messageId: "pathUnderRoot",
      data: { image: v.reference, usedBy: v.usedBy ?? "", user: first.c.user, entry: first.entry },
      ...location ? { location } : {},
      ...relatedLocations ? { relatedLocations } : {},
      evidence: [
        {
          path: `config[${first.c.platform}].Env.PATH`,
          observed: first.c.path ?? null,
          expected: "no entry under /root"
        },
        { path: `config[${first.c.platform}].User`, observed: first.c.user }
      ]
    });
  } else
    ctx.pass({ resource, messageId: "readable", data: { image: v.reference, user: nonRoot[0].user } });
}

// packages/rules/dist/containers/image.runs-as-root.js
var WINDOWS_BASE = /(?:^|\/)(?:windows|windowsservercore|nanoserver|servercore)(?:[/:@-]|$)|windowsservercore|nanoserver/i;
var image_runs_as_root_default = defineViewRule({
  id: "image.runs-as-root",
  title: "Image runs as root",
  concerns: ["image.runs-as-root"],
  view: "image",
  sources: {
    dockerfile: { alias: "dockerfile-runs-as-root" },
    probe: {
      alias: "probe-image-runs-as-root",
      messages: { nonRoot: "{{image}} runs as {{user}}." }
    }
  },
  description: "The user an image runs as, in the repository and in the registry. Dockerfile: the final stage sets no `USER` (so the container runs as root, the default), or sets it to root explicitly (`USER root`, `USER 0`, `USER 0:0`), fails. Earlier build stages may run as root: they are not the image. A base image published to run as non-root (distroless `:nonroot`) satisfies the rule without a `USER` line; a `USER` naming a build argument with no default, and a Windows base image, are not judged. Registry: the image config of each image the workloads run is read for every platform it offers, and fails when `User` is empty (the default, root), `root` or `0` (with or without a group); the pushed image may differ from what the repository's Dockerfile says. This is the user the container runs as unless the pod sets `runAsUser` (checked by `container.runs-as-root`).",
  rationale: 'ADR-001 Decision 4 and Lesson 4: "Running as root works but is insecure." The ADR\'s image creates `django` (UID 1000) and must run as it; a process running as root in a container is root on the node if it escapes, and Kubernetes `runAsNonRoot` can only enforce what the image allows.',
  remediation: {
    text: "Create an unprivileged user in the final stage, give it what it needs, and switch to it as the last `USER` (numeric UID so Kubernetes `runAsNonRoot` can verify it). Test with `docker run --user 1000` as Lesson 4 says, then rebuild and push.",
    commands: [
      "RUN useradd -m -u 1000 django && chown -R django:django /app /home/django/.local",
      "USER 1000:1000",
      "docker build -t app:test . && docker run --rm app:test id -u   # prints 1000",
      "docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1-staging --push ."
    ]
  },
  benchmarks: [
    { standard: "CIS Docker Benchmark", id: "4.1", title: "Ensure that a user for the container has been created" }
  ],
  messages: {
    noUser: "The final stage (FROM {{image}}) sets no USER, so the container runs as root. Add a non-root USER as the last user instruction.",
    explicitRoot: "The final stage runs as root (USER {{user}}). Switch to a non-root user.",
    nonRoot: "The final stage runs as {{user}}.",
    nonRootBase: "The final stage sets no USER, but its base image {{image}} is published to run as a non-root user.",
    root: "{{image}} (used by {{usedBy}}) runs as {{user}} on {{platforms}}: its image config sets no non-root User."
  },
  check(ctx) {
    for (const v of ctx.views) {
      if (v.dockerfile)
        judgeDockerfile2(ctx, v, v.dockerfile);
      else
        judgeImageConfig2(ctx, v);
    }
  }
});
function judgeDockerfile2(ctx, v, df) {
  const { resource } = v;
  const stage = df.stage;
  const user = v.user;
  if (WINDOWS_BASE.test(stage.resolvedImage)) {
    ctx.skip(`the final stage of ${df.file} is a Windows container (${stage.resolvedImage}): it has no root user; its accounts are ContainerUser and ContainerAdministrator`, resource);
    return;
  }
  if (!user || user.certainty === "absent") {
    const location = { file: df.file, startLine: stage.line, startColumn: stage.column };
    if (isNonRootBaseImage(stage.imageRef)) {
      ctx.pass({ resource, messageId: "nonRootBase", data: { image: stage.resolvedImage }, location });
      return;
    }
    ctx.fail({
      resource,
      messageId: "noUser",
      data: { image: stage.resolvedImage },
      location,
      evidence: [{ path: `stage[${stage.index}].USER`, observed: null, expected: "a non-root user" }]
    });
    return;
  }
  const where = user.origin.location;
  if (user.certainty === "unresolved") {
    ctx.skip(`USER ${user.expression.trim()} (${df.file}:${where?.startLine}) depends on a build argument with no default`, resource);
    return;
  }
  const value = user.value.trim();
  if (isRootUser(value) || /^0+(?::|$)/.test(value)) {
    ctx.fail({
      resource,
      messageId: "explicitRoot",
      data: { user: value },
      ...where ? { location: where } : {},
      evidence: [{ path: user.origin.path, observed: value, expected: "a non-root user" }]
    });
    return;
  }
  ctx.pass({ resource, messageId: "nonRoot", data: { user: value }, ...where ? { location: where } : {} });
}
function judgeImageConfig2(ctx, v) {
  const { resource, location, relatedLocations } = v;
  const configs = v.configs ?? [];
  if (configs.length === 0) {
    ctx.skip(`no image config of ${v.reference} could be read`, resource);
    return;
  }
  const root = configs.filter((c) => isRootImageUser(c.user));
  const evidence = configs.map((c) => ({
    path: `config[${c.platform}].User`,
    observed: c.user,
    expected: "a non-root user"
  }));
  if (root.length > 0) {
    const user = root[0].user === "" ? "root (User is empty)" : root[0].user;
    ctx.fail({
      resource,
      messageId: "root",
      data: {
        image: v.reference,
        usedBy: v.usedBy ?? "",
        user,
        platforms: root.map((c) => c.platform).join(", ")
      },
      ...location ? { location } : {},
      ...relatedLocations ? { relatedLocations } : {},
      evidence
    });
  } else {
    ctx.pass({
      resource,
      messageId: "nonRoot",
      data: { image: v.reference, user: [...new Set(configs.map((c) => c.user))].join(", ") },
      evidence
    });
  }
}

// packages/rules/dist/database/gcp-sql-app-user.js
var SUPERUSER_ROLE = "cloudsqlsuperuser";
var GROUPS = /* @__PURE__ */ new Set(["CLOUD_IAM_GROUP"]);
var gcp_sql_app_user_default = defineRule({
  id: "gcp-sql-app-user",
  title: "Cloud SQL has no dedicated non-superuser application user",
  concerns: ["db.dedicated-app-user"],
  layer: "gcp",
  facets: ["gcp.sql-users"],
  description: "Reads the users of `expectations.database.instance` (sqladmin `users.list`). Users named in `expectations.database.superuserNames` (default `postgres`, `cloudsqlsuperuser`, `root`, `admin`) and IAM groups are not application users. No other user fails: the application can only connect as a superuser. A user whose reported `databaseRoles` include `cloudsqlsuperuser` fails. Other users pass as dedicated application users; when Google does not report role memberships, the probe layer checks them inside PostgreSQL.",
  rationale: 'ADR-001 Issue 2 (P0): "Using postgres superuser for application connection". A compromised backend with superuser rights can read, alter or drop every database on the instance.',
  remediation: {
    text: "Create a dedicated user (or an IAM database user for the backend's service account), grant it DML rights only, and point the application's secret at it.",
    commands: [
      'gcloud sql users create license_api_staging --instance={{database.instance}} --password="$(openssl rand -base64 32)" --project={{project}}',
      "psql -h 10.28.0.3 -U postgres -d coditect -c 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO license_api_staging'",
      "psql -h 10.28.0.3 -U postgres -d coditect -c 'REVOKE cloudsqlsuperuser FROM license_api_staging'"
    ]
  },
  messages: {
    dedicatedUser: "Cloud SQL {{instance}} has the application user {{user}} ({{type}}), not a superuser by name{{roles}}.",
    onlySuperusers: "Cloud SQL {{instance}} has no user but {{users}}: the application can only connect as a superuser. Create a dedicated user.",
    memberOfSuperuser: "Cloud SQL user {{user}} of {{instance}} is a member of cloudsqlsuperuser."
  },
  check(ctx) {
    const { project, database } = ctx.env.expectations;
    const entry = ctx.facet("gcp.sql-users").instances.find((i) => i.project === project && i.instance === database.instance);
    if (!entry)
      return;
    const superNames = new Set(database.superuserNames.map((n) => n.toLowerCase()));
    const candidates = entry.users.filter((u) => !superNames.has(u.name.toLowerCase()) && !GROUPS.has(u.type));
    const evidence = [
      { path: "users[].name", observed: entry.users.map((u) => `${u.name} (${u.type})`).join(", ") || null }
    ];
    if (candidates.length === 0) {
      ctx.fail({
        resource: gcpResource.sqlInstance({ project, name: database.instance }),
        messageId: "onlySuperusers",
        data: { instance: database.instance, users: entry.users.map((u) => u.name).join(", ") || "none" },
        evidence
      });
      return;
    }
    for (const u of candidates) {
      const resource = gcpResource.sqlUser(project, database.instance, u.name);
      const userEvidence = [
        { path: `users[${u.name}].type`, observed: u.type },
        {
          path: `users[${u.name}].databaseRoles`,
          observed: u.databaseRoles?.join(", ") ?? null,
          expected: `no ${SUPERUSER_ROLE}`
        }
      ];
      if (u.databaseRoles?.includes(SUPERUSER_ROLE))
        ctx.fail({
          resource,
          messageId: "memberOfSuperuser",
          data: { instance: database.instance, user: u.name },
          evidence: userEvidence
        });
      else
        ctx.pass({
          resource,
          messageId: "dedicatedUser",
          data: {
            instance: database.instance,
            user: u.name,
            type: u.type,
            roles: u.databaseRoles ? ` (roles: ${u.databaseRoles.join(", ")})` : ""
          },
          evidence: userEvidence
        });
    }
  }
});

// packages/rules/dist/database/gcp-sql-instance-ready.js
var gcp_sql_instance_ready_default = defineRule({
  id: "gcp-sql-instance-ready",
  title: "The Cloud SQL instance or the application database is missing or not running",
  concerns: ["sql.instance-ready"],
  layer: "gcp",
  facets: ["gcp.sql", "gcp.sql-databases"],
  adrIdentity: "Cloud SQL instance name (coditect-db)",
  adrIdentityFields: ["database.instance"],
  description: "Looks for `expectations.database.instance` (default `coditect-db`) in the expected project (sqladmin `instances.list`): missing fails; a `state` other than `RUNNABLE` fails with the state (and suspension, maintenance or failure shows here). The instance must hold `expectations.database.name` (default `coditect`, sqladmin `databases.list`).",
  rationale: "ADR-001 Decision 3 moved the data from a StatefulSet to Cloud SQL; the backend, the migrations and the smoke tests all need the instance running and the `coditect` database in it.",
  remediation: {
    text: "Create or start the instance, and create the application database in it.",
    commands: [
      'gcloud sql instances describe {{database.instance}} --project={{project}} --format="value(state)"',
      "gcloud sql instances patch {{database.instance}} --activation-policy=ALWAYS --project={{project}}",
      "gcloud sql databases create coditect --instance={{database.instance}} --project={{project}}"
    ]
  },
  messages: {
    ready: "Cloud SQL {{instance}} is RUNNABLE.",
    missing: "Cloud SQL instance {{instance}} does not exist in project {{project}}.",
    notRunnable: "Cloud SQL {{instance}} is {{state}}, not RUNNABLE.",
    databaseReady: "Cloud SQL {{instance}} holds the database {{database}}.",
    databaseMissing: "Cloud SQL {{instance}} has no database {{database}} (it has: {{databases}})."
  },
  check(ctx) {
    const { project, database } = ctx.env.expectations;
    const sql = ctx.facet("gcp.sql");
    if (!wasRead(sql.read, `projects/${project}`))
      return;
    const instance = sql.instances.find((i) => i.project === project && i.name === database.instance);
    if (!instance) {
      ctx.fail({
        resource: gcpResource.sqlInstance({ project, name: database.instance }),
        messageId: "missing",
        data: { instance: database.instance, project },
        evidence: [
          {
            path: "instances[].name",
            observed: sql.instances.map((i) => i.name).join(", ") || null,
            expected: database.instance
          }
        ]
      });
      return;
    }
    const resource = gcpResource.sqlInstance(instance);
    const evidence = [{ path: "state", observed: instance.state ?? null, expected: "RUNNABLE" }];
    if (instance.state === "RUNNABLE")
      ctx.pass({ resource, messageId: "ready", data: { instance: instance.name }, evidence });
    else
      ctx.fail({
        resource,
        messageId: "notRunnable",
        data: { instance: instance.name, state: instance.state ?? "unknown" },
        evidence
      });
    const dbs = ctx.facet("gcp.sql-databases").instances.find((d) => d.project === project && d.instance === instance.name);
    if (!dbs)
      return;
    const dbResource = gcpResource.sqlDatabase(project, instance.name, database.name);
    const names = dbs.databases.map((d) => d.name);
    const dbEvidence = [{ path: "databases[].name", observed: names.join(", ") || null, expected: database.name }];
    if (names.includes(database.name))
      ctx.pass({
        resource: dbResource,
        messageId: "databaseReady",
        data: { instance: instance.name, database: database.name },
        evidence: dbEvidence
      });
    else
      ctx.fail({
        resource: dbResource,
        messageId: "databaseMissing",
        data: { instance: instance.name, database: database.name, databases: names.join(", ") || "none" },
        evidence: dbEvidence
      });
  }
});

// packages/rules/dist/database/probe-postgres-privileges.js
var PRIVILEGED_ROLES = [
  "pg_execute_server_program",
  "pg_read_server_files",
  "pg_write_server_files",
  "pg_signal_backend",
  "pg_write_all_data",
  "pg_read_all_data",
  "rds_superuser",
  "azure_pg_admin"
];
var probe_postgres_privileges_default = defineRule({
  id: "probe-postgres-privileges",
  title: "The app\u2019s database role has rights beyond DML (PostgreSQL)",
  concerns: ["db.app-role-dml-only"],
  layer: "probe",
  facets: ["probe.postgres"],
  description: "For an application role that is not a superuser (see db.superuser-app-user), reads what else it may do: the role attributes CREATEROLE, CREATEDB, BYPASSRLS and REPLICATION; membership of privileged built-in roles (pg_write_server_files, pg_read_all_data, ...); ownership of the database, of schemas and of tables (directly or through a role it inherits); CREATE on the database or on a schema; and TRUNCATE, REFERENCES or TRIGGER on tables. Each is a finding of its own; a role with DML only passes.",
  rationale: "ADR-001 Issue 2 grants the application role exactly `SELECT, INSERT, UPDATE, DELETE` on tables and `USAGE, SELECT` on sequences. An owner can drop or alter its tables, CREATE lets the app (or an attacker through it) add objects, CREATEROLE mints new roles: each turns an application bug into a schema change.",
  remediation: {
    text: "Move ownership to a separate owner role (used by migrations only), revoke what is beyond DML, and clear the role attributes.",
    commands: [
      "ALTER ROLE license_api_staging NOCREATEROLE NOCREATEDB NOBYPASSRLS NOREPLICATION;",
      "CREATE ROLE coditect_owner NOLOGIN; ALTER SCHEMA public OWNER TO coditect_owner; REASSIGN OWNED BY license_api_staging TO coditect_owner;",
      "REVOKE CREATE ON DATABASE coditect FROM license_api_staging; REVOKE CREATE ON SCHEMA public FROM license_api_staging, PUBLIC;",
      "REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM license_api_staging;",
      "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO license_api_staging;"
    ]
  },
  benchmarks: [],
  messages: {
    attribute: "{{role}} on {{endpoint}} has the role attribute {{attribute}}.",
    privilegedRole: "{{role}} on {{endpoint}} is a member of {{member}}, which reaches beyond the application\u2019s tables.",
    ownsDatabase: "{{role}} owns the database {{database}} on {{endpoint}}.",
    ownsSchema: "{{role}} owns the schema {{schema}} on {{endpoint}}.",
    ownsTables: "{{role}} owns {{count}} table(s) on {{endpoint}} (e.g. {{examples}}): it can alter or drop them.",
    createOnDatabase: "{{role}} may CREATE schemas in the database {{database}} on {{endpoint}}.",
    createOnSchema: "{{role}} may CREATE objects in the schema {{schema}} on {{endpoint}}.",
    beyondDml: "{{role}} holds {{privileges}} on {{count}} table(s) on {{endpoint}} (e.g. {{examples}}).",
    dmlOnly: "{{role}} on {{endpoint}} has no rights beyond DML."
  },
  check(ctx) {
    const d = ctx.facet("probe.postgres");
    const { role, ownership, privileges } = d;
    if (!role || !ownership || !privileges) {
      ctx.skip(`the rights of ${d.appRole} could not be read on ${d.endpoint}; see the error verdict`);
      return;
    }
    const resource = postgresRoleResource2(d, ctx.env.expectations);
    if (!role.exists || role.superuser || role.memberOf.includes("cloudsqlsuperuser")) {
      ctx.skip(`${role.name} is ${role.exists ? "an administrator" : "missing"}: see db.superuser-app-user`, resource);
      return;
    }
    const base = { endpoint: d.endpoint, role: role.name, database: d.database };
    let failed = false;
    const fail = (messageId, discriminator, data, path, observed) => {
      failed = true;
      ctx.fail({
        resource,
        messageId,
        data: { ...base, ...data },
        discriminator,
        evidence: [{ path, observed, expected: "DML only" }]
      });
    };
    const attributes = [
      ["CREATEROLE", role.createRole],
      ["CREATEDB", role.createDb],
      ["BYPASSRLS", role.bypassRls],
      ["REPLICATION", role.replication]
    ];
    for (const [attribute, held] of attributes)
      if (held)
        fail("attribute", `attribute:${attribute}`, { attribute }, `pg_roles.rol${attribute.toLowerCase()}`, true);
    for (const member of role.memberOf.filter((m) => PRIVILEGED_ROLES.includes(m)))
      fail("privilegedRole", `member:${member}`, { member }, "memberOf", member);
    if (ownership.database)
      fail("ownsDatabase", "owns:database", {}, "pg_database.datdba", role.name);
    for (const schema of ownership.schemas)
      fail("ownsSchema", `owns:schema:${schema}`, { schema }, `pg_namespace[${schema}].nspowner`, role.name);
    if (ownership.tableCount > 0)
      fail("ownsTables", "owns:tables", { count: ownership.tableCount, examples: ownership.tables.slice(0, 3).join(", ") }, "pg_class.relowner", ownership.tableCount);
    if (privileges.createOnDatabase)
      fail("createOnDatabase", "create:database", {}, "has_database_privilege(CREATE)", true);
    for (const schema of privileges.createOnSchemas)
      fail("createOnSchema", `create:schema:${schema}`, { schema }, `has_schema_privilege(${schema}, CREATE)`, true);
    if (privileges.beyondDmlCount > 0) {
      const held = [...new Set(privileges.beyondDml.flatMap((b) => b.privileges))].sort().join(", ");
      fail("beyondDml", "tables:beyond-dml", {
        privileges: held,
        count: privileges.beyondDmlCount,
        examples: privileges.beyondDml.slice(0, 3).map((b) => b.table).join(", ")
      }, "has_table_privilege", held);
    }
    if (!failed)
      ctx.pass({ resource, messageId: "dmlOnly", data: base });
  }
});

// packages/rules/dist/database/sql.deletion-protection.js
function on(v) {
  return v.deletionProtection.certainty === "decided" ? v.source === "tf" ? isTrue(v.deletionProtection.value) : v.deletionProtection.value === true : v.deletionProtection.certainty === "absent" ? false : void 0;
}
function destroyGuardText(v) {
  const g = v.destroyGuard;
  if (g.certainty === "absent")
    return "not set, defaults to true";
  if (g.certainty === "unresolved")
    return `from ${g.expression}`;
  return isFalse(g.value) ? "false" : String(g.value);
}
var sql_deletion_protection_default = defineViewRule({
  id: "sql.deletion-protection",
  title: "Cloud SQL deletion protection is off",
  concerns: ["sql.deletion-protection"],
  view: "sql-instance",
  sources: {
    tf: { alias: "tf-sql-deletion-protection" },
    gcp: { alias: "gcp-sql-deletion-protection" },
    drift: {}
  },
  description: "Each Cloud SQL instance must have Google-side deletion protection on, the flag that refuses deletion from the console, gcloud, the API and OpenTofu alike. **OpenTofu** (`google_sql_database_instance`): `settings.deletion_protection_enabled = true`. The top-level `deletion_protection` argument is reported alongside: it only makes OpenTofu refuse to destroy the instance (default true) and does not satisfy the concern on its own. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. **Google Cloud** (sqladmin `instances.list`): `settings.deletionProtectionEnabled` `true` passes; `false` or not reported fails. **Drift**: a declaration that turns protection on for an instance that runs without it (or the reverse) is a finding at the live instance.",
  rationale: 'ADR-001 Issue 10 (Disaster Recovery and Backups, "Data loss risk") and Decision 3 ("Production-grade infrastructure"): the instance was created by hand and will be managed by OpenTofu after import; a `gcloud sql instances delete` or a console click must not be able to remove the license database and its automated backups, which OpenTofu\'s own guard cannot prevent.',
  remediation: {
    text: "Set `deletion_protection_enabled = true` in `settings` (and keep the top-level `deletion_protection = true`), then apply; or turn it on for the live instance.",
    commands: [
      'resource "google_sql_database_instance" "main" {\n  deletion_protection = true\n  settings {\n    deletion_protection_enabled = true\n  }\n}',
      "gcloud sql instances patch {{database.instance}} --deletion-protection --project={{project}}"
    ]
  },
  benchmarks: [{ standard: "CIS Google Cloud Platform Foundation Benchmark 5.0.0", id: "6.9" }],
  messages: {
    // tf
    protected: "{{address}} sets deletion_protection_enabled = true: Cloud SQL refuses to delete it. OpenTofu guard (deletion_protection): {{tfGuard}}.",
    apiProtectionOff: "{{address}} sets deletion_protection_enabled = false: the instance can be deleted from the console, gcloud or the API. OpenTofu guard (deletion_protection): {{tfGuard}}, which only stops OpenTofu itself.",
    apiProtectionNotSet: "{{address}} does not set settings.deletion_protection_enabled: the instance can be deleted from the console, gcloud or the API. OpenTofu guard (deletion_protection): {{tfGuard}}, which only stops OpenTofu itself.",
    unresolved: "deletion_protection_enabled of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm Cloud SQL refuses deletion (the gcp layer reads the live value). OpenTofu guard (deletion_protection): {{tfGuard}}.",
    // gcp
    enabled: "Cloud SQL {{instance}} has deletion protection on.",
    disabled: "Cloud SQL {{instance}} has deletion protection {{state}}: the instance and its backups can be deleted in one call.",
    // drift
    driftLiveUnprotected: "{{address}} turns deletion protection on, but the live Cloud SQL {{instance}} runs without it: it was changed outside OpenTofu or the declaration was never applied.",
    driftDeclaredUnprotected: "Cloud SQL {{instance}} has deletion protection on, but {{address}} does not declare it: the next `tofu apply` turns it off.",
    consistent: "{{address}} and the live Cloud SQL {{instance}} agree on deletion protection."
  },
  drift: {
    holds: on,
    messages: {
      consistent: "consistent",
      liveWeaker: "driftLiveUnprotected",
      liveStricter: "driftDeclaredUnprotected"
    },
    data: (declared3, live2) => ({ address: declared3.label, instance: live2.label }),
    evidence: (declared3, live2) => [
      evidenceOf(declared3.deletionProtection, "true"),
      evidenceOf(live2.deletionProtection, "true")
    ]
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      const api = v.deletionProtection;
      if (v.source === "gcp") {
        const data = { instance: v.label };
        const evidence2 = [evidenceOf(api, "true")];
        if (on(v))
          ctx.pass({ resource, messageId: "enabled", data, evidence: evidence2 });
        else
          ctx.fail({
            resource,
            messageId: "disabled",
            data: {
              ...data,
              state: api.certainty === "decided" && api.value === false ? "off" : "not reported (off)"
            },
            evidence: evidence2
          });
        continue;
      }
      const address = v.label;
      const tfGuard = destroyGuardText(v);
      const evidence = [evidenceOf(api, "true"), evidenceOf(v.destroyGuard)];
      const location = api.origin.location;
      if (api.certainty === "unresolved")
        ctx.unknown({
          resource,
          messageId: "unresolved",
          data: { address, expression: api.expression, tfGuard },
          ...location ? { location } : {},
          evidence,
          dependsOn: api.dependsOn
        });
      else if (on(v))
        ctx.pass({ resource, messageId: "protected", data: { address, tfGuard }, evidence });
      else
        ctx.fail({
          resource,
          messageId: api.certainty === "decided" ? "apiProtectionOff" : "apiProtectionNotSet",
          data: { address, tfGuard },
          ...location ? { location } : {},
          evidence
        });
    }
  }
});

// packages/rules/dist/util/lifecycle.js
var EOL_PRODUCTS = [
  {
    key: "python",
    cycleParts: 2,
    name: "Python",
    images: ["python"],
    cycles: [
      { cycle: "2.7", eol: "2020-01-01" },
      { cycle: "3.0", eol: "2009-06-27" },
      { cycle: "3.1", eol: "2012-04-09" },
      { cycle: "3.2", eol: "2016-02-20" },
      { cycle: "3.3", eol: "2017-09-29" },
      { cycle: "3.4", eol: "2019-03-18" },
      { cycle: "3.5", eol: "2020-09-30" },
      { cycle: "3.6", eol: "2021-12-23" },
      { cycle: "3.7", eol: "2023-06-27" },
      { cycle: "3.8", eol: "2024-10-07" },
      { cycle: "3.9", eol: "2025-10" },
      { cycle: "3.10", eol: "2026-10" }
    ],
    olderThan: { cycle: "2.7", eol: "2020-01-01 or earlier" },
    source: "https://devguide.python.org/versions/",
    upgradeTo: "python:3.12-slim"
  },
  {
    key: "node",
    cycleParts: 1,
    name: "Node.js",
    images: ["node"],
    cycles: [
      { cycle: "4", eol: "2018-04-30", codenames: ["argon"] },
      { cycle: "5", eol: "2016-06-30" },
      { cycle: "6", eol: "2019-04-30", codenames: ["boron"] },
      { cycle: "7", eol: "2017-06-30" },
      { cycle: "8", eol: "2019-12-31", codenames: ["carbon"] },
      { cycle: "9", eol: "2018-06-30" },
      { cycle: "10", eol: "2021-04-30", codenames: ["dubnium"] },
      { cycle: "11", eol: "2019-06-01" },
      { cycle: "12", eol: "2022-04-30", codenames: ["erbium"] },
      { cycle: "13", eol: "2020-06-01" },
      { cycle: "14", eol: "2023-04-30", codenames: ["fermium"] },
      { cycle: "15", eol: "2021-06-01" },
      { cycle: "16", eol: "2023-09-11", codenames: ["gallium"] },
      { cycle: "17", eol: "2022-06-01" },
      { cycle: "18", eol: "2025-04-30", codenames: ["hydrogen"] },
      { cycle: "19", eol: "2023-06-01" },
      { cycle: "20", eol: "2026-04-30", codenames: ["iron"] },
      { cycle: "21", eol: "2024-06-01" },
      { cycle: "23", eol: "2025-06-01" },
      { cycle: "25", eol: "2026-06-01" }
    ],
    olderThan: { cycle: "4", eol: "2016-12-31 or earlier" },
    source: "https://github.com/nodejs/Release",
    upgradeTo: "node:22-slim (or node:24-slim)"
  },
  {
    key: "postgres",
    cycleParts: 1,
    legacyCycleParts: { belowMajor: 10, parts: 2 },
    name: "PostgreSQL",
    images: ["postgres"],
    cycles: [
      { cycle: "9.3", eol: "2018-11-08" },
      { cycle: "9.4", eol: "2020-02-13" },
      { cycle: "9.5", eol: "2021-02-11" },
      { cycle: "9.6", eol: "2021-11-11" },
      { cycle: "10", eol: "2022-11-10" },
      { cycle: "11", eol: "2023-11-09" },
      { cycle: "12", eol: "2024-11-21" },
      { cycle: "13", eol: "2025-11-13" },
      { cycle: "14", eol: "2026-11-12" }
    ],
    olderThan: { cycle: "9.3", eol: "2018-11-08 or earlier" },
    source: "https://www.postgresql.org/support/versioning/",
    upgradeTo: "postgres:17 (or Cloud SQL, as ADR-001 Decision 3 chose)"
  },
  {
    key: "redis",
    cycleParts: 2,
    name: "Redis",
    images: ["redis"],
    // Redis supports the latest release, the previous minor and the previous major; 6.0 left that window
    // when 7.2 shipped. Later cycles are left out until their end is certain.
    cycles: [],
    olderThan: { cycle: "6.2", eol: "2023-08-15 (Redis 7.2 release) or earlier" },
    source: "https://github.com/redis/redis/blob/unstable/SECURITY.md",
    upgradeTo: "redis:7.4 (or Memorystore, as ADR-001 Decision 3 chose)"
  },
  {
    key: "debian",
    cycleParts: 1,
    name: "Debian",
    images: ["debian"],
    cycles: [
      { cycle: "7", eol: "2018-05-31", codenames: ["wheezy"] },
      { cycle: "8", eol: "2020-06-30", codenames: ["jessie"] },
      { cycle: "9", eol: "2022-06-30", codenames: ["stretch"] },
      { cycle: "10", eol: "2024-06-30", codenames: ["buster"] },
      { cycle: "11", eol: "2026-08-31", codenames: ["bullseye"] }
    ],
    olderThan: { cycle: "7", eol: "2016-02-29 or earlier" },
    source: "https://wiki.debian.org/LTS (end of Debian LTS)",
    upgradeTo: "debian:bookworm-slim (or an image variant based on bookworm)"
  },
  {
    key: "ubuntu",
    cycleParts: 2,
    name: "Ubuntu",
    images: ["ubuntu"],
    cycles: [
      { cycle: "14.04", eol: "2019-04", codenames: ["trusty"] },
      { cycle: "16.04", eol: "2021-04", codenames: ["xenial"] },
      { cycle: "18.04", eol: "2023-05", codenames: ["bionic"] },
      { cycle: "20.04", eol: "2025-05", codenames: ["focal"] },
      { cycle: "22.10", eol: "2023-07", codenames: ["kinetic"] },
      { cycle: "23.04", eol: "2024-01", codenames: ["lunar"] },
      { cycle: "23.10", eol: "2024-07", codenames: ["mantic"] },
      { cycle: "24.10", eol: "2025-07", codenames: ["oracular"] }
    ],
    olderThan: { cycle: "22.04", eol: "2025-05 or earlier" },
    source: "https://ubuntu.com/about/release-cycle (end of standard support)",
    upgradeTo: "ubuntu:24.04"
  },
  {
    key: "alpine",
    cycleParts: 2,
    name: "Alpine Linux",
    images: ["alpine"],
    cycles: [
      { cycle: "3.10", eol: "2021-05-01" },
      { cycle: "3.11", eol: "2021-11-01" },
      { cycle: "3.12", eol: "2022-05-01" },
      { cycle: "3.13", eol: "2022-11-01" },
      { cycle: "3.14", eol: "2023-05-01" },
      { cycle: "3.15", eol: "2023-11-01" },
      { cycle: "3.16", eol: "2024-05-23" },
      { cycle: "3.17", eol: "2024-11-22" },
      { cycle: "3.18", eol: "2025-05-09" },
      { cycle: "3.19", eol: "2025-11-01" },
      { cycle: "3.20", eol: "2026-04-01" },
      { cycle: "3.21", eol: "2026-11-01" }
    ],
    olderThan: { cycle: "3.10", eol: "2021-05-01 or earlier" },
    source: "https://alpinelinux.org/releases/",
    upgradeTo: "alpine:3.22 (or an image variant based on it)"
  }
];
var DISTRO_KEYS = ["debian", "ubuntu", "alpine"];
function parseVersion(v) {
  return v.split(".").map((p) => Number.parseInt(p, 10));
}
function inCycle(version, cycle) {
  return version.length >= cycle.length && cycle.every((c, i) => version[i] === c);
}
function below(version, bound) {
  for (let i = 0; i < bound.length; i++) {
    const v = version[i];
    const b = bound[i];
    if (v === void 0)
      return false;
    if (v !== b)
      return v < b;
  }
  return false;
}
function eolOfVersion(product, version) {
  const parts = parseVersion(version);
  for (const c of product.cycles)
    if (inCycle(parts, parseVersion(c.cycle)))
      return c.eol;
  if (product.olderThan && below(parts, parseVersion(product.olderThan.cycle)))
    return product.olderThan.eol;
  const legacy = product.legacyCycleParts;
  const needed = legacy && (parts[0] ?? 0) < legacy.belowMajor ? legacy.parts : product.cycleParts;
  return parts.length < needed ? "unknown" : "supported";
}
function eolOfCodename(product, codename) {
  return product.cycles.find((c) => c.codenames?.includes(codename))?.eol;
}
function isKnownCodename(product, codename) {
  return product.cycles.some((c) => c.codenames?.includes(codename)) || SUPPORTED_CODENAMES[product.key]?.includes(codename) === true;
}
var SUPPORTED_CODENAMES = {
  debian: ["bookworm", "trixie", "forky"],
  ubuntu: ["jammy", "noble", "plucky", "questing"],
  node: ["jod", "krypton"]
};
function baseImageVersions(ref) {
  const image = officialImageName(ref);
  if (!image)
    return { tracked: false, findings: [] };
  const tag = (ref.tag ?? "").toLowerCase();
  const findings2 = [];
  const own = EOL_PRODUCTS.find((p) => p.images.includes(image));
  const tokens = tag.split("-").filter(Boolean);
  if (own) {
    const lead = /^v?(\d+(?:\.\d+)*)/.exec(tag)?.[1];
    if (lead) {
      const eol = eolOfVersion(own, lead);
      if (eol !== "unknown")
        findings2.push(finding(own, lead, eol === "supported" ? void 0 : eol));
    } else {
      const codename = tokens.find((t) => isKnownCodename(own, t));
      if (codename)
        findings2.push(finding(own, codename, eolOfCodename(own, codename)));
    }
  }
  for (const key of DISTRO_KEYS) {
    if (own?.key === key)
      continue;
    const distro = EOL_PRODUCTS.find((p) => p.key === key);
    for (const t of tokens) {
      if (key === "alpine") {
        const v = /^alpine(\d+\.\d+)$/.exec(t)?.[1];
        const eol = v ? eolOfVersion(distro, v) : "unknown";
        if (v && eol !== "unknown")
          findings2.push(finding(distro, v, eol === "supported" ? void 0 : eol));
      } else if (isKnownCodename(distro, t))
        findings2.push(finding(distro, t, eolOfCodename(distro, t)));
    }
  }
  return { image, tracked: own !== void 0, findings: findings2 };
}
function finding(product, version, eol) {
  return { product, version, ...eol ? { eol } : {} };
}
var REMOVED_APIS = [
  // v1.16
  {
    apiVersion: "extensions/v1beta1",
    kinds: ["Deployment", "DaemonSet", "ReplicaSet"],
    removedIn: "1.16",
    replacement: "apps/v1"
  },
  {
    apiVersion: "extensions/v1beta1",
    kinds: ["NetworkPolicy"],
    removedIn: "1.16",
    replacement: "networking.k8s.io/v1"
  },
  {
    apiVersion: "extensions/v1beta1",
    kinds: ["PodSecurityPolicy"],
    removedIn: "1.16",
    replacement: "Pod Security Admission (PodSecurityPolicy itself was removed in 1.25)"
  },
  { apiVersion: "apps/v1beta1", kinds: "*", removedIn: "1.16", replacement: "apps/v1" },
  { apiVersion: "apps/v1beta2", kinds: "*", removedIn: "1.16", replacement: "apps/v1" },
  // v1.22
  { apiVersion: "extensions/v1beta1", kinds: ["Ingress"], removedIn: "1.22", replacement: "networking.k8s.io/v1" },
  { apiVersion: "extensions/v1beta1", kinds: "*", removedIn: "1.22", replacement: "the GA API group of the kind" },
  {
    apiVersion: "networking.k8s.io/v1beta1",
    kinds: ["Ingress", "IngressClass"],
    removedIn: "1.22",
    replacement: "networking.k8s.io/v1"
  },
  {
    apiVersion: "admissionregistration.k8s.io/v1beta1",
    kinds: ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
    removedIn: "1.22",
    replacement: "admissionregistration.k8s.io/v1"
  },
  {
    apiVersion: "apiextensions.k8s.io/v1beta1",
    kinds: ["CustomResourceDefinition"],
    removedIn: "1.22",
    replacement: "apiextensions.k8s.io/v1"
  },
  {
    apiVersion: "apiregistration.k8s.io/v1beta1",
    kinds: ["APIService"],
    removedIn: "1.22",
    replacement: "apiregistration.k8s.io/v1"
  },
  {
    apiVersion: "authentication.k8s.io/v1beta1",
    kinds: ["TokenReview"],
    removedIn: "1.22",
    replacement: "authentication.k8s.io/v1"
  },
  {
    apiVersion: "authorization.k8s.io/v1beta1",
    kinds: ["SubjectAccessReview", "LocalSubjectAccessReview", "SelfSubjectAccessReview"],
    removedIn: "1.22",
    replacement: "authorization.k8s.io/v1"
  },
  {
    apiVersion: "certificates.k8s.io/v1beta1",
    kinds: ["CertificateSigningRequest"],
    removedIn: "1.22",
    replacement: "certificates.k8s.io/v1"
  },
  {
    apiVersion: "coordination.k8s.io/v1beta1",
    kinds: ["Lease"],
    removedIn: "1.22",
    replacement: "coordination.k8s.io/v1"
  },
  {
    apiVersion: "rbac.authorization.k8s.io/v1beta1",
    kinds: ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"],
    removedIn: "1.22",
    replacement: "rbac.authorization.k8s.io/v1"
  },
  {
    apiVersion: "scheduling.k8s.io/v1beta1",
    kinds: ["PriorityClass"],
    removedIn: "1.22",
    replacement: "scheduling.k8s.io/v1"
  },
  {
    apiVersion: "storage.k8s.io/v1beta1",
    kinds: ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"],
    removedIn: "1.22",
    replacement: "storage.k8s.io/v1"
  },
  // v1.25
  { apiVersion: "batch/v1beta1", kinds: ["CronJob"], removedIn: "1.25", replacement: "batch/v1" },
  {
    apiVersion: "discovery.k8s.io/v1beta1",
    kinds: ["EndpointSlice"],
    removedIn: "1.25",
    replacement: "discovery.k8s.io/v1"
  },
  { apiVersion: "events.k8s.io/v1beta1", kinds: ["Event"], removedIn: "1.25", replacement: "events.k8s.io/v1" },
  {
    apiVersion: "autoscaling/v2beta1",
    kinds: ["HorizontalPodAutoscaler"],
    removedIn: "1.25",
    replacement: "autoscaling/v2"
  },
  { apiVersion: "policy/v1beta1", kinds: ["PodDisruptionBudget"], removedIn: "1.25", replacement: "policy/v1" },
  {
    apiVersion: "policy/v1beta1",
    kinds: ["PodSecurityPolicy"],
    removedIn: "1.25",
    replacement: "Pod Security Admission (namespace labels pod-security.kubernetes.io/enforce)"
  },
  { apiVersion: "node.k8s.io/v1beta1", kinds: ["RuntimeClass"], removedIn: "1.25", replacement: "node.k8s.io/v1" },
  // v1.26
  {
    apiVersion: "flowcontrol.apiserver.k8s.io/v1beta1",
    kinds: ["FlowSchema", "PriorityLevelConfiguration"],
    removedIn: "1.26",
    replacement: "flowcontrol.apiserver.k8s.io/v1"
  },
  {
    apiVersion: "autoscaling/v2beta2",
    kinds: ["HorizontalPodAutoscaler"],
    removedIn: "1.26",
    replacement: "autoscaling/v2"
  },
  // v1.27
  {
    apiVersion: "storage.k8s.io/v1beta1",
    kinds: ["CSIStorageCapacity"],
    removedIn: "1.27",
    replacement: "storage.k8s.io/v1"
  },
  // v1.29
  {
    apiVersion: "flowcontrol.apiserver.k8s.io/v1beta2",
    kinds: ["FlowSchema", "PriorityLevelConfiguration"],
    removedIn: "1.29",
    replacement: "flowcontrol.apiserver.k8s.io/v1"
  },
  // v1.32
  {
    apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3",
    kinds: ["FlowSchema", "PriorityLevelConfiguration"],
    removedIn: "1.32",
    replacement: "flowcontrol.apiserver.k8s.io/v1"
  }
];
function removedApiFor(apiVersion, kind) {
  const entries = REMOVED_APIS.filter((e) => e.apiVersion === apiVersion);
  return entries.find((e) => e.kinds !== "*" && e.kinds.includes(kind)) ?? entries.find((e) => e.kinds === "*");
}

// packages/rules/dist/database/sql.eol-version.js
var postgres = EOL_PRODUCTS.find((p) => p.key === "postgres");
function postgresEndOfLife(versionNum) {
  if (!postgres)
    return void 0;
  const major = Math.floor(versionNum / 1e4);
  const minor = Math.floor(versionNum / 100) % 100;
  const cycle = major >= 10 ? String(major) : `${major}.${minor}`;
  const hit = postgres.cycles.find((c) => c.cycle === cycle);
  if (hit)
    return { cycle, eol: hit.eol };
  const [oldMajor = 0, oldMinor = 0] = (postgres.olderThan?.cycle ?? "0").split(".").map(Number);
  const older = major < oldMajor || major === oldMajor && minor < oldMinor;
  return older && postgres.olderThan ? { cycle, eol: postgres.olderThan.eol } : void 0;
}
function checkServer(ctx, v) {
  const d = v.probe;
  if (!d?.server) {
    ctx.skip(`the server version of ${d?.endpoint ?? v.label} could not be read; see the error verdict`);
    return;
  }
  const resource = v.resource;
  const eol = postgresEndOfLife(d.server.versionNum);
  const data = { endpoint: d.endpoint, version: d.server.version.split(" ")[0] ?? d.server.version };
  const evidence = [
    { path: "server_version_num", observed: d.server.versionNum, expected: "a supported major version" }
  ];
  if (eol)
    ctx.fail({
      resource,
      messageId: "endOfLife",
      data: { ...data, cycle: eol.cycle, eol: eol.eol, source: postgres?.source ?? "" },
      evidence
    });
  else
    ctx.pass({ resource, messageId: "supported", data, evidence });
}
var sql_eol_version_default = defineViewRule({
  id: "sql.eol-version",
  title: "Cloud SQL runs an end-of-life database version",
  concerns: ["lifecycle.eol-database-version"],
  view: "sql-instance",
  sources: {
    tf: { alias: "tf-sql-eol-version" },
    gcp: { alias: "gcp-sql-eol-version" },
    probe: {
      alias: "probe-postgres-eol-version",
      messages: {
        endOfLife: "{{endpoint}} runs PostgreSQL {{version}}: major version {{cycle}} reached end of life on {{eol}} ({{source}}).",
        supported: "{{endpoint}} runs PostgreSQL {{version}}, a supported major version."
      }
    }
  },
  description: `**OpenTofu**: each \`google_sql_database_instance\` \`database_version\` is looked up in the Cloud SQL version lifecycle (https://cloud.google.com/sql/docs/postgres/db-versions and https://cloud.google.com/sql/docs/mysql/db-versions, checked ${SQL_LIFECYCLE_AS_OF}). A version whose regular support has ended (PostgreSQL 9.6 to 13, MySQL 5.6, 5.7 and 8.0 on that date) fails with the date it ended and the date Cloud SQL retires it; it runs on paid extended support. Versions still in regular support pass. A value the repository does not settle (a variable without a default or \`.tfvars\` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an \`unknown\` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, \`.tfvars\`, locals, local module inputs, override files, \`count\`/\`for_each\` and \`dynamic\` blocks are evaluated first. **Google Cloud**: the same lookup for the \`databaseVersion\` sqladmin \`instances.list\` reports; an instance that reports none is skipped. **Probe**: the \`server_version_num\` the running server reports, looked up in the PostgreSQL community support table (${postgres?.source ?? "postgresql.org"}): a major version past its final release (13 and older on the table's date) fails with the date support ended; supported versions pass. The API reports the version Cloud SQL was asked for; the server reports the one that runs. The tables are data, not the clock, so two runs on the same server agree.`,
  rationale: 'ADR-001 Lesson 1 ("Platform Deprecations Require Proactive Monitoring"): the GCR shutdown broke the deployment because nobody tracked its end-of-life date; the action is to "maintain technology inventory with EOL dates". A community end-of-life database version receives only critical fixes under Cloud SQL extended support, is billed extra, and is eventually retired.',
  remediation: {
    text: "Upgrade the instance to a major version in regular support (the ADR runs POSTGRES_16), test on a clone first, then set `database_version` to the new version so OpenTofu matches.",
    commands: [
      "gcloud sql instances clone {{database.instance}} {{database.instance}}-upgrade-test --project={{project}}",
      "gcloud sql instances patch {{database.instance}}-upgrade-test --database-version=POSTGRES_16 --project={{project}}",
      "gcloud sql instances patch {{database.instance}} --database-version=POSTGRES_16 --project={{project}}",
      'database_version = "POSTGRES_16"'
    ]
  },
  messages: {
    // tf
    endOfLife: "{{address}} runs {{version}} ({{label}}): Cloud SQL regular support ended on {{extendedSupportFrom}}, it now runs on paid extended support and is retired on {{deprecatedFrom}} ({{source}}).",
    supported: "{{address}} runs {{version}}, in Cloud SQL regular support until {{extendedSupportFrom}} ({{source}}).",
    notInTable: "{{address}} runs {{version}}, which is not past the end of regular support in the Cloud SQL lifecycle table.",
    unresolved: "database_version of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm it is not end-of-life (the gcp layer reads the live value).",
    // gcp (ids were endOfLife / supported / notInTable in gcp-sql-eol-version)
    liveEndOfLife: "Cloud SQL {{instance}} runs {{version}} ({{label}}): regular support ended on {{extendedSupportFrom}}; it runs on paid extended support and is retired on {{deprecatedFrom}} ({{source}}).",
    liveSupported: "Cloud SQL {{instance}} runs {{version}}, in regular support until {{extendedSupportFrom}}.",
    liveNotInTable: "Cloud SQL {{instance}} runs {{version}}, not past the end of regular support in the lifecycle table."
  },
  check(ctx) {
    for (const v of ctx.views) {
      if (v.source === "probe") {
        checkServer(ctx, v);
        continue;
      }
      const resource = v.resource;
      const a = v.databaseVersion;
      const live2 = v.source === "gcp";
      const who = live2 ? { instance: v.label } : { address: v.label };
      const evidence = [evidenceOf(a, "a version in regular support")];
      if (a.certainty === "absent") {
        ctx.skip(live2 ? `Cloud SQL ${v.label} reports no databaseVersion` : `${v.label} sets no database_version (the google provider requires it)`, resource);
        continue;
      }
      if (a.certainty === "unresolved") {
        ctx.unknown({
          resource,
          messageId: "unresolved",
          data: { address: v.label, expression: a.expression },
          ...a.origin.location ? { location: a.origin.location } : {},
          evidence,
          dependsOn: a.dependsOn
        });
        continue;
      }
      const version = String(a.value);
      const lifecycle = lifecycleOf(version);
      if (!lifecycle) {
        ctx.pass({ resource, messageId: live2 ? "liveNotInTable" : "notInTable", data: { ...who, version }, evidence });
        continue;
      }
      const data = {
        ...who,
        version,
        label: lifecycle.label,
        extendedSupportFrom: lifecycle.extendedSupportFrom,
        deprecatedFrom: lifecycle.deprecatedFrom,
        source: lifecycle.source
      };
      if (isEndOfLife(lifecycle))
        ctx.fail({
          resource,
          messageId: live2 ? "liveEndOfLife" : "endOfLife",
          data,
          ...a.origin.location ? { location: a.origin.location } : {},
          evidence
        });
      else
        ctx.pass({ resource, messageId: live2 ? "liveSupported" : "supported", data, evidence });
    }
  }
});

// packages/rules/dist/database/sql.high-availability.js
var regional = (v) => v.availabilityType.certainty === "decided" ? v.availabilityType.value === "REGIONAL" : v.availabilityType.certainty === "absent" ? false : void 0;
var sql_high_availability_default = defineViewRule({
  id: "sql.high-availability",
  title: "Cloud SQL instance is not highly available",
  concerns: ["sql.high-availability"],
  view: "sql-instance",
  sources: {
    tf: { alias: "tf-sql-high-availability" },
    gcp: { alias: "gcp-sql-high-availability" },
    drift: {}
  },
  description: 'Each primary Cloud SQL instance must be `REGIONAL` (a standby in a second zone with automatic failover). **OpenTofu** (`google_sql_database_instance`): `settings.availability_type = "REGIONAL"`; `ZONAL`, or no value (the default is ZONAL), fails. Read replicas (`master_instance_name`, `replica_configuration`, `instance_type = "READ_REPLICA_INSTANCE"`) are skipped: availability is the primary\'s setting. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. **Google Cloud** (sqladmin `instances.list`): `settings.availabilityType` `REGIONAL` passes; `ZONAL` or not reported fails; replicas (`instanceType = READ_REPLICA_INSTANCE`, `masterInstanceName`) are skipped. **Drift**: a declaration and the live instance of the same name that disagree are a finding at the live instance.',
  rationale: 'ADR-001 Issue 10 (Disaster Recovery and Backups) plans an RTO of one hour relying on "Automated failover for Cloud SQL HA", and the Decision 3 consequences count on "High availability and disaster recovery built-in". A ZONAL instance has no failover: a zone outage stops the license API until the zone returns or a backup is restored.',
  remediation: {
    text: 'Set `availability_type = "REGIONAL"` in `settings` and apply, or make the live instance regional (the instance restarts once).',
    commands: [
      'settings {\n  availability_type = "REGIONAL"\n}',
      "gcloud sql instances patch {{database.instance}} --availability-type=REGIONAL --project={{project}}"
    ]
  },
  messages: {
    // tf
    regional: "{{address}} is REGIONAL: a standby in another zone takes over automatically.",
    zonal: "{{address}} {{sets}} availability_type = {{availabilityType}}{{from}}: no standby, no automatic failover.",
    notSet: "{{address}} does not set settings.availability_type, so it is ZONAL: no standby, no automatic failover.",
    unresolved: "availability_type of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm REGIONAL (the gcp layer reads the live value).",
    // gcp (ids were `regional` / `zonal` in gcp-sql-high-availability)
    liveRegional: "Cloud SQL {{instance}} is REGIONAL: it fails over to a standby in another zone.",
    liveZonal: "Cloud SQL {{instance}} is {{availability}}: no standby, no automatic failover.",
    // drift
    driftLiveZonal: "{{address}} declares Cloud SQL {{instance}} REGIONAL, but the live instance is {{availability}}: it was changed outside OpenTofu or the declaration was never applied.",
    driftDeclaredZonal: "Cloud SQL {{instance}} is REGIONAL, but {{address}} declares it zonal: the next `tofu apply` removes its standby.",
    consistent: "{{address}} and the live Cloud SQL {{instance}} agree on availability."
  },
  drift: {
    // A read replica's availability is its primary's: nothing to compare.
    holds: (v) => v.replicaOf ? void 0 : regional(v),
    messages: { consistent: "consistent", liveWeaker: "driftLiveZonal", liveStricter: "driftDeclaredZonal" },
    data: (declared3, live2) => ({
      address: declared3.label,
      instance: live2.label,
      availability: live2.availabilityType.certainty === "decided" ? String(live2.availabilityType.value) : "not reported"
    }),
    evidence: (declared3, live2) => [
      evidenceOf(declared3.availabilityType, "REGIONAL"),
      evidenceOf(live2.availabilityType, "REGIONAL")
    ]
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      const a = v.availabilityType;
      const evidence = [evidenceOf(a, "REGIONAL")];
      if (v.source === "gcp") {
        if (v.replicaOf) {
          ctx.skip(`Cloud SQL ${v.label} is a read replica (${v.replicaOf}); its primary's availability applies`, resource);
          continue;
        }
        if (regional(v))
          ctx.pass({ resource, messageId: "liveRegional", data: { instance: v.label }, evidence });
        else
          ctx.fail({
            resource,
            messageId: "liveZonal",
            data: { instance: v.label, availability: a.certainty === "decided" ? String(a.value) : "not reported" },
            evidence
          });
        continue;
      }
      if (v.replicaOf) {
        ctx.skip(`${v.label} is a read replica (${v.replicaOf}); availability is set on its primary`, resource);
        continue;
      }
      const address = v.label;
      const location = a.origin.location;
      if (a.certainty === "unresolved")
        ctx.unknown({
          resource,
          messageId: "unresolved",
          data: { address, expression: a.expression },
          ...location ? { location } : {},
          evidence,
          dependsOn: a.dependsOn
        });
      else if (regional(v))
        ctx.pass({ resource, messageId: "regional", data: { address }, evidence });
      else if (a.certainty === "decided")
        ctx.fail({
          resource,
          messageId: "zonal",
          data: { address, availabilityType: String(a.value), ...valueSourceOf(a) },
          ...location ? { location } : {},
          evidence
        });
      else
        ctx.fail({ resource, messageId: "notSet", data: { address }, ...location ? { location } : {}, evidence });
    }
  }
});

// packages/rules/dist/database/sql.public-exposure.js
var OPEN_TO_ALL = ["0.0.0.0/0", "::/0"];
var sql_public_exposure_default = defineViewRule({
  id: "sql.public-exposure",
  title: "Cloud SQL public IP open to 0.0.0.0/0",
  concerns: ["sql.public-exposure"],
  view: "sql-instance",
  sources: { tf: { alias: "tf-sql-public-exposure" }, gcp: { alias: "gcp-sql-public-exposure" } },
  description: "**OpenTofu**: A `google_sql_database_instance` with a public IPv4 address (`settings.ip_configuration.ipv4_enabled`, which defaults to true) must not list `0.0.0.0/0` or `::/0` among its `authorized_networks`. An instance with `ipv4_enabled = false` has no public address, so its authorized networks do not apply. An authorized network whose value (or a public-IP switch) the repository does not settle, or a `dynamic` block over an unsettled collection, is undecided (`unknown`, naming that input); `dynamic` blocks over a known collection are expanded first, and variable defaults, `.tfvars`, locals and local module inputs evaluated. **Google Cloud**: Reads `settings.ipConfiguration` and `ipAddresses` of every Cloud SQL instance. An instance with a public IPv4 address (`ipv4Enabled`, or an address of type `PRIMARY`) fails when an authorized network is `0.0.0.0/0` or `::/0`. Without a public address the authorized networks do not apply and the instance passes.",
  rationale: "ADR-001 Issue 3 runs the database on a private IP (10.28.0.3) and asks for encryption on top; a public IP authorized for 0.0.0.0/0 puts the license database one leaked password away from anyone on the internet, which no ADR decision accepts.",
  remediation: {
    text: "Remove the 0.0.0.0/0 (or ::/0) authorized network; prefer no public IP at all (`ipv4_enabled = false` with `private_network`) and connect through the private IP or the Cloud SQL Auth Proxy.",
    commands: [
      'settings {\n  ip_configuration {\n    ipv4_enabled    = false\n    private_network = "projects/{{project}}/global/networks/coditect-vpc"\n  }\n}',
      "gcloud sql instances patch {{database.instance}} --clear-authorized-networks --project={{project}}",
      "gcloud sql instances patch {{database.instance}} --no-assign-ip --project={{project}}"
    ]
  },
  benchmarks: [
    {
      standard: "CIS Google Cloud Platform Foundation Benchmark 1.2.0",
      id: "6.5",
      title: "Ensure That Cloud SQL Database Instances Do Not Implicitly Whitelist All Public IP Addresses"
    },
    {
      standard: "CIS Google Cloud Platform Foundation Benchmark 1.2.0",
      id: "6.6",
      title: "Ensure That Cloud SQL Database Instances Do Not Have Public IPs"
    },
    { standard: "Security Command Center", id: "PUBLIC_SQL_INSTANCE" }
  ],
  messages: {
    // tf
    openToInternet: "{{address}} has a public IP ({{publicIp}}) and authorizes {{network}}: anyone on the internet can reach the database port.",
    openIfPublic: "{{address}} authorizes {{network}} and its public IP switch comes from `{{expression}}`, which the repository does not settle to one value: the database is open to the internet whenever that is true.",
    networkUnresolved: "An authorized network of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm it is not 0.0.0.0/0 while the instance may have a public IP ({{publicIp}}).",
    privateOnly: "{{address}} has no public IP (ipv4_enabled = false): authorized networks do not apply.",
    notOpen: "{{address}} ({{publicIp}}) authorizes no network open to the whole internet.",
    // gcp
    private: "Cloud SQL {{instance}} has no public IP address.",
    restricted: "Cloud SQL {{instance}} has a public IP, reachable only from {{networks}}.",
    openToAll: "Cloud SQL {{instance}} has a public IP and authorizes {{network}}: anyone on the internet can reach it."
  },
  check(ctx) {
    for (const v of ctx.views) {
      if (v.source === "gcp")
        live(ctx, v);
      else
        declared2(ctx, v);
    }
  }
});
function live(ctx, v) {
  const resource = v.resource;
  const instance = v.label;
  const networks = v.authorizedNetworks.map((n) => n.observed);
  const publicIp = v.ipv4Enabled.certainty === "decided" && v.ipv4Enabled.value === true || v.hasPublicAddress === true;
  const evidence = [
    evidenceOf(v.ipv4Enabled),
    {
      path: "settings.ipConfiguration.authorizedNetworks",
      observed: networks.join(", ") || null,
      expected: "no 0.0.0.0/0"
    }
  ];
  if (!publicIp) {
    ctx.pass({ resource, messageId: "private", data: { instance }, evidence });
    return;
  }
  const open = networks.find((n) => OPEN_TO_ALL.includes(n));
  if (open)
    ctx.fail({ resource, messageId: "openToAll", data: { instance, network: open }, evidence });
  else
    ctx.pass({
      resource,
      messageId: "restricted",
      data: { instance, networks: networks.join(", ") || "no authorized network" },
      evidence
    });
}
function declared2(ctx, v) {
  const resource = v.resource;
  const address = v.label;
  const ipv4 = v.ipv4Enabled;
  const ipv4Evidence = evidenceOf(ipv4, "false");
  if (ipv4.certainty === "decided" && isFalse(ipv4.value)) {
    ctx.pass({ resource, messageId: "privateOnly", data: { address }, evidence: [ipv4Evidence] });
    return;
  }
  const publicIp = ipv4.certainty === "absent" ? "ipv4_enabled not set, defaults to true" : ipv4.certainty === "decided" ? `ipv4_enabled = ${String(ipv4.value)}` : `ipv4_enabled = ${ipv4.expression}`;
  let failed = false;
  for (const net of v.authorizedNetworks) {
    const a = net.value;
    const location = a.origin.location;
    const evidence = [
      { path: a.origin.path, observed: net.observed, expected: "not 0.0.0.0/0 or ::/0", location },
      ipv4Evidence
    ];
    if (a.certainty === "unresolved") {
      failed = true;
      ctx.unknown({
        resource,
        messageId: "networkUnresolved",
        data: { address, expression: a.expression, publicIp },
        location,
        evidence,
        dependsOn: a.dependsOn,
        discriminator: `network:${net.key}`
      });
      continue;
    }
    const network = String(a.certainty === "decided" ? a.value : "");
    if (!OPEN_TO_ALL.includes(network))
      continue;
    failed = true;
    if (ipv4.certainty === "unresolved")
      ctx.unknown({
        resource,
        messageId: "openIfPublic",
        data: { address, network, expression: ipv4.expression },
        location,
        evidence,
        dependsOn: ipv4.dependsOn,
        discriminator: `network:${network}`
      });
    else
      ctx.fail({
        resource,
        messageId: "openToInternet",
        data: { address, network, publicIp },
        location,
        evidence,
        discriminator: `network:${network}`
      });
  }
  if (!failed)
    ctx.pass({ resource, messageId: "notOpen", data: { address, publicIp }, evidence: [ipv4Evidence] });
}

// packages/rules/dist/database/sql.ssl-not-enforced.js
var ENFORCING = ["ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"];
function decide5(v) {
  const mode = v.sslMode;
  const legacy = v.requireSsl;
  const legacyTrue = legacy.certainty === "decided" && isTrue(legacy.value);
  if (mode.certainty === "decided")
    return ENFORCING.includes(String(mode.value)) ? { holds: true, how: "sslMode" } : { holds: false, how: legacyTrue ? "overridesLegacy" : "sslMode" };
  if (mode.certainty === "unresolved")
    return { holds: void 0, on: mode };
  if (legacyTrue)
    return { holds: true, how: "legacy" };
  if (legacy.certainty === "unresolved")
    return { holds: void 0, on: legacy };
  return { holds: false, how: legacy.certainty === "decided" && isFalse(legacy.value) ? "legacyFalse" : "notSet" };
}
var WORDING = {
  tf: {
    sslMode: ["sslModeEnforced", "sslModeAllowsUnencrypted"],
    legacy: "requireSslLegacy",
    overridesLegacy: "sslModeOverridesRequireSsl",
    legacyFalse: "requireSslFalse",
    notSet: "sslNotConfigured"
  },
  gcp: {
    sslMode: ["enforced", "allowsUnencrypted"],
    legacy: "legacyRequireSsl",
    overridesLegacy: "allowsUnencrypted",
    legacyFalse: "notEnforced",
    notSet: "notEnforced"
  }
};
var sql_ssl_not_enforced_default = defineViewRule({
  id: "sql.ssl-not-enforced",
  title: "Cloud SQL accepts unencrypted connections",
  concerns: ["sql.ssl-not-enforced"],
  view: "sql-instance",
  sources: {
    tf: { alias: "tf-sql-ssl-mode" },
    gcp: { alias: "gcp-sql-ssl-mode" },
    probe: { alias: "probe-postgres-ssl-enforced" },
    drift: {}
  },
  description: "Each Cloud SQL instance must refuse unencrypted connections. **OpenTofu** (`google_sql_database_instance`): `settings.ip_configuration.ssl_mode` must be `ENCRYPTED_ONLY` or `TRUSTED_CLIENT_CERTIFICATE_REQUIRED`. `ssl_mode` takes precedence over the legacy `require_ssl`: `ALLOW_UNENCRYPTED_AND_ENCRYPTED` fails even when `require_ssl = true`. Without `ssl_mode`, `require_ssl = true` passes (legacy) and `require_ssl = false` or nothing fails. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. **Google Cloud** (sqladmin `instances.list`): the same decision on `settings.ipConfiguration.sslMode` and `requireSsl`. **Probe**: besides its TLS session, the probe opens a second connection with `sslmode=disable` whose password callback aborts: it passes when the server refuses the unencrypted connection before authentication, and fails when the server asks for a password over plaintext or lets the client in; no password is ever sent over that connection. **Drift**: a declaration that enforces SSL while the live instance of the same name does not (or the reverse) is a finding at the live instance.",
  rationale: 'ADR-001 Issue 3 (P1, do before production): "Current connection to Cloud SQL uses private IP without SSL enforcement", so credentials and license data travel unencrypted inside the VPC. The ADR patches the instance with `--require-ssl`; `ssl_mode` is the setting that replaced it (the google provider 6.x no longer has `require_ssl`). The live setting is what protects the data, whatever the repository declares; setting `sslmode=require` in the app does not help if the server still accepts others in plaintext.',
  remediation: {
    text: 'Set `ssl_mode = "ENCRYPTED_ONLY"` (or `"TRUSTED_CLIENT_CERTIFICATE_REQUIRED"` when every client presents a certificate) in `settings.ip_configuration`, remove `require_ssl`, apply (or patch the live instance), and make the application connect with `sslmode=require` or stricter.',
    commands: [
      'settings {\n  ip_configuration {\n    ssl_mode = "ENCRYPTED_ONLY"\n  }\n}',
      "tofu plan && tofu apply",
      "gcloud sql instances patch {{database.instance}} --ssl-mode=ENCRYPTED_ONLY --project={{project}}"
    ]
  },
  benchmarks: [
    {
      standard: "CIS Google Cloud Platform Foundation Benchmark 1.2.0",
      id: "6.4",
      title: "Ensure That the Cloud SQL Database Instance Requires All Incoming Connections To Use SSL"
    },
    { standard: "Security Command Center", id: "SSL_NOT_ENFORCED" }
  ],
  messages: {
    // tf
    sslModeEnforced: "{{address}} refuses unencrypted connections: ssl_mode = {{sslMode}}.",
    requireSslLegacy: '{{address}} refuses unencrypted connections through the legacy require_ssl = true (no ssl_mode); replace it with ssl_mode = "TRUSTED_CLIENT_CERTIFICATE_REQUIRED" or "ENCRYPTED_ONLY" before moving to google provider 6.x.',
    sslModeAllowsUnencrypted: "{{address}} {{sets}} ssl_mode = {{sslMode}}{{from}}: Cloud SQL accepts unencrypted connections. Set ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED.",
    sslModeOverridesRequireSsl: "{{address}} {{sets}} ssl_mode = {{sslMode}}{{from}}, which takes precedence over require_ssl = true: Cloud SQL accepts unencrypted connections.",
    requireSslFalse: "{{address}} sets require_ssl = false and no ssl_mode: Cloud SQL accepts unencrypted connections.",
    sslNotConfigured: "{{address}} sets neither ssl_mode nor require_ssl: Cloud SQL keeps ALLOW_UNENCRYPTED_AND_ENCRYPTED and accepts unencrypted connections.",
    sslModeUnresolved: "ssl_mode of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED (the gcp layer reads the live value).",
    requireSslUnresolved: "require_ssl of {{address}} comes from `{{expression}}` and no ssl_mode is set: cannot confirm that unencrypted connections are refused (the gcp layer reads the live value).",
    // gcp
    enforced: "Cloud SQL {{instance}} refuses unencrypted connections: sslMode = {{sslMode}}.",
    legacyRequireSsl: "Cloud SQL {{instance}} refuses unencrypted connections through the legacy requireSsl = true (Google reports no sslMode).",
    allowsUnencrypted: "Cloud SQL {{instance}} has sslMode = {{sslMode}}: it accepts unencrypted connections{{legacy}}. Set ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED.",
    notEnforced: "Cloud SQL {{instance}} reports no sslMode and requireSsl = {{requireSsl}}: it accepts unencrypted connections.",
    // probe
    refused: "{{endpoint}} refuses unencrypted connections ({{detail}}).",
    passwordOverPlaintext: "{{endpoint}} asked for a password over an unencrypted connection: it accepts plaintext clients.",
    acceptedWithoutTls: "{{endpoint}} let a client log in without TLS and without a password.",
    // drift
    driftLiveWeaker: "{{address}} declares that Cloud SQL {{instance}} refuses unencrypted connections, but the live instance accepts them (sslMode = {{liveSslMode}}): it was changed outside OpenTofu or the declaration was never applied.",
    driftLiveStricter: "Cloud SQL {{instance}} refuses unencrypted connections, but {{address}} declares that it accepts them: the next `tofu apply` would weaken it.",
    consistent: "{{address}} and the live Cloud SQL {{instance}} agree on SSL enforcement."
  },
  drift: {
    holds: (v) => decide5(v).holds,
    messages: { consistent: "consistent", liveWeaker: "driftLiveWeaker", liveStricter: "driftLiveStricter" },
    data: (declared3, live2) => ({
      address: declared3.label,
      instance: live2.label,
      liveSslMode: String(live2.sslMode.certainty === "decided" ? live2.sslMode.value : "unset")
    }),
    evidence: (declared3, live2) => [
      evidenceOf(declared3.sslMode, ENFORCING.join(" or ")),
      evidenceOf(live2.sslMode, ENFORCING.join(" or "))
    ]
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      if (v.source === "probe") {
        const data = { endpoint: v.label, detail: v.plaintextDetail ?? "" };
        const evidence2 = [evidenceOf(v.plaintextConnection, "refused")];
        const outcome = v.plaintextConnection.certainty === "decided" ? v.plaintextConnection.value : void 0;
        if (outcome === "refused")
          ctx.pass({ resource, messageId: "refused", data, evidence: evidence2 });
        else if (outcome === "auth-requested")
          ctx.fail({ resource, messageId: "passwordOverPlaintext", data, evidence: evidence2 });
        else if (outcome === "accepted")
          ctx.fail({ resource, messageId: "acceptedWithoutTls", data, evidence: evidence2 });
        else
          ctx.skip(`the plaintext attempt to ${v.label} did not complete (${data.detail}); see the error verdict`, resource);
        continue;
      }
      const evidence = [evidenceOf(v.sslMode, ENFORCING.join(" or ")), evidenceOf(v.requireSsl)];
      const sslMode = v.sslMode.certainty === "decided" ? String(v.sslMode.value) : "";
      const words = WORDING[v.source];
      const legacyTrue = v.requireSsl.certainty === "decided" && v.requireSsl.value === true;
      const dataFor = (messageId) => {
        if (v.source === "tf") {
          if (!sslMode)
            return { address: v.label };
          const failing = messageId === "sslModeAllowsUnencrypted" || messageId === "sslModeOverridesRequireSsl";
          return { address: v.label, sslMode, ...failing ? valueSourceOf(v.sslMode) : {} };
        }
        if (messageId === "enforced")
          return { instance: v.label, sslMode };
        if (messageId === "allowsUnencrypted")
          return {
            instance: v.label,
            sslMode,
            legacy: legacyTrue ? " (sslMode takes precedence over requireSsl = true)" : ""
          };
        if (messageId === "notEnforced")
          return {
            instance: v.label,
            requireSsl: String(v.requireSsl.certainty === "decided" ? v.requireSsl.value : "unset")
          };
        return { instance: v.label };
      };
      const o = decide5(v);
      if (o.holds === void 0) {
        const unresolved = o.on;
        ctx.unknown({
          resource,
          messageId: unresolved === v.sslMode ? "sslModeUnresolved" : "requireSslUnresolved",
          data: { address: v.label, expression: unresolved.expression },
          ...unresolved.origin.location ? { location: unresolved.origin.location } : {},
          evidence,
          dependsOn: unresolved.dependsOn
        });
      } else if (o.holds) {
        const messageId = o.how === "sslMode" ? words.sslMode[0] : words.legacy;
        ctx.pass({ resource, messageId, data: dataFor(messageId), evidence });
      } else {
        const at = v.sslMode.certainty !== "absent" ? v.sslMode : v.requireSsl.certainty !== "absent" ? v.requireSsl : v.sslMode;
        const messageId = o.how === "sslMode" ? words.sslMode[1] : words[o.how];
        ctx.fail({
          resource,
          messageId,
          data: dataFor(messageId),
          ...at.origin.location ? { location: at.origin.location } : {},
          evidence
        });
      }
    }
  }
});

// packages/rules/dist/gke/gke.ksa-binding.js
var ANNOTATION_PATH = `metadata.annotations["${WORKLOAD_IDENTITY_ANNOTATION}"]`;
var gke_ksa_binding_default = defineViewRule({
  id: "gke.ksa-binding",
  title: "The backend's Kubernetes service account is not bound through Workload Identity",
  concerns: ["gke.ksa-binding"],
  view: "ksa-binding",
  sources: {
    manifest: { alias: "manifest-workload-identity-binding" },
    k8s: {
      alias: "k8s-workload-identity",
      messages: {
        missingAnnotation: "ServiceAccount {{serviceAccount}} has no iam.gke.io/gcp-service-account annotation, so it is bound to no Google service account.",
        invalidAnnotation: 'ServiceAccount {{serviceAccount}} names "{{value}}" as its Google service account, which is not a service account email.'
      }
    }
  },
  adrIdentity: "app ServiceAccount name (coditect-cloud-backend)",
  adrIdentityFields: ["app.serviceAccount"],
  description: "The app's ServiceAccount (`expectations.app.serviceAccount` in the app namespace) must carry `metadata.annotations[\"iam.gke.io/gcp-service-account\"]` with a Google service account email, and the app's Deployment must run as that ServiceAccount (not `default`), in the manifests and live. When the ServiceAccount is not declared in the manifests the annotation cannot be checked there (the live source reads it), but the Deployment's `serviceAccountName` still is; live, a missing ServiceAccount fails. Live, every node pool must also run the GKE metadata server (nodes labelled `iam.gke.io/gke-metadata-server-enabled: \"true\"`), without which pods cannot use Workload Identity at all. The IAM half (roles/iam.workloadIdentityUser on the Google service account) is gcp-workload-identity-binding's.",
  rationale: 'ADR-001 Issue 5 (P1) lists "Use Workload Identity for secret access: enable it on the cluster, create a GCP service account, bind the Kubernetes SA to the GCP SA, grant secretAccessor"; Issue 6 grants `roles/cloudkms.signerVerifier` to `coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com`. Without the annotation, or on a node pool without the GKE metadata server, pods get the node\'s identity or none, and Secret Manager and Cloud KMS calls fail or run with the wrong rights.',
  remediation: {
    text: "Enable Workload Identity on the cluster and node pools, annotate the ServiceAccount with the Google service account, allow the KSA to impersonate it, and run the Deployment as that KSA.",
    commands: [
      "gcloud container node-pools update coditect-cluster-pool --cluster=coditect-cluster --region={{region}} --workload-metadata=GKE_METADATA --project={{project}}",
      "kubectl annotate serviceaccount coditect-cloud-backend -n coditect-staging iam.gke.io/gcp-service-account=coditect-cloud-backend@{{project}}.iam.gserviceaccount.com",
      'gcloud iam service-accounts add-iam-policy-binding coditect-cloud-backend@{{project}}.iam.gserviceaccount.com --role=roles/iam.workloadIdentityUser --member="serviceAccount:{{project}}.svc.id.goog[coditect-staging/coditect-cloud-backend]" --project={{project}}',
      `kubectl patch deployment coditect-backend -n coditect-staging -p '{"spec":{"template":{"spec":{"serviceAccountName":"coditect-cloud-backend"}}}}'`
    ]
  },
  benchmarks: [
    {
      standard: "CIS GKE Benchmark 1.6",
      id: "5.2.2",
      title: "Prefer using dedicated GCP Service Accounts and Workload Identity"
    }
  ],
  messages: {
    // manifest (k8s words the annotation messages its own way: see sources.k8s.messages)
    missingAnnotation: "ServiceAccount {{serviceAccount}} has no iam.gke.io/gcp-service-account annotation, so its pods get no Google identity through Workload Identity.",
    invalidAnnotation: 'ServiceAccount {{serviceAccount}} annotation iam.gke.io/gcp-service-account is "{{value}}", which is not a Google service account email.',
    defaultServiceAccount: "Deployment {{deployment}} runs as the {{used}} ServiceAccount, not {{serviceAccount}}, so it does not get the bound Google identity.",
    otherServiceAccount: "Deployment {{deployment}} runs as ServiceAccount {{used}}, not {{serviceAccount}}.",
    bound: "ServiceAccount {{serviceAccount}} is bound to {{gsa}} through Workload Identity.",
    deploymentUsesServiceAccount: "Deployment {{deployment}} runs as ServiceAccount {{serviceAccount}}.",
    // k8s
    noServiceAccount: "ServiceAccount {{serviceAccount}} does not exist in namespace {{namespace}}.",
    metadataServerDisabled: "Node pool {{pool}} ({{nodes}} node(s)) does not run the GKE metadata server, so its pods cannot use Workload Identity.",
    metadataServerEnabled: "Node pool {{pool}} runs the GKE metadata server."
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const expected = exp.app.serviceAccount;
    const gsa = `<name>@${exp.project}.iam.gserviceaccount.com`;
    for (const v of ctx.views) {
      const live2 = v.source === "k8s";
      const sa = v.serviceAccount;
      if (sa && !sa.found) {
        if (live2)
          ctx.fail({
            resource: sa.resource,
            messageId: "noServiceAccount",
            data: { serviceAccount: sa.name, namespace: sa.namespace },
            evidence: [
              { path: `serviceaccounts/${sa.namespace}/${sa.name}`, observed: null, expected: "the backend KSA" }
            ]
          });
        else
          ctx.skip(`ServiceAccount ${sa.name} in namespace ${sa.namespace} is not declared in the repository's manifests; the k8s layer reads its annotation`);
      } else if (sa) {
        const data = live2 ? { serviceAccount: sa.name, namespace: sa.namespace } : { serviceAccount: sa.name };
        const { resource } = sa;
        if (sa.annotation === void 0)
          ctx.fail({
            resource,
            messageId: "missingAnnotation",
            data,
            ...sa.location ? { location: sa.location } : {},
            evidence: [{ path: ANNOTATION_PATH, observed: null, expected: gsa }]
          });
        else if (!sa.annotationIsEmail)
          ctx.fail({
            resource,
            messageId: "invalidAnnotation",
            data: { ...data, value: sa.annotation },
            ...sa.annotationLocation ? { location: sa.annotationLocation } : {},
            evidence: [{ path: ANNOTATION_PATH, observed: sa.annotation, expected: gsa }]
          });
        else
          ctx.pass({
            resource,
            messageId: "bound",
            data: { ...data, gsa: sa.annotation },
            ...sa.annotationLocation ? { location: sa.annotationLocation } : {},
            ...live2 ? {} : { evidence: [{ path: ANNOTATION_PATH, observed: sa.annotation }] }
          });
      }
      const d = v.deployment;
      if (d) {
        const discriminator = live2 ? "serviceAccount" : "serviceAccountName";
        const location = d.location ? { location: d.location } : {};
        if (d.used === expected)
          ctx.pass({
            resource: d.resource,
            messageId: "deploymentUsesServiceAccount",
            data: { deployment: d.name, serviceAccount: expected },
            ...location,
            discriminator
          });
        else
          ctx.fail({
            resource: d.resource,
            messageId: !live2 && d.used === "default" ? "defaultServiceAccount" : "otherServiceAccount",
            data: { deployment: d.name, used: d.used, serviceAccount: expected },
            ...location,
            evidence: [
              {
                path: `spec.template.spec.${d.field ?? "serviceAccountName"}`,
                observed: live2 || d.field ? d.used : null,
                expected
              }
            ],
            discriminator
          });
      }
      for (const p of v.nodePools) {
        if (p.without.length === 0)
          ctx.pass({ resource: p.resource, messageId: "metadataServerEnabled", data: { pool: p.pool } });
        else
          ctx.fail({
            resource: p.resource,
            messageId: "metadataServerDisabled",
            data: { pool: p.pool, nodes: p.without.length },
            evidence: p.without.slice(0, 5).map((n) => ({
              path: `nodes/${n.node}/metadata/labels["${METADATA_SERVER_LABEL}"]`,
              observed: n.label,
              expected: "true"
            }))
          });
      }
    }
  }
});

// packages/rules/dist/gke/gke.secrets-encryption.js
var ENCRYPTED = ["ENCRYPTED", "ALL_OBJECTS_ENCRYPTION_ENABLED"];
var NOT_EFFECTIVE = /ERROR|PENDING|DECRYPTED/;
function decide6(v) {
  const state = v.databaseEncryptionState;
  const key = v.databaseEncryptionKey;
  const current = v.databaseEncryptionCurrentState;
  if (state.certainty === "unresolved")
    return { holds: void 0, on: state };
  if (state.certainty === "absent")
    return { holds: false, how: "notSet" };
  if (!ENCRYPTED.includes(String(state.value)))
    return { holds: false, how: "decrypted" };
  if (key.certainty === "absent" || key.certainty === "decided" && !key.value)
    return { holds: false, how: "noKey" };
  if (current.certainty === "decided" && NOT_EFFECTIVE.test(String(current.value)))
    return { holds: false, how: "notEffective" };
  return { holds: true, key: key.certainty === "decided" ? String(key.value) : key.expression };
}
var gke_secrets_encryption_default = defineViewRule({
  id: "gke.secrets-encryption",
  title: "GKE application-layer secrets encryption is off",
  concerns: ["gke.secrets-encryption"],
  view: "gke-cluster",
  sources: {
    tf: { alias: "tf-gke-secrets-encryption" },
    gcp: {
      alias: "gcp-gke-secrets-encryption",
      messages: { encrypted: "GKE {{cluster}} encrypts Secrets with {{key}}." }
    }
  },
  description: 'Each GKE cluster must encrypt Secrets in etcd with a Cloud KMS key the project controls. **OpenTofu** (`google_container_cluster`): `database_encryption { state = "ENCRYPTED" key_name = "<Cloud KMS key>" }`. No block, `state = "DECRYPTED"`, or `ENCRYPTED` without a `key_name` fails. The `key_name` may be a reference (`google_kms_crypto_key.<x>.id`): the state decides. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first. **Google Cloud** (container `clusters.list`): `databaseEncryption.state` ENCRYPTED (or ALL_OBJECTS_ENCRYPTION_ENABLED) with a `keyName` passes; DECRYPTED, UNKNOWN or absent fails; a `currentState` reporting an encryption error or a pending change fails with it.',
  rationale: `ADR-001 Issue 5 (Secrets Management with Secret Manager, P1): "Secrets stored in Kubernetes secrets (base64 encoded, not encrypted at rest by default)" beyond Google's disk encryption. Until every credential moves to Secret Manager, application-layer encryption keeps the Kubernetes copies encrypted in etcd with a Cloud KMS key, which can be revoked.`,
  remediation: {
    text: "Create a symmetric Cloud KMS key, grant the GKE service agent `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it, and set `database_encryption` on the cluster (or turn it on for the live cluster).",
    commands: [
      "gcloud kms keys create gke-secrets --location={{region}} --keyring=coditect-gke --purpose=encryption --project={{project}}",
      "gcloud kms keys add-iam-policy-binding gke-secrets --location={{region}} --keyring=coditect-gke --member=serviceAccount:service-PROJECT_NUMBER@container-engine-robot.iam.gserviceaccount.com --role=roles/cloudkms.cryptoKeyEncrypterDecrypter --project={{project}}",
      'database_encryption {\n  state    = "ENCRYPTED"\n  key_name = google_kms_crypto_key.gke_secrets.id\n}',
      "gcloud container clusters update coditect-cluster --region={{region}} --database-encryption-key=projects/{{project}}/locations/{{region}}/keyRings/coditect-gke/cryptoKeys/gke-secrets --project={{project}}"
    ]
  },
  benchmarks: [
    {
      standard: "CIS Google Kubernetes Engine (GKE) Benchmark 1.6.0",
      id: "5.3.1",
      title: "Ensure Kubernetes Secrets are encrypted using keys managed in Cloud KMS"
    },
    { standard: "Security Command Center", id: "CLUSTER_SECRETS_ENCRYPTION_DISABLED" }
  ],
  messages: {
    // tf (gcp words encrypted its own way: see sources.gcp.messages)
    encrypted: "{{address}} encrypts Secrets in etcd with {{keyName}}.",
    decrypted: "{{address}} {{sets}} database_encryption.state = {{state}}{{from}}: Secrets in etcd are not encrypted with a Cloud KMS key.",
    notSet: "{{address}} has no database_encryption block: Secrets in etcd are only base64-encoded at the application layer (no Cloud KMS key).",
    noKey: "{{address}} sets database_encryption.state = ENCRYPTED without a key_name: GKE needs the Cloud KMS key to use.",
    unresolved: "{{field}} of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm Secrets are encrypted (the gcp layer reads the live value).",
    // gcp
    notEncrypted: "GKE {{cluster}} has databaseEncryption {{state}}: Secrets are stored without application-layer encryption.",
    notEffective: "GKE {{cluster}} asks for encryption but its current state is {{currentState}}."
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      const state = v.databaseEncryptionState;
      const key = v.databaseEncryptionKey;
      const o = decide6(v);
      if (v.source === "gcp") {
        const evidence2 = [evidenceOf(state, "ENCRYPTED"), evidenceOf(v.databaseEncryptionCurrentState)];
        const cluster = v.label;
        if (o.holds === true)
          ctx.pass({ resource, messageId: "encrypted", data: { cluster, key: o.key }, evidence: evidence2 });
        else if (o.holds === false && o.how === "notEffective")
          ctx.fail({
            resource,
            messageId: "notEffective",
            data: { cluster, currentState: String(decidedOr(v.databaseEncryptionCurrentState, "")) },
            evidence: evidence2
          });
        else
          ctx.fail({
            resource,
            messageId: "notEncrypted",
            data: { cluster, state: String(decidedOr(state, "not set")) },
            evidence: evidence2
          });
        continue;
      }
      const address = v.label;
      const evidence = [evidenceOf(state, "ENCRYPTED"), evidenceOf(key, "a Cloud KMS key")];
      const at = (a) => a.origin.location ? { location: a.origin.location } : {};
      if (o.holds === void 0)
        ctx.unknown({
          resource,
          messageId: "unresolved",
          data: { address, field: "database_encryption.state", expression: o.on.expression },
          ...at(o.on),
          evidence,
          dependsOn: o.on.dependsOn
        });
      else if (o.holds === true)
        ctx.pass({ resource, messageId: "encrypted", data: { address, keyName: o.key }, evidence });
      else if (o.how === "decrypted")
        ctx.fail({
          resource,
          messageId: "decrypted",
          data: { address, state: String(decidedOr(state, "")), ...valueSourceOf(state) },
          ...at(state),
          evidence
        });
      else if (o.how === "noKey")
        ctx.fail({ resource, messageId: "noKey", data: { address }, ...at(key), evidence });
      else
        ctx.fail({ resource, messageId: "notSet", data: { address }, ...at(state), evidence });
    }
  }
});
function decidedOr(a, fallback) {
  return a.certainty === "decided" ? a.value : fallback;
}

// packages/rules/dist/gke/gke.workload-identity.js
var WORKLOAD_POOL = /\.svc\.id\.goog"?$/;
function decidePool(v) {
  if (v.autopilot.certainty === "decided" && isTrue(v.autopilot.value))
    return { holds: true, how: "autopilot" };
  const pool = v.workloadPool;
  if (pool.certainty === "absent")
    return { holds: false, how: "notSet" };
  if (pool.certainty === "unresolved")
    return WORKLOAD_POOL.test(pool.expression) ? { holds: true, how: "pool", pool: pool.expression } : { holds: void 0, on: pool };
  const value = String(pool.value);
  const expected = v.project.certainty === "decided" ? `${String(v.project.value)}.svc.id.goog` : void 0;
  if (expected !== void 0 && v.source === "gcp")
    return value === expected ? { holds: true, how: "pool", pool: value } : { holds: false, how: "badPool", pool: value, expected };
  return WORKLOAD_POOL.test(value) ? { holds: true, how: "pool", pool: value } : { holds: false, how: "badPool", pool: value };
}
function decideNodePool(v, p) {
  const mode = p.workloadMetadataMode;
  if (mode.certainty === "unresolved")
    return { holds: void 0, on: mode };
  if (v.source === "gcp")
    return { holds: mode.certainty === "decided" && mode.value === "GKE_METADATA" };
  if (mode.certainty === "decided" && mode.value === "GCE_METADATA")
    return { holds: false };
  return void 0;
}
var gke_workload_identity_default = defineViewRule({
  id: "gke.workload-identity",
  title: "GKE Workload Identity is not enabled",
  concerns: ["gke.workload-identity"],
  view: "gke-cluster",
  sources: {
    tf: { alias: "tf-gke-workload-identity" },
    gcp: {
      alias: "gcp-gke-workload-identity",
      messages: { enabled: "GKE {{cluster}} has Workload Identity ({{pool}})." }
    }
  },
  description: 'Each GKE cluster must have Workload Identity and its node pools must run the GKE metadata server. **OpenTofu** (`google_container_cluster`): `workload_identity_config { workload_pool = "<project>.svc.id.goog" }` (an Autopilot cluster, `enable_autopilot = true`, always has it). A string template ending in `.svc.id.goog` (the project variable interpolated before it) passes: it names a workload pool whatever the project. No block, or a pool that is not `*.svc.id.goog`, fails; any other value the repository does not settle is undecided (`unknown`) and names its input. Node pools (`google_container_node_pool`, inline `node_pool` blocks, the cluster\'s own `node_config`) that set `workload_metadata_config { mode = "GCE_METADATA" }` fail: their pods see the node\'s metadata server and credentials instead of the GKE metadata server. **Google Cloud** (container `clusters.list`): `workloadIdentityConfig.workloadPool` must be `<project>.svc.id.goog`; absent fails. Every node pool must then run the GKE metadata server (`config.workloadMetadataConfig.mode` GKE_METADATA): a pool without it fails.',
  rationale: "ADR-001 Issue 5 (Secrets Management with Secret Manager, P1) has the backend read its credentials from Secret Manager and sign with Cloud KMS; Workload Identity is how a pod gets a Google identity of its own (the `coditect-cloud-backend` Kubernetes service account bound to a Google service account) without a key file. Without it every pod acts as the node's broad service account.",
  remediation: {
    text: "Enable Workload Identity on the cluster, switch each node pool to the GKE metadata server, and bind the backend Kubernetes service account to its Google service account.",
    commands: [
      'workload_identity_config {\n  workload_pool = "{{project}}.svc.id.goog"\n}',
      'node_config {\n  workload_metadata_config {\n    mode = "GKE_METADATA"\n  }\n}',
      "gcloud container clusters update coditect-cluster --region={{region}} --workload-pool={{project}}.svc.id.goog --project={{project}}",
      "gcloud container node-pools update coditect-cluster-pool --cluster=coditect-cluster --region={{region}} --workload-metadata=GKE_METADATA --project={{project}}",
      'gcloud iam service-accounts add-iam-policy-binding coditect-cloud-backend@{{project}}.iam.gserviceaccount.com --role=roles/iam.workloadIdentityUser --member="serviceAccount:{{project}}.svc.id.goog[coditect-staging/coditect-cloud-backend]" --project={{project}}'
    ]
  },
  benchmarks: [
    {
      standard: "CIS Google Kubernetes Engine (GKE) Benchmark 1.6.0",
      id: "5.2.2",
      title: "Prefer using dedicated GCP Service Accounts and Workload Identity"
    },
    {
      standard: "CIS Google Kubernetes Engine (GKE) Benchmark 1.6.0",
      id: "5.4.1",
      title: "Ensure the GKE Metadata Server is Enabled"
    },
    { standard: "Security Command Center", id: "WORKLOAD_IDENTITY_DISABLED" }
  ],
  messages: {
    // tf (gcp words enabled its own way: see sources.gcp.messages)
    enabled: "{{address}} has Workload Identity: workload_pool = {{pool}}.",
    autopilot: "{{address}} is an Autopilot cluster: Workload Identity is always on.",
    notSet: "{{address}} has no workload_identity_config: pods can only act as the node's service account.",
    badPool: "{{address}} sets workload_pool = {{pool}}, which is not a <project>.svc.id.goog pool.",
    unresolved: "workload_pool of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm Workload Identity is on (the gcp layer reads the live value).",
    nodeMetadataExposed: "{{address}} sets workload_metadata_config.mode = GCE_METADATA: its pods reach the node's metadata server and service account instead of Workload Identity.",
    nodeMetadataUnresolved: "workload_metadata_config.mode of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm its pods use the GKE metadata server.",
    // gcp
    disabled: "GKE {{cluster}} has no Workload Identity pool: pods act as the node service account.",
    wrongPool: "GKE {{cluster}} uses the workload pool {{pool}}, not {{expected}}.",
    poolMetadata: "Node pool {{nodePool}} of GKE {{cluster}} runs with workload metadata mode {{mode}}: its pods see the node service account instead of their Workload Identity.",
    poolReady: "Node pool {{nodePool}} of GKE {{cluster}} runs the GKE metadata server."
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      const o = decidePool(v);
      if (v.source === "gcp") {
        const cluster = v.label;
        const expected = `${String(v.project.certainty === "decided" ? v.project.value : "")}.svc.id.goog`;
        const evidence2 = [evidenceOf(v.workloadPool, expected)];
        if (o.holds === false && o.how === "notSet") {
          ctx.fail({ resource, messageId: "disabled", data: { cluster }, evidence: evidence2 });
          continue;
        }
        if (o.holds === true)
          ctx.pass({ resource, messageId: "enabled", data: { cluster, pool: o.pool ?? "" }, evidence: evidence2 });
        else if (o.holds === false)
          ctx.fail({ resource, messageId: "wrongPool", data: { cluster, pool: o.pool ?? "", expected }, evidence: evidence2 });
        for (const p of v.nodePools) {
          const mode = p.workloadMetadataMode;
          const data = {
            cluster,
            nodePool: p.label,
            mode: mode.certainty === "decided" ? String(mode.value) : "not set (GCE_METADATA)"
          };
          const poolEvidence = [evidenceOf(mode, "GKE_METADATA")];
          if (decideNodePool(v, p)?.holds === true)
            ctx.pass({ resource: p.resource, messageId: "poolReady", data, evidence: poolEvidence });
          else
            ctx.fail({ resource: p.resource, messageId: "poolMetadata", data, evidence: poolEvidence });
        }
        continue;
      }
      const address = v.label;
      const pool = v.workloadPool;
      const evidence = [evidenceOf(pool, "<project>.svc.id.goog")];
      const location = pool.origin.location ? { location: pool.origin.location } : {};
      if (o.holds === void 0)
        ctx.unknown({
          resource,
          messageId: "unresolved",
          data: { address, expression: o.on.expression },
          ...location,
          evidence,
          dependsOn: o.on.dependsOn
        });
      else if (o.holds === true)
        ctx.pass({
          resource,
          messageId: o.how === "autopilot" ? "autopilot" : "enabled",
          data: o.how === "autopilot" ? { address } : { address, pool: o.pool ?? "" },
          evidence
        });
      else if (o.how === "badPool")
        ctx.fail({ resource, messageId: "badPool", data: { address, pool: o.pool ?? "" }, ...location, evidence });
      else
        ctx.fail({ resource, messageId: "notSet", data: { address }, ...location, evidence });
      for (const p of v.nodePools) {
        const n = decideNodePool(v, p);
        if (!n || n.holds === true)
          continue;
        const mode = p.workloadMetadataMode;
        const common = {
          resource: p.resource,
          ...mode.origin.location ? { location: mode.origin.location } : {},
          evidence: [evidenceOf(mode, "GKE_METADATA")],
          discriminator: `node-metadata:${p.label}`
        };
        if (n.holds === void 0)
          ctx.unknown({
            ...common,
            messageId: "nodeMetadataUnresolved",
            data: { address: p.label, expression: n.on.expression },
            dependsOn: n.on.dependsOn
          });
        else
          ctx.fail({ ...common, messageId: "nodeMetadataExposed", data: { address: p.label } });
      }
    }
  }
});

// packages/rules/dist/iac/gcp-unmanaged-resource.js
var gcp_unmanaged_resource_default = defineRule({
  id: "gcp-unmanaged-resource",
  title: "A live managed resource carries no OpenTofu label (probably created by hand)",
  concerns: ["iac.unmanaged-resource"],
  layer: "gcp",
  facets: ["gcp.sql", "gcp.redis", "gcp.kms", "gcp.artifactregistry", "gcp.gke"],
  crossLayer: true,
  // Without the repository's OpenTofu, a missing label is not evidence enough: the rule is then skipped.
  optionalFacets: ["files.terraform"],
  description: "Every Cloud SQL instance (`settings.userLabels`), Memorystore instance, KMS crypto key, Artifact Registry repository and GKE cluster (`resourceLabels`) of the scanned projects must carry `goog-terraform-provisioned=true` or `managed-by=opentofu` (or `terraform`). A resource with neither, and that no `.tf` resource block of the repository declares (same type and name), fails with low certainty: it was most likely created with gcloud or the console and is not under OpenTofu. A declared resource passes whatever its labels, and without the files layer the rule is not run: labels alone never make a finding.",
  rationale: 'ADR-001 Issue 1 (P1) and Lesson 3: Cloud SQL and Memorystore were created with manual gcloud commands "not tracked in OpenTofu state", so they drift from the declared configuration and cannot be reproduced.',
  remediation: {
    text: "Import the resource into the OpenTofu state and apply, so OpenTofu manages it and sets its labels.",
    commands: [
      "tofu import module.cloudsql.google_sql_database_instance.main {{project}}/{{database.instance}}",
      "tofu import module.redis.google_redis_instance.main projects/{{project}}/locations/{{region}}/instances/{{redis.instance}}",
      "tofu plan && tofu apply"
    ]
  },
  messages: {
    labelled: "{{kind}} {{name}} carries {{label}}.",
    declared: "{{kind}} {{name}} carries no OpenTofu label, but {{file}} declares it: it is managed by OpenTofu.",
    unlabelled: "{{kind}} {{name}} carries no OpenTofu label (labels: {{labels}}): it was probably created outside OpenTofu."
  },
  check(ctx) {
    const declared3 = tfDeclarations(ctx.optionalFacet("files.terraform")?.files ?? []);
    const judge = (resource, kind, labels) => {
      const label = iacLabel(labels);
      const declaration = resource.declaredAs ? declared3.get(resource.declaredAs) : void 0;
      const shown = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(", ") || "none";
      const evidence = [
        { path: "labels", observed: shown, expected: "goog-terraform-provisioned=true or managed-by=opentofu" }
      ];
      if (label)
        ctx.pass({ resource, messageId: "labelled", data: { kind, name: resource.name, label }, evidence });
      else if (declaration)
        ctx.pass({ resource, messageId: "declared", data: { kind, name: resource.name, file: declaration }, evidence });
      else
        ctx.fail({
          resource,
          messageId: "unlabelled",
          data: { kind, name: resource.name, labels: shown },
          evidence,
          certainty: "low"
        });
    };
    for (const i of ctx.facet("gcp.sql").instances)
      judge(gcpResource.sqlInstance(i), "Cloud SQL instance", i.settings.userLabels);
    for (const i of ctx.facet("gcp.redis").instances)
      judge(gcpResource.redis(i), "Memorystore instance", i.labels);
    for (const r of ctx.facet("gcp.kms").keyRings)
      for (const k of r.keys)
        judge(gcpResource.kmsKey(r.project, r.location, r.name, k.name), "KMS key", k.labels);
    for (const r of ctx.facet("gcp.artifactregistry").repositories)
      judge(gcpResource.arRepository(r.project, r.location, r.name), "Artifact Registry repository", r.labels);
    for (const c of ctx.facet("gcp.gke").clusters)
      judge(gcpResource.cluster(c), "GKE cluster", c.resourceLabels);
  }
});
function tfDeclarations(files) {
  const out = /* @__PURE__ */ new Map();
  for (const f of files)
    for (const b of f.blocks) {
      if (b.type !== "resource" || b.labels.length < 2)
        continue;
      const literal = ["name", "repository_id", "instance_id", "account_id", "secret_id"].map((a) => b.attributes[a]?.value).find((v) => typeof v === "string");
      const key = `tf:${b.labels[0]}/${literal ?? b.labels[1]}`;
      if (!out.has(key))
        out.set(key, `${f.file}:${b.line}`);
    }
  return out;
}

// packages/rules/dist/iac/tf-resource-not-in-state.js
var TRACKED_TYPES = [
  "google_sql_database_instance",
  "google_redis_instance",
  "google_kms_key_ring",
  "google_kms_crypto_key",
  "google_artifact_registry_repository",
  "google_container_cluster",
  "google_secret_manager_secret"
];
var tf_resource_not_in_state_default = defineRule({
  id: "tf-resource-not-in-state",
  title: "A declared resource is not in the OpenTofu state",
  concerns: ["iac.in-state"],
  layer: "files",
  facets: ["files.terraform", "files.tfstate"],
  description: `When the repository holds a \`.tfstate\`, every managed resource of the ADR's services declared in a \`.tf\` file (${TRACKED_TYPES.join(", ")}) must have a state entry at its address: module path + type + name, where a local module call \`module "cloudsql" { source = "../../modules/cloudsql" }\` puts the module's resources at \`module.cloudsql.<type>.<name>\`. A state file belongs to the root module whose directory holds it (a lone root module takes any state file). A declared resource without an entry fails at its block with the exact \`tofu import\` command; one with an entry passes. Without a state file the rule is skipped: the live layer compares against the real state.`,
  rationale: 'ADR-001 Issue 1 (Infrastructure as Code Gap, P1): "Infrastructure deployed via manual gcloud commands, not fully managed by OpenTofu"; the remediation imports Cloud SQL (`tofu import module.cloudsql.google_sql_database_instance.main coditect-cloud-infra/coditect-db`) and Redis before the next `tofu apply`. Lesson 3: "Import existing resources into state immediately."',
  remediation: {
    text: "Import each declared-but-missing resource into the state of its root module, then plan until nothing is to be created.",
    commands: [
      "cd opentofu/environments/staging",
      "tofu init",
      "tofu import module.cloudsql.google_sql_database_instance.main {{project}}/{{database.instance}}",
      "tofu import module.redis.google_redis_instance.main projects/{{project}}/locations/{{region}}/instances/{{redis.instance}}",
      "tofu plan",
      "tofu apply"
    ]
  },
  benchmarks: [],
  messages: {
    inState: "{{address}} is in the state ({{state}}).",
    notInState: "{{address}} is declared but has no entry in {{state}}: it was not applied or was created outside OpenTofu (gcloud). Import it: {{command}}"
  },
  check(ctx) {
    const files = ctx.facet("files.terraform").files;
    const states = ctx.facet("files.tfstate").files;
    if (states.length === 0) {
      ctx.skip("no state file in the repository: the live layer compares against the real state");
      return;
    }
    const roots = rootModules(files);
    const stateOf = assignStates(roots.map((r) => r.dir), states);
    const expectations = ctx.env.expectations;
    const resources = resourcesOf(files, ...TRACKED_TYPES).filter((r) => !declaresNothing(r.block));
    if (resources.length === 0) {
      ctx.skip(`no ${TRACKED_TYPES.join(", ")} resource is declared in any .tf file`);
      return;
    }
    for (const r of resources) {
      const resource = resourceOf(r);
      let checked = false;
      for (const root of roots) {
        const prefixes = root.reach.get(r.dir);
        if (!prefixes)
          continue;
        const rootStates = stateOf.get(root.dir) ?? [];
        if (rootStates.length === 0)
          continue;
        checked = true;
        const addresses = new Set(rootStates.flatMap(stateAddresses));
        const stateNames = rootStates.map((s) => s.file).join(", ");
        for (const prefix of prefixes) {
          const address = `${prefix}${r.address}`;
          const discriminator = `${root.dir || "."}:${address}`;
          if (addresses.has(address)) {
            ctx.pass({
              resource,
              messageId: "inState",
              data: { address, state: stateNames },
              location: blockLocation(r.file.file, r.block),
              discriminator
            });
            continue;
          }
          const importId = importIdOf(files, r, expectations.project, expectations.region);
          const command = `${root.dir ? `cd ${root.dir} && ` : ""}tofu import ${address} ${importId}`;
          ctx.fail({
            resource,
            messageId: "notInState",
            data: { address, state: stateNames, command },
            location: blockLocation(r.file.file, r.block),
            evidence: [
              { path: "state address", observed: null, expected: address },
              { path: "import command", observed: command }
            ],
            discriminator
          });
        }
      }
      if (!checked) {
        ctx.skip(`${r.address} (${r.file.file}) belongs to no root module with a state file in the repository; the live layer compares it against the real state`, resource);
      }
    }
  }
});
function assignStates(rootDirs, states) {
  const out = /* @__PURE__ */ new Map();
  const unassigned = [];
  for (const s of states) {
    const dir = dirOf(s.file);
    const owner = rootDirs.filter((root) => root === dir || root === "" || dir.startsWith(`${root}/`)).sort((a, b) => b.length - a.length)[0];
    if (owner === void 0)
      unassigned.push(s);
    else
      out.set(owner, [...out.get(owner) ?? [], s]);
  }
  if (rootDirs.length === 1 && unassigned.length > 0) {
    const only = rootDirs[0];
    out.set(only, [...out.get(only) ?? [], ...unassigned]);
  }
  return out;
}
function stateAddresses(state) {
  return state.resources.filter((r) => r.mode === "managed").flatMap((r) => {
    const built = `${r.module ? `${r.module}.` : ""}${r.type}.${r.name}`;
    return [r.address, built].map((a) => a.replace(/\[[^\]]*\]/g, ""));
  });
}
function importIdOf(files, r, project, region) {
  const v = (attr, fallback) => displayValue(files, r.dir, r.block.attributes[attr]?.value) ?? fallback;
  const p = v("project", project);
  switch (r.type) {
    case "google_sql_database_instance":
      return `${p}/${v("name", "<instance-name>")}`;
    case "google_redis_instance":
      return `projects/${p}/locations/${v("region", region)}/instances/${v("name", "<instance-name>")}`;
    case "google_kms_key_ring":
      return `projects/${p}/locations/${v("location", region)}/keyRings/${v("name", "<key-ring>")}`;
    case "google_kms_crypto_key":
      return `${keyRingIdOf(files, r, project, region)}/cryptoKeys/${v("name", "<key>")}`;
    case "google_artifact_registry_repository":
      return `projects/${p}/locations/${v("location", region)}/repositories/${v("repository_id", "<repository>")}`;
    case "google_container_cluster":
      return `projects/${p}/locations/${v("location", region)}/clusters/${v("name", "<cluster>")}`;
    case "google_secret_manager_secret":
      return `projects/${p}/secrets/${v("secret_id", "<secret-id>")}`;
    default:
      return "<id>";
  }
}
function keyRingIdOf(files, key, project, region) {
  const value = key.block.attributes.key_ring?.value;
  if (typeof value === "string")
    return value;
  const ref = isExpression(value) ? referenceTo(value.expression, "google_kms_key_ring") : void 0;
  const ring = ref ? findResource(files, ref.mode, "google_kms_key_ring", ref.name, key.dir) : void 0;
  if (!ring)
    return `projects/${project}/locations/${region}/keyRings/<key-ring>`;
  const v = (attr, fallback) => displayValue(files, ring.dir, ring.block.attributes[attr]?.value) ?? fallback;
  return `projects/${v("project", project)}/locations/${v("location", region)}/keyRings/${v("name", "<key-ring>")}`;
}

// packages/rules/dist/iac/join-iac-drift.js
var NAME_ATTRIBUTES = ["secret_id", "repository_id", "instance_id", "name"];
var keyOf = (type, project, name) => `${type}/${project}/${name}`;
var join_iac_drift_default = defineRule({
  id: "join-iac-drift",
  title: "Live resources and the OpenTofu state disagree (live \u2194 state \u2194 .tf)",
  concerns: ["iac.state-drift"],
  layer: "gcp",
  crossLayer: true,
  facets: [
    "gcp.sql",
    "gcp.redis",
    "gcp.kms",
    "gcp.artifactregistry",
    "gcp.gke",
    "gcp.secretmanager",
    "files.tfstate",
    "files.terraform"
  ],
  description: `Joins the live Cloud SQL instances, Memorystore instances, KMS key rings and keys, Artifact Registry repositories, GKE clusters and Secret Manager secrets with the OpenTofu state files of the repository (managed instances of ${TRACKED_TYPES.join(", ")}, by type, project and the name in their identity attributes) and the \`.tf\` declarations (by type and literal or resolvable name). A live resource without a state entry is unmanaged and fails: at the \`.tf\` block that declares it when there is one (declared but never imported), else at the environment's main \`.tf\`. A state entry whose resource is not live (in a project and type that was read) fails at its \`.tf\` block: it was deleted or renamed by hand. Everything is indexed by key, so the join is linear. Without a state file the rule is skipped (tf-missing-declaration and gcp-unmanaged-resource still judge).`,
  rationale: 'ADR-001 Issue 1 (P1): "Infrastructure deployed via manual gcloud commands, not fully managed by OpenTofu"; Lesson 3: "Import existing resources into state immediately." A resource outside the state cannot be reproduced or reviewed, and one the state still lists but that was removed by hand makes the next apply recreate it.',
  remediation: {
    text: "Import every unmanaged live resource into the state (declaring it first when no `.tf` block does), and remove from the state (or recreate) what no longer exists; then plan until nothing changes.",
    commands: [
      "cd opentofu/environments/staging && tofu init",
      "tofu import module.cloudsql.google_sql_database_instance.main {{project}}/{{database.instance}}",
      "tofu import module.redis.google_redis_instance.main projects/{{project}}/locations/{{region}}/instances/{{redis.instance}}",
      "tofu state rm <address of a resource deleted by hand>",
      "tofu plan"
    ]
  },
  messages: {
    managed: "{{kind}} {{name}} is in the OpenTofu state ({{address}}).",
    unmanagedDeclared: "{{kind}} {{name}} exists live and is declared in {{declaration}}, but no state file holds it: it was created outside OpenTofu and never imported.",
    unmanaged: "{{kind}} {{name}} exists live, but no .tf block declares it and no state file holds it: it is not managed by OpenTofu.",
    stateOnly: "{{address}} ({{name}}) is in {{state}}, but no such {{type}} exists live in {{project}}: it was deleted or renamed outside OpenTofu."
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const tfFiles = ctx.facet("files.terraform").files;
    const states = ctx.facet("files.tfstate").files;
    if (states.length === 0) {
      ctx.skip("no OpenTofu state file in the repository to compare the live resources with");
      return;
    }
    const live2 = /* @__PURE__ */ new Map();
    const read = /* @__PURE__ */ new Map();
    const add = (type, project, name, kind, resource) => live2.set(keyOf(type, project, name), { key: keyOf(type, project, name), type, kind, name, resource });
    const sql = ctx.facet("gcp.sql");
    read.set("google_sql_database_instance", sql.read);
    for (const i of sql.instances)
      add("google_sql_database_instance", i.project, i.name, "Cloud SQL instance", gcpResource.sqlInstance(i));
    const redis = ctx.facet("gcp.redis");
    read.set("google_redis_instance", redis.read);
    for (const i of redis.instances)
      add("google_redis_instance", i.project, i.name, "Memorystore instance", gcpResource.redis(i));
    const kms = ctx.facet("gcp.kms");
    read.set("google_kms_key_ring", kms.read);
    read.set("google_kms_crypto_key", kms.read);
    for (const r of kms.keyRings) {
      add("google_kms_key_ring", r.project, r.name, "KMS key ring", {
        id: `gcp:kms/${r.project}/${r.location}/${r.name}`,
        kind: "KmsKeyRing",
        name: r.name,
        declaredAs: declarationKey({ layer: "tf", type: "google_kms_key_ring", name: r.name })
      });
      for (const k of r.keys)
        add("google_kms_crypto_key", r.project, k.name, "KMS key", gcpResource.kmsKey(r.project, r.location, r.name, k.name));
    }
    const ar = ctx.facet("gcp.artifactregistry");
    read.set("google_artifact_registry_repository", ar.read);
    for (const r of ar.repositories)
      add("google_artifact_registry_repository", r.project, r.name, "Artifact Registry repository", gcpResource.arRepository(r.project, r.location, r.name));
    const gke = ctx.facet("gcp.gke");
    read.set("google_container_cluster", gke.read);
    for (const c of gke.clusters)
      add("google_container_cluster", c.project, c.name, "GKE cluster", gcpResource.cluster(c));
    const sm = ctx.facet("gcp.secretmanager");
    read.set("google_secret_manager_secret", sm.read);
    for (const s of sm.secrets)
      add("google_secret_manager_secret", s.project, s.name, "Secret Manager secret", gcpResource.secret(s.project, s.name));
    const tracked = new Set(TRACKED_TYPES);
    const state = /* @__PURE__ */ new Map();
    for (const s of states)
      for (const r of s.resources) {
        if (r.mode !== "managed" || !tracked.has(r.type))
          continue;
        for (const inst of r.instances) {
          const name = identityName(inst.identity);
          if (!name)
            continue;
          const project = inst.identity.project ?? projectOf(inst.identity.id) ?? exp.project;
          const key = keyOf(r.type, project, name);
          const location = inst.identity.location ?? inst.identity.region;
          if (!state.has(key))
            state.set(key, {
              key,
              type: r.type,
              name,
              address: r.address,
              file: s.file,
              project,
              ...location ? { location } : {}
            });
        }
      }
    const declared3 = /* @__PURE__ */ new Map();
    for (const r of resourcesOf(tfFiles, ...TRACKED_TYPES)) {
      for (const attr of NAME_ATTRIBUTES) {
        const name = displayValue(tfFiles, r.dir, r.block.attributes[attr]?.value);
        if (name === void 0)
          continue;
        const key = `${r.type}/${name}`;
        if (!declared3.has(key))
          declared3.set(key, blockLocation(r.file.file, r.block));
        break;
      }
    }
    const anchor = anchorLocation(tfFiles, ctx.env.name);
    for (const l of [...live2.values()].sort((a, b) => a.key < b.key ? -1 : 1)) {
      const entry = state.get(l.key);
      const declaration = declared3.get(`${l.type}/${l.name}`);
      const evidence = [
        { path: `gcp: live ${l.kind}`, observed: l.name },
        {
          path: `state: ${states.map((s) => s.file).join(", ")}`,
          observed: entry ? entry.address : null,
          expected: `a ${l.type} whose identity names ${l.name}`
        },
        {
          path: "tf: declaration",
          observed: declaration ? `${declaration.file}:${declaration.startLine}` : null
        }
      ];
      const data = { kind: l.kind, name: l.name };
      if (entry) {
        ctx.pass({ resource: l.resource, messageId: "managed", data: { ...data, address: entry.address }, evidence });
      } else if (declaration) {
        ctx.fail({
          resource: l.resource,
          messageId: "unmanagedDeclared",
          data: { ...data, declaration: `${declaration.file}:${declaration.startLine}` },
          location: declaration,
          evidence
        });
      } else {
        ctx.fail({
          resource: l.resource,
          messageId: "unmanaged",
          data,
          ...anchor ? { location: anchor } : {},
          evidence
        });
      }
    }
    for (const e of [...state.values()].sort((a, b) => a.key < b.key ? -1 : 1)) {
      if (live2.has(e.key))
        continue;
      const scope = `projects/${e.project}${e.location ? `/locations/${e.location}` : ""}`;
      if (!wasRead(read.get(e.type) ?? [], scope))
        continue;
      const location = declared3.get(`${e.type}/${e.name}`) ?? anchor;
      ctx.fail({
        resource: { id: `tfstate:${e.address}/${e.name}`, kind: "StateEntry", name: e.address, file: e.file },
        messageId: "stateOnly",
        data: { address: e.address, name: e.name, state: e.file, type: e.type, project: e.project },
        ...location ? { location } : {},
        evidence: [
          { path: `state: ${e.file}`, observed: `${e.address} (${e.name})` },
          { path: `gcp: live ${e.type} in ${e.project}`, observed: null, expected: e.name }
        ]
      });
    }
  }
});
function identityName(identity) {
  const value = NAME_ATTRIBUTES.map((attr) => identity[attr]).find((v) => v) ?? identity.id;
  return value ? value.split("/").pop() : void 0;
}
function projectOf(id) {
  return id ? /^projects\/([^/]+)\//.exec(id)?.[1] : void 0;
}

// packages/rules/dist/iac/tf-missing-declaration.js
var MANAGED_SERVICES = [
  {
    key: "cloud-sql",
    label: "Cloud SQL instance",
    article: "a",
    types: ["google_sql_database_instance"]
  },
  {
    key: "memorystore",
    label: "Memorystore instance",
    article: "a",
    types: ["google_redis_instance", "google_redis_cluster", "google_memorystore_instance"]
  },
  {
    key: "kms-key",
    label: "Cloud KMS key",
    article: "a",
    types: ["google_kms_crypto_key"]
  },
  {
    key: "artifact-registry",
    label: "Artifact Registry repository",
    article: "an",
    types: ["google_artifact_registry_repository"]
  },
  {
    key: "gke-cluster",
    label: "GKE cluster",
    article: "a",
    types: ["google_container_cluster"]
  }
];
var tf_missing_declaration_default = defineRule({
  id: "tf-missing-declaration",
  title: "A managed service of the ADR has no OpenTofu declaration",
  concerns: ["iac.declared"],
  layer: "files",
  facets: ["files.terraform"],
  adrIdentity: "set of managed services (Cloud SQL, Memorystore, KMS key, Artifact Registry, a GKE cluster)",
  adrIdentityFields: ["database.instance", "redis.instance", "kms.key", "registry.repository"],
  description: 'Each managed service ADR-001 runs must be declared by a `.tf` resource of the right type somewhere in the repository (modules included): a Cloud SQL instance (`google_sql_database_instance`), a Memorystore instance (`google_redis_instance`, or `google_redis_cluster` / `google_memorystore_instance`), a Cloud KMS key (`google_kms_crypto_key`), an Artifact Registry repository (`google_artifact_registry_repository`) and a GKE cluster (`google_container_cluster`). One verdict per service. A missing one fails at the `data` source that reads it (a sign it is managed elsewhere), else at the first `provider "google"` file; when a module call with a remote source (not in the repository) could declare it, the check is undecided (`unknown`, naming those modules) instead of a failure. With no `.tf` file at all, one failure says no infrastructure as code exists.',
  rationale: 'ADR-001 Issue 1 (Infrastructure as Code Gap, P1) and Lesson 3 ("Manual gcloud commands created infrastructure not tracked in OpenTofu state"): the Artifact Registry repository and the Memorystore instance were created with gcloud and the Cloud SQL instance still has to be imported; what is not declared cannot be reviewed, reproduced or kept from drifting.',
  remediation: {
    text: "Declare the service in the environment's OpenTofu configuration (or a module it calls), import the live resource, and apply until the plan is empty.",
    commands: [
      "cd opentofu/environments/staging",
      "tofu init",
      "tofu import module.redis.google_redis_instance.main projects/{{project}}/locations/{{region}}/instances/{{redis.instance}}",
      "tofu plan"
    ]
  },
  benchmarks: [],
  messages: {
    declared: "The {{service}} is declared in OpenTofu by {{address}}.",
    notDeclared: "No .tf file declares {{aService}} ({{types}}): it was created by gcloud and is not tracked by OpenTofu (ADR-001 Lesson 3).",
    onlyRead: "The {{service}} is only read by {{address}} (a data source), never declared as a resource: it was created by gcloud and is not tracked by OpenTofu (ADR-001 Lesson 3).",
    maybeInRemoteModule: "No .tf file in the repository declares {{aService}} ({{types}}); module {{module}} (source {{source}}) is not in the repository and may declare it.",
    noIac: "The repository has no .tf file: none of the ADR's managed services (Cloud SQL, Memorystore, KMS key, Artifact Registry, GKE) is tracked by OpenTofu (ADR-001 Issue 1, Lesson 3)."
  },
  check(ctx) {
    const files = ctx.facet("files.terraform").files;
    if (files.length === 0) {
      ctx.fail({
        resource: { id: "iac:opentofu", kind: "Repository", name: "OpenTofu configuration" },
        messageId: "noIac",
        evidence: [{ path: "**/*.tf", observed: 0, expected: "the environment's OpenTofu configuration" }]
      });
      return;
    }
    const remote = moduleCalls(files).filter((c) => c.target === void 0);
    for (const service of MANAGED_SERVICES) {
      const resource = { id: `iac-service:${service.key}`, kind: "ManagedService", name: service.label };
      const types = [...service.types];
      const declared3 = resourcesOf(files, ...types).find((r) => !declaresNothing(r.block));
      if (declared3) {
        ctx.pass({
          resource: { ...resource, file: declared3.file.file },
          messageId: "declared",
          data: { service: service.label, address: declared3.address },
          location: blockLocation(declared3.file.file, declared3.block)
        });
        continue;
      }
      const data = { service: service.label, aService: `${service.article} ${service.label}`, types: types.join(", ") };
      const evidence = [{ path: `resource "${types[0]}"`, observed: 0, expected: "at least one declaration" }];
      const read = dataSourcesOf(files, ...types)[0];
      if (read) {
        ctx.fail({
          resource,
          messageId: "onlyRead",
          data: { ...data, address: read.address },
          location: blockLocation(read.file.file, read.block),
          evidence
        });
        continue;
      }
      const anchor = anchorLocation(files, ctx.env.name);
      const module = remote[0];
      if (module) {
        ctx.unknown({
          resource,
          messageId: "maybeInRemoteModule",
          data: { ...data, module: module.name, source: module.source ?? "not a literal" },
          ...anchor ? { location: anchor } : {},
          evidence,
          dependsOn: [
            ...remote.slice(0, 5).map((c) => `module.${c.name} (${c.source ?? "source not a literal"})`),
            ...remote.length > 5 ? [`${remote.length - 5} more remote module calls`] : []
          ]
        });
        continue;
      }
      ctx.fail({ resource, messageId: "notDeclared", data, ...anchor ? { location: anchor } : {}, evidence });
    }
  }
});

// packages/rules/dist/identity/gcp-identity-platform-enabled.js
var API = "identitytoolkit.googleapis.com";
var gcp_identity_platform_enabled_default = defineRule({
  id: "gcp-identity-platform-enabled",
  title: "Identity Platform (identitytoolkit.googleapis.com) is not enabled",
  concerns: ["identity.platform-enabled"],
  layer: "gcp",
  facets: ["gcp.services"],
  description: `\`${API}\` must be among the enabled services of the expected project (serviceusage \`services.list\`).`,
  rationale: 'ADR-001 Issue 7 (P0): "Authentication not implemented (no Firebase/Identity Platform setup)"; users cannot sign in and the API cannot verify tokens.',
  remediation: {
    text: "Enable the API, then configure the sign-in providers (Google, GitHub).",
    commands: [`gcloud services enable ${API} --project={{project}}`]
  },
  messages: {
    enabled: `${API} is enabled in {{project}}.`,
    disabled: `${API} is not enabled in {{project}}: Identity Platform cannot authenticate users.`
  },
  check(ctx) {
    const { project } = ctx.env.expectations;
    for (const p of ctx.facet("gcp.services").projects.filter((x) => x.project === project)) {
      const resource = gcpResource.api(project, API);
      const on2 = p.enabled.includes(API);
      const evidence = [{ path: "services[state=ENABLED].config.name", observed: on2 ? API : null, expected: API }];
      if (on2)
        ctx.pass({ resource, messageId: "enabled", data: { project }, evidence });
      else
        ctx.fail({ resource, messageId: "disabled", data: { project }, evidence });
    }
  }
});

// packages/rules/dist/identity/gcp-identity-sign-in-providers.js
var gcp_identity_sign_in_providers_default = defineRule({
  id: "gcp-identity-sign-in-providers",
  title: "Identity Platform has no sign-in provider configured",
  concerns: ["identity.sign-in-provider"],
  layer: "gcp",
  facets: ["gcp.identity"],
  description: "Reads the Identity Platform configuration of the expected project (identitytoolkit `projects.getConfig` and `defaultSupportedIdpConfigs.list`). Identity Platform never initialised fails, and so does a project where `identitytoolkit.googleapis.com` is disabled (the API answers SERVICE_DISABLED: there is no provider, which is an answer, not an error). At least one sign-in method must be enabled: an IdP such as `google.com` (enabled, with a client id), email, or phone; none fails. API keys, the password-hash signer key and IdP client secrets are dropped by the collector.",
  rationale: `ADR-001 Issue 7 (P0, "Users can't authenticate"): enabling the API is not enough; without a provider no user can sign in.`,
  remediation: {
    text: "Initialise Identity Platform and enable a provider (the ADR uses Google and GitHub OAuth).",
    commands: [
      'gcloud alpha identity providers create google --client-id="<client id>" --client-secret="<from your secret store>" --enabled --project={{project}}'
    ]
  },
  messages: {
    providers: "Identity Platform of {{project}} signs users in with {{providers}}.",
    notInitialised: "Identity Platform was never initialised in {{project}} (no project config).",
    apiDisabled: "identitytoolkit.googleapis.com is disabled in {{project}}, so Identity Platform has no sign-in provider: no user can sign in.",
    noProvider: "Identity Platform of {{project}} has no enabled sign-in provider."
  },
  check(ctx) {
    const { project } = ctx.env.expectations;
    for (const p of ctx.facet("gcp.identity").projects.filter((x) => x.project === project)) {
      const resource = { id: `gcp:identity/${project}`, kind: "IdentityPlatform", name: project };
      const providers = [
        ...p.idpConfigs.filter((i) => i.enabled === true && i.clientIdSet).map((i) => i.idp),
        ...p.signIn.email ? ["email"] : [],
        ...p.signIn.phoneNumber ? ["phone"] : []
      ];
      const evidence = [
        {
          path: "defaultSupportedIdpConfigs[enabled]",
          observed: providers.join(", ") || null,
          expected: "at least one provider"
        }
      ];
      if (p.apiEnabled === false)
        ctx.fail({ resource, messageId: "apiDisabled", data: { project }, evidence });
      else if (!p.exists)
        ctx.fail({ resource, messageId: "notInitialised", data: { project }, evidence });
      else if (providers.length === 0)
        ctx.fail({ resource, messageId: "noProvider", data: { project }, evidence });
      else
        ctx.pass({ resource, messageId: "providers", data: { project, providers: providers.join(", ") }, evidence });
    }
  }
});

// packages/rules/dist/identity/gcp-workload-identity-binding.js
var ROLE = "roles/iam.workloadIdentityUser";
var gcp_workload_identity_binding_default = defineRule({
  id: "gcp-workload-identity-binding",
  title: "The backend's Kubernetes service account is not bound to its Google service account",
  concerns: ["gke.gsa-binding"],
  layer: "gcp",
  facets: ["gcp.iam-service-accounts"],
  adrIdentity: "backend service account (coditect-cloud-backend)",
  adrIdentityFields: ["app.serviceAccount"],
  description: "Reads the IAM policy of the backend's Google service account (iam `serviceAccounts.getIamPolicy`; the account is the member of `expectations.kms.signer`, by default `coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com`). It must grant `roles/iam.workloadIdentityUser` to `serviceAccount:<project>.svc.id.goog[<namespace>/<ksa>]` (from `expectations.app.namespace` and `expectations.app.serviceAccount`). A missing service account fails; so does a policy without that binding.",
  rationale: "ADR-001 Issue 5: without the binding the pod cannot act as the Google service account, so External Secrets cannot read Secret Manager and the backend cannot sign licenses with Cloud KMS, however the cluster is configured.",
  remediation: {
    text: "Create the Google service account if needed and allow the Kubernetes service account to impersonate it.",
    commands: [
      "gcloud iam service-accounts create coditect-cloud-backend --project={{project}}",
      'gcloud iam service-accounts add-iam-policy-binding coditect-cloud-backend@{{project}}.iam.gserviceaccount.com --role=roles/iam.workloadIdentityUser --member="serviceAccount:{{project}}.svc.id.goog[coditect-staging/coditect-cloud-backend]" --project={{project}}'
    ]
  },
  messages: {
    bound: "{{ksa}} may act as {{gsa}} (roles/iam.workloadIdentityUser).",
    serviceAccountMissing: "The Google service account {{gsa}} does not exist, so {{ksa}} cannot be bound to it.",
    notBound: "{{gsa}} does not grant roles/iam.workloadIdentityUser to {{member}}."
  },
  check(ctx) {
    const { project, app } = ctx.env.expectations;
    const member = `serviceAccount:${project}.svc.id.goog[${app.namespace}/${app.serviceAccount}]`;
    const ksa = `${app.namespace}/${app.serviceAccount}`;
    for (const sa of ctx.facet("gcp.iam-service-accounts").serviceAccounts.filter((s) => s.project === project)) {
      const resource = gcpResource.serviceAccount(sa.email);
      const granted = (sa.policy?.bindings ?? []).some((b) => b.role === ROLE && b.members.includes(member));
      const evidence = [
        {
          path: `bindings[role=${ROLE}].members`,
          observed: (sa.policy?.bindings ?? []).filter((b) => b.role === ROLE).flatMap((b) => b.members).join(", ") || null,
          expected: member
        }
      ];
      if (!sa.exists)
        ctx.fail({ resource, messageId: "serviceAccountMissing", data: { gsa: sa.email, ksa }, evidence });
      else if (granted)
        ctx.pass({ resource, messageId: "bound", data: { gsa: sa.email, ksa }, evidence });
      else
        ctx.fail({ resource, messageId: "notBound", data: { gsa: sa.email, member }, evidence });
    }
  }
});

// packages/rules/dist/images/image.mutable-tag.js
function decide7(v) {
  const image = v.reference;
  if (/\$\{|\{\{|\$[A-Za-z_]/.test(image))
    return { kind: "skip", reason: `image ${image} is templated, filled in at deploy time` };
  const ref = v.ref;
  if (!ref)
    return { kind: "skip", reason: `image "${image}" is not an image reference` };
  const tag = classifyTag(ref);
  if (tag.kind !== "digest" && v.runningDigests.length > 1)
    return { kind: "tagMoved", digests: v.runningDigests };
  switch (tag.kind) {
    case "none":
      return { kind: "noTag" };
    case "moving":
      return { kind: "movingTag", tag: tag.tag };
    case "digest":
      return { kind: "pinned", how: "digest" };
    case "version":
      return { kind: "pinned", how: `version tag "${tag.tag}"` };
    case "commit":
      return { kind: "pinned", how: `commit SHA tag "${tag.tag}"` };
    case "templated":
      return { kind: "skip", reason: `image ${image} has a templated tag, filled in at deploy time` };
    case "unknown":
      return isFloatingOfficialTag(ref) ? { kind: "floatingTag", tag: tag.tag } : { kind: "skip", reason: `tag "${tag.tag}" of ${image} names neither a version nor a known moving tag` };
  }
}
var image_mutable_tag_default = defineViewRule({
  id: "image.mutable-tag",
  title: "Workload runs an image by a moving tag",
  concerns: ["image.mutable-tag"],
  view: "image",
  sources: {
    manifest: { alias: "manifest-mutable-image-tag" },
    k8s: { alias: "k8s-mutable-image-tag" },
    probe: { alias: "probe-image-mutable-tag" }
  },
  description: "Every container and init container image of every workload, in the Kubernetes manifests, in what the cluster runs, and in what the registry probe resolves (including images seen only in the cluster or listed in the configuration), must be pinned: by digest (`@sha256:`), by a version tag (`v1.0.0-staging`, `1.2.3`, `2024.01.02`) or by a git commit SHA (7 to 40 hex digits). No tag (which pulls `latest`), `latest`, and environment or branch tags (`staging`, `staging-latest`, `prod`, `dev`, `main`, `stable`, `edge`, `nightly`, any `*-latest`) fail, and so do the floating tags of Docker Hub official images (a major version alone such as `postgres:16` or `redis:7-alpine`, or an alias with no version such as `node:lts` or `nginx:alpine`). Live, a tag is also caught moving: when a workload's pods report two or more different digests (`status.containerStatuses[].imageID`) for the same container, the tag was re-pushed between pulls, whatever it looks like. The registry source names the digest the moving tag points at now, to pin. Tags the rule cannot classify (a bare number on an image from another publisher, which may be a build number; a feature-branch name) and templated references (`$TAG`, `{{ .Values.image.tag }}`) are skipped with the reason.",
  rationale: "ADR-001 Lesson 2 and the CI/CD remediation (Issue 11): the deploy workflow pushes the commit SHA tag (`github.sha`) and `:staging-latest`, and `kubectl set image` deploys the SHA. A moving tag makes the running version depend on when a node last pulled: rollbacks do not roll back, two replicas can run different code, and the platform check (Decision 2) cannot tell which manifest it verified. The ADR itself re-pushed `v1.0.0-staging` (the arm64 build, then the amd64 one, then the Dockerfile fix). Pinning the digest the registry resolves today freezes exactly what was checked.",
  remediation: {
    text: "Reference the exact build: the commit SHA tag the pipeline pushes, a release version, or the digest (the registry source names the one the moving tag points at now).",
    commands: [
      "kubectl set image deployment/coditect-backend backend={{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:$GITHUB_SHA -n coditect-staging",
      'gcloud artifacts docker images describe {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.0-staging --format="value(image_summary.digest)"',
      "image: {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend@sha256:<digest>"
    ]
  },
  benchmarks: [],
  messages: {
    // manifest, k8s
    noTag: "{{container}} in {{kind}} {{name}} runs {{image}} with no tag, which pulls whatever `latest` is at pull time.",
    movingTag: '{{container}} in {{kind}} {{name}} runs {{image}} by the moving tag "{{tag}}"; pin a version, commit SHA or digest.',
    floatingTag: '{{container}} in {{kind}} {{name}} runs {{image}}: "{{tag}}" is a floating tag of an official image, re-pointed at every release; pin a full version or a digest.',
    pinned: "{{container}} in {{kind}} {{name}} runs {{image}}, pinned by {{how}}.",
    // k8s
    tagMoved: "{{container}} in {{kind}} {{name}} runs {{image}}, but its pods run {{count}} different builds under it ({{digests}}): the tag moved between pulls.",
    // probe (its pass id was `pinned` in probe-image-mutable-tag: it names no container)
    moving: '{{image}} (used by {{usedBy}}) is run by the moving tag "{{tag}}", which points at {{digest}} now; pin {{pinned}}.',
    registryPinned: "{{image}} is pinned by {{how}}."
  },
  check(ctx) {
    for (const v of ctx.views) {
      const { resource, reference: image } = v;
      const d = decide7(v);
      if (d.kind === "skip") {
        ctx.skip(d.reason, resource);
        continue;
      }
      const located = {
        ...v.location ? { location: v.location } : {},
        ...v.relatedLocations ? { relatedLocations: v.relatedLocations } : {}
      };
      const evidence = [
        {
          path: v.path,
          observed: image,
          expected: "a digest, version or commit SHA tag",
          ...v.source === "manifest" && v.location ? { location: v.location } : {}
        }
      ];
      if (v.source === "probe") {
        const data2 = { image, usedBy: v.usedBy ?? "", digest: v.resolvedDigest ?? "" };
        if (d.kind === "pinned")
          ctx.pass({ resource, messageId: "registryPinned", data: { ...data2, how: d.how }, evidence });
        else {
          const name = image.replace(/@.*$/, "").replace(/:[^/:]+$/, "");
          const tag = d.kind === "noTag" ? "latest (no tag)" : d.kind === "tagMoved" ? "" : d.tag;
          ctx.fail({
            resource,
            messageId: "moving",
            data: { ...data2, tag, pinned: `${name}@${v.resolvedDigest}` },
            ...located,
            evidence
          });
        }
        continue;
      }
      const c = v.container;
      const data = { container: c.label, kind: c.workloadKind, name: c.workloadName, image };
      switch (d.kind) {
        case "pinned":
          ctx.pass({ resource, messageId: "pinned", data: { ...data, how: d.how }, ...located });
          break;
        case "noTag":
          ctx.fail({ resource, messageId: "noTag", data, ...located, evidence });
          break;
        case "movingTag":
        case "floatingTag":
          ctx.fail({ resource, messageId: d.kind, data: { ...data, tag: d.tag }, ...located, evidence });
          break;
        case "tagMoved":
          ctx.fail({
            resource,
            messageId: "tagMoved",
            data: { ...data, count: d.digests.length, digests: d.digests.map((x) => x.slice(0, 19)).join(", ") },
            ...located,
            evidence: [
              ...evidence,
              ...d.digests.map((x) => ({ path: "pods[].status.containerStatuses[].imageID", observed: x }))
            ]
          });
          break;
      }
    }
  }
});

// packages/rules/dist/util/scheduling.js
function unschedulableReason(podSpec, node) {
  const spec = podSpec ?? {};
  const tolerations = asArray(spec.tolerations).map(asRecord).filter((t) => t !== void 0);
  for (const taint of node.taints) {
    if (taint.effect !== "NoSchedule" && taint.effect !== "NoExecute")
      continue;
    if (!tolerations.some((t) => tolerates(t, taint))) {
      return `taint ${taint.key}${taint.value !== void 0 ? `=${taint.value}` : ""}:${taint.effect} is not tolerated`;
    }
  }
  const selector = asRecord(spec.nodeSelector) ?? {};
  for (const [key, value] of Object.entries(selector)) {
    if (node.labels[key] !== String(value))
      return `nodeSelector ${key}=${String(value)} does not match`;
  }
  const terms = asArray(asRecord(asRecord(asRecord(spec.affinity)?.nodeAffinity)?.requiredDuringSchedulingIgnoredDuringExecution)?.nodeSelectorTerms).map(asRecord).filter((t) => t !== void 0);
  if (terms.length > 0 && !terms.some((term) => termMatches(term, node))) {
    return "required node affinity does not match";
  }
  return void 0;
}
function tolerates(t, taint) {
  const effect = asString(t.effect);
  if (effect && effect !== taint.effect)
    return false;
  const key = asString(t.key);
  const operator = asString(t.operator) ?? "Equal";
  if (operator === "Exists")
    return !key || key === taint.key;
  return key === taint.key && (asString(t.value) ?? "") === (taint.value ?? "");
}
function termMatches(term, node) {
  const expressions = asArray(term.matchExpressions).map(asRecord);
  const fields = asArray(term.matchFields).map(asRecord);
  if (expressions.length === 0 && fields.length === 0)
    return false;
  const labelOk = expressions.every((e) => e !== void 0 && requirementHolds(e, node.labels[asString(e.key) ?? ""]));
  const fieldOk = fields.every((e) => e !== void 0 && requirementHolds(e, asString(e.key) === "metadata.name" ? node.name : void 0));
  return labelOk && fieldOk;
}
function requirementHolds(e, actual) {
  const values = asArray(e.values).map((v) => String(v));
  switch (asString(e.operator)) {
    case "In":
      return actual !== void 0 && values.includes(actual);
    case "NotIn":
      return actual === void 0 || !values.includes(actual);
    case "Exists":
      return actual !== void 0;
    case "DoesNotExist":
      return actual === void 0;
    case "Gt":
      return actual !== void 0 && Number(actual) > Number(values[0]);
    case "Lt":
      return actual !== void 0 && Number(actual) < Number(values[0]);
    default:
      return false;
  }
}

// packages/rules/dist/images/image.platform-mismatch.js
var MULTI_PLATFORM = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json"
];
var PLATFORM_ERROR = /no match for platform in manifest|no matching manifest for|exec format error|image is for (?:a )?different (?:architecture|platform)/i;
var PULL_FAILURES = /* @__PURE__ */ new Set([
  "ErrImagePull",
  "ImagePullBackOff",
  "CreateContainerError",
  "RunContainerError",
  "CrashLoopBackOff"
]);
function checkGke(ctx, v) {
  const { platforms } = ctx.env.expectations;
  const built = new Set(platforms.filter((p) => p.startsWith("linux/")).map((p) => p.split("/")[1]));
  const { imagePath, taggedImages: tagged, cluster: c } = v;
  const archs = /* @__PURE__ */ new Set();
  const builtPoolExists = c.nodePools.some((p) => built.has(machineArchitecture(p.machineType) ?? ""));
  for (const p of c.nodePools) {
    const arch = machineArchitecture(p.machineType);
    const resource = gcpResource.nodePool(c, p.name);
    if (!arch) {
      ctx.skip(`node pool ${c.name}/${p.name} reports no machine type`, resource);
      continue;
    }
    const taintedAway = !built.has(arch) && arch === "arm64" && builtPoolExists;
    if (!taintedAway)
      archs.add(arch);
    const data = {
      nodePool: `${c.name}/${p.name}`,
      machineType: p.machineType ?? "",
      arch,
      platforms: platforms.join(", ")
    };
    const evidence = [
      {
        path: `nodePools[${p.name}].config.machineType`,
        observed: p.machineType ?? null,
        expected: `a ${[...built].join(" or ")} machine type`
      }
    ];
    if (built.has(arch))
      ctx.pass({ resource, messageId: "matches", data, evidence });
    else if (taintedAway)
      ctx.pass({ resource, messageId: "taintedArmPool", data, evidence });
    else
      ctx.fail({ resource, messageId: "unbuiltArchitecture", data, evidence });
  }
  if (archs.size < 2)
    return;
  for (const image of tagged.filter((i) => !MULTI_PLATFORM.includes(i.mediaType ?? ""))) {
    ctx.fail({
      resource: gcpResource.cluster(c),
      messageId: "singlePlatformOnMixedNodes",
      data: {
        cluster: c.name,
        archs: [...archs].sort().join(" and "),
        image: imagePath,
        tag: image.tags[0],
        mediaType: image.mediaType ?? "unknown"
      },
      evidence: [
        {
          path: `dockerImages[${imagePath}@${image.digest}].mediaType`,
          observed: image.mediaType ?? null,
          expected: MULTI_PLATFORM.join(" or ")
        }
      ],
      discriminator: image.digest
    });
  }
}
function checkCluster(ctx, v) {
  const expected = new Set(ctx.env.expectations.platforms);
  const { workloads } = v;
  const pools = /* @__PURE__ */ new Map();
  for (const n of v.nodes) {
    const pool = n.labels["cloud.google.com/gke-nodepool"] ?? n.labels["eks.amazonaws.com/nodegroup"] ?? n.name;
    pools.set(pool, [...pools.get(pool) ?? [], n]);
  }
  for (const [pool, nodes] of [...pools].sort(([a], [b]) => a < b ? -1 : 1)) {
    const resource = {
      id: `k8s:NodePool/-/${pool}`,
      kind: "NodePool",
      name: pool,
      declaredAs: `tf:google_container_node_pool/${pool}`
    };
    const platforms = [
      ...new Set(nodes.map((n) => `${n.operatingSystem ?? "linux"}/${n.architecture ?? "unknown"}`))
    ].sort();
    const foreign = platforms.filter((p) => !expected.has(p));
    if (foreign.length === 0) {
      ctx.pass({ resource, messageId: "nodePlatformBuilt", data: { pool, platform: platforms.join(", ") } });
      continue;
    }
    const data = { pool, platform: foreign.join(", "), nodes: nodes.length, platforms: [...expected].join(", ") };
    const placeable = workloads.filter((w) => nodes.some((n) => !unschedulableReason(podSpecOf(w), n)));
    if (workloads.length > 0 && placeable.length === 0) {
      const first = workloads[0];
      const why = `${first.kind} ${first.name}: ${unschedulableReason(podSpecOf(first), nodes[0])}${workloads.length > 1 ? `; ${workloads.length - 1} more likewise` : ""}`;
      ctx.pass({ resource, messageId: "nodePlatformUnreachable", data: { pool, platform: data.platform, why } });
      continue;
    }
    const names = placeable.slice(0, 3).map((w) => `${w.kind} ${w.name}`);
    ctx.fail({
      resource,
      messageId: placeable.length > 0 ? "nodePlatformScheduled" : "nodePlatformNotBuilt",
      data: {
        ...data,
        ...placeable.length > 0 ? { workloads: `${names.join(", ")}${placeable.length > 3 ? ` and ${placeable.length - 3} more` : ""}` } : {}
      },
      evidence: nodes.slice(0, 5).map((n) => ({
        path: `nodes/${n.name}/status/nodeInfo`,
        observed: `${n.operatingSystem ?? "linux"}/${n.architecture ?? "unknown"}`,
        expected: [...expected].join(" or ")
      }))
    });
  }
  const { replicaSets } = v;
  let failures = 0;
  for (const pod of v.pods) {
    for (const s of containerStatuses(pod)) {
      if (!s.reason || !PULL_FAILURES.has(s.reason) || !s.message || !PLATFORM_ERROR.test(s.message))
        continue;
      failures++;
      const owner = workloadOfPod(pod, replicaSets);
      const resource = owner ? liveResource({ kind: owner.kind, name: owner.name, namespace: pod.namespace }, { kind: "Container", name: s.name, path: `containers/${s.name}/platform` }) : liveResource(pod, { kind: "Container", name: s.name, path: `containers/${s.name}/platform` });
      ctx.fail({
        resource,
        messageId: "platformPullFailure",
        data: {
          pod: pod.name,
          owner: owner ? `${owner.kind} ${owner.name}` : "no owner",
          container: s.name,
          reason: s.reason
        },
        evidence: [
          {
            path: `pods/${pod.name}/status/containerStatuses/${s.name}/state/waiting`,
            observed: `${s.reason}: ${s.message}`,
            expected: "running"
          },
          ...s.image ? [{ path: `pods/${pod.name}/status/containerStatuses/${s.name}/image`, observed: s.image }] : []
        ]
      });
    }
  }
  if (failures === 0) {
    const scope = v.podNamespaces?.join(", ") ?? "the namespaces read";
    ctx.pass({
      resource: { id: "k8s:Pods", kind: "Pods", name: scope },
      messageId: "noPlatformFailure",
      data: { scope }
    });
  }
}
function checkRegistry(ctx, v) {
  const expected = ctx.env.expectations.platforms;
  const { image } = v;
  const { resource, location, relatedLocations } = imageTarget(image);
  const available = image.platforms.map(platformText).join(", ") || "no platform";
  const missing = expected.filter((want) => !image.platforms.some((p) => platformMatches(want, p)));
  const evidence = [{ path: `${image.reference} platforms`, observed: available, expected: expected.join(", ") }];
  const data = { image: image.reference, usedBy: describeUse(image), available, expected: expected.join(", ") };
  if (missing.length > 0)
    ctx.fail({
      resource,
      messageId: "missingPlatform",
      data: { ...data, missing: missing.join(", ") },
      ...location ? { location } : {},
      ...relatedLocations ? { relatedLocations } : {},
      evidence
    });
  else
    ctx.pass({ resource, messageId: "platforms", data, ...location ? { location } : {}, evidence });
}
function checkJoined(ctx, v) {
  const liveNodes = v.nodes;
  const all = nodePlatforms(liveNodes, v.clusters, ctx.env.expectations.platforms);
  if (!all) {
    ctx.skip("the cluster lists no node and GKE reports no node pool machine type: the node architectures are unknown");
    return;
  }
  const workloadList = v.workloads;
  const reachable = (w) => liveNodes.filter((n) => !unschedulableReason(podSpecOf(w), n));
  const platformsOf = (list2) => nodePlatforms(list2, [], [])?.platforms ?? [];
  const anyReachable = [...new Set(workloadList.flatMap((w) => platformsOf(reachable(w))))].sort();
  const nodes = liveNodes.length > 0 && workloadList.length > 0 && anyReachable.length > 0 ? { ...all, platforms: anyReachable } : all;
  const nodeText = nodes.platforms.join(", ");
  const byReference = /* @__PURE__ */ new Map();
  const byRepository = /* @__PURE__ */ new Map();
  for (const image of v.images) {
    byReference.set(image.reference, image);
    byRepository.set(`${image.registry}/${image.repository}`, image);
  }
  const runBy = /* @__PURE__ */ new Map();
  const reachedBy = /* @__PURE__ */ new Map();
  const unread = /* @__PURE__ */ new Map();
  for (const w of workloadList) {
    const placed = liveNodes.length > 0 ? platformsOf(reachable(w)) : all.platforms;
    for (const c of containersOf(viewOf(w))) {
      const reference = typeof c.container.image === "string" ? c.container.image : "";
      if (!reference)
        continue;
      const repository = repositoryKeyOf(containerImageRef(c));
      const image = byReference.get(reference) ?? (repository ? byRepository.get(repository) : void 0);
      const user = `${w.kind} ${w.namespace ? `${w.namespace}/` : ""}${w.name}`;
      if (image) {
        runBy.set(image, [...runBy.get(image) ?? [], user]);
        reachedBy.set(image, /* @__PURE__ */ new Set([...reachedBy.get(image) ?? [], ...placed]));
      } else if (!unread.has(reference))
        unread.set(reference, liveResource(w, { kind: "Container", name: c.name, path: `containers/${c.name}` }));
    }
  }
  for (const [reference, resource] of unread)
    ctx.skip(`the registry probe did not read ${reference}, so its platforms are unknown`, resource);
  for (const [image, users] of runBy) {
    const { resource, location, relatedLocations } = imageTarget(image);
    const offered = new Set(image.platforms.map((p) => `${p.os}/${p.architecture}`));
    const available = image.platforms.map(platformText).join(", ") || "no platform";
    const reached = [...reachedBy.get(image) ?? []].sort();
    const imageNodes = reached.length > 0 ? reached : nodes.platforms;
    const missing = imageNodes.filter((p) => !offered.has(p));
    const imageNodeText = imageNodes.join(", ");
    const workloads = [...new Set(users)].sort().join(", ");
    const evidence = [
      { path: `k8s: image run by ${workloads}`, observed: image.reference },
      { path: `probe: platforms of ${image.reference} in the registry`, observed: available },
      {
        path: `${nodes.source}: platforms of the nodes its workloads can be scheduled on`,
        observed: imageNodeText,
        expected: `every one offered by the image`
      }
    ];
    const data = { image: image.reference, workloads, available, nodes: imageNodeText, source: nodes.source };
    const where = { ...location ? { location } : {}, ...relatedLocations ? { relatedLocations } : {} };
    if (missing.length > 0)
      ctx.fail({
        resource,
        messageId: "imageMissesNodes",
        data: { ...data, missing: missing.join(", ") },
        evidence,
        ...where
      });
    else
      ctx.pass({ resource, messageId: "imageCoversNodes", data, evidence, ...where });
  }
  for (const wf of v.workflows) {
    for (const job of wf.jobs) {
      for (const step of job.steps) {
        const resource = stepResource(wf, job, step);
        const builds = [];
        if (isBuildPushAction(step) && buildPushActionPushes(step)) {
          builds.push({
            tool: "docker/build-push-action",
            image: splitTags(withValue(step, "tags") ?? "")[0] ?? "(untagged image)",
            written: withValue(step, "platforms"),
            location: withLocation(wf, step, "platforms") ?? usesLocation(wf, step)
          });
        }
        for (const cmd of stepCommands(step)) {
          const build = imageBuild(cmd);
          if (!build || !build.push && !build.tags.some((t) => t.includes("/")))
            continue;
          const written = build.platforms.length > 0 ? build.platforms.join(",") : build.defaultPlatform;
          builds.push({
            tool: build.tool,
            image: build.tags[0] ?? "(untagged image)",
            written,
            location: { file: wf.file, startLine: cmd.line }
          });
        }
        for (const b of builds) {
          const discriminator = `build:${b.image}`;
          if (b.written && isDynamic(b.written)) {
            ctx.skip(`\`${b.tool}\` of ${b.image} takes its platforms from ${b.written.trim()}, known only at run time`, resource);
            continue;
          }
          const built = b.written ? [...new Set(splitPlatforms(b.written).map(normalizePlatform))] : [];
          const platforms = built.length > 0 ? built.join(", ") : "the runner's architecture (no --platform)";
          const missing = nodes.platforms.filter((p) => !built.includes(p));
          const evidence = [
            {
              path: `files: ${b.location.file}:${b.location.startLine} ${b.tool} --platform`,
              observed: b.written?.trim() ?? null
            },
            { path: `${nodes.source}: node platforms`, observed: nodeText, expected: "every one named by the build" }
          ];
          const data = { tool: b.tool, image: b.image, platforms, nodes: nodeText, source: nodes.source };
          if (missing.length > 0)
            ctx.fail({
              resource,
              messageId: "buildMissesNodes",
              data: { ...data, missing: missing.join(", ") },
              location: b.location,
              evidence,
              discriminator
            });
          else
            ctx.pass({
              resource,
              messageId: "buildCoversNodes",
              data,
              location: b.location,
              evidence,
              discriminator
            });
        }
      }
    }
  }
}
function nodePlatforms(items, clusters, built) {
  const fromNodes = /* @__PURE__ */ new Set();
  for (const n of items) {
    const arch = n.architecture ?? n.labels["kubernetes.io/arch"];
    if (arch)
      fromNodes.add(`${n.operatingSystem ?? n.labels["kubernetes.io/os"] ?? "linux"}/${arch}`);
  }
  if (fromNodes.size > 0)
    return { platforms: [...fromNodes].sort(), source: "k8s: live Nodes" };
  const fromPools = /* @__PURE__ */ new Set();
  const names = [];
  for (const c of clusters) {
    const builtPool = c.nodePools.some((p) => built.includes(`linux/${machineArchitecture(p.machineType)}`));
    for (const p of c.nodePools) {
      const arch = machineArchitecture(p.machineType);
      if (!arch || arch === "arm64" && builtPool && !built.includes("linux/arm64"))
        continue;
      fromPools.add(`linux/${arch}`);
      names.push(`${c.name}/${p.name} ${p.machineType}`);
    }
  }
  if (fromPools.size === 0)
    return void 0;
  return { platforms: [...fromPools].sort(), source: `gcp: GKE node pools (${names.join(", ")})` };
}
var image_platform_mismatch_default = defineViewRule({
  id: "image.platform-mismatch",
  title: "Images do not match the platform of the nodes that run them",
  concerns: ["image.platform-mismatch"],
  view: "image-platform",
  sources: {
    gcp: { alias: "gcp-gke-node-architecture" },
    k8s: { alias: "k8s-platform-mismatch" },
    probe: { alias: "probe-image-platform" },
    join: { alias: "join-image-platform-nodes" }
  },
  description: "**Google Cloud**: for every GKE node pool (container `clusters.list`) the CPU architecture of its machine type (Tau T2A and Axion C4A/N4A are arm64, every other family amd64) must be one of `expectations.platforms` (default linux/amd64): a pool of another architecture fails, unless it is an Arm pool beside a pool of a built architecture: GKE taints Arm nodes `kubernetes.io/arch=arm64:NoSchedule`, so the app lands there only if it asks to (the cluster source judges where the live workloads can be scheduled). When a cluster mixes architectures, the app image (`expectations.app.image`, its tagged versions in Artifact Registry, artifactregistry `dockerImages.list`) must be a multi-platform index or manifest list: a single-platform manifest fails, since it can run on only one of them. **Cluster**: every node pool's platform (`status.nodeInfo.operatingSystem`/`architecture`, e.g. linux/amd64) must be one the images are built for: a node pool on another architecture can only run multi-platform images. Scheduling decides: such a pool fails only when a workload read can be placed on it (its taints tolerated, its labels matching the `nodeSelector` and required node affinity); a pool the app cannot be scheduled on runs none of its images and passes, saying why. With no workload read, the pool is judged on its platform alone. And no pod may be stuck because its image has no manifest for its node: a container waiting in ErrImagePull / ImagePullBackOff (or failing to start) whose kubelet message says `no match for platform in manifest` or `exec format error`. A finding on a pod points at the workload that owns it. **Registry** (probe): resolves each image the workloads run (from the repository's manifests, the live pods, or the configured list) in its registry with the full OCI/Docker Accept list, and reads the platforms it offers: the entries of an index or manifest list (build attestations, `unknown/unknown`, are ignored) or the `os`/`architecture` of a single image's config. Every platform in `expectations.platforms` must be there. **Join** (registry \u2192 workloads \u2192 nodes): the cluster's node platforms come from the live Nodes (`status.nodeInfo` / `kubernetes.io/arch`), or, when the cluster lists no node, from the GKE node pools' machine types (an Arm pool beside a pool of a built platform is left out). Scheduling decides which live nodes count for an image: those its workloads can be placed on. Every image a live workload runs (Deployments, StatefulSets, DaemonSets, CronJobs and unowned Jobs, ReplicaSets and Pods), joined by reference then by repository to what the registry probe read, must offer a manifest for each of those platforms. And every image build in a workflow that leaves the runner (`--push`, a registry tag, `docker/build-push-action` with `push`) must name them in `--platform` / `platforms`: a build without one produces the runner's architecture. The evidence carries the chain image \u2192 platforms \u2192 nodes; an image finding points at the workload manifest naming it, a build finding at the workflow line.",
  rationale: 'ADR-001 Decision 2 (P0): "Initial Docker builds on macOS (arm64) caused \'no match for platform\' errors when GKE (linux/amd64) tried to pull images"; Lesson 2: "Multi-Platform Docker Builds Not Optional for GKE". The builds now target linux/amd64, so a node pool of any other architecture (Arm t2a nodes, or a cluster mixing them) breaks the same way from the other side. Each layer alone is half the story: the Dockerfile and the build command can say `--platform`, but only the registry knows what was pushed under the tag the cluster pulls; the registry does not know the nodes, the nodes do not know the registry.',
  remediation: {
    text: "Build and push every image for each node architecture (a multi-platform index when the cluster mixes them), naming the platforms on the build, under the tag the workloads run; or keep the node pools on the architecture the images are built for.",
    commands: [
      "kubectl get nodes -L kubernetes.io/arch,cloud.google.com/gke-nodepool",
      "docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1-staging --push .",
      "docker buildx build --platform linux/amd64,linux/arm64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:<tag> --push .",
      "docker buildx imagetools inspect {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1-staging"
    ]
  },
  benchmarks: [],
  messages: {
    // gcp
    matches: "Node pool {{nodePool}} ({{machineType}}) is {{arch}}, a platform the images are built for ({{platforms}}).",
    taintedArmPool: "Node pool {{nodePool}} ({{machineType}}) is arm64, which the images are not built for ({{platforms}}), but GKE taints Arm nodes kubernetes.io/arch=arm64:NoSchedule: only workloads that ask for arm64 are scheduled there, and the cluster has nodes of a built architecture for the rest (k8s-platform-mismatch judges the workloads).",
    unbuiltArchitecture: 'Node pool {{nodePool}} ({{machineType}}) is {{arch}}, but images are built for {{platforms}}: pods scheduled there fail with "no match for platform".',
    singlePlatformOnMixedNodes: "GKE {{cluster}} mixes {{archs}} nodes, but {{image}}:{{tag}} is a single-platform manifest ({{mediaType}}).",
    // k8s
    nodePlatformNotBuilt: "Node pool {{pool}} runs {{platform}} ({{nodes}} node(s)); images are built for {{platforms}} only, so single-platform images cannot run there.",
    nodePlatformScheduled: "Node pool {{pool}} runs {{platform}} ({{nodes}} node(s)) and {{workloads}} can be scheduled there; images are built for {{platforms}} only, so single-platform images cannot run there.",
    nodePlatformUnreachable: "Node pool {{pool}} runs {{platform}}, which the images are not built for, but no workload read can be scheduled there ({{why}}).",
    platformPullFailure: "Pod {{pod}} ({{owner}}) cannot run container {{container}}: {{reason}}, the image has no manifest for its node's platform.",
    nodePlatformBuilt: "Node pool {{pool}} runs {{platform}}, which the images are built for.",
    noPlatformFailure: "No pod in {{scope}} is stuck on an image built for another platform.",
    // probe
    missingPlatform: "{{image}} (used by {{usedBy}}) has no {{missing}} image: it offers {{available}}. Nodes of that platform cannot run it.",
    platforms: "{{image}} offers {{available}}, including {{expected}}.",
    // join
    imageMissesNodes: "{{image}} (run by {{workloads}}) offers {{available}}, but the nodes run {{nodes}} ({{source}}): no manifest for {{missing}}.",
    imageCoversNodes: "{{image}} (run by {{workloads}}) offers {{available}}, covering the nodes ({{nodes}}).",
    buildMissesNodes: "`{{tool}}` of {{image}} builds for {{platforms}}, but the nodes run {{nodes}} ({{source}}): nothing is built for {{missing}}.",
    buildCoversNodes: "`{{tool}}` of {{image}} builds for {{platforms}}, covering the nodes ({{nodes}})."
  },
  check(ctx) {
    for (const v of ctx.views) {
      if (v.source === "gcp")
        checkGke(ctx, v);
      else if (v.source === "k8s")
        checkCluster(ctx, v);
      else if (v.source === "probe")
        checkRegistry(ctx, v);
      else
        checkJoined(ctx, v);
    }
  }
});

// packages/rules/dist/kms/kms.signer-binding.js
var SIGNING_ROLES = [
  KMS_SIGNER_ROLE,
  "roles/cloudkms.signer",
  "roles/cloudkms.cryptoOperator",
  "roles/cloudkms.admin"
];
var LITERAL_MEMBER = /^(?:user|group|serviceAccount|domain|principal|principalSet):[^$]+$/;
var same = (a, b) => a.toLowerCase() === b.toLowerCase();
function decide8(v, kms) {
  const out = [];
  if (v.source === "tf") {
    for (const g of v.grants)
      for (const member of publicMembers(g.grant))
        out.push({ kind: "public", member, role: describeKnown(g.grant.role), grant: g });
    for (const g of v.grants) {
      const role = g.grant.role;
      if (g.target !== "yes" || !role.known || !SIGNING_ROLES.includes(role.value))
        continue;
      for (const member of g.grant.members)
        if (LITERAL_MEMBER.test(member) && !same(member, kms.signer))
          out.push({ kind: "other", member, role: role.value, scope: g.grant.scope, grant: g });
    }
    const bound = v.grants.find((g) => g.target === "yes" && g.role === "yes" && g.signer === "yes");
    const maybe = v.grants.find((g) => g.target !== "no" && g.role !== "no" && g.signer !== "no");
    if (bound)
      out.push({ kind: "bound", grant: bound });
    else if (maybe)
      out.push({ kind: "unresolved", grant: maybe });
    else
      out.push({ kind: "notGranted", grants: v.grants.filter((g) => g.target !== "no") });
    return out;
  }
  for (const entry of v.keyPolicies) {
    const signers = holders(entry.policy, [KMS_SIGNER_ROLE]);
    if (!entry.exists)
      out.push({ kind: "keyMissing", signers });
    else if (signers.some((m) => same(m, kms.signer)))
      out.push({ kind: "bound", signers });
    else
      out.push({ kind: "notGranted", signers });
    for (const b of entry.policy?.bindings ?? [])
      for (const member of b.members.filter((m) => PUBLIC_PRINCIPALS.includes(m)))
        out.push({ kind: "public", member, role: b.role });
    for (const [scope, policy] of [
      ["key", entry.policy],
      ["ring", entry.keyRingPolicy]
    ])
      for (const b of (policy?.bindings ?? []).filter((x) => SIGNING_ROLES.includes(x.role)))
        for (const member of b.members)
          if (!PUBLIC_PRINCIPALS.includes(member) && !same(member, kms.signer))
            out.push({ kind: "other", member, role: b.role, scope });
  }
  for (const policy of v.projectPolicies)
    for (const b of policy.bindings.filter((x) => SIGNING_ROLES.includes(x.role)))
      for (const member of b.members.filter((m) => !same(m, kms.signer)))
        out.push({ kind: "projectWide", member, role: b.role });
  return out;
}
var kms_signer_binding_default = defineViewRule({
  id: "kms.signer-binding",
  title: "The backend cannot sign with the license key, or signing is granted too broadly",
  concerns: ["kms.signer-binding"],
  view: "kms-key-access",
  adrIdentity: "KMS key and signer (license-signing-key, coditect-cloud-backend)",
  adrIdentityFields: ["kms.keyRing", "kms.key", "kms.signer|app.serviceAccount"],
  sources: {
    tf: { alias: "tf-kms-signer-binding" },
    gcp: {
      alias: "gcp-kms-signer-binding",
      messages: {
        otherSigner: "{{member}} holds {{role}} on {{scope}}: besides {{signer}}, it can sign licenses with {{ring}}/{{key}}. The signing role belongs to the backend's service account alone."
      }
    }
  },
  description: 'The license-signing key must grant `roles/cloudkms.signerVerifier` to `expectations.kms.signer` (default `serviceAccount:coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com`), and to no one else. **OpenTofu**: a `google_kms_crypto_key_iam_binding` / `_iam_member` / `_iam_policy` on the license-signing key (or a `google_kms_key_ring_iam_*` on its key ring) must grant the role to the signer (a member built from `google_service_account.<x>.email` or `.member` is resolved when that account has a literal `account_id`). No such grant fails, placed on the key\'s declaration (else the first `provider "google"` file). A grant whose key, role or members the repository does not settle is undecided (`unknown`, naming those inputs). Independently, `allUsers` or `allAuthenticatedUsers` in any KMS key or key-ring grant fails at the members, and so does any other literal principal (a group, a user, another service account) granted a signing role (signerVerifier, signer, cryptoOperator, KMS admin) on the license key or its key ring. With no `.tf` file at all the source is skipped. **Google Cloud**: reads the IAM policy of the key (cloudkms `cryptoKeys.getIamPolicy`), of its ring (`keyRings.getIamPolicy`) and of the project (cloudresourcemanager `projects.getIamPolicy`). A key that does not exist fails; `allUsers` or `allAuthenticatedUsers` in any binding of the key fails; any other principal holding a signing role on the key or its ring fails, named; a project-level grant of a signing role to anyone but the signer fails as too broad: it reaches every key of the project (project owners are not counted).',
  rationale: "ADR-001 Issue 6 (Cloud KMS for License Signing, P0): the backend signs licenses through Cloud KMS as its own service account; without `roles/cloudkms.signerVerifier` on the key every signing call is denied, and anyone else who can sign (a public grant, a broad group, a project-wide role) can forge licenses.",
  remediation: {
    text: "Grant the signer role on the key itself, to the backend's service account only (not the project), and remove project-wide or public grants.",
    commands: [
      'resource "google_kms_crypto_key_iam_member" "backend_signer" {\n  crypto_key_id = google_kms_crypto_key.license_signing.id\n  role          = "roles/cloudkms.signerVerifier"\n  member        = "serviceAccount:coditect-cloud-backend@{{project}}.iam.gserviceaccount.com"\n}',
      "gcloud kms keys add-iam-policy-binding license-signing-key --keyring=license-signing-keyring --location={{region}} --member=serviceAccount:coditect-cloud-backend@{{project}}.iam.gserviceaccount.com --role=roles/cloudkms.signerVerifier --project={{project}}"
    ]
  },
  benchmarks: [
    { standard: "CIS Google Cloud Platform Foundation Benchmark 1.2.0", id: "1.9" },
    { standard: "Security Command Center", id: "KMS_PUBLIC_KEY" }
  ],
  messages: {
    // tf (gcp words otherSigner its own way: see sources.gcp.messages)
    signerBound: "{{signer}} holds {{role}} on {{ring}}/{{key}} through {{address}}.",
    publicGrant: "{{address}} grants {{role}} to {{member}}: anyone can use this KMS {{scope}}.",
    otherSigner: "{{address}} grants {{role}} on the {{scope}} to {{member}}: besides {{signer}}, it can sign licenses with {{ring}}/{{key}}. The signing role belongs to the backend service account alone.",
    grantUnresolved: "{{address}} may grant {{role}} on {{ring}}/{{key}} to {{signer}}, but {{what}} comes from an expression the files do not evaluate.",
    missing: "No .tf grant gives {{signer}} roles/cloudkms.signerVerifier on the license-signing key {{ring}}/{{key}} (or its key ring): the backend cannot sign licenses.",
    // gcp
    granted: "{{signer}} holds roles/cloudkms.signerVerifier on {{ring}}/{{key}}.",
    keyMissing: "The license-signing key {{ring}}/{{key}} does not exist, so {{signer}} cannot sign with it.",
    notGranted: "{{signer}} does not hold roles/cloudkms.signerVerifier on {{ring}}/{{key}}: the backend cannot sign licenses.",
    public: "{{ring}}/{{key}} grants {{role}} to {{member}}: anyone can use the license key.",
    projectWide: "{{member}} holds {{role}} on the whole project {{project}}: it can sign with every key, the license key included."
  },
  check(ctx) {
    const { project, kms } = ctx.env.expectations;
    const ids = { ring: kms.keyRing, key: kms.key, signer: kms.signer };
    for (const v of ctx.views) {
      const resource = v.resource;
      const findings2 = decide8(v, kms);
      if (v.source === "gcp") {
        const signerEvidence = (signers = []) => [
          {
            path: `bindings[role=${KMS_SIGNER_ROLE}].members`,
            observed: signers.join(", ") || null,
            expected: kms.signer
          }
        ];
        for (const f of findings2) {
          if (f.kind === "bound")
            ctx.pass({ resource, messageId: "granted", data: ids, evidence: signerEvidence(f.signers) });
          else if (f.kind === "keyMissing" || f.kind === "notGranted")
            ctx.fail({ resource, messageId: f.kind, data: ids, evidence: signerEvidence(f.signers) });
          else if (f.kind === "public")
            ctx.fail({
              resource,
              messageId: "public",
              data: { ...ids, role: f.role, member: f.member },
              evidence: [
                { path: `bindings[role=${f.role}].members`, observed: f.member, expected: "no public principal" }
              ],
              discriminator: `public:${f.role}:${f.member}`
            });
          else if (f.kind === "other") {
            const path = f.scope === "key" ? "key" : "keyRing";
            const scope = f.scope === "key" ? `the key ${kms.keyRing}/${kms.key}` : `the key ring ${kms.keyRing}`;
            ctx.fail({
              resource,
              messageId: "otherSigner",
              data: { ...ids, role: f.role, member: f.member, scope },
              evidence: [
                { path: `${path}.bindings[role=${f.role}].members`, observed: f.member, expected: kms.signer }
              ],
              discriminator: `${path}:${f.role}:${f.member}`
            });
          } else if (f.kind === "projectWide")
            ctx.fail({
              resource,
              messageId: "projectWide",
              data: { ...ids, role: f.role, member: f.member, project },
              evidence: [
                {
                  path: `projects/${project}.bindings[role=${f.role}].members`,
                  observed: f.member,
                  expected: "grants on the key only"
                }
              ],
              discriminator: `project:${f.role}:${f.member}`
            });
        }
        continue;
      }
      const base = { signer: kms.signer, ring: kms.keyRing, key: kms.key };
      for (const f of findings2) {
        if (f.kind === "public" && f.grant) {
          const g = f.grant;
          ctx.fail({
            resource: g.resource,
            messageId: "publicGrant",
            data: {
              address: g.grant.iam.address,
              role: f.role,
              member: f.member,
              scope: g.grant.scope === "key" ? "key" : "key ring"
            },
            location: g.location,
            evidence: [
              {
                path: `${g.grant.iam.address}.members`,
                observed: f.member,
                expected: "no allUsers or allAuthenticatedUsers",
                location: g.location
              }
            ],
            discriminator: `public:${f.member}:${f.role}`
          });
        } else if (f.kind === "other" && f.grant) {
          const g = f.grant;
          ctx.fail({
            resource,
            messageId: "otherSigner",
            data: {
              ...base,
              address: g.grant.iam.address,
              role: f.role,
              member: f.member,
              scope: f.scope === "key" ? "key" : "key ring"
            },
            location: g.location,
            evidence: [
              {
                path: `${g.grant.iam.address}.members`,
                observed: f.member,
                expected: kms.signer,
                location: g.location
              }
            ],
            discriminator: `other:${g.grant.iam.address}:${f.member}`
          });
        } else if (f.kind === "bound" && f.grant) {
          const g = f.grant;
          ctx.pass({
            resource,
            messageId: "signerBound",
            data: { ...base, role: KMS_SIGNER_ROLE, address: g.grant.iam.address },
            location: g.location,
            evidence: [{ path: `${g.grant.iam.address}.role`, observed: KMS_SIGNER_ROLE, location: g.location }]
          });
        } else if (f.kind === "unresolved") {
          const g = f.grant;
          const what = [
            g.target === "maybe" ? "the key" : "",
            g.role === "maybe" ? "the role" : "",
            g.signer === "maybe" ? "the members" : ""
          ].filter(Boolean).join(" and ");
          ctx.unknown({
            resource,
            messageId: "grantUnresolved",
            data: { ...base, role: describeKnown(g.grant.role), address: g.grant.iam.address, what },
            location: g.location,
            evidence: [
              { path: `${g.grant.iam.address}.role`, observed: describeKnown(g.grant.role), expected: KMS_SIGNER_ROLE },
              {
                path: `${g.grant.iam.address}.members`,
                observed: g.grant.expression ?? g.grant.members.join(", "),
                expected: kms.signer
              }
            ],
            dependsOn: g.dependsOn.length ? g.dependsOn : [g.grant.iam.address]
          });
        } else if (f.kind === "notGranted") {
          const location = v.keyLocation ?? v.anchor?.(ctx.env.name);
          ctx.fail({
            resource,
            messageId: "missing",
            data: base,
            ...location ? { location } : {},
            evidence: (f.grants ?? []).map((g) => ({
              path: `${g.grant.iam.address}.role`,
              observed: describeKnown(g.grant.role),
              expected: KMS_SIGNER_ROLE,
              location: g.location
            }))
          });
        }
      }
    }
  }
});

// packages/rules/dist/kms/kms.signing-key.js
function decide9(v, kms) {
  const out = [];
  const against = (check, a, expected) => {
    if (a.certainty === "unresolved")
      out.push({ check, holds: void 0, attribute: a });
    else if (a.certainty === "absent" || a.value !== expected)
      out.push({ check, holds: false, attribute: a });
  };
  against("purpose", v.purpose, kms.purpose);
  against("algorithm", v.algorithm, kms.algorithm);
  if (v.hasEnabledVersion.certainty === "decided" && v.hasEnabledVersion.value === false)
    out.push({ check: "version", holds: false, attribute: v.hasEnabledVersion });
  return out;
}
var kms_signing_key_default = defineViewRule({
  id: "kms.signing-key",
  title: "The license-signing KMS key is missing, not an RSA 4096 signing key, or has no enabled version",
  concerns: ["kms.signing-key"],
  view: "kms-key",
  adrIdentity: "KMS key name (license-signing-keyring/license-signing-key)",
  adrIdentityFields: ["kms.keyRing", "kms.key"],
  sources: {
    tf: { alias: "tf-kms-signing-key" },
    gcp: {
      alias: "gcp-kms-signing-key",
      messages: {
        missing: "KMS key {{ring}}/{{key}} does not exist in {{location}} of {{project}}{{ringNote}}.",
        wrongPurpose: "KMS key {{ring}}/{{key}} has purpose {{purpose}}, not {{expected}}.",
        wrongAlgorithm: "KMS key {{ring}}/{{key}} uses {{algorithm}}, not {{expected}}."
      }
    }
  },
  description: 'The license-signing key (`expectations.kms.key`, default `license-signing-key`, in key ring `expectations.kms.keyRing`) must be an asymmetric signing key (`expectations.kms.purpose`, ASYMMETRIC_SIGN) with the decided algorithm (`expectations.kms.algorithm`, RSA_SIGN_PKCS1_4096_SHA512) and a version that can sign. Each mismatch is its own finding. **OpenTofu**: a `google_kms_crypto_key` whose literal `name` is the expected key in the expected key ring (resolved through `key_ring = google_kms_key_ring.<x>.id` to that ring\'s `name`) must have `purpose = "ASYMMETRIC_SIGN"` and `version_template { algorithm = ... }`, and must not skip its initial version. A wrong purpose or algorithm fails at the attribute. A key whose name or ring the repository does not settle is undecided (`unknown`, naming those inputs). When no `.tf` file declares the key, the finding is placed on the first file with a `provider "google"` block (else the environment\'s `main.tf`); with no `.tf` file at all the source is skipped. **Google Cloud** (cloudkms `keyRings.list`, `cryptoKeys.list`, `cryptoKeyVersions.list`, location `expectations.kms.location` of the expected project): missing fails; at least one version must be ENABLED (asymmetric keys have no primary). Rotation is never required of an asymmetric key.',
  rationale: 'ADR-001 Issue 6 (Cloud KMS for License Signing, P0, "Core functionality missing") and the pending ADR-002: the license server signs licenses with a Cloud KMS key so the private key never leaves Google. Without it, or with a key of another purpose or algorithm, the backend cannot sign or clients cannot verify; a key created by hand is invisible to OpenTofu (Lesson 3).',
  remediation: {
    text: "Declare the key ring and the asymmetric signing key in OpenTofu (import them if they exist already), with the decided algorithm; or create them.",
    commands: [
      'resource "google_kms_key_ring" "license" {\n  name     = "license-signing-keyring"\n  location = "{{region}}"\n}\n\nresource "google_kms_crypto_key" "license_signing" {\n  name     = "license-signing-key"\n  key_ring = google_kms_key_ring.license.id\n  purpose  = "ASYMMETRIC_SIGN"\n  version_template {\n    algorithm        = "RSA_SIGN_PKCS1_4096_SHA512"\n    protection_level = "HSM"\n  }\n}',
      "gcloud kms keyrings create license-signing-keyring --location={{region}} --project={{project}}",
      "gcloud kms keys create license-signing-key --keyring=license-signing-keyring --location={{region}} --purpose=asymmetric-signing --default-algorithm=rsa-sign-pkcs1-4096-sha512 --protection-level=hsm --project={{project}}",
      "tofu import google_kms_crypto_key.license_signing projects/{{project}}/locations/{{region}}/keyRings/license-signing-keyring/cryptoKeys/license-signing-key"
    ]
  },
  benchmarks: [],
  messages: {
    // tf (gcp words missing, wrongPurpose and wrongAlgorithm its own way: see sources.gcp.messages)
    signingKey: "{{address}} is {{ring}}/{{key}}: purpose ASYMMETRIC_SIGN, algorithm {{algorithm}}.",
    wrongPurpose: "{{address}} ({{ring}}/{{key}}) has purpose {{purpose}}: it cannot sign licenses (expected ASYMMETRIC_SIGN).",
    wrongAlgorithm: "{{address}} ({{ring}}/{{key}}) uses {{algorithm}}, not the decided {{expected}}.",
    noInitialVersion: "{{address}} ({{ring}}/{{key}}) sets skip_initial_version_creation = true: the key has no version to sign with until one is created or imported.",
    unresolved: "{{field}} of {{address}} ({{ring}}/{{key}}) comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm {{expected}} (the gcp layer reads the live key).",
    identityUnresolved: "{{address}} may be the license-signing key {{expectedRing}}/{{expectedKey}} but its name ({{name}}) or key ring ({{ring}}) comes from an expression the files do not evaluate.",
    missing: "No .tf file declares the license-signing key {{expectedRing}}/{{expectedKey}} (google_kms_crypto_key with that literal name in that key ring): it is not managed by OpenTofu, or it does not exist.",
    // gcp
    ready: "KMS key {{ring}}/{{key}} is an {{purpose}} key with {{algorithm}} and an enabled version ({{version}}).",
    noEnabledVersion: "KMS key {{ring}}/{{key}} has no ENABLED version ({{versions}}): nothing can be signed with it."
  },
  check(ctx) {
    const { project, kms } = ctx.env.expectations;
    const ids = { ring: kms.keyRing, key: kms.key };
    for (const v of ctx.views) {
      const resource = v.resource;
      if (v.identity === "unread")
        continue;
      if (v.identity === "missing") {
        if (v.source === "gcp")
          ctx.fail({
            resource,
            messageId: "missing",
            data: {
              ...ids,
              location: kms.location,
              project,
              ringNote: v.ringExists ? "" : " (the key ring does not exist either)"
            },
            evidence: v.seen
          });
        else {
          const anchor = v.anchor?.(ctx.env.name);
          ctx.fail({
            resource,
            messageId: "missing",
            data: { expectedRing: kms.keyRing, expectedKey: kms.key },
            ...anchor ? { location: anchor } : {},
            evidence: v.seen
          });
        }
        continue;
      }
      if (v.identity === "maybe" && v.declared) {
        const { name, ring } = v.declared;
        ctx.unknown({
          resource,
          messageId: "identityUnresolved",
          data: {
            address: v.label,
            name: describeKnown(name),
            ring: describeKnown(ring),
            expectedRing: kms.keyRing,
            expectedKey: kms.key
          },
          ...v.location ? { location: v.location } : {},
          evidence: [
            { path: `${v.label}.name`, observed: describeKnown(name), expected: kms.key },
            { path: `${v.label}.key_ring`, observed: describeKnown(ring), expected: kms.keyRing }
          ],
          dependsOn: unknownInputs(name, ring)
        });
        continue;
      }
      const findings2 = decide9(v, kms);
      if (v.source === "gcp") {
        const versions = v.versions ?? [];
        const evidence2 = [
          evidenceOf(v.purpose, kms.purpose),
          evidenceOf(v.algorithm, kms.algorithm),
          {
            path: v.hasEnabledVersion.origin.path,
            observed: versions.map((x) => `${x.name}:${x.state ?? "?"}`).join(", ") || v.gcp?.primary?.state || null,
            expected: "at least one ENABLED"
          }
        ];
        const value = (a) => a.certainty === "decided" ? String(a.value) : "unknown";
        for (const f of findings2) {
          if (f.check === "purpose")
            ctx.fail({
              resource,
              messageId: "wrongPurpose",
              data: { ...ids, purpose: value(v.purpose), expected: kms.purpose },
              evidence: evidence2,
              discriminator: "purpose"
            });
          else if (f.check === "algorithm")
            ctx.fail({
              resource,
              messageId: "wrongAlgorithm",
              data: { ...ids, algorithm: value(v.algorithm), expected: kms.algorithm },
              evidence: evidence2,
              discriminator: "algorithm"
            });
          else
            ctx.fail({
              resource,
              messageId: "noEnabledVersion",
              data: { ...ids, versions: versions.map((x) => `${x.name} ${x.state ?? "?"}`).join(", ") || "none" },
              evidence: evidence2,
              discriminator: "version"
            });
        }
        if (findings2.length === 0)
          ctx.pass({
            resource,
            messageId: "ready",
            data: {
              ...ids,
              purpose: v.purpose.certainty === "decided" ? String(v.purpose.value) : "",
              algorithm: v.algorithm.certainty === "decided" ? String(v.algorithm.value) : "",
              version: v.enabledVersion ?? ""
            },
            evidence: evidence2
          });
        continue;
      }
      const base = { address: v.label, ...ids };
      const evidence = [evidenceOf(v.purpose, kms.purpose), evidenceOf(v.algorithm, kms.algorithm)];
      const at = (a) => a.origin.location ? { location: a.origin.location } : {};
      for (const f of findings2) {
        if (f.holds === void 0) {
          const field = f.check === "purpose" ? "purpose" : "version_template.algorithm";
          ctx.unknown({
            resource,
            messageId: "unresolved",
            data: {
              ...base,
              field,
              expression: f.attribute.expression,
              expected: f.check === "purpose" ? kms.purpose : kms.algorithm
            },
            ...at(f.attribute),
            evidence,
            dependsOn: f.attribute.dependsOn,
            discriminator: f.check
          });
        } else if (f.check === "purpose")
          ctx.fail({
            resource,
            messageId: "wrongPurpose",
            data: {
              ...base,
              purpose: v.purpose.certainty === "decided" ? String(v.purpose.value) : "not set (defaults to ENCRYPT_DECRYPT)"
            },
            ...at(f.attribute),
            evidence,
            discriminator: "purpose"
          });
        else if (f.check === "algorithm")
          ctx.fail({
            resource,
            messageId: "wrongAlgorithm",
            data: {
              ...base,
              algorithm: v.algorithm.certainty === "decided" ? String(v.algorithm.value) : "no version_template algorithm (GOOGLE_SYMMETRIC_ENCRYPTION by default)",
              expected: kms.algorithm
            },
            ...at(f.attribute),
            evidence,
            discriminator: "algorithm"
          });
        else
          ctx.fail({
            resource,
            messageId: "noInitialVersion",
            data: base,
            ...at(f.attribute),
            evidence: [evidenceOf(v.skipInitialVersion ?? f.attribute, "false")],
            discriminator: "version"
          });
      }
      if (findings2.length === 0)
        ctx.pass({ resource, messageId: "signingKey", data: { ...base, algorithm: kms.algorithm }, evidence });
    }
  }
});

// packages/rules/dist/lifecycle/eol-base-image.js
var eol_base_image_default = defineRule({
  id: "eol-base-image",
  title: "Base image past end of life",
  concerns: ["lifecycle.eol-base-image"],
  layer: "files",
  facets: ["files.dockerfile"],
  description: "Checks the `FROM` image of every Dockerfile stage (after `ARG` expansion; stages built on an earlier stage are covered by that stage) against an end-of-life table kept as data: Python, Node.js, PostgreSQL, Redis, Debian, Ubuntu and Alpine official images, including the distribution named in a tag (`python:3.12-slim-buster`, `node:22-alpine3.17`). Each product version past its end of life is a finding that states the date. Tags that name no version (`latest`, `lts`, `python:3`) are skipped with that reason; images outside the table are skipped too.",
  rationale: `ADR-001 Lesson 1: "Platform Deprecations Require Proactive Monitoring ... maintain technology inventory with EOL dates." GCR's shutdown broke the deployment without warning; an end-of-life base image fails more quietly, by no longer receiving security fixes. Build stages count as well as the final one: they compile what the image ships.`,
  remediation: {
    text: "Move the stage to a supported release of the same image (keep the build and runtime stages on the same release), rebuild and push.",
    commands: [
      "FROM python:3.12-slim AS builder",
      "FROM python:3.12-slim",
      "docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1-staging --push ."
    ]
  },
  benchmarks: [],
  messages: {
    endOfLife: "Stage {{stage}} is built FROM {{image}}: {{product}} {{version}} reached end of life on {{eol}} and gets no more security fixes. Move to {{upgradeTo}}.",
    supported: "Stage {{stage}} is built FROM {{image}}: {{product}} {{version}} is supported."
  },
  check(ctx) {
    for (const df of ctx.facet("files.dockerfile").files) {
      for (const stage of df.stages) {
        if (stage.baseStage !== void 0)
          continue;
        const image = stage.resolvedImage;
        if (image.toLowerCase() === "scratch")
          continue;
        const resource = resourceOf2(df, stage);
        const stageName = stage.name ?? String(stage.index);
        const ref = stage.imageRef;
        if (!ref || /\$/.test(image)) {
          ctx.skip(`FROM ${image} is not resolved to an image name`, resource);
          continue;
        }
        const { image: official, tracked, findings: findings2 } = baseImageVersions(ref);
        if (findings2.length === 0) {
          ctx.skip(official && tracked ? `tag "${ref.tag ?? "latest"}" of ${image} does not name a version` : `no end-of-life data for ${image} (only official Python, Node.js, PostgreSQL, Redis, Debian, Ubuntu and Alpine images, and distributions named in official tags)`, resource);
          continue;
        }
        const location = { file: df.file, startLine: stage.line, startColumn: stage.column };
        for (const f of findings2) {
          const data = { stage: stageName, image, product: f.product.name, version: f.version };
          if (f.eol) {
            ctx.fail({
              resource,
              messageId: "endOfLife",
              data: { ...data, eol: f.eol, upgradeTo: f.product.upgradeTo },
              location,
              evidence: [
                {
                  path: `stage[${stage.index}].FROM`,
                  observed: image,
                  expected: `a supported ${f.product.name} release (${f.product.source})`
                }
              ],
              discriminator: f.product.key
            });
          } else {
            ctx.pass({ resource, messageId: "supported", data, location, discriminator: f.product.key });
          }
        }
      }
    }
  }
});
function resourceOf2(df, stage) {
  const stageName = stage.name ?? String(stage.index);
  return { id: `${df.file}#stage:${stageName}`, kind: "DockerfileStage", name: stageName, file: df.file };
}

// packages/rules/dist/lifecycle/lifecycle.removed-kubernetes-api.js
var lifecycle_removed_kubernetes_api_default = defineViewRule({
  id: "lifecycle.removed-kubernetes-api",
  title: "A Kubernetes object is written in an API version that was removed",
  concerns: ["lifecycle.removed-kubernetes-api"],
  view: "api-object",
  sources: {
    manifest: { alias: "removed-kubernetes-api" },
    k8s: { alias: "k8s-removed-api-versions" }
  },
  description: "**Manifests**: checks the `apiVersion` and `kind` of every object in the Kubernetes manifests (multi-document files and `kind: List` items included) against the API versions Kubernetes has stopped serving: `extensions/v1beta1`, `apps/v1beta1` and `apps/v1beta2` (1.16), `networking.k8s.io/v1beta1` Ingress and the other v1beta1 APIs of 1.22, `batch/v1beta1` CronJob, `policy/v1beta1` PodDisruptionBudget and PodSecurityPolicy, `autoscaling/v2beta1` (1.25), `autoscaling/v2beta2` (1.26), and the later flow-control and storage betas. The message names the release that removed it and the replacement. **Cluster**: for every workload and Ingress the cluster runs (those `kubectl apply` created; the collector reads the version from the `kubectl.kubernetes.io/last-applied-configuration` annotation and keeps nothing else of it), the API version it was applied with must not be one Kubernetes removed for its kind (the same table). The message says whether this cluster still serves that version (it breaks on the next upgrade) or no longer does (re-applying the manifest fails today); a cluster where no object records the version it was applied with is skipped.",
  rationale: 'ADR-001 Lesson 1: "GCR shutdown March 2025 caused deployment failure. Action: subscribe to GCP deprecation announcements, maintain technology inventory with EOL dates." GKE upgrades clusters automatically; once the control plane passes the removal release, `kubectl apply` of such a manifest fails with "no matches for kind", which blocks the deployment exactly as the GCR shutdown did. Objects already stored are served under the new version, so only the manifests (and whatever applies them: a script, a CI job, a person) need changing.',
  remediation: {
    text: "Change the apiVersion to the replacement and adapt the fields that changed between versions (for Ingress: `pathType` and `backend.service`), then re-apply.",
    commands: [
      "kubectl convert -f <manifest>.yaml --output-version <replacement api version>   # kubectl-convert plugin",
      "kubectl apply --dry-run=server -f <manifest>.yaml",
      "kubectl apply -f <manifest>.yaml"
    ]
  },
  benchmarks: [],
  messages: {
    // manifest
    removed: "{{kind}} {{name}} uses {{apiVersion}}, which Kubernetes {{removedIn}} stopped serving; use {{replacement}}.",
    served: "{{kind}} {{name}} uses {{apiVersion}}, which is not among the API versions Kubernetes has removed.",
    // k8s
    removedStillServed: "{{kind}} {{name}} was applied as {{applied}}, removed in Kubernetes {{removedIn}}; this cluster ({{server}}) still serves it, so the manifest breaks on upgrade. Use {{replacement}}.",
    removedNotServed: "{{kind}} {{name}} was applied as {{applied}}, removed in Kubernetes {{removedIn}}; this cluster ({{server}}) no longer serves it, so re-applying that manifest fails. Use {{replacement}}.",
    current: "No live workload or Ingress was applied with a removed API version ({{count}} checked on {{server}})."
  },
  check(ctx) {
    let failed = false;
    for (const v of ctx.views) {
      const { resource } = v;
      const removed = removedApiFor(v.apiVersion, v.kind);
      if (v.source === "manifest") {
        const data = { kind: v.kind, name: v.name, apiVersion: v.apiVersion };
        const at = v.location ? { location: v.location } : {};
        if (!removed) {
          ctx.pass({ resource, messageId: "served", data, ...at });
          continue;
        }
        ctx.fail({
          resource,
          messageId: "removed",
          data: { ...data, removedIn: `v${removed.removedIn}`, replacement: removed.replacement },
          ...at,
          evidence: [{ path: "/apiVersion", observed: v.apiVersion, expected: removed.replacement, ...at }]
        });
        continue;
      }
      if (!removed)
        continue;
      failed = true;
      const served = v.server?.groupVersions.has(removed.apiVersion) ?? false;
      ctx.fail({
        resource,
        messageId: served ? "removedStillServed" : "removedNotServed",
        data: {
          kind: v.kind,
          name: v.name,
          applied: v.apiVersion,
          removedIn: removed.removedIn,
          replacement: removed.replacement,
          server: v.server?.version ?? "version unknown"
        },
        evidence: [
          {
            path: 'metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"].apiVersion',
            observed: v.apiVersion,
            expected: removed.replacement
          },
          { path: "served group versions", observed: served ? removed.apiVersion : null }
        ]
      });
    }
    const server = ctx.views[0]?.server;
    if (ctx.source === "k8s" && server && !failed)
      ctx.pass({
        resource: { id: "k8s:Cluster", kind: "Cluster", name: server.version },
        messageId: "current",
        data: { count: ctx.views.length, server: server.version }
      });
  }
});

// packages/rules/dist/network/network.edge-protection.js
function decide10(v) {
  if (v.kind === "loadBalancer")
    return "loadBalancerEntry";
  const f = v.found;
  if (!f)
    return "serviceMissing";
  if (!f.ref)
    return "noBackendConfig";
  if (f.ref.invalid)
    return "invalidAnnotation";
  if (!f.ref.name)
    return "noConfigForPort";
  if (!f.config)
    return "configMissing";
  return f.config.policy ? "protected" : "noSecurityPolicy";
}
var rule = defineViewRule({
  id: "network.edge-protection",
  title: "No Cloud Armor policy protects the public backend",
  concerns: ["network.edge-protection"],
  view: "edge-entry",
  sources: {
    manifest: { alias: "manifest-edge-protection" },
    k8s: { alias: "k8s-edge-protection" },
    tf: { alias: "tf-edge-security-policy" },
    gcp: {
      alias: "gcp-cloud-armor-backend",
      messages: {
        protected: "Backend service {{backend}} is protected by Cloud Armor policy {{policy}}.",
        noPolicy: "Backend service {{backend}} has no Cloud Armor policy."
      }
    }
  },
  adrIdentity: "Cloud Armor policy on the app entry",
  description: "Every Service that an app Ingress routes to must carry a `cloud.google.com/backend-config` (or `beta.cloud.google.com/backend-config`) annotation naming, for the backend's port or by default, a BackendConfig (cloud.google.com) whose `spec.securityPolicy.name` is set: that is how GKE attaches a Cloud Armor policy to the Ingress's backend service. A public LoadBalancer Service as the app's entry cannot take a BackendConfig and fails too. With no public entry in the manifests the rule does not apply. Live, a backend Service or BackendConfig that does not exist fails too, and what was not read (a namespace out of scope) is skipped. **OpenTofu**: the `.tf` files must declare a `google_compute_security_policy` (Cloud Armor), and every external `google_compute_backend_service` they declare must reference a policy through `security_policy` (backend services a GKE Ingress creates are not in OpenTofu; they get the policy through the BackendConfig above). No `.tf` files: not applicable. **Google Cloud** (compute `backendServices.list`, `securityPolicies.list` of the expected project): the app's backend services are those GKE created for its namespace (`k8s1-\u2026-<namespace>-\u2026`, default namespace `coditect-staging`); none fails (the app is not behind an HTTP(S) load balancer Cloud Armor can attach to: a plain LoadBalancer Service is a network load balancer), and each must have a `securityPolicy` that exists.",
  rationale: 'ADR-001 Issue 8 lists "Cloud Armor for DDoS protection" with the GCE Ingress and SSL certificate that replace the plain LoadBalancer (P2 in the concern catalog). Without a security policy the backend takes every request the internet sends.',
  remediation: {
    text: "Create the Cloud Armor policy (declared in OpenTofu), reference it from a BackendConfig, and attach that to the Ingress backend Service; a backend service OpenTofu declares names the policy in `security_policy`.",
    commands: [
      "gcloud compute security-policies create coditect-backend-armor --project={{project}}",
      `kubectl apply -f - <<EOF
apiVersion: cloud.google.com/v1
kind: BackendConfig
metadata: { name: coditect-backend-config, namespace: coditect-staging }
spec:
  securityPolicy: { name: coditect-backend-armor }
EOF`,
      `kubectl annotate service coditect-backend-internal -n coditect-staging cloud.google.com/backend-config='{"default": "coditect-backend-config"}'`,
      '# OpenTofu: resource "google_compute_security_policy" "backend_armor" { name = "coditect-backend-armor" }, and in each google_compute_backend_service: security_policy = google_compute_security_policy.backend_armor.id'
    ]
  },
  benchmarks: [],
  messages: {
    noBackendConfig: "Service {{service}} behind Ingress {{ingress}} has no cloud.google.com/backend-config annotation, so no Cloud Armor policy is attached.",
    noConfigForPort: "Service {{service}} names no BackendConfig for port {{port}} (used by Ingress {{ingress}}) and no default one.",
    invalidAnnotation: 'Service {{service}}: annotation {{annotation}} is not the JSON GKE reads ({"default": "<name>"}).',
    // manifest
    backendConfigNotDeclared: "Service {{service}} names BackendConfig {{config}}, which no manifest declares.",
    // k8s
    backendConfigMissing: "Service {{service}} names BackendConfig {{config}}, which does not exist.",
    serviceMissing: "Ingress {{ingress}} routes to Service {{service}}, which does not exist.",
    noSecurityPolicy: "BackendConfig {{config}} (for Service {{service}}) sets no spec.securityPolicy.name.",
    loadBalancerEntry: "The app is reached through LoadBalancer Service {{service}}, which cannot carry a Cloud Armor policy through a BackendConfig; serve it through an Ingress.",
    protected: "Service {{service}} behind Ingress {{ingress}} is protected by Cloud Armor policy {{policy}} (BackendConfig {{config}}).",
    // tf
    noPolicy: "No google_compute_security_policy (Cloud Armor) is declared in the OpenTofu files.",
    backendWithoutPolicy: "Backend service {{address}} sets no security_policy, so Cloud Armor does not protect it.",
    policyDeclared: "Cloud Armor policy {{address}} ({{name}}) is declared.",
    backendProtected: "Backend service {{address}} uses security policy {{policy}}.",
    // gcp
    noBackend: "No HTTP(S) load balancer backend serves namespace {{namespace}} in {{project}}: Cloud Armor has nothing to attach to (the app is exposed another way, or not at all).",
    unknownPolicy: "Backend service {{backend}} names the policy {{policy}}, which does not exist."
  },
  check(ctx) {
    for (const entry of ctx.views) {
      if (entry.source === "tf" || entry.source === "gcp") {
        armor(ctx, entry);
        continue;
      }
      const v = entry;
      const { resource } = v;
      const outcome = decide10(v);
      if (v.kind === "loadBalancer") {
        ctx.fail({
          resource,
          messageId: "loadBalancerEntry",
          data: { service: v.service },
          ...v.location ? { location: v.location } : {},
          evidence: [
            {
              path: "spec.type",
              observed: "LoadBalancer",
              expected: "an Ingress backend with a BackendConfig security policy"
            }
          ]
        });
        continue;
      }
      const data = { service: v.service, ingress: v.ingress, port: v.port };
      const discriminator = v.port !== "default" ? `port:${v.port}` : "";
      const f = v.found;
      if (!f) {
        ctx.fail({
          resource,
          messageId: "serviceMissing",
          data,
          evidence: [
            { path: `services/${resource.namespace}/${v.service}`, observed: null, expected: "the backend Service" }
          ],
          discriminator: `service:${v.service}`
        });
        continue;
      }
      const at = f.refLocation ? { location: f.refLocation } : {};
      switch (outcome) {
        case "noBackendConfig":
          ctx.fail({
            resource,
            messageId: "noBackendConfig",
            data,
            ...f.serviceLocation ? { location: f.serviceLocation } : {},
            evidence: [
              {
                path: `metadata.annotations["${BACKEND_CONFIG_ANNOTATIONS[0]}"]`,
                observed: null,
                expected: '{"default": "<BackendConfig with securityPolicy>"}'
              }
            ],
            discriminator
          });
          break;
        case "invalidAnnotation":
        case "noConfigForPort":
          ctx.fail({
            resource,
            messageId: outcome,
            data: { ...data, annotation: f.ref?.annotation ?? "" },
            ...at,
            evidence: [
              {
                path: `metadata.annotations["${f.ref?.annotation}"]`,
                observed: outcome === "invalidAnnotation" ? "not JSON" : null,
                expected: '{"default": "<name>"}'
              }
            ],
            discriminator
          });
          break;
        case "configMissing":
          ctx.fail({
            resource,
            messageId: v.source === "manifest" ? "backendConfigNotDeclared" : "backendConfigMissing",
            data: { ...data, config: f.ref?.name ?? "" },
            ...at,
            evidence: [
              {
                path: f.missingPath,
                observed: null,
                expected: v.source === "manifest" ? "declared with spec.securityPolicy.name" : "a BackendConfig with spec.securityPolicy.name"
              }
            ],
            discriminator
          });
          break;
        case "noSecurityPolicy": {
          const c = f.config;
          ctx.fail({
            resource: c.resource,
            messageId: "noSecurityPolicy",
            data: { ...data, config: c.name },
            ...c.noPolicyLocation ? { location: c.noPolicyLocation } : {},
            evidence: [{ path: c.noPolicyPath, observed: null, expected: "a Cloud Armor policy name" }],
            // Live, the finding is the config's: its fingerprint names the Service too.
            discriminator: v.source === "k8s" ? `${v.service}:${discriminator}` : discriminator
          });
          break;
        }
        case "protected": {
          const c = f.config;
          ctx.pass({
            resource,
            messageId: "protected",
            data: { ...data, policy: c.policy ?? "", config: c.name },
            ...c.policyLocation ? { location: c.policyLocation } : {},
            discriminator
          });
          break;
        }
      }
    }
  }
});
function armor(ctx, v) {
  const { resource } = v;
  const location = v.location ? { location: v.location } : {};
  switch (v.kind) {
    case "noPolicy": {
      const anchor = anchorLocation2(ctx.facet("files.terraform"), ctx.env.name);
      ctx.fail({
        resource: { ...resource, id: `${anchor.file}#google_compute_security_policy`, file: anchor.file },
        messageId: "noPolicy",
        location: anchor,
        evidence: [
          { path: 'resource "google_compute_security_policy"', observed: null, expected: "a Cloud Armor policy" }
        ]
      });
      return;
    }
    case "policy":
      ctx.pass({ resource, messageId: "policyDeclared", data: { address: v.address, name: v.name }, ...location });
      return;
    case "noBackend":
      ctx.fail({
        resource,
        messageId: "noBackend",
        data: { namespace: v.namespace, project: v.project },
        evidence: [{ path: "backendServices[].name", observed: v.observed, expected: `k8s1-\u2026${v.marker}\u2026` }]
      });
      return;
    case "backendService": {
      if (v.source === "tf") {
        if (v.policy !== void 0)
          ctx.pass({
            resource,
            messageId: "backendProtected",
            data: { address: v.name, policy: v.policy },
            ...location
          });
        else
          ctx.fail({
            resource,
            messageId: "backendWithoutPolicy",
            data: { address: v.name },
            ...location,
            evidence: [
              {
                path: `${v.name}.security_policy`,
                observed: null,
                expected: "a google_compute_security_policy reference"
              }
            ]
          });
        return;
      }
      const evidence = [
        {
          path: `backendServices[${v.name}].securityPolicy`,
          observed: v.policy ?? null,
          expected: "a Cloud Armor policy"
        }
      ];
      if (v.policy === void 0)
        ctx.fail({ resource, messageId: "noPolicy", data: { backend: v.name }, evidence });
      else if (!v.policyExists)
        ctx.fail({ resource, messageId: "unknownPolicy", data: { backend: v.name, policy: v.policy }, evidence });
      else
        ctx.pass({ resource, messageId: "protected", data: { backend: v.name, policy: v.policy }, evidence });
      return;
    }
  }
}
var network_edge_protection_default = rule;

// packages/rules/dist/network/network.public-http.js
function decide11(v) {
  if (v.kind === "Ingress")
    return v.tls ? { kind: "tls", how: v.tls.how } : { kind: "noTls" };
  if (v.internal)
    return { kind: "internal", annotation: v.internal };
  if (v.ports.length === 0)
    return { kind: "noPorts" };
  const plain = v.ports.map((p, index) => ({ port: p.port, index })).filter((p) => p.port !== 443);
  return plain.length ? { kind: "plainPorts", ports: plain } : { kind: "httpsOnly" };
}
var network_public_http_default = defineViewRule({
  id: "network.public-http",
  title: "The app is exposed by a plain LoadBalancer Service over HTTP",
  concerns: ["network.public-http"],
  view: "exposure",
  sources: {
    manifest: { alias: "manifest-public-http-loadbalancer" },
    k8s: { alias: "k8s-public-http-loadbalancer" }
  },
  description: "In the app namespace, in the manifests and live, a `Service` of `type: LoadBalancer` that is not internal (`networking.gke.io/load-balancer-type: Internal` or `cloud.google.com/load-balancer-type: Internal`) fails for every port other than 443: the load balancer passes plaintext HTTP from the internet to the pod (live, its external address `status.loadBalancer.ingress` is the evidence). An Ingress that routes to the app passes when it has a certificate (`spec.tls`, `networking.gke.io/managed-certificates` or `ingress.gcp.kubernetes.io/pre-shared-cert`) and fails without one. LoadBalancers of other namespaces (an ingress controller's own) are not the app.",
  rationale: 'ADR-001 Issue 8 (P1): "Using basic Kubernetes LoadBalancer, no SSL/HTTPS. Production requires HTTPS." The remediation replaces the LoadBalancer with a ClusterIP Service and a GCE Ingress with a Google-managed certificate for staging-api.coditect.ai; the smoke tests in the ADR still call http://$STAGING_IP.',
  remediation: {
    text: "Make the Service ClusterIP and put an Ingress with a managed certificate in front of it.",
    commands: [
      `kubectl patch service coditect-backend -n coditect-staging -p '{"spec":{"type":"ClusterIP"}}'`,
      `kubectl apply -f - <<EOF
apiVersion: networking.gke.io/v1
kind: ManagedCertificate
metadata: { name: coditect-backend-cert, namespace: coditect-staging }
spec: { domains: [staging-api.coditect.ai] }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: coditect-backend
  namespace: coditect-staging
  annotations:
    kubernetes.io/ingress.class: gce
    networking.gke.io/managed-certificates: coditect-backend-cert
spec:
  rules:
    - host: staging-api.coditect.ai
      http:
        paths:
          - path: /*
            pathType: ImplementationSpecific
            backend: { service: { name: coditect-backend-internal, port: { number: 8000 } } }
EOF`
    ]
  },
  benchmarks: [
    { standard: "CIS GKE Benchmark 1.6", id: "5.6.7", title: "Ensure use of Google-managed SSL Certificates" }
  ],
  messages: {
    publicPort: "Service {{service}} is a public LoadBalancer exposing port {{port}} without TLS termination; serve the app through an Ingress with a certificate.",
    // k8s (was `publicPort` in k8s-public-http-loadbalancer: it also names the address)
    livePublicPort: "Service {{service}} is a public LoadBalancer serving port {{port}} without TLS at {{address}}; serve the app through an Ingress with a certificate.",
    ingressWithoutTls: "Ingress {{ingress}} routes to {{backends}} without a certificate (no spec.tls or managed-certificates annotation), so it serves plain HTTP.",
    ingressTls: "Ingress {{ingress}} serves {{backends}} over TLS ({{how}}).",
    internalLoadBalancer: "Service {{service}} is an internal LoadBalancer ({{annotation}}), not reachable from the internet.",
    httpsOnlyLoadBalancer: "Service {{service}} is a LoadBalancer exposing only port 443."
  },
  check(ctx) {
    for (const v of ctx.views) {
      const { resource } = v;
      const at = v.location ? { location: v.location } : {};
      const d = decide11(v);
      switch (d.kind) {
        case "internal":
          ctx.pass({
            resource,
            messageId: "internalLoadBalancer",
            data: { service: v.name, annotation: d.annotation },
            ...at
          });
          break;
        case "noPorts":
          ctx.skip(`LoadBalancer Service ${v.name} declares no ports`, resource);
          break;
        case "httpsOnly":
          ctx.pass({ resource, messageId: "httpsOnlyLoadBalancer", data: { service: v.name }, ...at });
          break;
        case "plainPorts": {
          const addresses = v.kind === "LoadBalancer" ? v.addresses : void 0;
          for (const { port, index } of d.ports) {
            const location = v.kind === "LoadBalancer" ? v.ports[index]?.location : void 0;
            const evidence = [
              { path: "spec.type", observed: "LoadBalancer", expected: "ClusterIP behind an Ingress with TLS" },
              { path: `spec.ports[${index}].port`, observed: port }
            ];
            if (addresses)
              ctx.fail({
                resource,
                messageId: "livePublicPort",
                data: { service: v.name, port, address: addresses.join(", ") || "an address still pending" },
                evidence: [
                  ...evidence,
                  { path: "status.loadBalancer.ingress", observed: addresses.join(", ") || null }
                ],
                discriminator: `port:${port}`
              });
            else
              ctx.fail({
                resource,
                messageId: "publicPort",
                data: { service: v.name, port },
                ...location ? { location } : {},
                evidence,
                discriminator: `port:${port}`
              });
          }
          break;
        }
        case "tls":
          if (v.kind === "Ingress")
            ctx.pass({
              resource,
              messageId: "ingressTls",
              data: { ingress: v.name, backends: v.backends.join(", "), how: d.how },
              ...v.tls?.location ? { location: v.tls.location } : {}
            });
          break;
        case "noTls":
          if (v.kind === "Ingress")
            ctx.fail({
              resource,
              messageId: "ingressWithoutTls",
              data: { ingress: v.name, backends: v.backends.join(", ") },
              ...v.specLocation ? { location: v.specLocation } : {},
              evidence: [
                {
                  path: "spec.tls",
                  observed: null,
                  expected: "a certificate (spec.tls or networking.gke.io/managed-certificates)"
                }
              ]
            });
          break;
      }
    }
  }
});

// packages/rules/dist/network/network.tls-certificate.js
var MIN_DAYS = 14;
var DAY_MS = 864e5;
function checkGcp(ctx, v) {
  const { resource, project, domain } = v;
  if (v.covering.length === 0) {
    ctx.fail({
      resource,
      messageId: "noCertificate",
      data: { project, domain },
      evidence: [
        { path: "sslCertificates[].managed.domains", observed: v.listedDomains.join(", ") || null, expected: domain }
      ]
    });
    return;
  }
  const horizon = ctx.now.getTime() + MIN_DAYS * DAY_MS;
  const judged = v.covering.map((c) => {
    const status = c.type === "MANAGED" ? c.domainStatus[domain] ?? c.managedStatus : "ACTIVE";
    const active = c.type !== "MANAGED" || c.managedStatus === "ACTIVE" && (c.domainStatus[domain] ?? "ACTIVE") === "ACTIVE";
    const lasting = c.expireTime === void 0 || Date.parse(c.expireTime) > horizon;
    return { c, status: status ?? "unknown", active, lasting, score: (active ? 2 : 0) + (lasting ? 1 : 0) };
  });
  const best = judged.sort((a, b) => b.score - a.score || (a.c.name < b.c.name ? -1 : 1))[0];
  const evidence = [
    {
      path: `sslCertificates[${best.c.name}].managed.status`,
      observed: best.c.managedStatus ?? null,
      expected: "ACTIVE"
    },
    {
      path: `sslCertificates[${best.c.name}].managed.domainStatus.${domain}`,
      observed: best.c.domainStatus[domain] ?? null
    },
    {
      path: `sslCertificates[${best.c.name}].expireTime`,
      observed: best.c.expireTime === void 0 ? null : best.lasting ? `more than ${MIN_DAYS} days left` : `within ${MIN_DAYS} days`,
      expected: `more than ${MIN_DAYS} days left`
    }
  ];
  const d = { certificate: best.c.name, domain, status: best.status };
  if (!best.active)
    ctx.fail({ resource, messageId: "notActive", data: d, evidence });
  else if (!best.lasting)
    ctx.fail({ resource, messageId: "expiresSoon", data: d, evidence });
  else
    ctx.pass({ resource, messageId: "active", data: d, evidence });
}
function checkCluster2(ctx, v) {
  const { namespace, domain } = v;
  const covering = v.certificates.filter((c) => c.domains.includes(domain));
  if (covering.length === 0)
    ctx.fail({
      resource: v.resource,
      messageId: "noCertificate",
      data: { namespace, domain },
      evidence: [
        {
          path: `managedcertificates/${namespace}[].spec.domains`,
          observed: v.certificates.flatMap((c) => c.domains).join(", ") || null,
          expected: domain
        }
      ]
    });
  const judged = /* @__PURE__ */ new Set([...covering, ...v.certificates.filter((c) => c.usedBy.length > 0)]);
  for (const cert of [...judged].sort((a, b) => a.name < b.name ? -1 : 1)) {
    const { resource } = cert;
    const inactive = cert.domainStatus.filter((d) => d.status !== "Active");
    let failed = false;
    if (cert.status !== "Active" || inactive.length > 0) {
      failed = true;
      ctx.fail({
        resource,
        messageId: "notActive",
        data: {
          certificate: cert.name,
          status: cert.status,
          domains: inactive.length ? ` (${inactive.map((d) => `${d.domain}: ${d.status}`).join(", ")})` : ""
        },
        evidence: [
          { path: "status.certificateStatus", observed: cert.status, expected: "Active" },
          ...inactive.map((d) => ({
            path: `status.domainStatus[${d.domain}]`,
            observed: d.status,
            expected: "Active"
          }))
        ],
        discriminator: "status"
      });
    }
    const expiresAt = cert.expireTime ? Date.parse(cert.expireTime) : Number.NaN;
    const left = (expiresAt - ctx.now.getTime()) / DAY_MS;
    if (!Number.isNaN(expiresAt) && left < MIN_DAYS) {
      failed = true;
      ctx.fail({
        resource,
        messageId: "expiresSoon",
        data: { certificate: cert.name, expires: cert.expireTime ?? "", days: MIN_DAYS },
        evidence: [
          {
            path: "status.expireTime",
            observed: cert.expireTime ?? null,
            expected: `more than ${MIN_DAYS} days ahead`
          }
        ],
        discriminator: "expiry"
      });
    }
    if (cert.usedBy.length === 0 && v.ingressesRead) {
      failed = true;
      ctx.fail({
        resource,
        messageId: "notAttached",
        data: { certificate: cert.name, domain, annotation: MANAGED_CERTIFICATES_ANNOTATION },
        evidence: [
          {
            path: `ingresses/${namespace}[].metadata.annotations["${MANAGED_CERTIFICATES_ANNOTATION}"]`,
            observed: v.ingressAnnotations.join("; ") || null,
            expected: cert.name
          }
        ],
        discriminator: "attached"
      });
    }
    if (!failed)
      ctx.pass({
        resource,
        messageId: "active",
        data: { certificate: cert.name, domains: cert.domains.join(", "), ingresses: cert.usedBy.join(", ") }
      });
  }
}
function checkEndpoint(ctx, v) {
  const { resource, probe: d } = v;
  const url = d.baseUrl;
  if (!d.https) {
    ctx.fail({
      resource,
      messageId: "notHttps",
      data: { url },
      evidence: [{ path: "baseUrl", observed: url, expected: "https://" }]
    });
    return;
  }
  const cert = d.tls?.certificate;
  if (!cert) {
    ctx.fail({ resource, messageId: "handshake", data: { url, error: d.tls?.error ?? "no certificate" } });
    return;
  }
  let failed = false;
  const evidence = [
    { path: "certificate.subjectAltName", observed: cert.altNames.join(", "), expected: d.host },
    { path: "certificate.validTo", observed: cert.validTo, expected: `at least ${d.minCertificateDays} days ahead` }
  ];
  if (!cert.trusted) {
    failed = true;
    ctx.fail({
      resource,
      messageId: "untrusted",
      data: { url, reason: cert.trustError ?? "unknown reason" },
      discriminator: "trust",
      evidence
    });
  }
  if (!cert.hostnameMatches) {
    failed = true;
    ctx.fail({
      resource,
      messageId: "wrongHost",
      data: { url, host: d.host, names: cert.altNames.join(", ") || cert.subject },
      discriminator: "host",
      evidence
    });
  }
  if (cert.expiresInDays < d.minCertificateDays) {
    failed = true;
    ctx.fail({
      resource,
      messageId: "expiring",
      data: { url, validTo: cert.validTo.slice(0, 10), days: cert.expiresInDays, min: d.minCertificateDays },
      discriminator: "expiry",
      evidence
    });
  }
  if (!failed)
    ctx.pass({
      resource,
      messageId: "valid",
      data: { url, host: d.host, validTo: cert.validTo.slice(0, 10) },
      evidence
    });
}
var network_tls_certificate_default = defineViewRule({
  id: "network.tls-certificate",
  title: "No valid certificate serves the app's domain, or it expires within 14 days",
  concerns: ["network.tls-certificate"],
  view: "tls-certificate",
  sources: {
    gcp: { alias: "gcp-managed-certificate" },
    k8s: {
      alias: "k8s-managed-certificate",
      messages: {
        noCertificate: "No ManagedCertificate in {{namespace}} covers {{domain}}.",
        notActive: "ManagedCertificate {{certificate}} is {{status}}, not Active{{domains}}.",
        expiresSoon: "ManagedCertificate {{certificate}} expires on {{expires}}, within {{days}} days: its renewal is not happening.",
        active: "ManagedCertificate {{certificate}} is Active for {{domains}} and served by Ingress {{ingresses}}."
      }
    },
    probe: { alias: "probe-http-tls-certificate" }
  },
  adrIdentity: "domain (staging-api.coditect.ai)",
  adrIdentityFields: ["domain"],
  description: `**Google Cloud**: reads the global SSL certificates of the expected project (compute \`sslCertificates.list\`) and keeps those whose managed domains or subject alternative names cover \`expectations.domain\` (default \`staging-api.coditect.ai\`). None fails. A Google-managed certificate must be ACTIVE with the domain ACTIVE (PROVISIONING, FAILED_NOT_VISIBLE, ... fail with the status), and no covering certificate may expire within ${MIN_DAYS} days of the time the data was collected. The best covering certificate decides. **Cluster**: in the app namespace, a ManagedCertificate (networking.gke.io/v1) must list the app's domain in \`spec.domains\`, be named by an Ingress's \`${MANAGED_CERTIFICATES_ANNOTATION}\` annotation, and be provisioned: \`status.certificateStatus: Active\` and the domain's \`status.domainStatus[].status: Active\`, with \`status.expireTime\` more than ${MIN_DAYS} days ahead (Google renews about 30 days before expiry). Every other ManagedCertificate an Ingress of the app namespace uses must be Active too. Clusters without the ManagedCertificate CRD (not GKE) skip this source. **Probe**: reads the certificate the app's \`baseUrl\` serves in the TLS handshake: it must chain to a trusted CA (the system's, plus \`caFile\`), cover the host name of \`baseUrl\`, and stay valid for at least \`minCertificateDays\` (default 14) more days. A \`baseUrl\` over plain \`http://\` fails: the app is not served over HTTPS at all.`,
  rationale: 'ADR-001 Issue 8 (P1, "Production requires HTTPS"): the staging API was exposed over plain HTTP through a LoadBalancer; the fix is a Google-managed certificate on an Ingress. Without an active certificate for the domain the load balancer cannot serve HTTPS; a certificate stuck in provisioning (FailedNotVisible) usually means DNS does not point at the load balancer yet; a ManagedCertificate no Ingress names is never served; one that covers another domain or is about to lapse breaks every client, and 14 days leaves time to act.',
  remediation: {
    text: "Create a Google-managed certificate for the domain (or a ManagedCertificate named on the GKE Ingress), point the domain's DNS at the load balancer's address so it can provision, and check that it is ACTIVE and renewing.",
    commands: [
      "gcloud compute ssl-certificates create coditect-backend-staging-cert --domains=staging-api.coditect.ai --global --project={{project}}",
      'gcloud compute ssl-certificates describe coditect-backend-staging-cert --global --project={{project}} --format="value(managed.status, managed.domainStatus)"',
      "kubectl apply -f k8s/ingress.yaml",
      'kubectl get managedcertificate coditect-backend-cert -n coditect-staging -o jsonpath="{.status}"',
      "gcloud dns record-sets list --zone=<zone> --name=staging-api.coditect.ai.   # must resolve to the Ingress IP",
      "openssl s_client -connect staging-api.coditect.ai:443 -servername staging-api.coditect.ai </dev/null | openssl x509 -noout -dates -ext subjectAltName"
    ]
  },
  benchmarks: [
    { standard: "CIS GKE Benchmark 1.6", id: "5.6.7", title: "Ensure use of Google-managed SSL Certificates" }
  ],
  messages: {
    // gcp (k8s words these four its own way: sources.k8s.messages)
    active: `Certificate {{certificate}} covers {{domain}}, is ACTIVE and does not expire within ${MIN_DAYS} days.`,
    noCertificate: "No certificate of project {{project}} covers {{domain}}.",
    notActive: "Certificate {{certificate}} for {{domain}} is {{status}}, not ACTIVE.",
    expiresSoon: `Certificate {{certificate}} for {{domain}} expires within ${MIN_DAYS} days (or has expired).`,
    // k8s
    notAttached: "ManagedCertificate {{certificate}} covers {{domain}} but no Ingress names it ({{annotation}}).",
    // probe
    notHttps: "{{url}} is served over plain HTTP, without TLS.",
    handshake: "{{url}}: no TLS handshake ({{error}}).",
    untrusted: "The certificate of {{url}} is not trusted ({{reason}}).",
    wrongHost: "The certificate of {{url}} does not cover {{host}} (it names {{names}}).",
    expiring: "The certificate of {{url}} ends on {{validTo}}, in {{days}} day(s) (at least {{min}} required).",
    valid: "The certificate of {{url}} is trusted, covers {{host}} and is valid until {{validTo}}."
  },
  check(ctx) {
    for (const v of ctx.views) {
      if (v.source === "gcp")
        checkGcp(ctx, v);
      else if (v.source === "k8s")
        checkCluster2(ctx, v);
      else
        checkEndpoint(ctx, v);
    }
  }
});

// packages/rules/dist/network/probe-http-https-redirect.js
var probe_http_https_redirect_default = defineRule({
  id: "probe-http-https-redirect",
  title: "Plain HTTP serves the app instead of redirecting to HTTPS, or HSTS is missing",
  concerns: ["network.https-redirect"],
  layer: "probe",
  facets: ["probe.http"],
  description: "GETs the liveness path over plain HTTP (`httpUrl`, default `http://<host of baseUrl>`), without following: a redirect (301/302/307/308) to `https://` on the same host passes, and so does a port that refuses or drops the connection (plain HTTP is not served). An answer in plaintext, or a redirect to another host or to `http://`, fails. The HTTPS answers must also carry `Strict-Transport-Security` with a positive max-age.",
  rationale: "ADR-001 Issue 8: the API was public over plain HTTP; tokens and license keys crossed the internet in clear. Redirecting HTTP to HTTPS keeps old links working without serving data in plaintext, and HSTS stops browsers from trying plain HTTP again.",
  remediation: {
    text: "Redirect HTTP to HTTPS at the load balancer (GKE FrontendConfig `redirectToHttps`) and send HSTS from the app or the load balancer.",
    commands: [
      "apiVersion: networking.gke.io/v1beta1\nkind: FrontendConfig\nmetadata: { name: coditect-backend-frontend, namespace: coditect-staging }\nspec: { redirectToHttps: { enabled: true } }",
      "kubectl annotate ingress coditect-backend networking.gke.io/v1beta1.FrontendConfig=coditect-backend-frontend -n coditect-staging",
      "SECURE_HSTS_SECONDS = 31536000  # Django settings"
    ]
  },
  benchmarks: [],
  messages: {
    servesPlaintext: "{{url}} answered {{status}} over plain HTTP instead of redirecting to HTTPS.",
    badRedirect: "{{url}} redirects to {{location}}, not to HTTPS on {{host}}.",
    redirects: "{{url}} redirects to {{location}}.",
    notServed: "Plain HTTP is not served at {{url}} ({{detail}}).",
    noHsts: "{{baseUrl}} sends no Strict-Transport-Security header with a positive max-age ({{observed}}).",
    hsts: "{{baseUrl}} sends Strict-Transport-Security: {{observed}}."
  },
  check(ctx) {
    const d = ctx.facet("probe.http");
    const resource = httpResource(d);
    const p = d.plainHttp;
    const evidence = [
      { path: `GET ${p.url}`, observed: p.status ?? p.outcome, expected: `a redirect to https://${d.host}` }
    ];
    if (p.outcome === "redirect") {
      if (p.toHttps && p.sameHost)
        ctx.pass({
          resource,
          messageId: "redirects",
          data: { url: p.url, location: p.location ?? "" },
          discriminator: "redirect",
          evidence
        });
      else
        ctx.fail({
          resource,
          messageId: "badRedirect",
          data: { url: p.url, location: p.location ?? "?", host: d.host },
          discriminator: "redirect",
          evidence
        });
    } else if (p.outcome === "answered") {
      ctx.fail({
        resource,
        messageId: "servesPlaintext",
        data: { url: p.url, status: p.status ?? 0 },
        discriminator: "redirect",
        evidence
      });
    } else if (p.outcome === "refused" || p.outcome === "timeout") {
      ctx.pass({
        resource,
        messageId: "notServed",
        data: { url: p.url, detail: p.detail ?? p.outcome },
        discriminator: "redirect",
        evidence
      });
    } else
      ctx.skip(`plain HTTP at ${p.url} could not be checked (${p.detail ?? p.outcome})`, resource);
    if (!d.https)
      return;
    const hsts = d.live.hsts ?? d.ready.hsts;
    const maxAge = Number(/max-age\s*=\s*"?(\d+)/i.exec(hsts ?? "")?.[1] ?? 0);
    const data = { baseUrl: d.baseUrl, observed: hsts ?? "absent" };
    const hstsEvidence = [{ path: "Strict-Transport-Security", observed: hsts ?? null, expected: "max-age > 0" }];
    if (maxAge > 0)
      ctx.pass({ resource, messageId: "hsts", data, discriminator: "hsts", evidence: hstsEvidence });
    else
      ctx.fail({ resource, messageId: "noHsts", data, discriminator: "hsts", evidence: hstsEvidence });
  }
});

// packages/rules/dist/observability/gcp-alert-policies.js
var SIGNALS = {
  errorRate: {
    label: "error rate",
    matches: (t) => /5xx|response_code_class\W{0,4}5|(code|status)\W{0,3}(>=?|=~?)\W{0,3}"?5|error[_ ]?rate|error_count|errors_total/i.test(t)
  },
  latencyP99: {
    label: "p99 latency",
    matches: (t, aggs) => /latenc|duration|response_time/i.test(t) && (/0\.99|p99|99th|percentile_99/i.test(t) || aggs.some((a) => /PERCENTILE_99/.test(a)))
  },
  crashLoop: {
    label: "crash loops",
    matches: (t) => /restart_count|restarts_total|CrashLoopBackOff|crash[ _-]?loop/i.test(t)
  },
  databaseConnectionErrors: {
    label: "database connection errors",
    matches: (t) => /OperationalError|could not connect|connection (refused|error|fail|reset)|connection_errors?|database\/network\/connections|postgresql\/num_backends|cloudsql.*connections/i.test(t)
  }
};
function matchesSignal(p, signal, configuredName) {
  if (p.displayName?.trim().toLowerCase() === configuredName.trim().toLowerCase())
    return "name";
  const spec = SIGNALS[signal];
  return p.conditions.some((c) => spec.matches(`${c.query ?? ""} ${c.displayName ?? ""}`, c.aggregations ?? [])) ? "condition" : void 0;
}
var gcp_alert_policies_default = defineRule({
  id: "gcp-alert-policies",
  title: "An alert policy for one of the ADR's four signals is missing or disabled",
  concerns: ["observability.alerting"],
  layer: "gcp",
  facets: ["gcp.monitoring"],
  adrIdentity: "alert policy names",
  adrIdentityFields: ["alertPolicies"],
  description: "Reads the alert policies of the expected project (monitoring `alertPolicies.list`). For each signal of ADR-001 Issue 9 (error rate, p99 latency, crash loops, database connection errors) a policy must match, either by the display name configured in `expectations.alertPolicies` or by what one of its conditions measures (the metric filter, log filter, MQL or PromQL query: 5xx ratios, a 99th percentile of latency, container restart counts, PostgreSQL connection failures). A matching policy must be enabled. No match fails; only disabled matches fail too.",
  rationale: `ADR-001 Issue 9 (P1): "Can't detect/respond to issues". These four signals catch the failures the staging bring-up actually had: crash-looping pods, a database the app could not reach, errors and slow responses.`,
  remediation: {
    text: "Create one alert policy per signal with a notification channel (OpenTofu `google_monitoring_alert_policy`, or the console); keep the display names of the configuration so the audit finds them by name.",
    commands: [
      "gcloud alpha monitoring policies create --policy-from-file=alert-error-rate.json --project={{project}}"
    ]
  },
  messages: {
    covered: 'The {{label}} signal is alerted on by "{{policy}}" (matched by {{how}}).',
    missing: 'No alert policy of {{project}} covers {{label}} (expected one named "{{name}}" or a condition on it).',
    disabled: 'The {{label}} alert policy "{{policy}}" is disabled.'
  },
  check(ctx) {
    const { project, alertPolicies } = ctx.env.expectations;
    const data = ctx.facet("gcp.monitoring");
    if (!wasRead(data.read, `projects/${project}`))
      return;
    const policies = data.alertPolicies.filter((p) => p.project === project);
    for (const signal of Object.keys(SIGNALS)) {
      const name = alertPolicies[signal];
      const { label } = SIGNALS[signal];
      const resource = gcpResource.alertSignal(project, signal);
      const matched = policies.map((p) => ({ p, how: matchesSignal(p, signal, name) })).filter((m) => m.how !== void 0).sort((a, b) => a.how === b.how ? 0 : a.how === "name" ? -1 : 1);
      const enabled = matched.find((m) => m.p.enabled !== false);
      const evidence = [
        {
          path: "alertPolicies[].displayName",
          observed: matched.map((m) => `${m.p.displayName ?? m.p.name}${m.p.enabled === false ? " (disabled)" : ""}`).join(", ") || null,
          expected: name
        }
      ];
      if (enabled)
        ctx.pass({
          resource,
          messageId: "covered",
          data: {
            label,
            policy: enabled.p.displayName ?? enabled.p.name,
            how: enabled.how === "name" ? "name" : "its condition"
          },
          evidence
        });
      else if (matched[0])
        ctx.fail({
          resource,
          messageId: "disabled",
          data: { label, policy: matched[0].p.displayName ?? matched[0].p.name },
          evidence
        });
      else
        ctx.fail({ resource, messageId: "missing", data: { label, project, name }, evidence });
    }
  }
});

// packages/rules/dist/observability/observability.workload-logging.js
var WORKLOAD_METRICS = ["WORKLOADS", "POD", "DEPLOYMENT", "STATEFULSET", "DAEMONSET", "HPA"];
var list = (a) => a.certainty !== "decided" ? void 0 : Array.isArray(a.value) ? a.value.map(String) : [String(a.value)];
function decideLogging(v) {
  const service = v.loggingService;
  if (service.certainty === "decided" && service.value === "none")
    return { holds: false, how: "off", what: "none" };
  if (service.certainty === "unresolved")
    return { holds: void 0, on: service, field: "logging_service" };
  const components = v.loggingComponents;
  if (components.certainty === "unresolved")
    return { holds: void 0, on: components, field: "logging_config.enable_components" };
  const names = list(components);
  if (!names)
    return { holds: "default" };
  return names.includes("WORKLOADS") ? { holds: true, what: names.join(", ") } : { holds: false, how: "missing", what: names.join(", ") };
}
function decideMonitoring(v) {
  const service = v.monitoringService;
  if (service.certainty === "decided" && service.value === "none")
    return { holds: false, how: "off", what: "none" };
  if (service.certainty === "unresolved")
    return { holds: void 0, on: service, field: "monitoring_service" };
  const components = v.monitoringComponents;
  if (v.source === "gcp") {
    const metrics = (list(components) ?? []).filter((m) => WORKLOAD_METRICS.includes(m));
    const prometheus = v.managedPrometheus.certainty === "decided" && v.managedPrometheus.value === true;
    if (prometheus)
      return { holds: true, what: "Managed Service for Prometheus" };
    if (metrics.length)
      return { holds: true, what: metrics.join(", ") };
    return {
      holds: false,
      how: "missing",
      what: "neither Managed Service for Prometheus nor a workload metrics component is on"
    };
  }
  if (!v.monitoringConfigDeclared)
    return { holds: "default" };
  if (components.certainty === "unresolved")
    return { holds: void 0, on: components, field: "monitoring_config.enable_components" };
  if (components.certainty === "decided" && Array.isArray(components.value) && components.value.length === 0)
    return { holds: false, how: "empty", what: "nothing" };
  return { holds: true, what: "monitoring_config" };
}
var observability_workload_logging_default = defineViewRule({
  id: "observability.workload-logging",
  title: "GKE does not log and monitor workloads",
  concerns: ["observability.workload-logging"],
  view: "gke-cluster",
  sources: {
    tf: { alias: "tf-gke-workload-logging" },
    gcp: { alias: "gcp-gke-workload-logging" }
  },
  description: 'Each GKE cluster must send workload logs to Cloud Logging and metrics to Cloud Monitoring. **OpenTofu** (`google_container_cluster`): `logging_config { enable_components = [..., "WORKLOADS"] }` and a `monitoring_config` block. `logging_service = "none"` or `monitoring_service = "none"` fails, so do logging components without `WORKLOADS` and an empty monitoring component list. A cluster that declares no `logging_config` or no `monitoring_config` is undecided (`unknown`): it keeps whatever GKE defaults to for its version, which nothing in the code pins (the gcp layer reads the live value). A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first. **Google Cloud** (container `clusters.list`): logging fails when `loggingService` is `none` or `loggingConfig.componentConfig.enableComponents` lacks `WORKLOADS` (an empty list disables logging); a cluster that reports no logging config uses GKE\'s default (system and workloads) and passes. Monitoring fails when `monitoringService` is `none` or neither Managed Service for Prometheus nor a workload metrics component is on.',
  rationale: `ADR-001 Issue 9 (Monitoring and Observability, P1): "No monitoring, logging, or alerting configured"; error rate, latency, crash loops and database connection errors must be visible before production. The backend's stdout/stderr only reaches Cloud Logging when the cluster collects WORKLOADS logs, and the alert policies need Cloud Monitoring.`,
  remediation: {
    text: "Declare workload logging and system monitoring with Managed Service for Prometheus explicitly on the cluster and apply (or update the live cluster the same way).",
    commands: [
      'logging_config {\n  enable_components = ["SYSTEM_COMPONENTS", "WORKLOADS"]\n}\nmonitoring_config {\n  enable_components = ["SYSTEM_COMPONENTS"]\n  managed_prometheus {\n    enabled = true\n  }\n}',
      "gcloud container clusters update coditect-cluster --region={{region}} --logging=SYSTEM,WORKLOAD --monitoring=SYSTEM --enable-managed-prometheus --project={{project}}"
    ]
  },
  benchmarks: [
    {
      standard: "CIS Google Kubernetes Engine (GKE) Benchmark 1.6.0",
      id: "5.7.1",
      title: "Ensure Logging and Cloud Monitoring is Enabled"
    },
    { standard: "Security Command Center", id: "CLUSTER_LOGGING_DISABLED" }
  ],
  messages: {
    // tf
    workloadsObserved: "{{address}} sends workload logs to Cloud Logging ({{components}}) and declares Cloud Monitoring.",
    loggingOff: '{{address}} sets logging_service = "none": no log of the cluster or its workloads reaches Cloud Logging.',
    monitoringOff: '{{address}} sets monitoring_service = "none": the cluster sends no metric to Cloud Monitoring.',
    workloadLogsOff: "{{address}} logs only {{components}}: application logs (WORKLOADS) do not reach Cloud Logging.",
    monitoringEmpty: "{{address}} sets monitoring_config.enable_components = []: the cluster sends no metric to Cloud Monitoring.",
    loggingNotDeclared: "{{address}} declares no logging_config: workload logging depends on GKE's default and nothing in the code pins WORKLOADS.",
    monitoringNotDeclared: "{{address}} declares no monitoring_config: Cloud Monitoring depends on GKE's default and nothing in the code pins it.",
    unresolved: "{{field}} of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm workloads are logged and monitored (the gcp layer reads the live value).",
    // gcp
    logging: "GKE {{cluster}} collects workload logs ({{components}}).",
    noWorkloadLogs: "GKE {{cluster}} does not collect workload logs: logging components {{components}}.",
    monitoring: "GKE {{cluster}} monitors workloads ({{how}}).",
    noWorkloadMetrics: "GKE {{cluster}} does not monitor workloads: {{why}}."
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      const logging = decideLogging(v);
      const monitoring = decideMonitoring(v);
      if (v.source === "gcp") {
        const cluster = v.label;
        const joined = (a) => list(a)?.join(", ") ?? null;
        const loggingEvidence = [
          evidenceOf(v.loggingService),
          {
            path: v.loggingComponents.origin.path,
            observed: joined(v.loggingComponents),
            expected: "includes WORKLOADS"
          }
        ];
        if (logging.holds === false)
          ctx.fail({
            resource,
            messageId: "noWorkloadLogs",
            data: {
              cluster,
              components: logging.how === "off" ? "none (loggingService none)" : logging.what || "none"
            },
            evidence: loggingEvidence,
            discriminator: "logging"
          });
        else
          ctx.pass({
            resource,
            messageId: "logging",
            data: { cluster, components: logging.holds === true ? logging.what : "GKE default" },
            evidence: loggingEvidence,
            discriminator: "logging"
          });
        const monitoringEvidence = [
          evidenceOf(v.monitoringService),
          evidenceOf(v.managedPrometheus, "true"),
          { path: v.monitoringComponents.origin.path, observed: joined(v.monitoringComponents) }
        ];
        if (monitoring.holds === true)
          ctx.pass({
            resource,
            messageId: "monitoring",
            data: { cluster, how: monitoring.what },
            evidence: monitoringEvidence,
            discriminator: "monitoring"
          });
        else if (monitoring.holds === false)
          ctx.fail({
            resource,
            messageId: "noWorkloadMetrics",
            data: { cluster, why: monitoring.how === "off" ? "monitoringService is none" : monitoring.what },
            evidence: monitoringEvidence,
            discriminator: "monitoring"
          });
        continue;
      }
      const address = v.label;
      const evidence = [
        evidenceOf(v.loggingComponents, "includes WORKLOADS"),
        evidenceOf(v.loggingService),
        evidenceOf(v.monitoringService),
        evidenceOf(v.monitoringComponents)
      ];
      const report = (half, discriminator) => {
        if (half.holds === true)
          return false;
        const ids = discriminator === "logging" ? {
          off: "loggingOff",
          missing: "workloadLogsOff",
          empty: "workloadLogsOff",
          notDeclared: "loggingNotDeclared"
        } : {
          off: "monitoringOff",
          missing: "monitoringEmpty",
          empty: "monitoringEmpty",
          notDeclared: "monitoringNotDeclared"
        };
        const service = discriminator === "logging" ? v.loggingService : v.monitoringService;
        const components = discriminator === "logging" ? v.loggingComponents : v.monitoringComponents;
        const at = (a) => a.origin.location ? { location: a.origin.location } : {};
        if (half.holds === void 0)
          ctx.unknown({
            resource,
            messageId: "unresolved",
            data: { address, field: half.field, expression: half.on.expression },
            ...at(half.on),
            evidence,
            dependsOn: half.on.dependsOn,
            discriminator
          });
        else if (half.holds === "default")
          ctx.unknown({
            resource,
            messageId: ids.notDeclared,
            data: { address },
            ...at(components),
            evidence,
            dependsOn: [`GKE's default ${discriminator} components (no ${discriminator}_config block)`],
            discriminator
          });
        else if (half.how === "off")
          ctx.fail({
            resource,
            messageId: ids.off,
            data: { address },
            ...at(service),
            evidence,
            discriminator
          });
        else
          ctx.fail({
            resource,
            messageId: ids[half.how],
            data: discriminator === "logging" ? { address, components: half.what || "nothing" } : { address },
            ...at(components),
            evidence,
            discriminator
          });
        return true;
      };
      const failed = [report(logging, "logging"), report(monitoring, "monitoring")].some(Boolean);
      if (!failed && logging.holds === true)
        ctx.pass({ resource, messageId: "workloadsObserved", data: { address, components: logging.what }, evidence });
    }
  }
});

// packages/rules/dist/registry/gcp-artifact-registry-reader.js
var READER_ROLES = [
  "roles/artifactregistry.reader",
  "roles/artifactregistry.writer",
  "roles/artifactregistry.createOnPushWriter",
  "roles/artifactregistry.repoAdmin",
  "roles/artifactregistry.createOnPushRepoAdmin",
  "roles/artifactregistry.admin"
];
var BASIC_ROLES = ["roles/owner", "roles/editor", "roles/viewer"];
var gcp_artifact_registry_reader_default = defineRule({
  id: "gcp-artifact-registry-reader",
  title: "The service account GKE nodes pull with cannot read the Artifact Registry repository",
  concerns: ["registry.pull-permission"],
  layer: "gcp",
  facets: ["gcp.gke", "gcp.iam", "gcp.artifactregistry-iam"],
  description: "For every node pool of every GKE cluster (container `clusters.list`), the service account it runs as (`default` is the project's Compute Engine default account, named with the project number from resourcemanager `projects.get`) must hold `roles/artifactregistry.reader` (or a role that includes it) on the project (`projects.getIamPolicy`) or on the expected repository (artifactregistry `repositories.getIamPolicy`). Holding only a basic role (owner, editor, viewer) passes with a note: it works but grants far more.",
  rationale: "ADR-001 Decision 1 (P0): after the GCR shutdown, pulls failed with 403 until the node service account was granted `roles/artifactregistry.reader`; without it every new pod fails with ImagePullBackOff.",
  remediation: {
    text: "Grant the reader role to the node service account, preferably on the repository only.",
    commands: [
      "gcloud artifacts repositories add-iam-policy-binding coditect-backend --location={{region}} --member=serviceAccount:374018874256-compute@developer.gserviceaccount.com --role=roles/artifactregistry.reader --project={{project}}"
    ]
  },
  messages: {
    repositoryGrant: "{{account}} (nodes of {{pools}}) holds {{role}} on repository {{repository}}.",
    projectGrant: "{{account}} (nodes of {{pools}}) holds {{role}} on project {{project}}.",
    basicRole: "{{account}} (nodes of {{pools}}) can pull only through the basic role {{role}} on {{project}}, which grants far more than reading images.",
    noReader: "{{account}} (nodes of {{pools}}) holds no Artifact Registry read role on {{project}} or on {{repository}}: image pulls fail with 403."
  },
  check(ctx) {
    const { project, registry } = ctx.env.expectations;
    const iam = ctx.facet("gcp.iam").projects;
    const repoPolicy = ctx.facet("gcp.artifactregistry-iam").repositories.find((r) => r.project === project && r.location === registry.location && r.repository === registry.repository);
    const accounts = /* @__PURE__ */ new Map();
    for (const c of ctx.facet("gcp.gke").clusters) {
      const number = iam.find((p) => p.project === c.project)?.projectNumber;
      for (const pool of c.nodePools) {
        const account = nodeServiceAccount(pool.serviceAccount, number);
        if (!account) {
          ctx.skip(`node pool ${c.name}/${pool.name} runs as the default service account and the number of project ${c.project} is unknown`, gcpResource.nodePool(c, pool.name));
          continue;
        }
        accounts.set(account, [...accounts.get(account) ?? [], `${c.name}/${pool.name}`]);
      }
    }
    for (const [account, pools] of accounts) {
      const member = `serviceAccount:${account}`;
      const resource = gcpResource.serviceAccount(account);
      const projectRoles = rolesOf(iam.find((p) => p.project === project)?.policy, member);
      const repoRoles = rolesOf(repoPolicy?.policy, member);
      const data = {
        account,
        pools: pools.join(", "),
        project,
        repository: `${registry.location}/${registry.repository}`
      };
      const evidence = [
        {
          path: `projects/${project}.bindings[members=${member}].role`,
          observed: projectRoles.join(", ") || null,
          expected: READER_ROLES[0]
        },
        {
          path: `repositories/${registry.repository}.bindings[members=${member}].role`,
          observed: repoRoles.join(", ") || null,
          expected: READER_ROLES[0]
        }
      ];
      const onRepo = repoRoles.find((r) => READER_ROLES.includes(r));
      const onProject = projectRoles.find((r) => READER_ROLES.includes(r));
      const basic = projectRoles.find((r) => BASIC_ROLES.includes(r));
      if (onRepo)
        ctx.pass({ resource, messageId: "repositoryGrant", data: { ...data, role: onRepo }, evidence });
      else if (onProject)
        ctx.pass({ resource, messageId: "projectGrant", data: { ...data, role: onProject }, evidence });
      else if (basic)
        ctx.pass({ resource, messageId: "basicRole", data: { ...data, role: basic }, evidence });
      else
        ctx.fail({ resource, messageId: "noReader", data, evidence });
    }
  }
});

// packages/rules/dist/registry/gcp-artifact-registry-repository.js
var API2 = "artifactregistry.googleapis.com";
var gcp_artifact_registry_repository_default = defineRule({
  id: "gcp-artifact-registry-repository",
  title: "The Artifact Registry Docker repository is missing, or its API is not enabled",
  concerns: ["registry.ar-repository"],
  layer: "gcp",
  facets: ["gcp.artifactregistry", "gcp.services"],
  adrIdentity: "Artifact Registry repository (coditect-backend)",
  adrIdentityFields: ["registry.repository"],
  description: "The expected project must have `artifactregistry.googleapis.com` enabled (serviceusage `services.list`) and a repository `expectations.registry.repository` (default `coditect-backend`) of format DOCKER in `expectations.registry.location` (default `us-central1`; artifactregistry `repositories.list`). A repository of that name elsewhere fails with its location; one of another format fails.",
  rationale: 'ADR-001 Decision 1 (P0): Container Registry was shut down on 2025-03-18 and "All future projects MUST use Artifact Registry"; GKE pulls the backend image from this repository.',
  remediation: {
    text: "Enable the API and create the Docker repository in the expected location.",
    commands: [
      `gcloud services enable ${API2} --project={{project}}`,
      "gcloud artifacts repositories create coditect-backend --repository-format=docker --location={{region}} --project={{project}}"
    ]
  },
  messages: {
    ready: "Artifact Registry repository {{repository}} (DOCKER) exists in {{location}}.",
    apiDisabled: `${API2} is not enabled in {{project}}.`,
    missing: "Artifact Registry has no repository {{repository}} in {{location}} of {{project}}.",
    wrongLocation: "Artifact Registry repository {{repository}} is in {{actual}}, not {{location}}.",
    notDocker: "Artifact Registry repository {{repository}} has format {{format}}, not DOCKER."
  },
  check(ctx) {
    const { project, registry } = ctx.env.expectations;
    const services = ctx.facet("gcp.services").projects.find((p) => p.project === project);
    if (services && !services.enabled.includes(API2))
      ctx.fail({
        resource: gcpResource.api(project, API2),
        messageId: "apiDisabled",
        data: { project },
        evidence: [{ path: "services[state=ENABLED].config.name", observed: null, expected: API2 }]
      });
    const data = ctx.facet("gcp.artifactregistry");
    const resource = gcpResource.arRepository(project, registry.location, registry.repository);
    const named = data.repositories.filter((r) => r.project === project && r.name === registry.repository);
    const here = named.find((r) => r.location === registry.location);
    const ids = { repository: registry.repository, location: registry.location, project };
    const evidence = [
      {
        path: "repositories[].name",
        observed: named.map((r) => `${r.location}/${r.name}`).join(", ") || null,
        expected: `${registry.location}/${registry.repository}`
      },
      { path: "repositories[].format", observed: here?.format ?? null, expected: "DOCKER" }
    ];
    if (here) {
      if (here.format === "DOCKER")
        ctx.pass({ resource, messageId: "ready", data: ids, evidence });
      else
        ctx.fail({ resource, messageId: "notDocker", data: { ...ids, format: here.format ?? "unknown" }, evidence });
      return;
    }
    if (named[0])
      ctx.fail({ resource, messageId: "wrongLocation", data: { ...ids, actual: named[0].location }, evidence });
    else if (wasRead(data.read, `projects/${project}/locations/${registry.location}`))
      ctx.fail({ resource, messageId: "missing", data: ids, evidence });
  }
});

// packages/rules/dist/registry/gcp-container-registry-api.js
var API3 = "containerregistry.googleapis.com";
var gcp_container_registry_api_default = defineRule({
  id: "gcp-container-registry-api",
  title: "The Container Registry API is still enabled",
  concerns: ["registry.legacy-api-enabled"],
  layer: "gcp",
  facets: ["gcp.services"],
  description: `\`${API3}\` must not be among the enabled services of any scanned project (serviceusage \`services.list\`).`,
  rationale: 'ADR-001 Decision 1: "GCR was shut down March 18, 2025. All image pull attempts returned 403/401" and "All future projects MUST use Artifact Registry". An enabled Container Registry API keeps old gcr.io tooling and documentation looking usable.',
  remediation: {
    text: "Disable the API once nothing references gcr.io (gcr.io-domain repositories in Artifact Registry keep serving gcr.io paths without it).",
    commands: [`gcloud services disable ${API3} --project={{project}}`]
  },
  messages: {
    disabled: `${API3} is not enabled in {{project}}.`,
    enabled: `${API3} is still enabled in {{project}}: Container Registry was shut down on 2025-03-18.`
  },
  check(ctx) {
    for (const p of ctx.facet("gcp.services").projects) {
      const resource = gcpResource.api(p.project, API3);
      const on2 = p.enabled.includes(API3);
      const evidence = [
        { path: "services[state=ENABLED].config.name", observed: on2 ? API3 : null, expected: `not ${API3}` }
      ];
      if (on2)
        ctx.fail({ resource, messageId: "enabled", data: { project: p.project }, evidence });
      else
        ctx.pass({ resource, messageId: "disabled", data: { project: p.project }, evidence });
    }
  }
});

// packages/rules/dist/registry/gcr-docs-reference.js
var gcr_docs_reference_default = defineRule({
  id: "gcr-docs-reference",
  title: "Deployment guide points at Container Registry (gcr.io)",
  concerns: ["docs.gcr-reference"],
  layer: "files",
  facets: ["files.markdown"],
  priority: "P2",
  description: 'Finds image and repository references on `gcr.io` or `*.gcr.io` (`gcr.io/<project>/<image>`, `us.gcr.io/...`) in Markdown files, in prose and code blocks alike. One finding per file and repository; further mentions in the same file are related locations. A bare host name in prose ("GCR (gcr.io) is shut down") is a mention, not a reference, and is not reported.',
  rationale: 'ADR-001 Decision 1, Consequences: "Existing GCR documentation is obsolete" and "Update all deployment guides to reference Artifact Registry". Container Registry shut down on March 18, 2025; a guide that still points there reproduces the 403/401 pull failures the ADR records. P2, since documentation does not break a deployment by itself.',
  remediation: {
    text: "Rewrite the guide to build, push and pull from the Artifact Registry repository, and configure Docker for its host.",
    commands: [
      "gcloud auth configure-docker {{region}}-docker.pkg.dev",
      "docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.0-staging --push .",
      "grep -rn 'gcr\\.io' --include='*.md' ."
    ]
  },
  benchmarks: [],
  messages: {
    gcrReference: `The guide references {{reference}} on Container Registry; point it at {{suggestion}}. ${AR_MIGRATION_SENTENCE}`,
    googleMaintained: "The guide references {{reference}}, an image Google or an open-source project publishes, not one of the project's own: its publisher decides where it is served.",
    kubernetesFrozen: `The guide references {{reference}} on {{host}}, the frozen Kubernetes registry; point it at {{suggestion}}. ${AR_MIGRATION_SENTENCE}`,
    noReference: "No Container Registry (gcr.io) reference in {{file}}."
  },
  check(ctx) {
    for (const md of ctx.facet("files.markdown").files) {
      let found = false;
      for (const r of md.references) {
        for (const ref of findGcrReferences(r.text)) {
          const location = { file: md.file, startLine: r.line, startColumn: r.column };
          const resource = {
            id: `${md.file}#gcr:${ref.repository}`,
            kind: "DocumentReference",
            name: ref.repository,
            file: md.file
          };
          if (ref.kind === "google-maintained" || ref.kind === "third-party") {
            ctx.pass({ resource, messageId: "googleMaintained", data: { reference: ref.text }, location });
            continue;
          }
          found = true;
          ctx.fail({
            resource: {
              id: `${md.file}#gcr:${ref.repository}`,
              kind: "DocumentReference",
              name: ref.repository,
              file: md.file
            },
            messageId: ref.kind === "kubernetes-frozen" ? "kubernetesFrozen" : "gcrReference",
            data: { reference: ref.text, host: ref.host, suggestion: suggestedLocation(ref, ctx.env.expectations) },
            location,
            evidence: [
              {
                path: "reference",
                observed: r.text,
                expected: "an Artifact Registry (*-docker.pkg.dev) reference",
                location
              }
            ]
          });
        }
      }
      if (!found) {
        ctx.pass({
          resource: { id: md.file, kind: "File", name: md.file, file: md.file },
          messageId: "noReference",
          data: { file: md.file }
        });
      }
    }
  }
});

// packages/rules/dist/registry/registry.gcr-reference.js
function messageOf(o) {
  if (o.what === "configure-docker")
    return "configureDockerDefault";
  if (o.what === "registry-resource")
    return "registryResource";
  const ref = o.ref;
  if (!ref.project)
    return "registryHost";
  switch (ref.kind) {
    case "google-maintained":
      return "googleMaintainedImage";
    case "third-party":
      return "thirdPartyImage";
    case "kubernetes-frozen":
      return "kubernetesFrozenRegistry";
    case "project":
      return "projectImage";
  }
}
var NOT_OURS = /* @__PURE__ */ new Set(["googleMaintainedImage", "thirdPartyImage"]);
function refData(ref, exp, arHost) {
  return {
    reference: ref.text,
    host: ref.host,
    suggestion: suggestedLocation(ref, exp),
    gcrDomain: gcrDomainRepository(ref),
    ...arHost !== void 0 ? { arHost } : {},
    ...ref.publisher ? { publisher: ref.publisher } : {}
  };
}
var registry_gcr_reference_default = defineViewRule({
  id: "registry.gcr-reference",
  title: "Image reference to Container Registry (gcr.io)",
  concerns: ["registry.gcr-reference"],
  view: "gcr-reference",
  sources: {
    files: { alias: "gcr-image-reference" },
    k8s: {
      alias: "k8s-gcr-image",
      messages: {
        projectImage: `{{container}} in {{kind}} {{name}} runs {{reference}}, a Container Registry image; use {{suggestion}}. ${AR_MIGRATION_SENTENCE} (For {{host}}: {{gcrDomain}}.)`,
        googleMaintainedImage: "{{container}} in {{kind}} {{name}} runs {{reference}}, a Google-maintained image, not one of the project's own: Google serves it from gcr.io-domain repositories in Artifact Registry, so it keeps its name.",
        thirdPartyImage: "{{container}} in {{kind}} {{name}} runs {{reference}}, published by {{publisher}}, not one of the project's own images: where it is served is its publisher's decision.",
        kubernetesFrozenRegistry: `{{container}} in {{kind}} {{name}} runs {{reference}} from {{host}}, the frozen Kubernetes registry; use {{suggestion}}.`,
        noReference: "No container of {{kind}} {{name}} runs a Container Registry image."
      }
    }
  },
  description: "Finds every reference to Container Registry (`gcr.io`, `us.gcr.io`, `eu.gcr.io`, `asia.gcr.io`, any `*.gcr.io`). In the repository: Dockerfile `FROM` (after `ARG` expansion) and `COPY --from=<image>`; every `image` in Kubernetes manifests; workflow `run` commands (docker, buildx, gcloud, kubectl: `-t` tags, `kubectl set image`, `docker login gcr.io`, `gcloud auth configure-docker` without an Artifact Registry host), step `with` inputs and `docker://` actions; string attributes of every OpenTofu block, and `google_container_registry` resources; one finding per file and repository. In the cluster: every container and init container image of every workload it runs (Deployments, StatefulSets, DaemonSets, CronJobs, and Jobs, ReplicaSets and Pods no controller owns; a Deployment's older ReplicaSets are history, not what runs). A project's own gcr.io image fails with the Artifact Registry path to use instead; a Google-maintained gcr.io image (`gcr.io/distroless/...`, the Cloud SQL proxy, `gke.gcr.io` system images, `mirror.gcr.io`) or one an open-source project publishes there is not the project's own and passes, saying so; `k8s.gcr.io` points at `registry.k8s.io`.",
  rationale: "ADR-001 Decision 1: \"GCR was shut down March 18, 2025. All image pull attempts returned 403/401 Forbidden.\" The ADR moved the image to `us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend` and decided that all future projects MUST use Artifact Registry. Any gcr.io reference left in the repository is a deployment that fails the next time it pulls or pushes; a running pod keeps its cached image, so the cluster can look healthy until a pod is rescheduled to a node without it, and the workload spec says what the next pull will ask for. The decision is about the project's own images: Google-maintained gcr.io images (distroless, the Cloud SQL proxy and connectors, cloud-sdk, `gke.gcr.io` system images, mirror.gcr.io) are not the project's to move, and Google keeps serving them from gcr.io-domain repositories in Artifact Registry, so they pass with a message saying so; so do images open-source projects publish on gcr.io (`gcr.io/k8s-staging-*`, Istio, Knative, Tekton, Kubeflow), whose location is their publisher's decision. `k8s.gcr.io` is frozen (no new images since 2023) and fails with `registry.k8s.io` as the fix. Container Registry is also the ADR's example of a shut-down platform (Lesson 1: \"GCR shutdown March 2025 caused deployment failure\"); the lesson's other platforms are the `lifecycle.*` concerns.",
  remediation: {
    text: "Push the project's images to the Artifact Registry repository and reference them there, in the repository and in the running workloads. Where gcr.io names must keep working (old manifests, third-party tooling), migrate the project to gcr.io-domain repositories in Artifact Registry.",
    commands: [
      "gcloud services enable artifactregistry.googleapis.com --project={{project}}",
      "gcloud artifacts repositories create coditect-backend --repository-format=docker --location={{region}} --project={{project}}",
      "gcloud auth configure-docker {{region}}-docker.pkg.dev",
      "docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.0-staging --push .",
      "kubectl set image deployment/coditect-backend backend={{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1 -n coditect-staging",
      "gcloud artifacts docker upgrade migrate --projects={{project}}   # gcr.io-domain repositories in Artifact Registry"
    ]
  },
  benchmarks: [],
  messages: {
    // files (k8s words the shared ids its own way: see sources.k8s.messages)
    projectImage: `{{reference}} is a Container Registry image; use {{suggestion}}. ${AR_MIGRATION_SENTENCE} (For {{host}}: {{gcrDomain}}.)`,
    googleMaintainedImage: "{{reference}} is a Google-maintained image, not one of the project's own: Google serves it from gcr.io-domain repositories in Artifact Registry, so it keeps its name.",
    thirdPartyImage: "{{reference}} is published by {{publisher}}, not one of the project's own images: where it is served is its publisher's decision (pin it by digest, or mirror it into your own repository).",
    kubernetesFrozenRegistry: `{{reference}} is on {{host}}, the frozen Kubernetes registry; use {{suggestion}}. ${AR_MIGRATION_SENTENCE}`,
    registryHost: `{{reference}} is the Container Registry host; log in to and push to the Artifact Registry host {{arHost}} instead. ${AR_MIGRATION_SENTENCE}`,
    configureDockerDefault: `gcloud auth configure-docker {{hosts}} configures Docker for Container Registry hosts; name the Artifact Registry host instead (gcloud auth configure-docker {{arHost}}). ${AR_MIGRATION_SENTENCE}`,
    registryResource: `{{address}} manages Container Registry; replace it with a google_artifact_registry_repository (format = "DOCKER"). ${AR_MIGRATION_SENTENCE}`,
    noReference: "No Container Registry (gcr.io) reference in {{file}}."
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    for (const v of ctx.views) {
      const live2 = v.source === "k8s";
      const workload = v.workload ?? { kind: "", name: "" };
      let failed = false;
      for (const o of v.occurrences) {
        const messageId = messageOf(o);
        const data = o.what === "configure-docker" ? { hosts: "(no host)", arHost: exp.registry.host } : o.what === "registry-resource" ? { address: o.address ?? o.observed } : live2 ? {
          container: `Container ${o.container}`,
          kind: workload.kind,
          name: workload.name,
          ...refData(o.ref, exp)
        } : refData(o.ref, exp, exp.registry.host);
        const where = {
          ...o.location ? { location: o.location } : {},
          ...o.discriminator ? { discriminator: o.discriminator } : {}
        };
        if (NOT_OURS.has(messageId)) {
          ctx.pass({ resource: o.resource, messageId, data, ...where });
          continue;
        }
        failed = true;
        ctx.fail({
          resource: o.resource,
          messageId,
          data,
          ...where,
          evidence: [
            {
              path: o.evidencePath,
              observed: o.observed,
              expected: "an Artifact Registry (*-docker.pkg.dev) reference",
              ...o.location ? { location: o.location } : {}
            }
          ]
        });
      }
      if (live2 ? !failed : v.occurrences.length === 0)
        ctx.pass({
          resource: v.resource,
          messageId: "noReference",
          data: live2 ? { kind: workload.kind, name: workload.name } : { file: v.file ?? "" }
        });
    }
  }
});

// packages/rules/dist/secrets/db.superuser-app-user.js
var SUPERUSER_ROLE2 = "cloudsqlsuperuser";
function userOf(v) {
  const s = v.ref;
  const sk = s.secretKey;
  if (sk) {
    const publicName = sk.url?.user ?? (sk.class === "superuser-name" ? sk.publicValue : void 0);
    if (publicName)
      return { kind: "hidden", superuserClass: true, name: publicName };
    if (sk.class === "superuser-name")
      return { kind: "hidden", superuserClass: true };
    if (sk.class === "set")
      return { kind: "hidden", superuserClass: false };
    return { kind: "unusable", reason: sk.class };
  }
  if (s.value === void 0)
    return {
      kind: "unusable",
      reason: v.source === "k8s" ? "its value is not readable" : "its value is not in the repository"
    };
  const value = s.value.trim();
  const url = s.url;
  if (url)
    return url.user ? { kind: "readable", name: url.user } : { kind: "unusable", reason: "the URL names no user" };
  return value ? { kind: "readable", name: value } : { kind: "unusable", reason: "empty" };
}
var rule2 = defineViewRule({
  id: "db.superuser-app-user",
  title: "The app connects to the database as a superuser",
  concerns: ["db.superuser-app-user"],
  view: "db-user",
  sources: {
    manifest: { alias: "manifest-superuser-db-user" },
    k8s: { alias: "k8s-superuser-db-user" },
    probe: {
      alias: "probe-postgres-superuser",
      messages: {
        superuser: "The app connects to {{endpoint}} as {{role}}, a PostgreSQL superuser (rolsuper).",
        notSuperuser: "{{role}} on {{endpoint}} is neither a superuser nor a member of cloudsqlsuperuser."
      }
    },
    join: {
      alias: "join-secret-database-role",
      messages: { superuser: "The app logs in to {{endpoint}} as {{user}}, an administrator: {{why}} ({{chain}})." }
    }
  },
  description: "The database user the app is given (a key listed in `expectations.app.dbUserKeys` such as `db-user`, `DB_USER` or the user of `DATABASE_URL`, in a Secret or ConfigMap the app uses or in a literal `env` value of its workloads; a key read through `secretKeyRef` counts under the env var name too) must not be a superuser name (`expectations.database.superuserNames`, compared case-insensitively). Secret values are never read: the collector only marks well-known public names, so a Secret key that is set to anything else passes here and the live role's rights are left to the probe and GCP layers. The same holds live, for the Secrets in the app namespace that the running workloads read and their literal env values. **Probe**: connects to PostgreSQL read-only and reads the application role from `pg_roles` and `pg_auth_members`: it fails when the role has `rolsuper`, is a member (directly or through other roles) of `cloudsqlsuperuser` (the Cloud SQL administrators, which is what `postgres` is on Cloud SQL), is one of `expectations.database.superuserNames`, or does not exist (the app cannot log in with it). The role is the login of the probe, or `appUser` when the probe logs in with its own audit role, or the user in the app\u2019s Secret with `fromSecret`. **Join** (Secret \u2192 Cloud SQL user \u2192 PostgreSQL role): follows the application's database user through three layers: the user key of the app's Secret (`expectations.app.secrets`, keys `expectations.app.dbUserKeys`; the live Secret shows a user name only when it is a well-known public name such as `postgres`, never a secret value), the Cloud SQL user of that name on `expectations.database.instance` (its type and reported roles), and the live PostgreSQL role the probe judged (`rolsuper`, membership of `cloudsqlsuperuser`). It fails when any link shows an administrator: the role is a superuser or a member of cloudsqlsuperuser, Cloud SQL reports cloudsqlsuperuser for the user, or the name is one of `expectations.database.superuserNames`. Users are joined by name; the evidence carries the chain and the finding points at the Secret's declaration.",
  rationale: 'ADR-001 Issue 2 (P0): "Using postgres superuser for application connection (discovered in secrets)". A superuser can drop tables, read every database and change roles; the ADR requires a dedicated role (`license_api_staging`) with only SELECT, INSERT, UPDATE and DELETE. Until the live Secret changes, the running app keeps connecting as postgres.',
  remediation: {
    text: "Create a dedicated application role with DML rights only, give the app that user instead of postgres (in the manifests and the live Secret), and restart the app.",
    commands: [
      'gcloud sql users create license_api_staging --instance={{database.instance}} --password="$(openssl rand -base64 32)"',
      "psql -h 10.28.0.3 -U postgres -d coditect -c 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO license_api_staging; GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO license_api_staging;'",
      'kubectl create secret generic backend-secrets --namespace=coditect-staging --from-literal=db-user="license_api_staging" --from-literal=db-password="..." --dry-run=client -o yaml | kubectl apply -f -',
      "kubectl rollout restart deployment/coditect-backend -n coditect-staging"
    ]
  },
  benchmarks: [
    {
      standard: "CIS Google Cloud Platform Foundation Benchmark 2.0",
      id: "6.1.1",
      title: "Ensure that a MySQL database instance does not allow anyone to connect with administrative privileges (the PostgreSQL analogue)"
    }
  ],
  messages: {
    superuser: "The app connects to the database as {{user}} ({{setting}}), a superuser; use a role with DML rights only.",
    notSuperuser: "The app connects to the database as {{user}} ({{setting}}), which is not a superuser name; its live rights are checked by the probe and GCP layers.",
    notSuperuserHidden: "The database user in {{setting}} is not a superuser name; the live role's rights are checked by the probe and GCP layers.",
    // probe
    cloudsqlsuperuser: "The app connects to {{endpoint}} as {{role}}, a member of cloudsqlsuperuser (Cloud SQL administrators).",
    superuserName: "The app connects to {{endpoint}} as {{role}}, an administrator account by name.",
    missing: "The role {{role}} does not exist on {{endpoint}}: the app cannot log in with it.",
    // join (it words superuser its own way: see sources.join.messages)
    leastPrivilege: "The app logs in to {{endpoint}} as {{user}}, not an administrator ({{chain}})."
  },
  check(ctx) {
    const superusers = new Set(ctx.env.expectations.database.superuserNames.map((n) => n.toLowerCase()));
    for (const view of ctx.views) {
      if (view.source === "probe") {
        judgeRole(ctx, view);
        continue;
      }
      if (view.source === "join") {
        judgeChain(ctx, view);
        continue;
      }
      const v = view;
      const { resource, setting } = v;
      const s = v.ref;
      const at = v.source === "manifest" ? { location: s.location } : {};
      const user = userOf(v);
      if (user.kind === "unusable") {
        ctx.skip(`${setting} holds no usable user name (${user.reason})`, resource);
        continue;
      }
      const isSuperuser = user.name ? superusers.has(user.name.toLowerCase()) : user.kind === "hidden" && user.superuserClass;
      if (isSuperuser) {
        const shown = user.name ?? "a superuser name";
        ctx.fail({
          resource,
          messageId: "superuser",
          data: { user: shown, setting },
          ...at,
          evidence: [{ path: s.key, observed: shown, expected: "a role that is not a superuser" }],
          discriminator: s.key
        });
      } else if (user.name) {
        ctx.pass({
          resource,
          messageId: "notSuperuser",
          data: { user: user.name, setting },
          ...at,
          ...v.source === "manifest" ? { evidence: [{ path: s.key, observed: user.name }] } : {},
          discriminator: s.key
        });
      } else
        ctx.pass({ resource, messageId: "notSuperuserHidden", data: { setting }, ...at, discriminator: s.key });
    }
  }
});
function judgeRole(ctx, v) {
  const { resource, role } = v;
  const data = { endpoint: v.endpoint, role: role.name };
  const evidence = [
    { path: "pg_roles.rolsuper", observed: role.superuser, expected: "false" },
    { path: "memberOf", observed: role.memberOf.join(", ") || "(none)", expected: "not cloudsqlsuperuser" }
  ];
  if (!role.exists)
    ctx.fail({
      resource,
      messageId: "missing",
      data,
      evidence: [{ path: "pg_roles.rolname", observed: null, expected: role.name }]
    });
  else if (role.superuser)
    ctx.fail({ resource, messageId: "superuser", data, evidence });
  else if (role.memberOf.includes("cloudsqlsuperuser"))
    ctx.fail({ resource, messageId: "cloudsqlsuperuser", data, evidence });
  else if (ctx.env.expectations.database.superuserNames.includes(role.name))
    ctx.fail({ resource, messageId: "superuserName", data, evidence });
  else
    ctx.pass({ resource, messageId: "notSuperuser", data, evidence });
}
function judgeChain(ctx, v) {
  const exp = ctx.env.expectations;
  const { role, secret, secretName, userKey, secretUser, user, sqlUser, resource } = v;
  const evidence = [
    {
      path: secret ? `k8s: Secret ${secret.namespace}/${secret.name} key ${userKey?.key ?? "(no user key)"}` : `k8s: Secret ${exp.app.namespace}/${secretName ?? "(none expected)"}`,
      observed: secretUser ?? (userKey ? "(a name that is not public: not recorded)" : null)
    },
    {
      path: `gcp: Cloud SQL ${exp.database.instance} user ${user}`,
      observed: sqlUser ? `${sqlUser.type}${sqlUser.databaseRoles ? ` (roles: ${sqlUser.databaseRoles.join(", ")})` : ""}` : null
    },
    {
      path: `probe: PostgreSQL role ${role.name} on ${v.endpoint}`,
      observed: role.exists ? `rolsuper=${role.superuser}; member of ${role.memberOf.join(", ") || "(none)"}` : "does not exist",
      expected: `rolsuper=false, not a member of ${SUPERUSER_ROLE2}`
    }
  ];
  const chain = [
    `Secret ${secretName ?? "?"}${userKey ? `[${userKey.key}]` : ""} = ${secretUser ?? "(not public)"}`,
    `Cloud SQL user ${sqlUser ? `${sqlUser.name} (${sqlUser.type})` : `${user} (not listed)`}`,
    `role ${role.name}${role.exists ? "" : " (missing)"}`
  ].join(" \u2192 ");
  const reasons = [];
  if (role.exists && role.superuser)
    reasons.push(`${role.name} has rolsuper`);
  if (role.exists && role.memberOf.includes(SUPERUSER_ROLE2))
    reasons.push(`${role.name} is a member of ${SUPERUSER_ROLE2}`);
  if (sqlUser?.databaseRoles?.includes(SUPERUSER_ROLE2))
    reasons.push(`Cloud SQL reports ${SUPERUSER_ROLE2} for ${user}`);
  const superNames = new Set(exp.database.superuserNames.map((n) => n.toLowerCase()));
  if (superNames.has(user.toLowerCase()))
    reasons.push(`${user} is an administrator account by name`);
  const data = { endpoint: v.endpoint, user, chain };
  if (reasons.length > 0)
    ctx.fail({ resource, messageId: "superuser", data: { ...data, why: reasons.join("; ") }, evidence });
  else
    ctx.pass({ resource, messageId: "leastPrivilege", data, evidence });
}
var db_superuser_app_user_default = rule2;

// packages/rules/dist/secrets/k8s-external-secret-sync.js
var SECRET_MANAGER_PROVIDERS = /* @__PURE__ */ new Set(["gcpsm"]);
var k8s_external_secret_sync_default = defineRule({
  id: "k8s-external-secret-sync",
  title: "The app's credentials are not synced from Secret Manager by External Secrets",
  concerns: ["secrets.sync-healthy"],
  layer: "k8s",
  facets: ["k8s.externalsecrets"],
  description: "Every Secret of `expectations.app.secrets` must be the target (`spec.target.name`, default the ExternalSecret's name) of an ExternalSecret in the app namespace; every ExternalSecret there must read a SecretStore or ClusterSecretStore that exists and uses the Secret Manager provider (`gcpsm`), and must be `Ready` (last sync succeeded). Clusters without External Secrets Operator skip this rule (the CRD is absent); secrets.not-in-secret-manager still fails hand-made Secrets there.",
  rationale: 'ADR-001 Issue 5 prefers External Secrets Operator: "Create SecretStore referencing Secret Manager. Create ExternalSecret to sync to Kubernetes Secret." An ExternalSecret that is not Ready leaves the last synced (or no) values in place; one that reads another provider does not take the credentials from Secret Manager.',
  remediation: {
    text: "Point the ExternalSecret at a Secret Manager store and fix what keeps it from syncing (its Ready condition says why).",
    commands: [
      "kubectl describe externalsecret backend-secrets -n coditect-staging",
      'kubectl get clustersecretstore gcp-secret-manager -o jsonpath="{.status.conditions}"',
      "gcloud secrets versions access latest --secret=db-password-staging --project={{project}} >/dev/null && echo readable"
    ]
  },
  benchmarks: [],
  messages: {
    notCovered: "No ExternalSecret in {{namespace}} produces Secret {{secret}}.",
    storeMissing: "ExternalSecret {{name}} reads {{storeKind}} {{store}}, which does not exist.",
    wrongProvider: "ExternalSecret {{name}} reads {{storeKind}} {{store}}, whose provider is {{provider}}, not Secret Manager (gcpsm).",
    notReady: "ExternalSecret {{name}} is not in sync: Ready is {{ready}} ({{reason}}).",
    synced: "ExternalSecret {{name}} syncs Secret {{target}} from Secret Manager ({{storeKind}} {{store}})."
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const ns = exp.app.namespace;
    const facet = ctx.facet("k8s.externalsecrets");
    if (!inScope(facet, ns)) {
      ctx.skip(`namespace ${ns} is not among the namespaces read (layers.k8s.namespaces)`);
      return;
    }
    const externalSecrets = itemsOf(facet).filter((e) => e.namespace === ns);
    const targets = new Set(externalSecrets.map(targetOf));
    for (const secret of exp.app.secrets) {
      if (targets.has(secret))
        continue;
      ctx.fail({
        resource: liveResource({ kind: "Secret", name: secret, namespace: ns }),
        messageId: "notCovered",
        data: { secret, namespace: ns },
        evidence: [
          {
            path: `externalsecrets/${ns}`,
            observed: [...targets].join(", ") || null,
            expected: `one targeting ${secret}`
          }
        ]
      });
    }
    for (const es of externalSecrets) {
      const resource = liveResource(es);
      const ref = asRecord(specOf(es).secretStoreRef);
      const storeKind = asString(ref?.kind) ?? "SecretStore";
      const store = asString(ref?.name) ?? "";
      const found = facet.stores.find((s) => s.kind === storeKind && s.name === store && (storeKind === "ClusterSecretStore" || s.namespace === ns));
      const data = { name: es.name, storeKind, store, target: targetOf(es) };
      let failed = false;
      if (!found) {
        failed = true;
        ctx.fail({
          resource,
          messageId: "storeMissing",
          data,
          evidence: [{ path: "spec.secretStoreRef", observed: `${storeKind}/${store}`, expected: "an existing store" }],
          discriminator: "store"
        });
      } else if (!found.provider || !SECRET_MANAGER_PROVIDERS.has(found.provider)) {
        failed = true;
        ctx.fail({
          resource,
          messageId: "wrongProvider",
          data: { ...data, provider: found.provider ?? "none" },
          evidence: [
            { path: `${storeKind}/${store}.spec.provider`, observed: found.provider ?? null, expected: "gcpsm" }
          ],
          discriminator: "store"
        });
      }
      const ready = conditionOf(es, "Ready");
      if (ready?.status !== "True") {
        failed = true;
        ctx.fail({
          resource,
          messageId: "notReady",
          data: { name: es.name, ready: ready?.status ?? "unknown", reason: ready?.reason ?? "no Ready condition" },
          evidence: [
            {
              path: "status.conditions[Ready]",
              observed: ready ? `${ready.status} ${ready.reason ?? ""}`.trim() : null,
              expected: "True SecretSynced"
            }
          ],
          discriminator: "ready"
        });
      }
      if (!failed)
        ctx.pass({ resource, messageId: "synced", data });
    }
    if (externalSecrets.length === 0 && exp.app.secrets.length === 0)
      ctx.skip(`no ExternalSecret in ${ns} and no expected app Secret`);
  }
});
function targetOf(es) {
  return externalSecretTarget(viewOf(es));
}

// packages/rules/dist/secrets/k8s.placeholder-secret.js
var MESSAGE_OF = {
  empty: "emptyValue",
  placeholder: "placeholderValue",
  "example-host": "exampleHost",
  "invalid-base64": "invalidBase64"
};
function placeholderKeys(keys) {
  return keys.filter((k) => k.class in MESSAGE_OF);
}
var k8s_placeholder_secret_default = defineViewRule({
  id: "k8s.placeholder-secret",
  title: "A Secret the app uses holds a placeholder value",
  concerns: ["k8s.placeholder-secret"],
  view: "secret",
  sources: {
    manifest: { alias: "manifest-placeholder-secret" },
    k8s: { alias: "k8s-placeholder-secret" }
  },
  description: "Each key of every Secret the app uses (referenced by its workloads through `envFrom.secretRef`, `env.valueFrom.secretKeyRef` or a secret volume, or listed in `expectations.app.secrets`), in the manifests and live in the app namespace, must hold a real value: not empty, not a placeholder (`placeholder`, `changeme`, `TODO`, `xxx`...), not an example host (`example.com`, `localhost`...), and valid base64 under `data`. The collector classifies each value (live ones decoded in memory) and never keeps it; messages name the key and the class only. A Secret the manifests do not declare is left to the live source; one missing live is skipped (the pods that read it cannot start).",
  rationale: 'ADR-001, Pending: Update Secrets: `backend-secrets` was "created with placeholder values" and the deployment cannot serve until real Cloud SQL and Memorystore endpoints and credentials replace them (Step 3 recreates it with the real Cloud SQL host, the Redis host and a generated Django secret key). A placeholder that reaches the cluster fails at run time, far from the manifest that caused it; whatever the repository says, the values in the cluster are what the pods read.',
  remediation: {
    text: "Replace every placeholder with the real value, created from the real source rather than committed to the repository (better: from Secret Manager through External Secrets, see secrets.not-in-secret-manager), then restart the Deployment.",
    commands: [
      'REDIS_HOST=$(gcloud redis instances describe {{redis.instance}} --region={{region}} --project={{project}} --format="value(host)")',
      'kubectl create secret generic backend-secrets --namespace=coditect-staging --from-literal=django-secret-key="$(openssl rand -base64 64)" --from-literal=db-host="10.28.0.3" --from-literal=db-port="5432" --from-literal=redis-host="$REDIS_HOST" --from-literal=redis-port="6379" --dry-run=client -o yaml | kubectl apply -f -',
      "kubectl rollout restart deployment/coditect-backend -n coditect-staging"
    ]
  },
  benchmarks: [],
  messages: {
    emptyValue: "Secret {{secret}} key {{key}} is empty.",
    placeholderValue: "Secret {{secret}} key {{key}} holds a placeholder value, not a real one.",
    exampleHost: "Secret {{secret}} key {{key}} points at an example host ({{host}}), not a real endpoint.",
    invalidBase64: "Secret {{secret}} key {{key}} under data is not valid base64, so the app receives garbage.",
    allSet: "Every key of Secret {{secret}} ({{count}}) holds a value that is not a placeholder."
  },
  check(ctx) {
    for (const secret of ctx.views) {
      const { resource } = secret;
      if (secret.keys.length === 0) {
        ctx.skip(`Secret ${secret.name} declares no keys`, resource);
        continue;
      }
      const bad = placeholderKeys(secret.keys);
      for (const k of bad) {
        const host = k.publicValue ?? k.urlHost;
        ctx.fail({
          resource,
          messageId: MESSAGE_OF[k.class],
          data: { secret: secret.name, key: k.key, class: k.class, host: host ?? "example" },
          ...k.location ? { location: k.location } : {},
          evidence: [
            {
              path: k.path,
              observed: k.class === "example-host" && host ? `${k.class}: ${host}` : k.class,
              expected: "a real value"
            }
          ],
          discriminator: k.key
        });
      }
      if (bad.length === 0)
        ctx.pass({
          resource,
          messageId: "allSet",
          data: { secret: secret.name, count: secret.keys.length },
          ...secret.location ? { location: secret.location } : {}
        });
    }
  }
});

// packages/rules/dist/secrets/manifest-app-db-sslmode.js
var SSLMODE_KEYS = [
  "DB_SSLMODE",
  "DB_SSL_MODE",
  "PGSSLMODE",
  "DATABASE_SSLMODE",
  "DATABASE_SSL_MODE",
  "POSTGRES_SSLMODE",
  "POSTGRES_SSL_MODE"
];
var DB_HOST_KEYS = ["DB_HOST", "DATABASE_HOST", "POSTGRES_HOST", "PGHOST", "DB_ADDRESS"];
var DB_OTHER_KEYS = [
  "DB_NAME",
  "DATABASE_NAME",
  "POSTGRES_DB",
  "PGDATABASE",
  "DB_PORT",
  "PGPORT",
  "DB_PASSWORD",
  "PGPASSWORD"
];
var STRICT_MODES = ["require", "verify-ca", "verify-full"];
var LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[?::1\]?)$/i;
var manifest_app_db_sslmode_default = defineRule({
  id: "manifest-app-db-sslmode",
  title: "The app's database connection does not require TLS",
  concerns: ["db.client-tls"],
  layer: "files",
  facets: ["files.kubernetes"],
  description: "Where the manifests give the app its database connection (a `postgres://` URL such as `DATABASE_URL`, or host/user/name keys), they must ask for TLS: the URL's `sslmode` or a setting such as `DB_SSLMODE`, `PGSSLMODE` or `DATABASE_SSLMODE` is `require`, `verify-ca` or `verify-full`. A missing sslmode, or `disable`, `allow` or `prefer` (which fall back to plaintext), fails. A connection to `localhost` / `127.0.0.1` goes to a proxy beside the app (the Cloud SQL Auth Proxy), which encrypts the connection to the instance: it passes. Secret values are not read: an sslmode held in a Secret is reported only when the collector exposes it as a public value.",
  rationale: 'ADR-001 Issue 3 (P1): "Current connection to Cloud SQL uses private IP without SSL enforcement", so data crosses the VPC unencrypted. The remediation enforces SSL on the instance and sets `sslmode: require` in the app; this rule checks the app side, the GCP and probe layers check the instance.',
  remediation: {
    text: "Ask for TLS in the connection settings the app receives (and enforce it on the instance).",
    commands: [
      "kubectl create configmap backend-db --namespace=coditect-staging --from-literal=DB_SSLMODE=require --dry-run=client -o yaml | kubectl apply -f -",
      "# or in the URL: postgres://license_api_staging:...@10.28.0.3:5432/coditect?sslmode=require",
      "gcloud sql instances patch {{database.instance}} --ssl-mode=ENCRYPTED_ONLY --project={{project}}"
    ]
  },
  benchmarks: [],
  messages: {
    weakMode: "{{setting}} sets sslmode={{mode}}, which allows plaintext; use require, verify-ca or verify-full.",
    urlWithoutMode: "{{setting}} is a PostgreSQL URL without sslmode, and no sslmode setting is given: libpq then uses prefer, which falls back to plaintext.",
    missingMode: "The app gets database settings ({{setting}}) but no sslmode (DB_SSLMODE, PGSSLMODE or ?sslmode= in DATABASE_URL).",
    strictMode: "{{setting}} sets sslmode={{mode}}.",
    localProxy: "{{setting}} connects to {{host}}, a proxy beside the app (the Cloud SQL Auth Proxy): the proxy encrypts the connection to the database, so sslmode does not apply."
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const settings = appSettings(manifestObjects(ctx.facet("files.kubernetes")), exp);
    const ssl = [];
    const urlsWithoutMode = [];
    const local = [];
    for (const s of settings) {
      if (settingNamed(s, SSLMODE_KEYS)) {
        const mode = s.secretKey ? s.secretKey.publicValue : s.value?.trim();
        ssl.push({ setting: s, mode, fromUrl: false });
        continue;
      }
      const url = s.secretKey ? s.secretKey.url : s.url;
      if (!url || !isPostgresScheme(url.scheme))
        continue;
      if (url.sslmode)
        ssl.push({ setting: s, mode: url.sslmode, fromUrl: true });
      else if (url.host && LOOPBACK.test(url.host))
        local.push({ setting: s, host: url.host });
      else
        urlsWithoutMode.push(s);
    }
    for (const { setting, host } of local)
      ctx.pass({
        resource: k8sResource(setting.object, exp),
        messageId: "localProxy",
        data: { setting: describeSetting(setting), host },
        location: setting.location,
        discriminator: setting.key
      });
    const dbSettings = settings.filter((s) => settingNamed(s, [...DB_HOST_KEYS, ...DB_OTHER_KEYS, ...exp.app.dbUserKeys]));
    if (ssl.length === 0 && urlsWithoutMode.length === 0 && local.length > 0)
      return;
    if (ssl.length === 0 && urlsWithoutMode.length === 0 && dbSettings.length === 0) {
      ctx.skip("the manifests give the app no database connection settings (DATABASE_URL, DB_HOST, DB_USER...)");
      return;
    }
    for (const { setting, mode, fromUrl } of ssl) {
      const resource = k8sResource(setting.object, exp);
      const where = describeSetting(setting);
      if (mode === void 0) {
        ctx.skip(`${where} holds the sslmode in a Secret value the files layer does not read; the probe layer checks the live connection`, resource);
        continue;
      }
      const normalized = mode.toLowerCase();
      if (STRICT_MODES.includes(normalized)) {
        ctx.pass({
          resource,
          messageId: "strictMode",
          data: { setting: where, mode: normalized },
          location: setting.location,
          discriminator: setting.key
        });
      } else {
        ctx.fail({
          resource,
          messageId: "weakMode",
          data: { setting: where, mode },
          location: setting.location,
          evidence: [
            {
              path: fromUrl ? `${setting.key}?sslmode` : setting.key,
              observed: mode,
              expected: STRICT_MODES.join(" | ")
            }
          ],
          discriminator: setting.key
        });
      }
    }
    const standalone = ssl.some((s) => !s.fromUrl);
    if (!standalone) {
      for (const s of urlsWithoutMode) {
        ctx.fail({
          resource: k8sResource(s.object, exp),
          messageId: "urlWithoutMode",
          data: { setting: describeSetting(s) },
          location: s.location,
          evidence: [{ path: `${s.key}?sslmode`, observed: null, expected: STRICT_MODES.join(" | ") }],
          discriminator: s.key
        });
      }
    }
    if (ssl.length === 0 && urlsWithoutMode.length === 0) {
      const anchor = dbSettings.find((s) => settingNamed(s, DB_HOST_KEYS)) ?? dbSettings[0];
      const host = settingNamed(anchor, DB_HOST_KEYS) ? anchor.value?.trim() : void 0;
      if (host && LOOPBACK.test(host)) {
        ctx.pass({
          resource: k8sResource(anchor.object, exp),
          messageId: "localProxy",
          data: { setting: describeSetting(anchor), host },
          location: anchor.location,
          discriminator: "sslmode"
        });
        return;
      }
      ctx.fail({
        resource: k8sResource(anchor.object, exp),
        messageId: "missingMode",
        data: { setting: describeSetting(anchor) },
        location: anchor.location,
        evidence: [{ path: "sslmode", observed: null, expected: STRICT_MODES.join(" | ") }],
        discriminator: "sslmode"
      });
    }
  }
});

// packages/rules/dist/secrets/secrets.expected-secret-missing.js
var secrets_expected_secret_missing_default = defineViewRule({
  id: "secrets.expected-secret-missing",
  title: "An expected Secret Manager secret is not declared in OpenTofu or does not exist",
  concerns: ["secrets.expected-secret-missing"],
  view: "secret-manager-secret",
  sources: {
    tf: { alias: "tf-secret-manager-secrets" },
    gcp: {
      alias: "gcp-secret-manager-secrets",
      messages: { missing: "Secret Manager of project {{project}} has no secret {{secret}}." }
    }
  },
  adrIdentity: "Secret Manager secret names (django-secret-key, db-password-staging, redis-password-staging)",
  adrIdentityFields: ["secretManager.secrets"],
  description: "Every name in `expectations.secretManager.secrets` (default `django-secret-key`, `db-password-staging`, `redis-password-staging`) must be the `secret_id` of a `google_secret_manager_secret` resource in the `.tf` files, and a secret of the expected project in Secret Manager (secretmanager `secrets.list`, metadata only: no version is ever accessed). In the files, a literal `secret_id` is matched, and so is `each.key`/`each.value` over a literal `for_each` list, set or map; a `secret_id` the files do not settle makes a name undecided, not missing. A name missing live fails. The secret versions (the values) are not read and do not belong in the repository.",
  rationale: 'ADR-001 Issue 5 (P1): "Secrets stored in Kubernetes secrets (base64 encoded, not encrypted at rest by default)". The remediation creates `django-secret-key`, `db-password-staging` and `redis-password-staging` in Secret Manager and syncs them with External Secrets; without them the ExternalSecret cannot produce the app\'s Secret. Lesson 3 ("Infrastructure as Code first") asks that what exists be declared in OpenTofu so environments can be reproduced.',
  remediation: {
    text: "Declare each secret in OpenTofu (without its value) and import the ones that already exist; create a missing one (automatic replication) and add its value out of band, never through a file in the repository.",
    commands: [
      `resource "google_secret_manager_secret" "secrets" {
  for_each  = toset(["django-secret-key", "db-password-staging", "redis-password-staging"])
  project   = "{{project}}"
  secret_id = each.key
  replication {
    auto {}
  }
}`,
      `tofu import 'google_secret_manager_secret.secrets["django-secret-key"]' projects/{{project}}/secrets/django-secret-key`,
      "tofu plan",
      'printf %s "$(openssl rand -base64 64)" | gcloud secrets create django-secret-key --data-file=- --replication-policy=automatic --project={{project}}'
    ]
  },
  benchmarks: [],
  messages: {
    // tf (gcp words missing its own way: see sources.gcp.messages)
    missing: 'No google_secret_manager_secret declares secret_id "{{secret}}", which the app needs.',
    missingUnresolved: 'No google_secret_manager_secret declares secret_id "{{secret}}" literally; {{unresolved}} secret_id value(s) are expressions this rule cannot evaluate.',
    declared: 'Secret Manager secret "{{secret}}" is declared by {{address}}.',
    // gcp
    present: "Secret Manager holds {{secret}} ({{replication}} replication)."
  },
  check(ctx) {
    for (const s of ctx.views) {
      const { resource, name } = s;
      if (s.source === "gcp") {
        const evidence = [{ path: "secrets[].name", observed: s.live ? name : null, expected: name }];
        if (s.live)
          ctx.pass({
            resource,
            messageId: "present",
            data: { secret: name, replication: s.live.replication },
            evidence
          });
        else
          ctx.fail({ resource, messageId: "missing", data: { secret: name, project: s.project ?? "" }, evidence });
        continue;
      }
      if (s.declaredBy) {
        ctx.pass({
          resource,
          messageId: "declared",
          data: { secret: name, address: s.declaredBy.address },
          location: s.declaredBy.location,
          evidence: [{ path: `${s.declaredBy.address}.secret_id`, observed: name }]
        });
        continue;
      }
      const declared3 = s.declaredIds ?? [];
      const unresolved = s.unresolved ?? { count: 0, dependsOn: [] };
      const anchor = s.anchor?.(ctx.env.name);
      const report = {
        resource,
        data: { secret: name, unresolved: unresolved.count },
        ...anchor ? { location: anchor } : {},
        evidence: [
          {
            path: "google_secret_manager_secret.secret_id",
            observed: declared3.length ? declared3.join(", ") : null,
            expected: name
          }
        ]
      };
      if (unresolved.count > 0)
        ctx.unknown({ ...report, messageId: "missingUnresolved", dependsOn: unresolved.dependsOn });
      else
        ctx.fail({ ...report, messageId: "missing" });
    }
  }
});

// packages/rules/dist/secrets/secrets.not-in-secret-manager.js
var SECRET_MANAGER_PROVIDER = "gcpsm";
var SECRET_MANAGER_PROVIDERS2 = /* @__PURE__ */ new Set(["gcpsm", "gcp"]);
function pickProducer(ps) {
  return ps.find((p) => p.provider !== void 0 && SECRET_MANAGER_PROVIDERS2.has(p.provider)) ?? ps.find((p) => p.provider === void 0) ?? ps[0];
}
var rule3 = defineViewRule({
  id: "secrets.not-in-secret-manager",
  title: "A Secret the app uses is made by hand, not synced from Secret Manager",
  concerns: ["secrets.not-in-secret-manager"],
  view: "secret-provenance",
  sources: {
    manifest: { alias: "manifest-secrets-not-from-secret-manager" },
    k8s: {
      alias: "k8s-secrets-not-from-secret-manager",
      messages: { handMade: "Secret {{secret}} was created by hand: no ExternalSecret or CSI driver produces it." }
    },
    join: {
      alias: "join-credentials-provenance",
      messages: {
        handMade: "Secret {{secret}}, read by {{readers}}, was made by hand: no ExternalSecret produces it ({{chain}}).",
        missing: "Secret {{secret}}, read by {{readers}}, does not exist in {{namespace}} ({{chain}}).",
        fromSecretManager: "Secret {{secret}}, read by {{readers}}, comes from Secret Manager ({{chain}})."
      }
    }
  },
  description: 'Every Secret the app uses (referenced by its workloads in the app namespace, or listed in `expectations.app.secrets`) must be produced from Google Secret Manager. In the manifests: the target of an `ExternalSecret` (external-secrets.io; `spec.target.name`, default the ExternalSecret\'s name) whose `SecretStore`/`ClusterSecretStore` uses the `gcpsm` provider, or a `secretObjects` entry of a `SecretProviderClass` (secrets-store.csi.x-k8s.io) with provider `gcp`; a plain `kind: Secret` manifest that nothing syncs fails, and so does a store with another provider; a Secret that the app references but that no manifest declares or produces is undecided (`unknown`): it may be made by hand or by something outside the repository, and the live source reads it. Live: the Secret must be owned by an `ExternalSecret`, labelled `reconcile.external-secrets.io/managed: "true"` (External Secrets Operator, also for the Merge and Orphan creation policies), or labelled `secrets-store.csi.k8s.io/managed: "true"` (Secrets Store CSI driver); any other Secret was created by hand (kubectl) and fails, and so does a referenced Secret that does not exist. Which store a live ExternalSecret reads is checked by k8s-external-secret-sync. **Join** (workload \u2192 Secret \u2192 ExternalSecret \u2192 Secret Manager): for every Secret the app reads (its live workloads\' `envFrom` / `secretKeyRef` / secret volumes in `expectations.app.namespace`, plus `expectations.app.secrets`), follows the chain: the live Secret; the ExternalSecret that produces it (its `ownerReferences`, else the `reconcile.external-secrets.io/managed` label and the ExternalSecret whose `spec.target.name` is the Secret); the SecretStore or ClusterSecretStore it reads (`spec.secretStoreRef`), which must use the Secret Manager provider (`gcpsm`); and every remote key it reads (`spec.data[].remoteRef.key`, `spec.dataFrom[].extract.key`), which must exist in Secret Manager of the store\'s `projectID` (secretmanager `secrets.list`). A Secret no ExternalSecret produces was made by hand and fails (without the External Secrets CRDs, every Secret is); so do a missing Secret, a store of another provider, and a remote key Secret Manager does not hold. The evidence carries the chain; the finding points at the manifest declaring the Secret.',
  rationale: 'ADR-001 Issue 5 (P1): "Secrets stored in Kubernetes secrets (base64 encoded, not encrypted at rest by default)". The ADR creates `django-secret-key`, `db-password-staging` and `redis-password-staging` in Secret Manager and prefers External Secrets Operator to sync them into `backend-secrets`.',
  remediation: {
    text: "Store the values in Secret Manager and let External Secrets Operator create (and own) the Kubernetes Secret; delete the hand-made manifest.",
    commands: [
      'echo -n "$(openssl rand -base64 64)" | gcloud secrets create django-secret-key --data-file=- --replication-policy=automatic --project={{project}}',
      "helm install external-secrets external-secrets/external-secrets -n external-secrets-system --create-namespace",
      `kubectl apply -f - <<EOF
apiVersion: external-secrets.io/v1
kind: ClusterSecretStore
metadata:
  name: gcp-secret-manager
spec:
  provider:
    gcpsm:
      projectID: {{project}}
---
apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: backend-secrets
  namespace: coditect-staging
spec:
  secretStoreRef:
    kind: ClusterSecretStore
    name: gcp-secret-manager
  target:
    name: backend-secrets
  data:
    - secretKey: django-secret-key
      remoteRef:
        key: django-secret-key
EOF`,
      "kubectl get externalsecret backend-secrets -n coditect-staging   # READY True, then the Secret is owned by it"
    ]
  },
  benchmarks: [],
  messages: {
    // manifest (k8s words handMade its own way: see sources.k8s.messages)
    handMade: "Secret {{secret}} is a hand-made manifest: no ExternalSecret or SecretProviderClass syncs it from Secret Manager.",
    notDeclared: "Secret {{secret}} is used by {{workload}} but no manifest in the repository declares or syncs it: cannot tell whether it is synced from Secret Manager or made by hand (the k8s layer reads the live Secret).",
    otherProvider: "Secret {{secret}} is synced by {{producer}} from provider {{provider}}, not Secret Manager.",
    fromSecretManager: "Secret {{secret}} is synced from Secret Manager by {{producer}}.",
    storeNotDeclared: "Secret {{secret}} is synced by {{producer}} through store {{store}}, which the repository does not declare; the k8s layer checks its provider.",
    // k8s
    missing: "Secret {{secret}}, which the app reads, does not exist: nothing syncs it from a secret store.",
    synced: "Secret {{secret}} is produced by {{producer}}.",
    // join (it words handMade, missing and fromSecretManager its own way: see sources.join.messages)
    producerMissing: "Secret {{secret}} names ExternalSecret {{externalSecret}} as its producer, but no such ExternalSecret exists ({{chain}}).",
    notSecretManager: "Secret {{secret}} is synced by ExternalSecret {{externalSecret}} from {{store}}, which is not backed by Secret Manager ({{provider}}) ({{chain}}).",
    remoteKeyMissing: "Secret {{secret}} is synced from Secret Manager, but {{project}} has no secret {{keys}} ({{chain}})."
  },
  check(ctx) {
    for (const s of ctx.views) {
      const secret = s.name;
      if (s.source === "join") {
        judgeChain2(ctx, s);
        continue;
      }
      if (s.source === "k8s") {
        const live2 = s.live;
        if (!live2)
          ctx.fail({
            resource: s.resource,
            messageId: "missing",
            data: { secret },
            evidence: [
              {
                path: `secrets/${s.namespace}/${secret}`,
                observed: null,
                expected: "a Secret synced from Secret Manager"
              }
            ]
          });
        else if (live2.producedBy)
          ctx.pass({ resource: live2.resource, messageId: "synced", data: { secret, producer: live2.producedBy } });
        else
          ctx.fail({
            resource: live2.resource,
            messageId: "handMade",
            data: { secret },
            evidence: [
              {
                path: "metadata.ownerReferences",
                observed: live2.owners.join(", ") || null,
                expected: "ExternalSecret/<name>"
              },
              {
                path: 'metadata.labels["reconcile.external-secrets.io/managed"]',
                observed: live2.managedLabel,
                expected: "true"
              }
            ]
          });
        continue;
      }
      const producer = pickProducer(s.producers);
      if (producer) {
        const data = {
          secret,
          producer: producer.label,
          provider: producer.provider ?? "unknown",
          store: producer.store ?? ""
        };
        const { resource } = producer;
        if (producer.provider === void 0)
          ctx.pass({ resource, messageId: "storeNotDeclared", data, location: producer.location });
        else if (SECRET_MANAGER_PROVIDERS2.has(producer.provider))
          ctx.pass({ resource, messageId: "fromSecretManager", data, location: producer.location });
        else {
          const holder = producer.providerHolder;
          ctx.fail({
            resource,
            messageId: "otherProvider",
            data,
            ...holder ? { location: holder.location } : {},
            evidence: [
              {
                path: `${holder?.kind}/${holder?.name}.spec.provider`,
                observed: producer.provider,
                expected: holder?.kind === "SecretProviderClass" ? "gcp" : "gcpsm"
              }
            ]
          });
        }
        continue;
      }
      for (const m of s.manifests)
        ctx.fail({
          resource: m.resource,
          messageId: "handMade",
          data: { secret },
          location: m.location,
          evidence: [
            { path: "kind", observed: "Secret", expected: "an ExternalSecret target synced from Secret Manager" }
          ]
        });
      const [first, ...more] = s.readers;
      if (s.manifests.length === 0 && first)
        ctx.unknown({
          resource: s.resource,
          messageId: "notDeclared",
          data: { secret, workload: first.workload },
          location: first.location,
          relatedLocations: more.map((r) => r.location),
          evidence: [
            {
              path: "Secret manifest",
              observed: null,
              expected: "an ExternalSecret target synced from Secret Manager"
            }
          ],
          dependsOn: [`Secret ${s.namespace}/${secret}, which no repository file declares`]
        });
    }
  }
});
function judgeChain2(ctx, v) {
  const { name, namespace: ns, resource, readBy: readers } = v;
  const chain = [{ path: "k8s: read by", observed: readers }];
  const report = (status, messageId, data = {}) => {
    const text = chain.map((l) => `${l.path.replace(/^\w+: /, "")} ${l.observed ?? "(none)"}`).join(" \u2192 ");
    const evidence = chain.map((l) => ({ ...l }));
    const full = { secret: name, readers, namespace: ns, chain: text, ...data };
    if (status === "fail")
      ctx.fail({ resource, messageId, data: full, evidence });
    else
      ctx.pass({ resource, messageId, data: full, evidence });
  };
  chain.push({ path: `k8s: Secret ${ns}/${name}`, observed: v.live ? "exists" : null, expected: "exists" });
  if (!v.live) {
    report("fail", "missing");
    return;
  }
  const { owner, managed } = v.live;
  chain.push({
    path: "k8s: produced by",
    observed: owner ? `ExternalSecret ${owner} (ownerReference)` : managed ? "External Secrets Operator (label)" : null,
    expected: "an ExternalSecret"
  });
  if (!owner && !managed) {
    report("fail", "handMade");
    return;
  }
  const es = v.externalSecret;
  if (!es) {
    report("fail", "producerMissing", { externalSecret: v.producerName ?? `(one targeting ${name})` });
    return;
  }
  const { storeKind, storeName, store } = es;
  chain.push({
    path: `k8s: ExternalSecret ${es.name} reads ${storeKind} ${storeName}`,
    observed: store ? `provider ${store.provider ?? "none"}` : null,
    expected: `provider ${SECRET_MANAGER_PROVIDER}`
  });
  if (store?.provider !== SECRET_MANAGER_PROVIDER) {
    report("fail", "notSecretManager", {
      externalSecret: es.name,
      store: `${storeKind} ${storeName}${store ? "" : " (missing)"}`,
      provider: store?.provider ?? "no such store"
    });
    return;
  }
  const keys = es.remoteKeys;
  if (keys.some((k) => !k.read)) {
    ctx.skip(`Secret Manager of ${[...new Set(keys.map((k) => k.project))].join(", ")} was not read`, resource);
    return;
  }
  const absent = keys.filter((k) => !k.exists);
  chain.push({
    path: `gcp: Secret Manager secrets of ${es.project}`,
    observed: keys.length > 0 ? keys.map((k) => `${k.name}${k.exists ? "" : " (missing)"}`).join(", ") : "(no remote key)",
    expected: "every remote key exists"
  });
  if (absent.length > 0)
    report("fail", "remoteKeyMissing", { project: es.project, keys: absent.map((k) => k.name).join(", ") });
  else
    report("pass", "fromSecretManager");
}
var secrets_not_in_secret_manager_default = rule3;

// packages/rules/dist/workloads/k8s-migrations-complete.js
var MIGRATION_COMMAND = /\bmigrat(?:e|es|ion|ions)\b|\balembic\s+upgrade\b|\bflyway\b.*\bmigrate\b|\bliquibase\b.*\bupdate\b|\bdb:migrate\b|\bprisma\s+migrate\b/i;
var k8s_migrations_complete_default = defineRule({
  id: "k8s-migrations-complete",
  title: "No successful migration Job for the image the app runs",
  concerns: ["k8s.migrations-complete"],
  layer: "k8s",
  facets: ["k8s.deployments", "k8s.jobs", "k8s.pods"],
  description: "In the app namespace, a migration Job (a Job whose container command or arguments apply migrations: `manage.py migrate`, `alembic upgrade`, `flyway migrate`..., or whose name says `migrate`) must have run the image the app's Deployment runs (the same reference, or the same digest as the app's pods report) and completed (`Complete` condition true). A failed or unfinished Job for that image fails, naming the reason (e.g. BackoffLimitExceeded); no migration Job for that image fails on the Deployment.",
  rationale: "ADR-001 Pending step 4 creates Job `django-migrate` running `python manage.py migrate` with the backend image and `envFrom: backend-secrets`, and watches its logs before restarting the Deployment. An app whose schema migrations did not run against its own image fails at the first query on a missing table or column.",
  remediation: {
    text: "Fix why the Job failed (see its pods), then run the migration again with the image the Deployment runs.",
    commands: [
      "kubectl logs job/django-migrate -n coditect-staging",
      "kubectl delete job django-migrate -n coditect-staging",
      "kubectl apply -f k8s/migrate-job.yaml && kubectl wait --for=condition=complete job/django-migrate -n coditect-staging --timeout=300s"
    ]
  },
  benchmarks: [],
  messages: {
    noMigrationJob: "No migration Job ran {{image}}, the image Deployment {{deployment}} runs (migration Jobs seen: {{jobs}}).",
    failed: "Migration Job {{job}} for {{image}} failed ({{reason}}; {{failures}} failed pod(s)).",
    notFinished: "Migration Job {{job}} for {{image}} has not completed ({{state}}).",
    complete: "Migration Job {{job}} completed with {{image}}, the image Deployment {{deployment}} runs."
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const ns = exp.app.namespace;
    const deployments = ctx.facet("k8s.deployments");
    if (!inScope(deployments, ns)) {
      ctx.skip(`namespace ${ns} is not among the namespaces read (layers.k8s.namespaces)`);
      return;
    }
    const d = itemsOf(deployments).find((x) => x.name === exp.app.deployment && x.namespace === ns);
    const view = d ? viewOf(d) : void 0;
    const container = view ? appContainer(view, exp) : void 0;
    if (!d || !container?.image) {
      ctx.skip(`Deployment ${exp.app.deployment} (or its app container) is not running in ${ns}; see k8s.rollout-healthy`);
      return;
    }
    const image = container.image;
    const pods = itemsOf(ctx.facet("k8s.pods"));
    const running = /* @__PURE__ */ new Set();
    const pinned = view && containerImageRef({ object: view, pointer: container.pointer })?.digest;
    if (pinned)
      running.add(pinned);
    for (const pod of podsOf(d, pods, [])) {
      for (const s of containerStatuses(pod)) {
        const digest = s.name === container.name ? digestOf(s.imageID) : void 0;
        if (digest)
          running.add(digest);
      }
    }
    const jobsFacet = ctx.facet("k8s.jobs");
    if (!inScope(jobsFacet, ns)) {
      ctx.skip(`the Jobs of ${ns} were not read`);
      return;
    }
    const jobs = itemsOf(jobsFacet).filter((j) => j.namespace === ns && isMigration(j));
    const sameImage = (job) => {
      const view2 = viewOf(job);
      const containers = containersOf2(view2);
      if (containers.some((c) => c.image === image))
        return true;
      if (containers.some((c) => running.has(containerImageRef({ object: view2, pointer: c.pointer })?.digest ?? "")))
        return true;
      return podsOf(job, pods, []).some((p) => containerStatuses(p).some((s) => running.has(digestOf(s.imageID) ?? "")));
    };
    const candidates = jobs.filter(sameImage);
    if (candidates.length === 0) {
      const seen = jobs.map((j) => `${j.name} (${containersOf2(viewOf(j)).map((c) => c.image).join(", ")})`);
      ctx.fail({
        resource: liveResource(d),
        messageId: "noMigrationJob",
        data: { deployment: d.name, image, jobs: seen.join("; ") || "none" },
        evidence: [
          {
            path: `jobs in ${ns}`,
            observed: seen.join("; ") || null,
            expected: `a completed migration Job running ${image}`
          }
        ]
      });
      return;
    }
    const complete = candidates.find((j) => conditionOf(j, "Complete")?.status === "True");
    if (complete) {
      ctx.pass({
        resource: liveResource(complete),
        messageId: "complete",
        data: { job: complete.name, image, deployment: d.name }
      });
      return;
    }
    for (const job of candidates) {
      const failed = conditionOf(job, "Failed");
      const status = statusOf(job);
      if (failed?.status === "True") {
        ctx.fail({
          resource: liveResource(job),
          messageId: "failed",
          data: { job: job.name, image, reason: failed.reason ?? "Failed", failures: asNumber(status.failed) ?? 0 },
          evidence: [
            {
              path: "status.conditions[Failed]",
              observed: `True ${failed.reason ?? ""}`.trim(),
              expected: "Complete True"
            },
            { path: "status.failed", observed: asNumber(status.failed) ?? 0 }
          ]
        });
      } else {
        const active = asNumber(status.active) ?? 0;
        const state = asRecord(job.object.spec)?.suspend === true ? "suspended" : active > 0 ? `${active} pod(s) running` : "no pod running";
        ctx.fail({
          resource: liveResource(job),
          messageId: "notFinished",
          data: { job: job.name, image, state },
          evidence: [
            {
              path: "status.conditions[Complete]",
              observed: conditionOf(job, "Complete")?.status ?? null,
              expected: "True"
            }
          ]
        });
      }
    }
  }
});
function isMigration(job) {
  if (controllerOf(job)?.kind === "CronJob")
    return false;
  if (/migrat/i.test(job.name))
    return true;
  const pod = podSpecOf(job);
  return asArray(pod?.containers).some((c) => {
    const rec = asRecord(c);
    const words = [...asArray(rec?.command), ...asArray(rec?.args)].map((w) => asString(w) ?? "").join(" ");
    return MIGRATION_COMMAND.test(words);
  });
}

// packages/rules/dist/workloads/k8s-orphaned-volume.js
var k8s_orphaned_volume_default = defineRule({
  id: "k8s-orphaned-volume",
  title: "A PersistentVolumeClaim is left behind, used by no pod",
  concerns: ["k8s.orphaned-volume"],
  layer: "k8s",
  facets: ["k8s.pvcs", "k8s.statefulsets"],
  description: "Every PersistentVolumeClaim in the namespaces read must be mounted by a pod (any phase), or belong to a StatefulSet that still exists (a claim `<template>-<statefulset>-<ordinal>` of a scaled-down StatefulSet is kept on purpose). A claim no pod mounts fails; when its name and labels match a StatefulSet claim template, the message names the StatefulSet it was left by, and the finding points at that StatefulSet's manifest when the repository still declares it.",
  rationale: "ADR-001 Decision 3 cleaned up the self-managed datastores with `kubectl delete statefulset postgresql redis` and `kubectl delete pvc postgres-storage-postgresql-0 redis-storage-redis-0`: deleting a StatefulSet keeps its PersistentVolumeClaims, so the disks (and the data on them) stay, billed and unmanaged, until the claims are deleted.",
  remediation: {
    text: "Back up what the volume holds if it is still needed, then delete the claim (its PersistentVolume goes with it under the default Delete reclaim policy).",
    commands: [
      "kubectl get pvc -n coditect-staging",
      "kubectl delete pvc postgres-storage-postgresql-0 redis-storage-redis-0 -n coditect-staging"
    ]
  },
  benchmarks: [],
  messages: {
    orphaned: "PersistentVolumeClaim {{claim}} ({{capacity}}, {{phase}}) is mounted by no pod.",
    leftByStatefulSet: "PersistentVolumeClaim {{claim}} ({{capacity}}, {{phase}}) is mounted by no pod: it was left by StatefulSet {{statefulSet}} (claim template {{template}}), which no longer exists.",
    inUse: "PersistentVolumeClaim {{claim}} is mounted by pod {{pod}}.",
    keptByStatefulSet: "PersistentVolumeClaim {{claim}} belongs to StatefulSet {{statefulSet}} (ordinal {{ordinal}}), which still exists and keeps its claims (for example while scaled down).",
    noClaims: "No PersistentVolumeClaim in {{scope}}."
  },
  check(ctx) {
    const pvcs = ctx.facet("k8s.pvcs");
    const claims = itemsOf(pvcs);
    const statefulSets = itemsOf(ctx.facet("k8s.statefulsets"));
    if (claims.length === 0) {
      const scope = pvcs.namespaces?.join(", ") ?? "the namespaces read";
      for (const ns of pvcs.namespaces ?? [ctx.env.expectations.app.namespace])
        ctx.pass({ resource: namespaceResource(ns), messageId: "noClaims", data: { scope } });
      return;
    }
    for (const claim of claims) {
      const user = claim.usedBy[0];
      const data = {
        claim: claim.name,
        capacity: capacityOf(claim),
        phase: asString(statusOf(claim).phase) ?? "unknown phase"
      };
      if (user) {
        ctx.pass({ resource: liveResource(claim), messageId: "inUse", data: { claim: claim.name, pod: user.pod } });
        continue;
      }
      const origin = statefulSetOrigin(claim, statefulSets);
      if (origin?.live) {
        ctx.pass({
          resource: liveResource(claim),
          messageId: "keptByStatefulSet",
          data: { claim: claim.name, statefulSet: origin.statefulSet, ordinal: origin.ordinal }
        });
        continue;
      }
      const evidence = [
        { path: "usedBy", observed: "no pod", expected: "a pod mounting the claim, or a StatefulSet owning it" },
        { path: "status.phase", observed: data.phase },
        { path: "spec.storageClassName", observed: asString(specOf(claim).storageClassName) ?? null }
      ];
      if (origin) {
        ctx.fail({
          // The claim came from the StatefulSet's volumeClaimTemplates: that manifest is where it is declared.
          resource: {
            ...liveResource(claim),
            declaredAs: declarationKey({
              layer: "k8s",
              kind: "StatefulSet",
              ...claim.namespace ? { namespace: claim.namespace } : {},
              name: origin.statefulSet
            })
          },
          messageId: "leftByStatefulSet",
          data: { ...data, statefulSet: origin.statefulSet, template: origin.template },
          evidence
        });
      } else {
        ctx.fail({ resource: liveResource(claim), messageId: "orphaned", data, evidence });
      }
    }
  }
});
function capacityOf(claim) {
  return asString(asRecord(statusOf(claim).capacity)?.storage) ?? asString(asRecord(asRecord(specOf(claim).resources)?.requests)?.storage) ?? "unknown size";
}
function statefulSetOrigin(claim, statefulSets) {
  const m = /^(.+)-(\d+)$/.exec(claim.name);
  if (!m)
    return void 0;
  const [, stem, ord] = m;
  const ordinal = Number(ord);
  const splits = [];
  for (let i = stem.indexOf("-"); i > 0; i = stem.indexOf("-", i + 1))
    splits.push({ template: stem.slice(0, i), statefulSet: stem.slice(i + 1) });
  for (const s of splits) {
    const sts = statefulSets.find((x) => x.name === s.statefulSet && x.namespace === claim.namespace);
    if (!sts)
      continue;
    const templates = asArray(specOf(sts).volumeClaimTemplates).map((t) => asString(asRecord(asRecord(t)?.metadata)?.name));
    if (templates.includes(s.template))
      return { ...s, ordinal, live: true };
  }
  const labels = labelsOf(claim);
  const names = [labels.app, labels["app.kubernetes.io/name"], labels["app.kubernetes.io/instance"]].filter(Boolean);
  const guess = splits.find((s) => names.includes(s.statefulSet));
  return guess ? { ...guess, ordinal, live: false } : void 0;
}

// packages/rules/dist/workloads/k8s.rollout-healthy.js
function checkDeclared(ctx, v) {
  const exp = ctx.env.expectations;
  const { deployment, resource } = v;
  const name = deployment.name;
  let defects = 0;
  const min = exp.app.minReplicas;
  const hpa = v.autoscaler;
  const declared3 = asNumber(valueAt(deployment.object, "/spec/replicas"));
  const replicas = hpa ? hpa.minReplicas : declared3 ?? 1;
  if (replicas < min) {
    defects++;
    if (hpa) {
      ctx.fail({
        resource,
        messageId: "tooFewAutoscaled",
        data: { hpa: hpa.object.name, deployment: name, replicas, min },
        location: locationAt(hpa.object, hpa.declared ? "/spec/minReplicas" : "/spec"),
        evidence: [
          {
            path: `HorizontalPodAutoscaler/${hpa.object.name}.spec.minReplicas`,
            observed: replicas,
            expected: `>= ${min}`
          }
        ],
        discriminator: "replicas"
      });
    } else {
      ctx.fail({
        resource,
        messageId: "tooFewReplicas",
        data: { deployment: name, replicas, min, how: declared3 === void 0 ? " (replicas is not set)" : "" },
        location: locationAt(deployment, declared3 === void 0 ? "/spec" : "/spec/replicas"),
        evidence: [{ path: "spec.replicas", observed: declared3 ?? null, expected: `>= ${min}` }],
        discriminator: "replicas"
      });
    }
  }
  const container = appContainer(deployment, exp);
  if (!container) {
    const first = containersOf2(deployment).find((c) => !c.init);
    ctx.fail({
      resource,
      messageId: "noAppContainer",
      data: { deployment: name, container: exp.app.container ?? "app" },
      location: locationAt(deployment, first ? under(first.pointer, "name") : "/spec/template/spec"),
      evidence: [
        {
          path: "spec.template.spec.containers[].name",
          observed: containersOf2(deployment).filter((c) => !c.init).map((c) => c.name).join(", "),
          expected: exp.app.container ?? "a container"
        }
      ],
      discriminator: "container"
    });
    return;
  }
  const at = (key) => locationAt(deployment, under(container.pointer, key));
  const data = { deployment: name, container: container.name };
  for (const [probe, messageId] of [
    ["livenessProbe", "noLivenessProbe"],
    ["readinessProbe", "noReadinessProbe"]
  ]) {
    if (asRecord(container.spec[probe]))
      continue;
    defects++;
    ctx.fail({
      resource,
      messageId,
      data,
      location: at("name"),
      evidence: [{ path: `containers[${container.name}].${probe}`, observed: null, expected: "a probe" }],
      discriminator: probe
    });
  }
  const image = container.image;
  if (!image || imageRepository(container) !== exp.app.image) {
    defects++;
    ctx.fail({
      resource,
      messageId: "wrongImage",
      data: { ...data, image: image ?? "no image", expected: exp.app.image },
      location: at(image ? "image" : "name"),
      evidence: [
        { path: `containers[${container.name}].image`, observed: image ?? null, expected: `${exp.app.image}:<tag>` }
      ],
      discriminator: "image"
    });
  }
  if (defects === 0) {
    ctx.pass({
      resource,
      messageId: "ready",
      data: { ...data, replicas, image: image ?? "" },
      location: objectLocation(deployment)
    });
  }
}
function checkLive(ctx, v) {
  const exp = ctx.env.expectations;
  const { namespace: ns, name, deployment: d } = v;
  if (!d) {
    ctx.fail({
      resource: v.resource,
      messageId: "missing",
      data: { deployment: name, namespace: ns },
      evidence: [{ path: `deployments/${ns}/${name}`, observed: null, expected: "the app Deployment" }]
    });
    return;
  }
  const { resource } = v;
  const spec = specOf(d);
  const status = statusOf(d);
  const replicas = asNumber(spec.replicas) ?? 1;
  let defects = 0;
  if (replicas < exp.app.minReplicas) {
    defects++;
    ctx.fail({
      resource,
      messageId: "tooFewReplicas",
      data: { deployment: name, replicas, min: exp.app.minReplicas },
      evidence: [{ path: "spec.replicas", observed: replicas, expected: `>= ${exp.app.minReplicas}` }],
      discriminator: "replicas"
    });
  }
  const { pods } = v;
  const podEvidence = [];
  const reasons = /* @__PURE__ */ new Set();
  for (const pod of pods) {
    for (const s of containerStatuses(pod)) {
      if (s.ready !== false || s.init)
        continue;
      const detail = [
        s.reason ?? "not ready",
        `${s.restartCount} restart(s)`,
        ...s.lastExitCode !== void 0 ? [`last exit code ${s.lastExitCode}`] : []
      ].join(", ");
      reasons.add(s.reason ?? "not ready");
      podEvidence.push({
        path: `pods/${pod.name}/status/containerStatuses/${s.name}`,
        observed: detail,
        expected: "ready"
      });
    }
  }
  const progressing = conditionOf(d, "Progressing");
  const why = [
    ...reasons.size ? [`pods: ${[...reasons].join(", ")}`] : [],
    ...progressing?.reason === "ProgressDeadlineExceeded" ? ["progress deadline exceeded"] : []
  ];
  const whyText = why.length ? ` (${why.join("; ")})` : "";
  const available = asNumber(status.availableReplicas) ?? 0;
  const updated = asNumber(status.updatedReplicas) ?? 0;
  const generation = asNumber(metadataOf(d).generation);
  const observed = asNumber(status.observedGeneration);
  const statusEvidence = [
    { path: "status.availableReplicas", observed: available, expected: `${replicas}` },
    { path: "status.updatedReplicas", observed: updated, expected: `${replicas}` },
    ...progressing ? [
      {
        path: "status.conditions[Progressing]",
        observed: `${progressing.status} ${progressing.reason ?? ""}`.trim()
      }
    ] : []
  ];
  if (available < replicas) {
    defects++;
    ctx.fail({
      resource,
      messageId: "notAvailable",
      data: { deployment: name, available, replicas, why: whyText },
      evidence: [...statusEvidence, ...podEvidence],
      discriminator: "available"
    });
  } else if (updated < replicas || generation !== void 0 && observed !== void 0 && observed < generation) {
    defects++;
    ctx.fail({
      resource,
      messageId: "rolloutIncomplete",
      data: { deployment: name, updated, replicas, why: whyText },
      evidence: [
        ...statusEvidence,
        { path: "status.observedGeneration", observed: observed ?? null, expected: `${generation ?? ""}` }
      ],
      discriminator: "rollout"
    });
  }
  const container = appContainer(viewOf(d), exp);
  if (!container) {
    ctx.fail({
      resource,
      messageId: "noAppContainer",
      data: { deployment: name, container: exp.app.container ?? "app" },
      evidence: [
        {
          path: "spec.template.spec.containers[].name",
          observed: null,
          expected: exp.app.container ?? "a container"
        }
      ],
      discriminator: "container"
    });
    return;
  }
  const data = { deployment: name, container: container.name };
  for (const [probe, messageId] of [
    ["livenessProbe", "noLivenessProbe"],
    ["readinessProbe", "noReadinessProbe"]
  ]) {
    if (asRecord(container.spec[probe]))
      continue;
    defects++;
    ctx.fail({
      resource,
      messageId,
      data,
      evidence: [{ path: `${container.pointer}/${probe}`, observed: null, expected: "a probe" }],
      discriminator: probe
    });
  }
  const image = container.image;
  if (!image || imageRepository(container) !== exp.app.image) {
    defects++;
    ctx.fail({
      resource,
      messageId: "wrongImage",
      data: { ...data, image: image ?? "no image", expected: exp.app.image },
      evidence: [{ path: `${container.pointer}/image`, observed: image ?? null, expected: `${exp.app.image}:<tag>` }],
      discriminator: "image"
    });
  }
  if (defects === 0)
    ctx.pass({ resource, messageId: "healthy", data: { deployment: name, available, replicas, image: image ?? "" } });
}
var k8s_rollout_healthy_default = defineViewRule({
  id: "k8s.rollout-healthy",
  title: "The app's Deployment cannot roll out as the ADR expects, or is not rolled out and available",
  concerns: ["k8s.rollout-healthy"],
  view: "app-deployment",
  sources: {
    manifest: { alias: "manifest-rollout-readiness" },
    k8s: {
      alias: "k8s-rollout-healthy",
      messages: {
        tooFewReplicas: "Deployment {{deployment}} asks for {{replicas}} replica(s); the ADR expects at least {{min}}."
      }
    }
  },
  adrIdentity: "app Deployment name (coditect-staging/coditect-backend)",
  adrIdentityFields: ["app.namespace", "app.deployment"],
  description: "**Manifests**: the app's Deployment (`expectations.app.deployment` in `expectations.app.namespace`) must ask for at least `expectations.app.minReplicas` replicas (an unset `replicas` means 1; a HorizontalPodAutoscaler targeting the Deployment decides through its `minReplicas`), give its app container (`expectations.app.container`, else the one running the app image, else the first) a `livenessProbe` and a `readinessProbe`, and run the app image (`expectations.app.image`, any tag or digest). Each defect is a separate finding at the key, or at the container's name when the key is missing. **Cluster**: the app's Deployment must exist; ask for at least `expectations.app.minReplicas` replicas; have as many available replicas as it asks for (`status.availableReplicas`); have finished its rollout (every replica updated, the latest generation observed); give its app container a livenessProbe and a readinessProbe; and run the app image. Unavailable replicas are explained from the pods' container statuses (CrashLoopBackOff, ImagePullBackOff, restart counts).",
  rationale: 'ADR-001 Implementation Summary: "Deployment: 2 replicas with health checks", and Pending step 6 restarts it with the rebuilt image from Artifact Registry (`kubectl rollout restart` then `kubectl rollout status`). One replica or a missing probe turns every rollout into downtime; the wrong image reintroduces the /root/.local blocker. In the ADR the pods never became ready: the image could not import Django as the non-root user. A Deployment that is not available serves nothing, whatever its manifest says.',
  remediation: {
    text: "Set replicas, add both probes on the health endpoints, point the container at the Artifact Registry image; if it still does not become available, fix what keeps the pods from becoming ready (see the pod statuses in the evidence), then restart and watch the rollout.",
    commands: [
      `spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: backend
          image: {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1
          livenessProbe:
            httpGet: { path: /api/v1/health/live, port: 8000 }
          readinessProbe:
            httpGet: { path: /api/v1/health/ready, port: 8000 }`,
      "kubectl apply -f k8s/deployment.yaml && kubectl rollout status deployment/coditect-backend -n coditect-staging",
      "kubectl get pods -n coditect-staging -l app=coditect-backend",
      "kubectl logs deployment/coditect-backend -n coditect-staging --previous",
      "kubectl rollout restart deployment/coditect-backend -n coditect-staging",
      "kubectl rollout status deployment/coditect-backend -n coditect-staging"
    ]
  },
  benchmarks: [],
  messages: {
    // manifest (k8s words tooFewReplicas its own way: sources.k8s.messages)
    tooFewReplicas: "Deployment {{deployment}} asks for {{replicas}} replica(s){{how}}; the ADR expects at least {{min}}.",
    tooFewAutoscaled: "HorizontalPodAutoscaler {{hpa}} lets Deployment {{deployment}} scale down to {{replicas}} replica(s); the ADR expects at least {{min}}.",
    noLivenessProbe: "Container {{container}} of Deployment {{deployment}} has no livenessProbe.",
    noReadinessProbe: "Container {{container}} of Deployment {{deployment}} has no readinessProbe.",
    wrongImage: "Container {{container}} of Deployment {{deployment}} runs {{image}}, not the app image {{expected}}.",
    noAppContainer: "Deployment {{deployment}} has no container named {{container}}.",
    ready: "Deployment {{deployment}} asks for {{replicas}} replica(s) of {{image}} with liveness and readiness probes on {{container}}.",
    // k8s
    missing: "Deployment {{deployment}} does not exist in namespace {{namespace}}.",
    notAvailable: "Deployment {{deployment}} has {{available}} of {{replicas}} replica(s) available{{why}}.",
    rolloutIncomplete: "Deployment {{deployment}} has not finished its rollout: {{updated}} of {{replicas}} replica(s) run the current template{{why}}.",
    healthy: "Deployment {{deployment}} is rolled out: {{available}} of {{replicas}} replica(s) of {{image}} available, with liveness and readiness probes."
  },
  check(ctx) {
    for (const v of ctx.views) {
      if (v.source === "manifest")
        checkDeclared(ctx, v);
      else
        checkLive(ctx, v);
    }
  }
});

// packages/rules/dist/workloads/k8s.self-managed-datastore.js
var LONG_RUNNING = ["StatefulSet", "Deployment", "DaemonSet", "ReplicaSet", "Pod"];
function datastoreServers(w) {
  if (!LONG_RUNNING.includes(w.kind))
    return [];
  return w.containers.flatMap((c) => {
    if (c.init || !c.image || isClientCommand(c.spec))
      return [];
    const store = datastoreOf(c);
    return store ? [{ container: c, store, image: c.image }] : [];
  });
}
var k8s_self_managed_datastore_default = defineViewRule({
  id: "k8s.self-managed-datastore",
  title: "A database or cache runs as a workload in the cluster",
  concerns: ["k8s.self-managed-datastore"],
  view: "workload",
  sources: {
    manifest: { alias: "manifest-self-managed-datastore" },
    k8s: { alias: "k8s-self-managed-datastore" }
  },
  description: "No StatefulSet, Deployment, DaemonSet, ReplicaSet or Pod declared in the repository (in any namespace), nor any such top-level workload the cluster runs (in the namespaces read; a Deployment's ReplicaSets and pods are judged through it), may run a database or cache server image: `postgres`, `postgresql` (`bitnami/postgresql`), `postgis`, `timescaledb`, `mysql`, `mariadb`, `mongo`, `redis` (`bitnami/redis`, `redis-stack`), `valkey`, `keydb`, `dragonfly`, `memcached`, matched on the last path segment of the image repository. Init containers, Jobs and containers whose `command` runs something other than the server (`sleep`, `psql`, `redis-cli`: a client pod borrowing the image for its tools) and look-alikes (`postgres-exporter`, `pgbouncer`, `cloud-sql-proxy`) are not servers.",
  rationale: 'ADR-001 Decision 3 rejected Kubernetes StatefulSets ("manual management, no backups, not production-ready") for Cloud SQL and Memorystore, and Lesson 5 says "Managed Services Always Better Than StatefulSets ... StatefulSets appropriate for stateful apps, not databases". The ADR deleted `statefulset postgresql redis`; a manifest that still declares them brings them back on the next `kubectl apply -f k8s/`. A datastore workload that is still (or again) running holds data outside the managed, backed-up services.',
  remediation: {
    text: "Delete the datastore workload and its manifests; point the app at Cloud SQL or Memorystore. Remove the volumes it left behind.",
    commands: [
      "git rm k8s/statefulsets.yaml",
      "kubectl delete statefulset postgresql redis -n coditect-staging",
      "kubectl delete pvc postgres-storage-postgresql-0 redis-storage-redis-0 -n coditect-staging"
    ]
  },
  benchmarks: [],
  messages: {
    selfManaged: "{{kind}} {{name}} runs {{engine}} ({{image}}) in the cluster; ADR-001 decided on {{managedService}} instead (Decision 3, Lesson 5).",
    noDatastore: "{{kind}} {{name}} runs no database or cache server."
  },
  check(ctx) {
    for (const w of ctx.views) {
      const { resource } = w;
      const servers = datastoreServers(w);
      for (const { container: c, store, image } of servers)
        ctx.fail({
          resource,
          messageId: "selfManaged",
          data: { kind: w.kind, name: w.name, engine: store.engine, image, managedService: store.managedService },
          ...c.imageLocation ? { location: c.imageLocation } : {},
          evidence: [
            {
              path: c.imagePath,
              observed: image,
              expected: `no ${store.engine} server; use ${store.managedService}`
            }
          ],
          discriminator: c.name
        });
      if (servers.length === 0 && LONG_RUNNING.includes(w.kind))
        ctx.pass({
          resource,
          messageId: "noDatastore",
          data: { kind: w.kind, name: w.name },
          ...w.location ? { location: w.location } : {}
        });
    }
  }
});

// packages/rules/dist/workloads/probe-http-auth-required.js
var probe_http_auth_required_default = defineRule({
  id: "probe-http-auth-required",
  title: "A protected API path answers without a token",
  concerns: ["smoke.auth-required"],
  layer: "probe",
  facets: ["probe.http"],
  description: "GETs each protected path (default `/api/v1/licenses/`) of `baseUrl` without any credential. 401 passes (403 too: access is refused either way); a 2xx answer fails (the data is served to anyone), and so does anything else the ADR does not expect: a redirect (to a login page or another host), a server error, or no answer. The answer\u2019s body is never kept.",
  rationale: 'ADR-001 "Smoke Tests" expects `401 Unauthorized` from `/api/v1/licenses/` without a token, and Issue 7 notes authentication was not implemented yet. A license API that answers anonymous requests leaks every license key.',
  remediation: {
    text: "Require authentication on the API\u2019s views (Identity Platform JWT verification, ADR-001 Issue 7) and make unauthenticated requests answer 401.",
    commands: [
      "REST_FRAMEWORK = { 'DEFAULT_PERMISSION_CLASSES': ['rest_framework.permissions.IsAuthenticated'] }",
      'curl -s -o /dev/null -w "%{http_code}" https://staging-api.coditect.ai/api/v1/licenses/'
    ]
  },
  benchmarks: [],
  messages: {
    open: "{{url}} answered {{status}} without a token: it serves protected data to anyone.",
    unexpected: "{{url}} answered {{answer}} without a token, not 401.",
    refused: "{{url}} answered {{status}} without a token."
  },
  check(ctx) {
    const d = ctx.facet("probe.http");
    for (const o of d.protected) {
      const resource = httpResource(d, new URL(o.url).pathname);
      const evidence = [{ path: `GET ${o.url} (no Authorization)`, observed: o.status ?? o.outcome, expected: "401" }];
      if (o.outcome === "answered" && (o.status === 401 || o.status === 403))
        ctx.pass({ resource, messageId: "refused", data: { url: o.url, status: o.status }, evidence });
      else if (o.outcome === "answered" && o.status !== void 0 && o.status >= 200 && o.status < 300)
        ctx.fail({ resource, messageId: "open", data: { url: o.url, status: o.status }, evidence });
      else {
        const answer = o.outcome === "answered" ? `${o.status}${o.location ? ` (redirect to ${o.location})` : ""}` : o.outcome === "redirect-offsite" ? `${o.status} (redirect to ${o.location}, not followed)` : o.detail ?? o.outcome;
        ctx.fail({
          resource,
          messageId: "unexpected",
          data: { url: o.url, answer },
          evidence,
          certainty: o.outcome === "answered" || o.outcome === "redirect-offsite" ? "high" : "low"
        });
      }
    }
  }
});

// packages/rules/dist/workloads/probe-http-health.js
var HEALTHY = /* @__PURE__ */ new Set(["healthy", "ok", "up", "pass", "ready", "alive"]);
var CONNECTED = /* @__PURE__ */ new Set(["connected", "ok", "up", "healthy", "true"]);
function describe(o) {
  if (o.outcome === "answered")
    return `HTTP ${o.status}`;
  if (o.outcome === "redirect-offsite")
    return `a redirect to another host (${o.location})`;
  return o.detail ?? o.outcome;
}
var probe_http_health_default = defineRule({
  id: "probe-http-health",
  title: "The health endpoints do not answer as ADR-001 expects",
  concerns: ["smoke.health-endpoints"],
  layer: "probe",
  facets: ["probe.http"],
  description: "GETs the liveness path (default `/api/v1/health/live`) and the readiness path (default `/api/v1/health/ready`) of `baseUrl`, following redirects on the same host only. Liveness must answer 200 with a healthy `status` (when it gives one); readiness must answer 200 with every component in `readyComponents` (default `database` and `redis`) reported `connected`. Only those short fields of the answer are kept.",
  rationale: 'ADR-001 leaves "Smoke Tests - Verify health endpoints responding" pending, with the expected answers: `{"status": "healthy"}` and `{"status": "ready", "database": "connected", "redis": "connected"}`. A deployment whose readiness does not reach its database or cache is not serving, whatever the rollout status says.',
  remediation: {
    text: "Find why the app is not healthy (its logs, its Secret\u2019s database and Redis endpoints), fix it, and repeat the smoke test.",
    commands: [
      "kubectl logs deployment/coditect-backend -n coditect-staging --tail=100",
      "curl -sS https://staging-api.coditect.ai/api/v1/health/ready"
    ]
  },
  benchmarks: [],
  messages: {
    liveDown: "{{url}} answered {{answer}}{{status}}: the app does not report itself alive.",
    notReady: "{{url}} answered {{answer}}: {{components}} not connected.",
    live: "{{url}} answered 200{{status}}.",
    ready: "{{url}} answered 200 with {{components}} connected."
  },
  check(ctx) {
    const d = ctx.facet("probe.http");
    const live2 = d.live;
    const liveStatus = live2.health?.status;
    const liveData = { url: live2.url, answer: describe(live2), status: liveStatus ? ` (status "${liveStatus}")` : "" };
    const liveResource2 = httpResource(d, new URL(live2.url).pathname);
    if (live2.outcome === "answered" && live2.status === 200 && (liveStatus === void 0 || HEALTHY.has(liveStatus.toLowerCase())))
      ctx.pass({ resource: liveResource2, messageId: "live", data: liveData });
    else
      ctx.fail({
        resource: liveResource2,
        messageId: "liveDown",
        data: liveData,
        evidence: [
          { path: `GET ${live2.url}`, observed: live2.status ?? live2.outcome, expected: '200 {"status": "healthy"}' }
        ]
      });
    const ready = d.ready;
    const readyResource = httpResource(d, new URL(ready.url).pathname);
    const notConnected = d.readyComponents.filter((c) => !CONNECTED.has((ready.health?.[c] ?? "").toLowerCase()));
    const states = d.readyComponents.map((c) => `${c}: ${ready.health?.[c] ?? "missing"}`).join(", ");
    if (ready.outcome === "answered" && ready.status === 200 && notConnected.length === 0)
      ctx.pass({
        resource: readyResource,
        messageId: "ready",
        data: { url: ready.url, components: d.readyComponents.join(" and ") }
      });
    else
      ctx.fail({
        resource: readyResource,
        messageId: "notReady",
        data: {
          url: ready.url,
          answer: `${describe(ready)}${ready.health ? ` (${states})` : ""}`,
          components: (notConnected.length ? notConnected : d.readyComponents).join(" and ")
        },
        evidence: [
          {
            path: `GET ${ready.url}`,
            observed: ready.status ?? ready.outcome,
            expected: `200 with ${d.readyComponents.map((c) => `${c}: connected`).join(", ")}`
          }
        ]
      });
  }
});

// packages/rules/dist/registry.generated.js
var AREAS = {
  backup: [backup_redis_persistence_default, backup_sql_automated_default, backup_sql_pitr_default],
  cache: [gcp_redis_instance_ready_default, redis_auth_disabled_default, redis_transit_encryption_disabled_default],
  cicd: [build_platform_flag_default, cicd_long_lived_key_default, cicd_pipeline_present_default, cicd_smoke_test_default, cicd_unpinned_action_default],
  containers: [container_privilege_escalation_default, container_runs_as_root_default, container_unreadable_dependencies_default, image_runs_as_root_default],
  database: [gcp_sql_app_user_default, gcp_sql_instance_ready_default, probe_postgres_privileges_default, sql_deletion_protection_default, sql_eol_version_default, sql_high_availability_default, sql_public_exposure_default, sql_ssl_not_enforced_default],
  gke: [gke_ksa_binding_default, gke_secrets_encryption_default, gke_workload_identity_default],
  iac: [gcp_unmanaged_resource_default, join_iac_drift_default, tf_missing_declaration_default, tf_resource_not_in_state_default],
  identity: [gcp_identity_platform_enabled_default, gcp_identity_sign_in_providers_default, gcp_workload_identity_binding_default],
  images: [image_mutable_tag_default, image_platform_mismatch_default],
  kms: [kms_signer_binding_default, kms_signing_key_default],
  lifecycle: [eol_base_image_default, lifecycle_removed_kubernetes_api_default],
  network: [network_edge_protection_default, network_public_http_default, network_tls_certificate_default, probe_http_https_redirect_default],
  observability: [gcp_alert_policies_default, observability_workload_logging_default],
  registry: [gcp_artifact_registry_reader_default, gcp_artifact_registry_repository_default, gcp_container_registry_api_default, gcr_docs_reference_default, registry_gcr_reference_default],
  secrets: [db_superuser_app_user_default, k8s_external_secret_sync_default, k8s_placeholder_secret_default, manifest_app_db_sslmode_default, secrets_expected_secret_missing_default, secrets_not_in_secret_manager_default],
  workloads: [k8s_migrations_complete_default, k8s_orphaned_volume_default, k8s_rollout_healthy_default, k8s_self_managed_datastore_default, probe_http_auth_required_default, probe_http_health_default]
};

// packages/rules/dist/index.js
var builtinRules = Object.values(AREAS).flat().sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
export {
  AREAS,
  builtinRules
};
