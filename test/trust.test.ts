/**
 * The trust boundary (docs/security.md), breaks 1 and 2 of issue 14: a configuration file inside the
 * scanned directory may not run code (plugins, a kubeconfig) or name a credential or where it goes; a
 * credential never travels in clear text unless a trusted configuration allows it for that target.
 * Library calls where they prove it; the commands (in-process) where their exit code and message are the point.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '@coditect-audit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { prepare, scan } from '../packages/cli/src/scan.js';
import { runInProcess, tempDir } from './support/cli.js';

const CANARY = 'cnry-trust-4f2a9c71d8e3b6';

/** A repository whose plugin, when imported, writes `marker`: the proof that code ran. */
function hostileRepo(plugins: (files: { inside: string; outside: string }) => string[]) {
  const work = tempDir('coditect-audit-trust-');
  const repo = join(work, 'repo');
  mkdirSync(repo);
  const marker = join(work, 'MARKER');
  const body = `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport const rules = [];\n`;
  writeFileSync(join(repo, 'evil.mjs'), body);
  writeFileSync(join(work, 'outside.mjs'), body);
  const list = plugins({ inside: join(repo, 'evil.mjs'), outside: join(work, 'outside.mjs') });
  writeFileSync(
    join(repo, 'coditect-audit.yaml'),
    `version: 1\nplugins:\n${list.map((p) => `  - ${JSON.stringify(p)}`).join('\n')}\nenvironments:\n  staging:\n    layers:\n      files: true\n`,
  );
  return { work, repo, marker };
}

const PLUGIN_FORMS: [string, (f: { inside: string; outside: string }) => string[]][] = [
  ['a relative path', () => ['./evil.mjs']],
  ['a path out of the repository', () => ['../outside.mjs']],
  ['an absolute path', (f) => [f.outside]],
];

describe('break 1: plugins in the scanned directory never run without trust', () => {
  for (const [name, form] of PLUGIN_FORMS) {
    it(`prepare refuses ${name} before importing it`, async () => {
      const { repo, marker } = hostileRepo(form);
      const err = await prepare({ dir: repo, env: 'staging' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toContain('plugins: imports and runs JavaScript');
      expect((err as Error).message).toContain('--trust-repo-config');
      expect((err as Error).message).toContain('--plugin');
      expect(existsSync(marker)).toBe(false);
    });
  }

  for (const command of ['scan', 'collect', 'doctor']) {
    it(`${command} exits 3 with the fix, and the plugin's code never runs`, async () => {
      const { repo, marker } = hostileRepo(() => ['./evil.mjs']);
      const run = await runInProcess([command, '--dir', repo, '--env', 'staging']);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('not trusted');
      expect(run.stderr).toContain('--trust-repo-config');
      expect(run.stderr).not.toContain('    at ');
      expect(existsSync(marker)).toBe(false);
    });
  }

  it('a config reached through a link is the repository’s when either end is inside it', async () => {
    const { repo, marker, work } = hostileRepo(() => ['./evil.mjs']);
    renameSync(join(repo, 'coditect-audit.yaml'), join(work, 'real.yaml'));
    // A link committed in the repository pointing out of it, and a link outside pointing in.
    symlinkSync(join(work, 'real.yaml'), join(repo, 'coditect-audit.yaml'));
    symlinkSync(join(repo, 'coditect-audit.yaml'), join(work, 'via-link.yaml'));
    writeFileSync(join(repo, 'inner.yaml'), readFileSync(join(work, 'real.yaml')));
    symlinkSync(join(repo, 'inner.yaml'), join(work, 'to-inner.yaml'));
    for (const config of [undefined, join(repo, 'coditect-audit.yaml'), join(work, 'to-inner.yaml')]) {
      const err = await prepare({ dir: repo, env: 'staging', ...(config ? { config } : {}) }).catch((e: unknown) => e);
      expect(err, String(config)).toBeInstanceOf(ConfigError);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('the trusted side loads plugins: --plugin, a config outside the tree, --trust-repo-config', async () => {
    for (const how of ['flag', 'outside', 'trust'] as const) {
      const { repo, marker, work } = hostileRepo(() => ['./evil.mjs']);
      if (how === 'flag') {
        writeFileSync(join(repo, 'coditect-audit.yaml'), 'version: 1\nenvironments:\n  staging: {}\n');
        await prepare({ dir: repo, env: 'staging', plugins: [join(repo, 'evil.mjs')] }).catch(() => undefined);
      } else if (how === 'outside') {
        writeFileSync(
          join(work, 'trusted.yaml'),
          `version: 1\nplugins: [${JSON.stringify(join(repo, 'evil.mjs'))}]\nenvironments:\n  staging: {}\n`,
        );
        await prepare({ dir: repo, env: 'staging', config: join(work, 'trusted.yaml') }).catch(() => undefined);
      } else {
        await prepare({ dir: repo, env: 'staging', trustRepoConfig: true }).catch(() => undefined);
      }
      // The marker module exports no rules, so loading it then fails validation: it was imported.
      expect(existsSync(marker), how).toBe(true);
    }
  });

  it('a kubeconfig named by the repository (exec credential plugins run code) is refused', async () => {
    const repo = tempDir('coditect-audit-trust-');
    writeFileSync(
      join(repo, 'coditect-audit.yaml'),
      'version: 1\nenvironments:\n  staging:\n    layers:\n      k8s:\n        kubeconfig: kubeconfig.yaml\n',
    );
    const err = await prepare({ dir: repo, env: 'staging' }).catch((e: unknown) => e);
    expect((err as Error).message).toContain('environments.staging.layers.k8s.kubeconfig');
  });
});

// ---------------------------------------------------------------- break 2: credentials

/** A TCP listener on 127.0.0.1 that records every byte and answers each chunk with `reply`. */
async function listener(reply: (chunk: Buffer, socket: Socket) => void): Promise<{
  port: number;
  received: () => string;
  connections: () => number;
  server: Server;
}> {
  const chunks: Buffer[] = [];
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    socket.on('data', (c) => {
      chunks.push(c);
      reply(c, socket);
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { port, received: () => Buffer.concat(chunks).toString('latin1'), connections: () => connections, server };
}

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** Redis that wants AUTH: every command but AUTH gets NOAUTH. */
const redisReply = (chunk: Buffer, socket: Socket) => {
  const text = chunk.toString('latin1');
  socket.write(/AUTH/i.test(text) ? '-WRONGPASS invalid\r\n' : '-NOAUTH Authentication required.\r\n');
};

/** PostgreSQL that asks for a clear-text password (AuthenticationCleartextPassword) on any startup. */
const postgresReply = (chunk: Buffer, socket: Socket) => {
  if (chunk[0] === 0x70) {
    // PasswordMessage: refuse it (ErrorResponse), like a wrong password.
    const fields = Buffer.from('SFATAL\0C28P01\0Mpassword authentication failed\0\0', 'latin1');
    const head = Buffer.alloc(5);
    head.write('E', 0, 'latin1');
    head.writeInt32BE(fields.length + 4, 1);
    socket.end(Buffer.concat([head, fields]));
    return;
  }
  const r = Buffer.alloc(9);
  r.write('R', 0, 'latin1');
  r.writeInt32BE(8, 1);
  r.writeInt32BE(3, 5);
  socket.write(r);
};

/** An HTTP registry that answers every request 401 with a Basic challenge. */
const registryReply = (_chunk: Buffer, socket: Socket) => {
  socket.end(
    'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm="r"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
  );
};

type Service = 'redis' | 'postgres' | 'registry';
const REPLIES: Record<Service, (c: Buffer, s: Socket) => void> = {
  redis: redisReply,
  postgres: postgresReply,
  registry: registryReply,
};

function probeBlock(service: Service, port: number, allow: boolean): string {
  const a = allow ? '\n          allowPlaintextCredentials: true' : '';
  switch (service) {
    case 'redis':
      return `        redis:\n          host: 127.0.0.1\n          port: ${port}\n          tls: false\n          passwordEnv: CI_SECRET_CANARY${a}\n`;
    case 'postgres':
      return `        postgres:\n          host: 127.0.0.1\n          port: ${port}\n          user: app\n          database: app\n          sslmode: disable\n          passwordEnv: CI_SECRET_CANARY${a}\n`;
    case 'registry':
      return `        registry:\n          images: ["127.0.0.1:${port}/app/backend:v1"]\n          plainHttpHosts: ["127.0.0.1:${port}"]\n          usernameEnv: CI_USER_CANARY\n          passwordEnv: CI_SECRET_CANARY${a}\n`;
  }
}

function configWith(service: Service, port: number, allow: boolean): string {
  return `version: 1\nenvironments:\n  staging:\n    layers:\n      files: false\n      probe:\n        timeoutMs: 1500\n${probeBlock(service, port, allow)}`;
}

describe('break 2: no credential reaches a listener the repository names', () => {
  const SERVICES: Service[] = ['redis', 'postgres', 'registry'];

  for (const service of SERVICES) {
    it(`${service}: the repository's config naming a credential is refused before any connection`, async () => {
      const l = await listener(REPLIES[service]);
      servers.push(l.server);
      const repo = tempDir('coditect-audit-trust-');
      writeFileSync(join(repo, 'coditect-audit.yaml'), configWith(service, l.port, false));
      process.env.CI_SECRET_CANARY = CANARY;
      const err = await scan({ dir: repo, env: 'staging' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/passwordEnv: names a credential/);
      expect(l.connections()).toBe(0);
    });

    it(`${service}: over plain text a trusted config's credential is withheld, unless allowPlaintextCredentials`, async () => {
      process.env.CI_SECRET_CANARY = CANARY;
      process.env.CI_USER_CANARY = 'ci-user';
      for (const allow of [false, true]) {
        const l = await listener(REPLIES[service]);
        servers.push(l.server);
        const repo = tempDir('coditect-audit-trust-');
        const outside = join(tempDir('coditect-audit-trusted-'), 'trusted.yaml');
        writeFileSync(outside, configWith(service, l.port, allow));
        const result = await scan({ dir: repo, env: 'staging', config: outside });
        expect(l.connections(), `${service} allow=${allow}: the probe ran`).toBeGreaterThan(0);
        const basic = Buffer.from(`ci-user:${CANARY}`).toString('base64');
        const leaked = l.received().includes(CANARY) || l.received().includes(basic);
        // The control: with the trusted permission the credential is sent, so the listener can see one.
        expect(leaked, `${service} allow=${allow}`).toBe(allow);
        if (!allow) {
          const errors = result.verdicts.filter((v) => v.status === 'error').map((v) => v.message);
          expect(errors.join('\n')).toMatch(/clear text|plain HTTP|credentials/);
        }
      }
    });
  }

  it('postgres.fromSecret and registry.url in the repository’s config are refused', async () => {
    const repo = tempDir('coditect-audit-trust-');
    writeFileSync(
      join(repo, 'coditect-audit.yaml'),
      'version: 1\nenvironments:\n  staging:\n    layers:\n      probe:\n        postgres:\n          host: 203.0.113.9\n          fromSecret: {}\n        registry:\n          url: https://203.0.113.9/\n',
    );
    const err = await prepare({ dir: repo, env: 'staging' }).catch((e: unknown) => e);
    expect((err as Error).message).toContain('layers.probe.postgres.fromSecret');
    expect((err as Error).message).toContain('layers.probe.registry.url');
  });

  it('paths the repository’s config names stay inside it (adr, caFile)', async () => {
    const repo = tempDir('coditect-audit-trust-');
    writeFileSync(
      join(repo, 'coditect-audit.yaml'),
      'version: 1\nadr: ../../etc/passwd\nenvironments:\n  staging:\n    layers:\n      probe:\n        http:\n          baseUrl: https://203.0.113.9\n          caFile: /etc/shadow\n',
    );
    const err = await prepare({ dir: repo, env: 'staging' }).catch((e: unknown) => e);
    expect((err as Error).message).toContain('adr: reads a file outside the scanned directory');
    expect((err as Error).message).toContain('layers.probe.http.caFile: reads a file outside');
  });

  it('the command: a credential in the repository’s config exits 3, with the fix', async () => {
    const repo = tempDir('coditect-audit-trust-');
    writeFileSync(join(repo, 'coditect-audit.yaml'), configWith('redis', 9, false));
    const run = await runInProcess(['scan', '--dir', repo, '--env', 'staging'], { env: { CI_SECRET_CANARY: CANARY } });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('layers.probe.redis.passwordEnv');
    expect(run.stderr).toContain('--config');
    expect(run.stderr).not.toContain(CANARY);
  });
});
