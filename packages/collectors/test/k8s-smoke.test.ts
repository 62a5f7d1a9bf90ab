import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect } from '@coditect-audit/collectors/k8s';
import { resolveExpectations } from '@coditect-audit/core';
import { startK8sEmulator } from '@coditect-audit/emulators/k8s';
import { it, expect } from 'vitest';

it('smoke', async () => {
  const emu = await startK8sEmulator({ dataDir: join(import.meta.dirname, '../../../fixtures/adr-001-staging/k8s/api') });
  const dir = mkdtempSync(join(tmpdir(), 'k8s-'));
  const kubeconfig = emu.kubeconfigPath(dir);
  const r = await collect({ root: dir, environment: 'staging', expectations: resolveExpectations(undefined), config: { namespaces: ['coditect-staging'], pageSize: 2 }, overrides: { kubeconfig }, progress: (m) => console.log(m) });
  console.log(JSON.stringify(r, null, 1).slice(0, 6000));
  console.log(emu.requests().map((x) => `${x.verb} ${x.path}${x.query}`).join('\n'));
  await emu.stop();
  expect(r.state.status).toBe('collected');
});
