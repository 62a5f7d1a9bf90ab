/**
 * Redaction at the collector: every layer's facets pass through here before they leave the collector, so
 * no snapshot, report, baseline or log line can carry a secret the scanned repository or environment holds.
 *
 * Two halves:
 * - **Allow-list for values whose name says secret** (`DB_PASSWORD=…`, `api_token: …`, a `.tf` variable
 *   named or marked sensitive): only what rules need survives: empty stays empty, references
 *   (`${{ secrets.X }}`, `$VAR`, `var.x`) and public names (`postgres`, `localhost`, an sslmode) stay as
 *   written, a placeholder becomes `‹redacted:placeholder›`, anything else `‹redacted:value›`.
 * - **A detector for free text** (scripts, commands, messages, annotations, URLs, every other string):
 *   known token formats, private-key blocks, URL passwords and secret query parameters, webhook URLs
 *   whose secret is their path, `Authorization:` headers, `-u user:pw`, `key=value` / `--key value` /
 *   `key: value` with a secret-like key, and high-entropy tokens. Only the secret part is replaced by
 *   `‹redacted:kind›`, so a command still parses and a URL keeps its scheme, host, port and database.
 *
 * What one place reveals is then masked everywhere in the same file or facet (a password found in
 * `-u admin:pw` also leaves the command's `argv`).
 */
import { classifySecretValue, isExampleHost, isSuperuserName, parseConnectionUrl } from './files/secrets.js';

/** Kinds a marker names; each is what the detector recognised, never the value. */
export type RedactionKind =
  | 'private-key'
  | 'github-token'
  | 'gitlab-token'
  | 'aws-access-key'
  | 'google-api-key'
  | 'google-oauth'
  | 'slack-token'
  | 'stripe-key'
  | 'jwt'
  | 'npm-token'
  | 'sendgrid-key'
  | 'openai-key'
  | 'token'
  | 'password'
  | 'authorization'
  | 'webhook'
  | 'high-entropy'
  | 'placeholder'
  | 'value';

export const marker = (kind: RedactionKind): string => `‹redacted:${kind}›`;
/** Any marker, and the `<redacted>` the manifest reader writes: text that is already safe. */
const MARKER = /‹redacted:[a-z-]+›|<redacted>/;
const WHOLE_MARKER = new RegExp(`^(?:${MARKER.source})$`);

// ---------------------------------------------------------------- names that say "secret"

/** Words of a key that make its value a secret (`DB_PASSWORD`, `apiToken`, `client-secret`, `AWS_SECRET_ACCESS_KEY`). */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'secret',
  'secrets',
  'token',
  'apikey',
  'privatekey',
  'accesskey',
  'secretkey',
  'signingkey',
  'signerkey',
  'encryptionkey',
  'masterkey',
  'sessionkey',
  'accountkey',
  'authkey',
  'clientsecret',
  'credential',
  'credentials',
  'auth',
  'authorization',
  'bearer',
  'sas',
  'salt',
  'cookie',
  'dsn',
  'webhook',
  'hmac',
]);
/** Two-word spellings of the same (`api_key`, `private-key`, `access.key`). */
const SECRET_PAIRS =
  /(?:api|private|access|secret|signing|signer|encryption|master|session|account|auth|client)(?:key|secret)$/;
/** A last word that makes the key name a reference, not a value (`secretName`, `passwordFile`, `tokenUri`). */
const REFERENCE_WORDS = new Set([
  'name',
  'names',
  'ref',
  'refs',
  'reference',
  'file',
  'files',
  'path',
  'paths',
  'dir',
  'env',
  'id',
  'ids',
  'uri',
  'url',
  'arn',
  'type',
  'version',
  'versions',
  'length',
  'ttl',
  'policy',
  'mode',
  'enabled',
  'required',
  'count',
  'manager',
  'store',
  'provider',
  'rotation',
  'location',
  'source',
  'sources',
  'label',
  'labels',
  'expiry',
  'expiration',
  'expires',
  'algorithm',
  'method',
  'endpoint',
  'header',
  'scope',
  'scopes',
  'audience',
  'issuer',
  'format',
  'prefix',
  'key',
  'keys',
  'stdin',
  'required',
]);

/** A DNS name used as a key (an API group, a label prefix). */
const DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:io|com|org|net|dev|cloud|ai|app|co|sh|k8s\.io|x-k8s\.io)$/;

/** `DB_PASSWORD` → db password; `apiToken` → api token; `example.com/api-token` → example com api token. */
function wordsOf(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Keys repeat across a facet (`name`, `line`, `image`…): each is judged once. */
const secretNames = new Map<string, boolean>();

/**
 * Every word and word pair that makes a name secret holds one of these, and each word of a name is a piece of
 * its letters and digits in order: a name without any (most object names: `api-1040`) is not secret.
 */
const SECRET_PIECE = /pass|pwd|secret|token|key|credential|auth|bearer|sas|salt|cookie|dsn|webhook|hmac/;

/** Whether a key, variable, option or header name says its value is a secret. */
export function isSecretName(key: string): boolean {
  // Looked up first: the same few keys are asked about for every object, and the letters test below makes
  // two strings each time.
  let known = secretNames.get(key);
  if (known === undefined) {
    if (secretNames.size > 50_000) secretNames.clear();
    known = SECRET_PIECE.test(key.toLowerCase().replace(/[^a-z0-9]+/g, '')) && judgeName(key);
    secretNames.set(key, known);
  }
  return known;
}

function judgeName(key: string): boolean {
  // External Secrets' `secretKey` names a key of the Secret it writes, not a value.
  if (key === 'secretKey') return false;
  // `example.com/api-token`: the name is after the domain; a bare domain (`rbac.authorization.k8s.io`) is an API group.
  const slash = key.lastIndexOf('/');
  if (slash >= 0) return judgeName(key.slice(slash + 1));
  if (DOMAIN.test(key)) return false;
  const words = wordsOf(key);
  if (words.length === 0) return false;
  const last = words[words.length - 1]!;
  const joinedTail = words.slice(-2).join('');
  if (SECRET_PAIRS.test(joinedTail) || SECRET_PAIRS.test(last)) return true;
  if (REFERENCE_WORDS.has(last)) return false;
  return words.some((w) => SECRET_WORDS.has(w));
}

/** Text that cannot hold a literal secret: a reference resolved elsewhere, or an earlier marker. */
export function isReference(value: string): boolean {
  const v = value.trim();
  return (
    /^\$\{\{[^}]*\}\}$/.test(v) ||
    /^\$\{[A-Za-z_][\w.:-]*\}$/.test(v) ||
    /^\$[A-Za-z_]\w*$/.test(v) ||
    /^\{\{[^}]*\}\}$/.test(v) ||
    /^(?:var|local|data|module)\.[\w.[\]"-]+$/.test(v) ||
    WHOLE_MARKER.test(v)
  );
}

/** Words that are settings, never credentials (`id-token: write`, `auth: required`, `password: none`). */
const SETTING_WORD = /^(?:read|write|none|true|false|yes|no|on|off|enabled|disabled|required|optional|auto|null)$/i;

/**
 * Names of where a secret is kept, not the secret: Google Cloud resource names (`projects/p/secrets/db`)
 * and absolute file paths (`/run/secrets/db-password`).
 */
const RESOURCE_NAME = /^(?:(?:projects|organizations|folders)\/[\w.-]+(?:\/[\w.@:-]+)*|\/[\w.-]+(?:\/[\w.-]+)+)$/;

/**
 * The allow-list for one value whose name says secret: what rules may read of it, never the value.
 * URLs keep everything but their secret parts; the rest becomes a class marker.
 */
export function redactSecretValue(key: string, value: string): string {
  const trimmed = value.trim();
  if (!trimmed || isReference(trimmed) || SETTING_WORD.test(trimmed) || RESOURCE_NAME.test(trimmed)) return value;
  if (parseConnectionUrl(trimmed)) return redactText(value);
  const verdict = classifySecretValue(key, trimmed);
  if (verdict.class === 'empty') return value;
  // Public names (`postgres`, `localhost`, an sslmode) are evidence the rules use, not secrets.
  if (verdict.publicValue !== undefined && verdict.publicValue === trimmed) return value;
  return marker(verdict.class === 'placeholder' ? 'placeholder' : 'value');
}

// ---------------------------------------------------------------- the free-text detector

interface Finding {
  /** The secret text itself, to mask wherever else it appears. */
  secret: string;
  kind: RedactionKind;
}

/** Known token formats: the whole match is the secret. */
const TOKEN_FORMATS: [RegExp, RedactionKind][] = [
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, 'github-token'],
  [/\bglpat-[A-Za-z0-9_-]{20,}/g, 'gitlab-token'],
  [/\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/g, 'aws-access-key'],
  [/\bAIza[0-9A-Za-z_-]{30,}/g, 'google-api-key'],
  [/\b(?:GOCSPX-[A-Za-z0-9_-]{16,}|ya29\.[0-9A-Za-z_-]{16,}|1\/\/0[0-9A-Za-z_-]{30,})/g, 'google-oauth'],
  [/\bxox[abposre]-[A-Za-z0-9-]{10,}/g, 'slack-token'],
  [/\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,}|\bwhsec_[A-Za-z0-9]{20,}/g, 'stripe-key'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, 'jwt'],
  [/\b(?:npm_[A-Za-z0-9]{30,}|pypi-[A-Za-z0-9_-]{40,}|dckr_pat_[A-Za-z0-9_-]{20,})/g, 'npm-token'],
  [/\bSG\.[\w-]{16,}\.[\w-]{16,}/g, 'sendgrid-key'],
  [/\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}/g, 'openai-key'],
  [/\b(?:SK[0-9a-f]{32}|key-[0-9a-f]{32}|shpat_[0-9a-fA-F]{32}|hf_[A-Za-z0-9]{30,})\b/g, 'token'],
];

/** Cheap test before the token formats: one of their prefixes occurs. */
const TOKEN_PREFIX =
  /gh[pousr]_|github_pat_|glpat-|A(?:KIA|SIA|BIA|CCA|GPA|IDA|ROA|NPA|NVA|IPA)|AIza|GOCSPX-|ya29\.|1\/\/0|xox[abposre]-|(?:sk|rk)_(?:live|test)_|whsec_|eyJ|npm_|pypi-|dckr_pat_|SG\.|sk-|SK[0-9a-f]|key-|shpat_|hf_/;

/** A private key block, PEM or inside JSON (`\n` escapes); to its END line, a quote or the end of the text. */
const PRIVATE_KEY =
  /(-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----)([\s\S]*?)(?=-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|["']|$)/g;

/** `scheme://user:password@host`: the password (an unencoded `@` may sit in it, so up to the last `@`). */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^:/?#@\s'"‹]*):([^\s'"]+?)@(?=[^@\s'"/]*(?:[/?#\s'"]|$))/gi;
/** `scheme://token@host` where the user part alone is a credential (checked for entropy or format). */
const URL_USER_ONLY = /\b([a-z][a-z0-9+.-]*:\/\/)([^:/?#@\s'"‹]{16,})@/gi;

/** Hosts whose webhook URLs carry their secret in the path, with the non-secret prefix kept. */
const WEBHOOK_PATHS =
  /\b(https?:\/\/(?:hooks\.slack\.com\/(?:services|workflows|triggers)\/|(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/|[\w-]+\.webhook\.office\.com\/|outlook\.office\.com\/webhook\/|api\.telegram\.org\/bot|hooks\.zapier\.com\/hooks\/catch\/|events\.pagerduty\.com\/integration\/|[\w.-]+\.logic\.azure\.com(?::\d+)?\/workflows\/))([^\s'"?#<>]+)/gi;

/** Query parameters that carry a credential (`?key=`, `&token=`, signed-URL signatures). */
const SECRET_QUERY =
  /([?&;](?:[\w.-]*(?:token|secret|password|passwd|pwd|key|apikey|sig|signature|credential|auth|code|sas)[\w.-]*|x-goog-signature|x-amz-signature|x-amz-credential|x-amz-security-token))=([^&\s'"#<>‹]+)/gi;

/** `Authorization: Bearer …`, `Proxy-Authorization: Basic …`, `Authorization=token …`. */
const AUTHORIZATION =
  /\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?(?:(?:bearer|basic|token|digest|bot|negotiate|apikey|sso-key)\s+)?)([^\s'"‹,;]+(?:\s+[^\s'"‹,;=]+=[^\s'"‹,;]*)?)/gi;

/** The scheme word of an `Authorization` value, whose credentials the header rule already masked. */
const AUTH_SCHEME = /^["']?(?:bearer|basic|token|digest|bot|negotiate|apikey|sso-key)$/i;

/** `curl -u user:pw`, `--user=user:pw`, `--proxy-user user:pw`: the part after the colon. */
const USER_OPTION = /((?:^|\s)(?:-u\s*|--(?:proxy-)?user[=\s]+|-U\s+)["']?[^\s:'"]*:)([^\s'"]+)/g;
/** `sshpass -p secret`, `mysql -psecret`, `PGPASSWORD` handled by the key rule. */
const PASSWORD_OPTION =
  /(\bsshpass\s+-p\s*|\bmysql(?:dump|admin)?\b[^\n|;&]*?\s-p|\b(?:docker|podman|buildah|skopeo|oras|helm(?:\s+registry)?)\s+login\b[^\n|;&]*?\s-p\s+)([^\s'"‹-][^\s'"‹]*)/g;

/** A value in free text: a GitHub expression, a shell expansion, a quoted string or a bare word. */
const VALUE = String.raw`(\$\{\{[^}\n]*\}\}|\$\{[^}\n]*\}|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s'"‹,;&|)}\]]+)`;
/** `--db-password=x`, `--api-token x`: an option whose name says secret, then its value. */
const SECRET_OPTION = new RegExp(String.raw`((?:^|[\s"'(=])--?([A-Za-z][\w.-]*)(?:=|[ \t]+))` + VALUE, 'g');
/** `DB_PASSWORD=x`, `api_key: x`, `"client_secret": "x"`, `token="x"`, `-e PASSWORD=x`. */
const SECRET_ASSIGNMENT = new RegExp(
  String.raw`((?:^|[^\w.$\\/-])["']?([A-Za-z_][\w.-]*)["']?[ \t]*(?::=|:|=)[ \t]*)` + VALUE,
  'g',
);

/** A run of token characters, checked for entropy; slashes, dots and dashes are split on and checked in parts. */
const TOKEN_RUN = /[A-Za-z0-9+/_.-]{16,}={0,2}/g;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Shannon entropy in bits per character. */
export function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Whether one part of a token looks random: 16+ characters mixing letters and digits with near-random
 * entropy, or 32+ hex digits. Names (`coditect-cloud-infra`), versions and paths are split first, so
 * their parts are short or low in entropy.
 */
export function looksRandom(part: string): boolean {
  const p = part.replace(/=+$/, '');
  if (p.length < 16) return false;
  if (UUID.test(p)) return false;
  const hasDigit = /\d/.test(p);
  const hasLetter = /[A-Za-z]/.test(p);
  if (!hasDigit || !hasLetter) return false;
  // 40 and 64 hex digits are git object names and SHA-256 digests (pinned actions, image digests, checksums).
  if (/^[0-9a-f]+$/i.test(p)) return p.length >= 32 && p.length !== 40 && p.length !== 64 && entropy(p) >= 3;
  const classes = Number(/[a-z]/.test(p)) + Number(/[A-Z]/.test(p)) + Number(hasDigit);
  const digits = p.replace(/\D/g, '').length;
  const digitRuns = p.match(/\d+/g)?.length ?? 0;
  // A number inside a long word (`postgresql16client`) is a name; random text scatters its digits.
  if (digitRuns < 2 && digits < 4) return false;
  const threshold = Math.min(3.6, Math.log2(p.length) * 0.82);
  return (classes >= 2 || p.length >= 24) && entropy(p) >= threshold;
}

/** Whether a run of token characters holds a random part; digests and commit references after `@` are public. */
function randomToken(run: string, before: string): boolean {
  if (/(?:sha(?:1|256|384|512)[:-]|@)$/i.test(before) && /^[0-9a-f]+$/i.test(run)) return false;
  if (UUID.test(run)) return false;
  if (looksRandom(run) && !/[/.]/.test(run) && !/[-_]/.test(run)) return true;
  const parts = run.split(/[/._-]+/);
  if (parts.some(looksRandom)) return true;
  // Base64 may hold `/`, `+`, `-`, `_` that cut a secret into short parts: random too when no part is a word
  // (a path, a resource name) and the whole mixes letters and digits at random.
  const word = (p: string) => /^[a-z]{3,}$/i.test(p) && !(/[a-z]/.test(p) && /[A-Z]/.test(p) && p.length < 8);
  return !run.includes('.') && run.length >= 24 && !parts.some(word) && looksRandom(run.replace(/[/_+-]/g, ''));
}

/** `https://x/p?a=1` and `file.tar.gz` end before a trailing dot or slash that punctuates prose. */
function keepsStructure(value: string): boolean {
  return MARKER.test(value) || isReference(value);
}

/** An RFC 3339 time as the Kubernetes API writes it (`creationTimestamp`, `startedAt`, `lastTransitionTime`). */
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)$/;

/**
 * Strings nothing the detector looks for can match: most strings of a facet are short names, and every
 * Kubernetes object has UUIDs (`metadata.uid`, owner references) and times unique to it, which would otherwise
 * be detected and cached once per object. A UUID is one run of token characters that {@link randomToken} finds
 * not random; no other pattern fits hex digits and four single dashes (no run of 16 without a dash for a token
 * format, no `--`, `=`, `:`, `@`, `/` or space). A time has no run of 16 token characters (`:` cuts them), no
 * letter but `T` and `Z` after a digit (no key name), no dash after a space or quote (no option).
 */
function cannotHoldSecret(text: string): boolean {
  const length = text.length;
  if (length < 8 || (length < 16 && !/[=:\s]/.test(text))) return true;
  // The length and a character first: a regex test on every longer string would cost what it saves.
  if (length === 36) return text.charCodeAt(8) === 45 && UUID.test(text);
  return length >= 20 && length <= 35 && text.charCodeAt(10) === 84 && TIMESTAMP.test(text);
}

/**
 * Finds the secrets in one free text; `replace` puts markers in their place. Findings let the caller mask
 * the same secret wherever else it appears.
 */
export function detectSecrets(text: string): { text: string; findings: Finding[] } {
  const findings: Finding[] = [];
  if (cannotHoldSecret(text)) return { text, findings };
  let out = text;
  const found = (secret: string, kind: RedactionKind): string => {
    if (secret && !keepsStructure(secret)) findings.push({ secret, kind });
    return marker(kind);
  };
  const spaced = /\s/.test(out);

  if (out.includes('PRIVATE KEY'))
    out = out.replace(PRIVATE_KEY, (_w, head: string, body: string) =>
      body.trim() ? `${head}${found(body, 'private-key')}` : `${head}${body}`,
    );
  if (TOKEN_PREFIX.test(out)) for (const [re, kind] of TOKEN_FORMATS) out = out.replace(re, (w) => found(w, kind));
  if (out.includes('://')) {
    out = out.replace(WEBHOOK_PATHS, (_w, prefix: string, path: string) => `${prefix}${found(path, 'webhook')}`);
    if (out.includes('@')) {
      out = out.replace(URL_USERINFO, (w, scheme: string, user: string, password: string) =>
        keepsStructure(password) ? w : `${scheme}${user}:${found(password, 'password')}@`,
      );
      out = out.replace(URL_USER_ONLY, (w, scheme: string, user: string) =>
        randomToken(user, '') ? `${scheme}${found(user, 'token')}@` : w,
      );
    }
  }
  if (/[?&;]/.test(out) && out.includes('=')) {
    out = out.replace(SECRET_QUERY, (w, head: string, value: string) =>
      keepsStructure(value) || /^(?:true|false|\d{1,6})$/i.test(value) ? w : `${head}=${found(value, 'token')}`,
    );
  }
  if (/authorization/i.test(out))
    out = out.replace(AUTHORIZATION, (w, head: string, credentials: string) =>
      runtimeValue(credentials) ? w : `${head}${found(credentials, 'authorization')}`,
    );
  if (spaced && /-u|--(?:proxy-)?user|-U/.test(out))
    out = out.replace(USER_OPTION, (w, head: string, password: string) =>
      runtimeValue(password) || /^\d{1,10}$/.test(password) ? w : `${head}${found(password, 'password')}`,
    );
  if (spaced && /sshpass|mysql|login/.test(out))
    out = out.replace(PASSWORD_OPTION, (w, head: string, password: string) =>
      runtimeValue(password) ? w : `${head}${found(password, 'password')}`,
    );
  if (out.includes('-'))
    out = out.replace(SECRET_OPTION, (w, head: string, name: string, value: string) =>
      isSecretName(name) && !value.startsWith('-') ? `${head}${secretValueIn(name, value, found)}` : w,
    );
  if (/[=:]/.test(out))
    out = out.replace(SECRET_ASSIGNMENT, (w, head: string, name: string, value: string) =>
      isSecretName(name) && !AUTH_SCHEME.test(value) && !isFileLocation(name, value)
        ? `${head}${secretValueIn(name, value, found)}`
        : w,
    );
  if (out.length >= 16)
    out = out.replace(TOKEN_RUN, (run: string, offset: number, whole: string) => {
      const before = whole.slice(Math.max(0, offset - 8), offset);
      return randomToken(run, before) ? found(run, 'high-entropy') : run;
    });
  return { text: out, findings };
}

/**
 * `db-secret.yaml:1:1:` at the head of a message is a file's place, not a key and its value: a name with a file
 * extension, then line and column.
 */
function isFileLocation(name: string, value: string): boolean {
  return FILE_NAME.test(name) && LINE_COLUMN.test(value);
}
const FILE_NAME = /\.(?:ya?ml|json|tf|tfvars|hcl|md|txt|env|sh|py|js|ts|toml|ini|conf|cfg|properties|xml)$/i;
const LINE_COLUMN = /^\d+(?::\d+)?:?$/;

/** A value filled in when the command runs (`$VAR`, `${{ secrets.X }}`, `$(cat file)`) or already masked. */
function runtimeValue(value: string): boolean {
  const v = value.replace(/^["']/, '');
  return !v || v.startsWith('$') || keepsStructure(v);
}

/** The value of a secret-named key or option found in free text, quotes kept, judged by the allow-list. */
function secretValueIn(name: string, raw: string, found: (s: string, k: RedactionKind) => string): string {
  const quote = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.endsWith(raw[0]) ? raw[0] : '';
  const inner = quote ? raw.slice(1, -1) : raw;
  if (runtimeValue(inner)) return raw;
  const replaced = redactSecretValue(name, inner);
  if (replaced === inner) return raw;
  // A URL keeps its structure (its secret parts were masked by the URL rules above).
  if (!replaced.startsWith('‹redacted:')) return `${quote}${replaced}${quote}`;
  if (replaced === marker('placeholder')) return `${quote}${replaced}${quote}`;
  return `${quote}${found(inner, 'password')}${quote}`;
}

/** Free text with every secret the detector knows replaced by a marker. */
export function redactText(text: string): string {
  return detectSecrets(text).text;
}

// ---------------------------------------------------------------- whole facets

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What the detector made of one string: its text, with what it found there when it found anything. */
type Detection = string | { text: string; findings: Finding[] };

/**
 * Detections by string, shared by the parts of one facet redacted alone ({@link redactAlone}): most strings
 * repeat from object to object (images, labels, phases) and are read once. A part that meets a string
 * found to hold a secret learns it as the part where it was first met did.
 */
export type DetectionCache = Map<string, Detection>;

/** Secrets learned in one file or facet, masked wherever they appear in it. */
class FacetRedactor {
  /** Made when the first secret is learned: most parts redacted alone (a facet's items) learn none. */
  private known: Map<string, RedactionKind> | undefined;
  private pattern: RegExp | undefined;

  constructor(private readonly cache: DetectionCache = new Map()) {}

  /** Whether a secret was learned to mask elsewhere (then a second pass masks it where it came earlier). */
  get learned(): boolean {
    return this.known !== undefined;
  }

  learn(secret: string, kind: RedactionKind): void {
    const s = secret.trim();
    // Short values, plain words and public names would mask unrelated text (`postgres:16`, a container
    // named `backend`); they are masked where they were found, not searched for elsewhere.
    if (s.length < 6 || isReference(s) || (/^[a-z]+$/.test(s) && s.length < 16)) return;
    if (isSuperuserName(s) || isExampleHost(s)) return;
    const verdict = classifySecretValue('password', s);
    if (verdict.class === 'placeholder' || verdict.publicValue !== undefined) return;
    this.known ??= new Map();
    if (!this.known.has(s)) {
      this.known.set(s, kind);
      this.pattern = undefined;
    }
  }

  text(value: string): string {
    // Short names and UUIDs are neither detected nor cached: the test is cheaper than the lookup, and the cache
    // keeps only strings worth reading again.
    if (cannotHoldSecret(value)) return this.mask(value);
    let detected = this.cache.get(value);
    if (detected === undefined) {
      const { text, findings } = detectSecrets(value);
      detected = findings.length > 0 ? { text, findings } : text;
      this.cache.set(value, detected);
    }
    if (typeof detected === 'string') return this.mask(detected);
    for (const f of detected.findings) this.learn(f.secret, f.kind);
    return this.mask(detected.text);
  }

  secretValue(key: string, value: string): string {
    const out = redactSecretValue(key, value);
    if (out !== value && out.startsWith('‹redacted:value')) this.learn(value, 'password');
    return out === value ? this.text(value) : out;
  }

  /** Masks every learned secret in `text` (after its own findings were replaced). */
  mask(text: string): string {
    const known = this.known;
    if (known === undefined) return text;
    if (!this.pattern) {
      const alternatives = [...known.keys()]
        .sort((a, b) => b.length - a.length)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      this.pattern = new RegExp(`(?<![A-Za-z0-9])(?:${alternatives.join('|')})(?![A-Za-z0-9])`, 'g');
    }
    return text.replace(this.pattern, (s) => marker(known.get(s) ?? 'value'));
  }
}

/**
 * Walks a value once to learn what is secret (values of secret-named keys, `{ name, value }` pairs with a
 * secret name, detector findings), then rebuilds it with every secret masked. Object keys are kept. A plain
 * array or object in which nothing was masked is returned as it is (most of a facet holds no secret; copying
 * it all would double what the collector allocates), so the result may share unchanged parts with `value`.
 */
function walk(value: unknown, r: FacetRedactor, secretName?: string): unknown {
  if (typeof value === 'string') return secretName !== undefined ? r.secretValue(secretName, value) : r.text(value);
  if (Array.isArray(value)) {
    // An argv (`["--api-token", "…"]`, `["-u", "admin:pw"]`) is judged as the command line it makes.
    if (value.length > 1 && everyString(value)) r.text(value.join(' '));
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const w = walk(v, r, secretName);
      if (out === undefined && w !== v) out = value.slice(0, i);
      out?.push(w);
    }
    return out ?? value;
  }
  if (!isJson(value)) return value;
  // Anything but a plain object is rebuilt as one, as before (and `__proto__` as a key assigns a prototype).
  if (Object.getPrototypeOf(value) !== Object.prototype) {
    const rebuilt: Json = {};
    for (const k of Object.keys(value)) rebuilt[k] = walkMember(value, k, value[k], r, secretName);
    return rebuilt;
  }
  // A plain object's keys are enumerated in place (`for…in` makes no array, where `Object.keys` made one per
  // object of every facet): its own keys in the same order, as Object.prototype has no enumerable key.
  let out: Json | undefined;
  let i = 0;
  for (const k in value) {
    const v = value[k];
    // Numbers, booleans and nulls are kept whatever their key: no call for them.
    const w =
      typeof v === 'string' || (typeof v === 'object' && v !== null) ? walkMember(value, k, v, r, secretName) : v;
    if (out === undefined && (w !== v || k === '__proto__')) {
      out = {};
      let j = 0;
      for (const before in value) {
        if (j++ === i) break;
        out[before] = value[before];
      }
    }
    if (out !== undefined) out[k] = w;
    i++;
  }
  return out ?? value;
}

/**
 * One member `k` (its value `v`) of an object as {@link walk} redacts it. The object's pair name and variable
 * are judged only at the member that needs them: most objects have neither a `value` nor an `attributes`
 * member, and their `name` (an object's own, unique to it) need not be judged at all.
 */
function walkMember(value: Json, k: string, v: unknown, r: FacetRedactor, secretName: string | undefined): unknown {
  // Source positions (JSON pointer → line, column and, for a rendered kustomize patch, a repository path).
  if (k === 'positions' && isJson(v)) return v;
  // `{ name: DB_PASSWORD, value: … }` (env lists, Dockerfile ENV/ARG, .tf attributes).
  if (k === 'value')
    return walk(v, r, typeof value.name === 'string' && isSecretName(value.name) ? value.name : secretName);
  if (k === 'expression' && typeof v === 'string' && secretName !== undefined)
    return redactExpression(secretName, v, r);
  if (k === 'attributes' && isJson(v)) {
    const variable = secretVariable(value);
    // `variable "db_password" { default = "…" }` and `sensitive = true`: the default is the secret.
    if (variable !== undefined) {
      const attributes: Json = {};
      for (const [name, attribute] of Object.entries(v))
        attributes[name] =
          name === 'default' && isJson(attribute) && !namesList(variable, v, attribute)
            ? walk(attribute, r, variable)
            : walk(attribute, r);
      return attributes;
    }
  }
  if ((typeof v === 'string' || (isJson(v) && 'value' in v)) && isSecretName(k)) return walk(v, r, k);
  return walk(v, r, undefined);
}

function everyString(values: readonly unknown[]): boolean {
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== 'string') return false;
  return true;
}

/**
 * `variable "secrets" { default = ["django-secret-key", "db-password-staging"] }`: a plural name over a list of
 * resource ids (lower-case words joined by `-` or `_`) is the list of secrets a `for_each` declares, not their
 * values; masking it would hide which Secret Manager secrets the repository declares. The detector still reads it.
 */
function namesList(variable: string, attributes: Json, attribute: Json): boolean {
  const sensitive = attributes.sensitive;
  if ((isJson(sensitive) && sensitive.value === true) || !/(?:secrets|credentials)$/i.test(variable)) return false;
  const value = attribute.value;
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => typeof v === 'string' && /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+$/.test(v))
  );
}

/** The name under which an OpenTofu `variable` block's default is a secret, if it is one. */
function secretVariable(block: Json): string | undefined {
  if (block.type !== 'variable' || !Array.isArray(block.labels) || !isJson(block.attributes)) return undefined;
  const label = typeof block.labels[0] === 'string' ? block.labels[0] : '';
  const sensitive = block.attributes.sensitive;
  if (isJson(sensitive) && sensitive.value === true) return isSecretName(label) ? label : 'sensitive_value';
  return isSecretName(label) ? label : undefined;
}

/** An OpenTofu expression under a secret name: references stay, each quoted literal is judged alone. */
function redactExpression(name: string, expression: string, r: FacetRedactor): string {
  return expression.replace(/"((?:[^"\\]|\\.)*)"/g, (w, literal: string) => {
    const kept = literal.replace(/\$\{[^}]*\}/g, '');
    if (!kept.trim()) return w;
    return `"${r.secretValue(name, literal)}"`;
  });
}

/** Two passes, so a secret found late in the walk is also masked where it appeared earlier. */
export function redactTree<T>(value: T): T {
  const r = new FacetRedactor();
  const first = walk(value, r);
  return (r.learned ? walk(value, r) : first) as T;
}

/**
 * One part of a facet (an item of its list) redacted on its own, and whether it taught the redactor a secret
 * to mask elsewhere. While nothing anywhere in the facet teaches one, each string is masked only by what its
 * own detector finds, so this is exactly what {@link redactTree} of the whole facet makes of the part; once
 * something does, only the whole facet's two passes are right (a secret seen late masks what came before).
 */
export function redactAlone<T>(value: T, cache?: DetectionCache): { value: T; learned: boolean } {
  const r = new FacetRedactor(cache);
  const out = walk(value, r) as T;
  return { value: out, learned: r.learned };
}

/**
 * Every facet of a layer, redacted: the collectors' last step. `data.files` entries are redacted one file
 * at a time (what a file reveals is masked in that file), other facets as a whole, problems included.
 * `finished` files were redacted where they were parsed (./files/parse-pool.ts) and are kept as they are.
 */
export function redactFacets<F extends object>(facets: F, finished?: { has(file: object): boolean }): F {
  const out: Record<string, unknown> = {};
  for (const [name, facet] of Object.entries(facets)) out[name] = redactFacet(facet, finished);
  return out as F;
}

/** One facet as {@link redactFacets} redacts it. */
export function redactFacet(facet: unknown, finished?: { has(file: object): boolean }): unknown {
  if (!isJson(facet)) return facet;
  const data = facet.data;
  if (!isJson(data) || !Array.isArray(data.files) || Object.keys(data).length !== 1) return redactTree(facet);
  return {
    ...facet,
    data: { files: data.files.map((f) => (finished?.has(f as object) ? f : redactTree(f))) },
    ...(facet.problems !== undefined ? { problems: redactTree(facet.problems) } : {}),
  };
}

/** A layer's whole result, redacted: its facets and the reason its state gives. */
export function redactCollected<R extends { facets: object; state: { reason?: string } }>(result: R): R {
  const { reason } = result.state;
  return {
    ...result,
    facets: redactFacets(result.facets),
    state: reason !== undefined ? { ...result.state, reason: redactText(reason) } : result.state,
  };
}
