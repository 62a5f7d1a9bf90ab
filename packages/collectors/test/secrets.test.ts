/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Secret values written as shell-style placeholders */
import { describe, expect, it } from 'vitest';
import { classifySecretValue, decodeBase64, isExampleHost, parseConnectionUrl } from '../src/files/secrets.js';

describe('classifySecretValue', () => {
  it.each([
    ['password', '', 'empty'],
    ['password', '   ', 'empty'],
    ['password', 'placeholder', 'placeholder'],
    ['password', 'CHANGEME', 'placeholder'],
    ['password', 'change-me', 'placeholder'],
    ['password', 'please-change-me-now', 'placeholder'],
    ['password', 'TODO', 'placeholder'],
    ['password', 'TBD', 'placeholder'],
    ['password', 'xxx', 'placeholder'],
    ['password', 'XXXXXXXX', 'placeholder'],
    ['password', 'xxx-xxx-xxx', 'placeholder'],
    ['password', 'replace-me', 'placeholder'],
    ['password', 'dummy', 'placeholder'],
    ['password', '<db-password>', 'placeholder'],
    ['password', '${DB_PASSWORD}', 'placeholder'],
    ['password', '{{ .Values.password }}', 'placeholder'],
    ['password', 'example', 'placeholder'],
    ['password', 'your-password-here', 'placeholder'],
    ['api-key', 'your_api_key', 'placeholder'],
    ['secret-key', 'django-insecure-abc123', 'placeholder'],
    ['password', '***', 'placeholder'],
    ['password', 'gT8#kL2$wQ9!zX4m', 'set'],
    ['password', 'todolist-service-k3y', 'set'],
    ['db-host', 'localhost', 'example-host'],
    ['db-host', 'localhost:5432', 'example-host'],
    ['db-host', '127.0.0.1', 'example-host'],
    ['db-host', '0.0.0.0', 'example-host'],
    ['db-host', 'db.example.com', 'example-host'],
    ['db-host', 'example.org', 'example-host'],
    ['db-host', 'api.example', 'example-host'],
    ['db-host', 'my-db-host', 'example-host'],
    ['db-host', 'your-redis-host', 'example-host'],
    ['db-host', 'host', 'example-host'],
    ['db-host', '10.28.0.3', 'set'],
    ['db-host', 'postgres.coditect-staging.svc.cluster.local', 'set'],
    ['db-host', 'db-primary.internal', 'set'],
    ['db-host', 'example-db.internal', 'placeholder'],
    ['db-host', 'example', 'example-host'],
    // Generic words are placeholders only where a host is meant.
    ['db-name', 'host', 'set'],
    ['db-user', 'postgres', 'superuser-name'],
    ['POSTGRES_USER', 'root', 'superuser-name'],
    ['username', 'SA', 'superuser-name'],
    ['db-user', 'cloudsqlsuperuser', 'superuser-name'],
    ['db-user', 'license_api', 'set'],
    // Not a key that names a user: the value is a secret like any other.
    ['db-password', 'postgres', 'set'],
    ['db-name', 'admin', 'set'],
    // "Change the password", said in its place; a word that only starts like it is a value.
    ['DB_PASSWORD', 'changePassword', 'placeholder'],
    ['RUNNER_TOKEN', 'changeRunnerAuthToken', 'placeholder'],
    ['password', 'change_password', 'placeholder'],
    ['password', 'changeling-9f2c', 'set'],
    ['password', 'exchangePassword7', 'set'],
  ] as const)('%s=%s → %s', (key, value, expected) => {
    expect(classifySecretValue(key, value).class).toBe(expected);
  });

  it('exposes only superuser names, example hosts and sslmode values', () => {
    expect(classifySecretValue('db-user', 'postgres')).toEqual({ class: 'superuser-name', publicValue: 'postgres' });
    expect(classifySecretValue('db-host', 'localhost')).toEqual({ class: 'example-host', publicValue: 'localhost' });
    expect(classifySecretValue('DB_SSLMODE', 'require')).toEqual({ class: 'set', publicValue: 'require' });
    expect(classifySecretValue('DB_SSLMODE', 'secret-ish')).toEqual({ class: 'set' });
    expect(classifySecretValue('db-user', 'license_api')).toEqual({ class: 'set' });
    expect(classifySecretValue('password', 'changeme')).toEqual({ class: 'placeholder' });
  });

  it('classifies connection URLs by their user and host, keeping the non-secret parts', () => {
    expect(
      classifySecretValue('DATABASE_URL', 'postgres://license_api:Xy9!secret@10.28.0.3:5432/coditect?sslmode=require'),
    ).toEqual({
      class: 'set',
      url: { scheme: 'postgres', host: '10.28.0.3', port: '5432', database: 'coditect', sslmode: 'require' },
    });
    expect(classifySecretValue('DATABASE_URL', 'postgresql://postgres:Xy9@10.28.0.3/coditect')).toEqual({
      class: 'superuser-name',
      publicValue: 'postgres',
      url: { scheme: 'postgresql', user: 'postgres', host: '10.28.0.3', database: 'coditect' },
    });
    expect(classifySecretValue('REDIS_URL', 'redis://:pw@my-redis-host:6379')).toEqual({
      class: 'example-host',
      publicValue: 'my-redis-host',
      url: { scheme: 'redis', host: 'my-redis-host', port: '6379' },
    });
    expect(classifySecretValue('DATABASE_URL', 'postgres://app:changeme@10.0.0.3/db').class).toBe('placeholder');
    expect(classifySecretValue('DATABASE_URL', 'postgres://app:pw@<host>/db').class).toBe('placeholder');
    expect(classifySecretValue('JDBC', 'jdbc:postgresql://10.0.0.3:5432/db?ssl_mode=verify-full')).toEqual({
      class: 'set',
      url: { scheme: 'postgresql', host: '10.0.0.3', port: '5432', database: 'db', sslmode: 'verify-full' },
    });
  });
});

describe('helpers', () => {
  it('decodes only valid standard base64', () => {
    expect(decodeBase64('aHVudGVyMg==')).toBe('hunter2');
    expect(decodeBase64('aHVu\ndGVyMg==')).toBe('hunter2');
    expect(decodeBase64('')).toBe('');
    expect(decodeBase64('aHVudGVyMg')).toBeUndefined();
    expect(decodeBase64('not base64!')).toBeUndefined();
    expect(decodeBase64('a-_b')).toBeUndefined();
  });

  it('parses connection URLs, passwords with unencoded "@" included', () => {
    expect(parseConnectionUrl('postgres://u:p@ss@h:1/d')).toMatchObject({ parts: { host: 'h', port: '1' }, user: 'u' });
    expect(parseConnectionUrl('not a url')).toBeUndefined();
    expect(parseConnectionUrl('10.0.0.3:5432')).toBeUndefined();
  });

  it('recognises example hosts', () => {
    expect(isExampleHost('[::1]')).toBe(true);
    expect(isExampleHost('localhost.')).toBe(true);
    expect(isExampleHost('svc.test')).toBe(true);
    expect(isExampleHost('examples.com')).toBe(false);
    expect(isExampleHost('host', false)).toBe(false);
  });
});
