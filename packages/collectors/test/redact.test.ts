/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are scripts, GitHub expressions and references, not JS templates */
import { describe, expect, it } from 'vitest';
import { isSecretName, looksRandom, redactFacets, redactSecretValue, redactText, redactTree } from '../src/redact.js';

// Fake credentials of the right shapes, assembled so that no scanner mistakes this file for a leak.
const gh = ['ghp', '_', 'Zq3vT8kLm2Xw9Rb4Nc7Yd1Fh6Jp0Gs5Ku8E'].join('');
const aws = ['AKIA', 'Q7ZK3M9T2W8R5X4N'].join('');
const google = ['AIza', 'SyD4k9Qx2vL7mN3pR8tW1zB6cF0hJ5gK2sE'].join('');
const slack = ['xoxb', '-2048-61930-', 'Qm7Tn2Vx9Ld4Kp8Rz3'].join('');
const stripe = ['sk', '_live_', '51Hq8Zt2Lm9Xv4Nc7Rb3Wd'].join('');
const jwt = [
  'eyJhbGciOiJIUzI1NiJ9',
  'eyJzdWIiOiJjYW5hcnkiLCJpYXQiOjE3MDAwMDAwMDB9',
  'Xk3m9Qv2Lp7Tn4Rz8Wb1Yc6Fd0Hs5Gj2Ke',
].join('.');
const random = 'q8Zr3Vt7Nw2Lm9Xk4Pb6Dc1Hy5Fs0Gj';
const pem = ['-----BEGIN RSA PRIVATE ', 'KEY-----\nMIIEow', 'IBAAKCAQEAq8Zr3Vt7\n-----END RSA PRIVATE KEY-----'].join(
  '',
);

/** Free text → what must not survive, and what must. */
const LEAKS: [string, string, string[]][] = [
  ['GitHub token in a script', `git push https://x:${gh}@github.com/o/r`, ['https://x:', '@github.com/o/r']],
  ['AWS access key id', `export AWS_ACCESS_KEY_ID=${aws}`, ['export AWS_ACCESS_KEY_ID=']],
  ['Google API key', `curl "https://maps.example.com/api?key=${google}"`, ['curl "https://maps.example.com/api?key=']],
  ['Slack token', `SLACK=${slack} ./notify`, ['./notify']],
  ['Stripe key', `stripe --api ${stripe}`, ['stripe --api']],
  ['JWT', `Cookie ${jwt}`, ['Cookie']],
  ['private key block', pem, ['-----BEGIN RSA PRIVATE KEY-----', '-----END RSA PRIVATE KEY-----']],
  [
    'URL password',
    'DATABASE=postgres://app:Hunter2-pw@db.internal:5432/app?sslmode=disable',
    ['postgres://app:', '@db.internal:5432/app?sslmode=disable'],
  ],
  ['curl -u', 'curl -u admin:Sup3r-Pw-xyz https://h/x', ['curl -u admin:', 'https://h/x']],
  ['--user=', 'curl --user=admin:Sup3r-Pw-xyz https://h/x', ['curl --user=admin:']],
  [
    'Bearer header',
    'curl -H "Authorization: Bearer abc.def-Secret123" https://api',
    ['Authorization: Bearer ', 'https://api'],
  ],
  ['Basic header', "-H 'Authorization: Basic YWRtaW46cHc=' x", ['Authorization: Basic ']],
  ['--password=', 'app --password=hunter2x --port=80', ['app --password=', '--port=80']],
  ['--password value', 'app --password hunter2x --port 80', ['--port 80']],
  ['KEY=value', 'DB_PASSWORD=hunter2x ./run', ['DB_PASSWORD=', './run']],
  ['key: value', 'api_token: hunter2x', ['api_token: ']],
  ['JSON key', '{"client_secret": "hunter2x", "id": 3}', ['"client_secret": "', '"id": 3']],
  [
    'webhook path',
    'https://hooks.slack.com/services/T000/B000/Xk3m9Qv2Lp7Tn4Rz8Wb1',
    ['https://hooks.slack.com/services/'],
  ],
  ['query token', 'https://x.example/cb?access_token=Xk3m9Qv2Lp7&x=1', ['https://x.example/cb?access_token=', '&x=1']],
  ['high entropy', `value ${random} end`, ['value', 'end']],
  ['sshpass', 'sshpass -p hunter2x ssh h', ['sshpass -p', 'ssh h']],
  ['mysql -p', 'mysql -h db -u root -phunter2x app', ['mysql -h db -u root -p', ' app']],
  ['GitLab token', `glpat-${random.slice(0, 20)}`, []],
  ['npm token', `//registry.npmjs.org/:_authToken=npm_${random}1234`, ['_authToken=']],
  ['SendGrid key', `SG.${random.slice(0, 22)}.${random}Xk3m9Qv2Lp7`, []],
  ['OpenAI key', `OPENAI=sk-proj-${random}`, ['OPENAI=']],
  ['Google OAuth client secret', `--client GOCSPX-${random.slice(0, 28)}`, ['--client ']],
  [
    'Teams webhook',
    `https://contoso.webhook.office.com/webhookb2/${random}@x/IncomingWebhook/${random}`,
    ['https://contoso.webhook.office.com/'],
  ],
  [
    'signed URL',
    `https://storage.googleapis.com/b/o?X-Goog-Signature=${random}&X-Goog-Date=20260101`,
    ['&X-Goog-Date=20260101'],
  ],
  ['token as URL user', `https://${random}@github.com/o/r.git`, ['@github.com/o/r.git']],
  [
    'service-account JSON',
    '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\\nMIIEow' +
      random +
      '\\n-----END PRIVATE KEY-----\\n"}',
    ['"type":"service_account"'],
  ],
  [
    'docker login -p',
    'docker login -u ci -p hunter2x registry.internal',
    ['docker login -u ci -p', 'registry.internal'],
  ],
  [
    'base64 cut by slashes',
    `echo ${random.slice(0, 10)}/${random.slice(10, 20)}/${random.slice(20)} | base64 -d`,
    ['| base64 -d'],
  ],
];

/** Free text that must survive unchanged: what rules read. */
const KEPT: [string, string][] = [
  ['image digest', 'FROM node:20@sha256:3f1d7a4b0e9c2d8f6a5b1c7e4d3a2b9f0e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b'],
  ['pinned action', 'actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11'],
  ['secret reference', 'password: ${{ secrets.DB_PASSWORD }}'],
  ['shell expansion', 'curl -u "admin:$ADMIN_PASSWORD" https://h'],
  ['URL with variable password', 'postgres://app:${DB_PASSWORD}@db:5432/app'],
  ['uid:gid', 'docker run -u 1000:1000 img'],
  ['a file named like a secret, at the head of a message', 'db-secret.yaml:1:1: not read: Helm template'],
  ['docker login --password-stdin', 'echo "$T" | docker login --password-stdin us-docker.pkg.dev'],
  ['resource path', 'projects/coditect-cloud-infra/locations/us-central1/keyRings/coditect-keys/cryptoKeys/jwt-signer'],
  ['image', 'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect/backend:v1.4.2'],
  ['uuid', 'uid 2f1b5c7a-8d3e-4f6a-9b0c-1d2e3f4a5b6c'],
  ['URL without userinfo', 'https://example.com/a:b'],
  ['URL with a user only', 'postgres://app@h/d'],
  ['gcloud command', 'gcloud container clusters get-credentials coditect-staging --region us-central1'],
  ['secret key ref', 'secretKeyRef: backend-secrets'],
  ['placeholder-free prose', 'Set DB_PASSWORD from Secret Manager before the first deploy.'],
  [
    'workload identity provider',
    'projects/374018874256/locations/global/workloadIdentityPools/github/providers/github',
  ],
  ['alert policy name', 'projects/coditect-cloud-infra/alertPolicies/14223519603377185022'],
  [
    'principal set',
    'principalSet://iam.googleapis.com/projects/374018874256/locations/global/workloadIdentityPools/github/attribute.repository/coditect-ai/coditect-cloud-backend',
  ],
  ['template reference', 'password: "{{ .dbPassword }}"'],
];

describe('the free-text detector', () => {
  it.each(LEAKS)('%s', (_what, text, kept) => {
    const out = redactText(text);
    expect(out).toContain('‹redacted:');
    for (const part of kept) expect(out).toContain(part);
    for (const secret of [gh, aws, google, slack, stripe, jwt, random, 'Hunter2-pw', 'Sup3r-Pw-xyz', 'hunter2x'])
      expect(out.includes(secret), `${secret} left in ${out}`).toBe(false);
    expect(out).not.toMatch(/MIIEow|Xk3m9Qv2Lp7|YWRtaW46cHc|abc\.def-Secret123/);
  });

  it.each(KEPT)('keeps %s', (_what, text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('UUIDs and times', () => {
  // Object uids and times are read without the detector (unique to each object); these show it would keep them too.
  const uuids = [
    '2f1b5c7a-8d3e-4f6a-9b0c-1d2e3f4a5b6c',
    '00000000-0000-4000-8000-000000000360',
    'ACCA1B2C-3D4E-4F5A-8B9C-ACCAACCAACCA',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
  ];

  it.each(uuids)('keeps %s alone and inside text the detector reads whole', (uuid) => {
    expect(redactText(uuid)).toBe(uuid);
    expect(redactText(`uid ${uuid} owner`)).toBe(`uid ${uuid} owner`);
    expect(redactTree({ metadata: { uid: uuid }, ownerReferences: [{ uid: uuid }] })).toEqual({
      metadata: { uid: uuid },
      ownerReferences: [{ uid: uuid }],
    });
  });

  it.each([
    '2025-12-01T00:00:00Z',
    '2026-01-31T23:59:59.123456789Z',
    '2026-01-31T23:59:59.999999999+05:30',
    '1999-07-04T08:15:00-07:00',
  ])('keeps the time %s alone and inside text the detector reads whole', (time) => {
    expect(redactText(time)).toBe(time);
    expect(redactText(`started ${time} ok`)).toBe(`started ${time} ok`);
    expect(redactText(`"startedAt":"${time}"`)).toBe(`"startedAt":"${time}"`);
    expect(redactTree({ metadata: { creationTimestamp: time } })).toEqual({ metadata: { creationTimestamp: time } });
  });

  it('still detects a random token of the same length and dashes that is not hex', () => {
    const token = 'q8Zr3Vt7-Nw2L-m9Xk-4Pb6-Dc1Hy5Fs0GjQ';
    expect(token).toHaveLength(36);
    expect(redactText(token)).toBe('‹redacted:high-entropy›');
    expect(redactTree({ metadata: { uid: token } })).toEqual({ metadata: { uid: '‹redacted:high-entropy›' } });
  });
});

describe('URL passwords', () => {
  it.each([
    ['postgres://app:s3cr@t@10.0.0.3/db', 'postgres://app:‹redacted:password›@10.0.0.3/db'],
    [
      'psql "postgres://a:bb@h/d" && redis-cli -u redis://:cc@r:6379',
      'psql "postgres://a:‹redacted:password›@h/d" && redis-cli -u redis://:‹redacted:password›@r:6379',
    ],
  ])('%s', (text, out) => expect(redactText(text)).toBe(out));
});

describe('secret names', () => {
  it.each([
    ['DB_PASSWORD', true],
    ['apiToken', true],
    ['client-secret', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['SECRET_KEY', true],
    ['example.com/api-token', true],
    ['basic_auth', true],
    ['secretName', false],
    ['secretKeyRef', false],
    ['passwordFile', false],
    ['tokenUri', false],
    ['authEnabled', false],
    ['key', false],
    ['keyName', false],
    ['private_key_id', false],
    ['DB_USER', false],
    ['rbac.authorization.k8s.io', false],
    ['example.com/notes', false],
  ])('%s → %s', (name, secret) => expect(isSecretName(name)).toBe(secret));
});

describe('the allow-list for secret-named values', () => {
  it.each([
    ['DB_PASSWORD', '', ''],
    ['DB_PASSWORD', '${{ secrets.DB_PASSWORD }}', '${{ secrets.DB_PASSWORD }}'],
    ['DB_PASSWORD', 'changeme', '‹redacted:placeholder›'],
    [
      'secret',
      'projects/coditect-cloud-infra/secrets/db-password',
      'projects/coditect-cloud-infra/secrets/db-password',
    ],
    ['password_file_hint', '/run/secrets/db-password', '/run/secrets/db-password'],
    ['id-token', 'write', 'write'],
    ['DB_PASSWORD', 'hunter2', '‹redacted:value›'],
    ['DATABASE_URL_SECRET', 'postgres://app:pw1234@db:5432/app', 'postgres://app:‹redacted:password›@db:5432/app'],
  ])('%s=%s → %s', (key, value, out) => expect(redactSecretValue(key, value)).toBe(out));

  it('looks random only for random text', () => {
    expect(looksRandom(random)).toBe(true);
    expect(looksRandom('coditect-cloud-infra')).toBe(false);
    expect(looksRandom('postgresql16client')).toBe(false);
  });
});

describe('whole facets', () => {
  it('masks pairs, secret-named keys and what they reveal elsewhere in the same file', () => {
    const file = {
      env: [{ name: 'PASSWORD', value: 'hunter2-legacy', line: 1 }],
      instructions: [{ keyword: 'ENV', args: 'PASSWORD hunter2-legacy' }],
      with: {
        credentials_json: { value: '{"type":"service_account"}', line: 3 },
        token: { value: '${{ secrets.T }}' },
      },
      annotations: { 'example.com/api-token': 'tok-abc-123456' },
      argv: ['curl', '-u', 'admin:Sup3r-Pw-xyz'],
      command: ['worker', '--api-token', 'Opt-Tok-987654'],
      externalSecret: { data: [{ secretKey: 'dbPassword' }], template: { 'db-password': '{{ .dbPassword }}' } },
      text: 'curl -u admin:Sup3r-Pw-xyz https://h',
    };
    const out = JSON.stringify(redactTree(file));
    for (const secret of ['hunter2-legacy', 'service_account', 'tok-abc-123456', 'Sup3r-Pw-xyz', 'Opt-Tok-987654'])
      expect(out.includes(secret), secret).toBe(false);
    expect(out).toContain('${{ secrets.T }}');
    expect(out).toContain('"secretKey":"dbPassword"');
    expect(out).toContain('{{ .dbPassword }}');
  });

  it('judges a pair by its name whether the name comes before or after its value', () => {
    const out = redactTree({
      env: [
        { value: 'hunter2-legacy', name: 'PASSWORD' },
        { value: 'eu-west1', name: 'REGION' },
      ],
    });
    expect(out.env).toEqual([
      { value: '‹redacted:value›', name: 'PASSWORD' },
      { value: 'eu-west1', name: 'REGION' },
    ]);
  });

  it('masks a plain word or public name only where it was found, not in unrelated text', () => {
    const file = {
      env: [
        { name: 'POSTGRES_PASSWORD', value: 'postgres' },
        { name: 'SESSION_SECRET', value: 'backend' },
      ],
      image: 'postgres:16',
      container: 'backend',
      deployment: 'coditect-backend',
    };
    const out = redactTree(file);
    expect(out.env.map((e) => e.value)).toEqual(['‹redacted:value›', '‹redacted:value›']);
    expect([out.image, out.container, out.deployment]).toEqual(['postgres:16', 'backend', 'coditect-backend']);
  });

  it('redacts an OpenTofu variable default by its name or sensitive flag, keeping references', () => {
    const block = (label: string, value: unknown, sensitive = false) => ({
      type: 'variable',
      labels: [label],
      attributes: {
        default: { name: 'default', value, line: 2, column: 3 },
        ...(sensitive ? { sensitive: { name: 'sensitive', value: true, line: 3, column: 3 } } : {}),
      },
    });
    const facets = {
      'files.terraform': {
        status: 'ok',
        data: {
          files: [
            {
              blocks: [
                block('db_password', 'tf-default-pw-1'),
                block('innocent', 'tf-sensitive-pw-2', true),
                block('region', 'us-central1'),
                block('api_key', { expression: 'var.other' }),
                block('secrets', ['django-secret-key', 'db-password-staging']),
                block('app_secrets', ['tf-list-pw-3', 'Xq9#list-pw-4']),
                block('credentials', ['svc-cred-id-5'], true),
              ],
            },
          ],
        },
        problems: [],
      },
    };
    const out = JSON.stringify(redactFacets(facets));
    expect(out).not.toContain('tf-default-pw-1');
    expect(out).not.toContain('tf-sensitive-pw-2');
    expect(out).toContain('us-central1');
    expect(out).toContain('var.other');
    // A list of secret ids for a for_each is names, not values; anything else under that name is masked.
    expect(out).toContain('django-secret-key');
    expect(out).toContain('db-password-staging');
    expect(out).not.toContain('Xq9#list-pw-4');
    expect(out).not.toContain('svc-cred-id-5');
  });
});
