/**
 * Snapshot versions: a snapshot written by the previous release (schema version 1, coditect-audit 0.1.0,
 * recorded in test/data from `collect --layers files` on fixtures/adr-001-staging) still replays, to the
 * verdicts of a scan of the same files today; a snapshot of a version this release does not read is refused
 * with the versions it reads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, SNAPSHOT_SCHEMA_VERSION } from '@coditect-audit/core';
import { describe, expect, it } from 'vitest';
import { readSnapshot, scan } from '../packages/cli/src/scan.js';
import { repoRoot, tempDir } from './support/cli.js';

const staging = join(repoRoot, 'fixtures/adr-001-staging');
const recorded = join(repoRoot, 'test/data/snapshot-v1-adr-001-staging-files.json');

describe('a version-1 snapshot (coditect-audit 0.1.0)', () => {
  it('is read as the current version, with what the collectors now parse for the rules', async () => {
    expect(JSON.parse(readFileSync(recorded, 'utf8')).schemaVersion).toBe(1);
    const snapshot = await readSnapshot(recorded);
    expect(snapshot.schemaVersion).toBe(SNAPSHOT_SCHEMA_VERSION);
    const workflows = snapshot.facets['files.workflows'];
    if (workflows?.status !== 'ok') throw new Error('no workflows facet');
    const commands = workflows.data.files.flatMap((f) =>
      f.jobs.flatMap((j) => j.steps.flatMap((s) => s.run?.commands ?? [])),
    );
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.every((c) => Array.isArray(c.simple))).toBe(true);
    const dockerfiles = snapshot.facets['files.dockerfile'];
    if (dockerfiles?.status !== 'ok') throw new Error('no dockerfile facet');
    expect(dockerfiles.data.files[0]!.stages.every((s) => s.imageRef !== undefined)).toBe(true);
  });

  it('replays to the verdicts of a scan of the same files today', async () => {
    const replay = await scan({ dir: staging, env: 'staging', snapshot: recorded });
    const live = await scan({ dir: staging, env: 'staging', layers: ['files'] });
    expect(replay.verdicts.length).toBeGreaterThan(50);
    expect(replay.verdicts).toEqual(live.verdicts);
  });
});

it('a snapshot of a version this release does not read is refused, naming the versions it reads', async () => {
  const file = join(tempDir('coditect-audit-snapshot-version-'), 'v9.json');
  writeFileSync(file, JSON.stringify({ schemaVersion: 9, facets: {} }));
  const refused = readSnapshot(file);
  await expect(refused).rejects.toBeInstanceOf(ConfigError);
  await expect(refused).rejects.toThrow(`it says schemaVersion 9, and coditect-audit`);
  await expect(refused).rejects.toThrow(`reads 1 and ${SNAPSHOT_SCHEMA_VERSION}`);
});
