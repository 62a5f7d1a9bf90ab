/**
 * The HTML report in a real browser: Debian's headless Chromium (/usr/bin/chromium, installed by
 * scripts/install-browser.sh, never a browser a test tool downloads) driven by playwright-core. Each
 * fixture's report is opened from a file:// URL and must load with no network request and no console
 * error, show the counts of the JSON report of the same scan, filter (keeping the filter in the URL
 * hash), sort, expand a finding and copy its command, print the summary and failing checks only (passes on
 * request), fit a 390-px phone screen, pass axe-core without a
 * serious or critical violation, and never show a planted secret. Screenshots are kept under
 * .tmp/html-screenshots/ as artifacts; the staging one is the README's picture.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ScanResult } from '@coditect-audit/core';
import { REPORTERS } from '@coditect-audit/reporters';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateOf } from '../packages/reporters/src/common.js';
import { scan } from '../packages/cli/src/scan.js';
import { SCENARIOS } from '../packages/reporters/test/scenario.js';
import { tempDir } from './support/cli.js';

const root = join(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
/** As the machine notes prescribe: no sandbox as root, and nothing that reaches for Google's hosts. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const artifacts = join(root, '.tmp', 'html-screenshots');
const readmeImage = join(root, 'docs', 'images', 'html-report-staging.png');
const update = process.env.UPDATE_GOLDEN === '1';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser | undefined;
/** Each test fails on its own with this (a failed hook would only mark them skipped). */
const MISSING = `${CHROMIUM} is missing: the HTML report tests need Debian's chromium. Run scripts/install-browser.sh (CI runs it).`;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  if (existsSync(CHROMIUM))
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Every request the page made other than loading its own file. */
  requests: string[];
  /** Console errors and warnings, uncaught exceptions, CSP violations. */
  problems: string[];
}

async function open(
  file: string,
  options: { hash?: string; width?: number; height?: number; clipboard?: boolean } = {},
): Promise<Opened> {
  if (!browser) throw new Error(MISSING);
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    ...(options.clipboard ? { permissions: ['clipboard-read', 'clipboard-write'] } : {}),
  });
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => {
    if (r.url().split('#')[0] !== url) requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  await page.goto(`${url}${options.hash ? `#${options.hash}` : ''}`);
  // The script has run once the filter form is shown.
  await page.locator('#filters').waitFor({ state: 'visible' });
  return { context, page, requests, problems };
}

/** Rows the reader sees now. */
function visibleRows(page: Page) {
  return page.locator('tbody.finding:not(.off)');
}

async function visibleIds(page: Page): Promise<string[]> {
  return visibleRows(page).evaluateAll((els) => els.map((el) => el.id));
}

for (const fixture of ['adr-001-staging', 'adr-001-remediated']) {
  describe(`HTML report of fixtures/${fixture} in Chromium`, () => {
    let result: ScanResult;
    let json: ScanResult;
    let file: string;

    beforeAll(async () => {
      result = await scan({ dir: join(root, 'fixtures', fixture), env: 'staging', today: '2026-11-26' });
      json = JSON.parse(REPORTERS.json.render(result)) as ScanResult;
      file = join(artifacts, `${fixture}.html`);
      writeFileSync(file, REPORTERS.html.render(result));
    });

    it('loads from a file URL with no network request, no console error, and runs its script', async () => {
      const { context, page, requests, problems } = await open(file);
      try {
        // Give late requests (favicon, fonts) a chance to show up.
        await page.waitForLoadState('networkidle');
        expect(requests).toEqual([]);
        expect(problems).toEqual([]);
        expect(await page.locator('#shown').getAttribute('data-shown')).not.toBeNull();
        const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        expect(csp).toContain("default-src 'none'");
        expect(csp).not.toContain('unsafe-inline');
        // The policy is enforced: a script the page did not ship does not run.
        const injectedRan = await page.evaluate(() => {
          const s = document.createElement('script');
          s.textContent = 'document.body.setAttribute("data-injected", "yes")';
          document.body.appendChild(s);
          return document.body.getAttribute('data-injected') === 'yes';
        });
        expect(injectedRan).toBe(false);
      } finally {
        await context.close();
      }
    });

    it('shows the counts of the JSON report of the same scan', async () => {
      const { context, page } = await open(file);
      try {
        for (const [status, n] of Object.entries(json.summary.byStatus))
          expect(await page.locator(`[data-count="${status}"]`).textContent(), status).toBe(String(n));
        // Every verdict is a row; with every verdict shown, the rows per state are the JSON's.
        await page.getByRole('button', { name: 'Show every check' }).click();
        expect(await visibleRows(page).count()).toBe(json.verdicts.length);
        await expect
          .poll(() => page.locator('#shown').textContent())
          .toBe(`Showing ${json.verdicts.length} of ${json.verdicts.length} checks`);
        const states = ['fail', 'assumed', 'baseline', 'suppressed', 'error', 'unknown', 'skip', 'pass'] as const;
        for (const s of states) {
          const expected = json.verdicts.filter((v) => stateOf(v) === s).length;
          expect(await page.locator(`tbody.finding[data-verdict="${s}"]`).count(), s).toBe(expected);
          // The counts beside the verdict filter are computed in the page.
          expect(await page.locator(`fieldset[data-group="v"] [data-count-for="${s}"]`).textContent(), s).toBe(
            `(${expected})`,
          );
        }
        for (const [p, c] of Object.entries(json.summary.byPriority)) {
          expect(await page.locator(`fieldset[data-group="p"] [data-count-for="${p}"]`).textContent()).toBe(
            `(${c.fail + c.error + c.unknown + c.pass + c.skip + c.suppressed})`,
          );
          // The bars of the priority chart carry the same numbers (the JSON counts a failure unchanged
          // since the baseline as a failure; the chart draws it apart).
          const drawn = async (state: string) => {
            const bar = page.locator(`g[data-priority="${p}"] rect[data-state="${state}"]`);
            return (await bar.count()) ? Number(await bar.getAttribute('data-n')) : 0;
          };
          expect((await drawn('fail')) + (await drawn('baseline')) + (await drawn('assumed')), `${p} fail`).toBe(
            c.fail,
          );
          for (const s of ['error', 'unknown', 'pass', 'skip', 'suppressed'] as const)
            expect(await drawn(s), `${p} ${s}`).toBe(c[s]);
        }
        // The gate, as the JSON has it.
        expect(await page.locator('.banner [data-gate]').getAttribute('data-gate')).toBe(json.gate.status);
      } finally {
        await context.close();
      }
    });

    it('a filter click changes the rows, the counts and the hash; the hash restores the filter', async () => {
      const { context, page } = await open(file);
      try {
        await page.getByRole('button', { name: 'Show every check' }).click();
        const before = await visibleIds(page);
        expect(await page.evaluate(() => location.hash)).toBe(
          '#v=fail%2Cassumed%2Cbaseline%2Csuppressed%2Cerror%2Cunknown%2Cskip%2Cpass',
        );
        await page.getByRole('checkbox', { name: /^P0/ }).click();
        const after = await visibleIds(page);
        const p0 = json.verdicts.filter((v) => v.priority === 'P0').length;
        expect(after.length).toBe(before.length - p0);
        expect(p0).toBeGreaterThan(0);
        const hash = await page.evaluate(() => location.hash);
        expect(hash).toContain('p=P1%2CP2');
        expect(await page.locator('#shown').textContent()).toBe(
          `Showing ${after.length} of ${json.verdicts.length} checks`,
        );

        // An ADR section and a search narrow further, and the hash keeps them.
        const section = json.rules
          .find((r) => json.verdicts.some((v) => v.ruleId === r.id && v.priority !== 'P0'))!
          .adrSection.split(',')[0]!
          .trim();
        await page.getByLabel('ADR section').selectOption(section);
        const resource = json.verdicts.find((v) => v.priority !== 'P0')!.resource.id;
        await page.getByLabel('Search resources').fill(resource);
        const narrowed = await visibleIds(page);
        expect(narrowed.length).toBeGreaterThan(0);
        expect(narrowed.length).toBeLessThanOrEqual(after.length);
        const shared = await page.evaluate(() => location.hash);
        expect(shared).toContain(`section=${encodeURIComponent(section)}`);
        expect(shared).toContain(`q=${encodeURIComponent(resource)}`);

        // A shared link opens on the same rows.
        const again = await open(file, { hash: shared.slice(1) });
        try {
          expect(await visibleIds(again.page)).toEqual(narrowed);
          expect(await again.page.getByRole('checkbox', { name: /^P0/ }).isChecked()).toBe(false);
          expect(await again.page.getByLabel('ADR section').inputValue()).toBe(section);
        } finally {
          await again.context.close();
        }

        await page.getByRole('button', { name: 'Reset filters' }).click();
        expect(await page.evaluate(() => location.hash)).toBe('');
      } finally {
        await context.close();
      }
    });

    it('sorts by a column and back, keeping the sort in the hash', async () => {
      const { context, page } = await open(file, { hash: 'v=all' });
      try {
        const byPriority = await visibleIds(page);
        await page.locator('button.sort[data-sort="resource"]').click();
        const resources = await visibleRows(page).evaluateAll((els) =>
          els.map((el) => el.getAttribute('data-resource') ?? ''),
        );
        expect(resources).toEqual([...resources].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        expect(await page.locator('th[aria-sort="ascending"] button').getAttribute('data-sort')).toBe('resource');
        await page.locator('button.sort[data-sort="resource"]').click();
        expect(await page.evaluate(() => location.hash)).toContain('sort=-resource');
        expect(await page.locator('th[aria-sort="descending"] button').getAttribute('data-sort')).toBe('resource');
        await page.locator('button.sort[data-sort="priority"]').click();
        expect(await visibleIds(page)).toEqual(byPriority);
      } finally {
        await context.close();
      }
    });

    it('a finding expands with the keyboard and by click, and its copy button copies the command', async () => {
      const { context, page } = await open(file, { hash: 'v=all', clipboard: true });
      try {
        // The first row with remediation commands (a failing one), or the first row when nothing fails.
        const withCommand = page.locator('tbody.finding:has(.cmd)').first();
        const body = (await withCommand.count()) ? withCommand : page.locator('tbody.finding').first();
        const toggle = body.locator('button.toggle');
        await toggle.focus();
        await page.keyboard.press('Enter');
        expect(await toggle.getAttribute('aria-expanded')).toBe('true');
        const detail = body.locator('tr.detail');
        expect(await detail.isVisible()).toBe(true);
        const resourceId = await body.getAttribute('data-resource');
        const ruleId = await body.getAttribute('data-rule');
        const v = json.verdicts.find((x) => x.ruleId === ruleId && x.resource.id === resourceId)!;
        expect(await detail.textContent()).toContain(v.fingerprint);
        expect(await detail.textContent()).toContain(v.message.replace(/`/g, ''));

        const rule = json.rules.find((r) => r.id === ruleId)!;
        if (await body.locator('.cmd').count()) {
          await body.locator('button.copy').first().click();
          await expect
            .poll(() => page.evaluate(() => navigator.clipboard.readText()))
            .toBe(rule.remediation.commands![0]);
          expect(await body.locator('button.copy').first().textContent()).toBe('Copied');
          expect(await page.locator('#announce').textContent()).toBe('Command copied to the clipboard');
        } else {
          // Nothing fails in this fixture: no row offers a command.
          expect(json.verdicts.some((x) => x.status === 'fail')).toBe(false);
        }
        await toggle.click();
        expect(await toggle.getAttribute('aria-expanded')).toBe('false');
        expect(await detail.isVisible()).toBe(false);

        // "/" jumps to the search box.
        await page.locator('body').click({ position: { x: 5, y: 5 } });
        await page.keyboard.press('/');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-q');
      } finally {
        await context.close();
      }
    });

    it('the errors section cannot be filtered away', async () => {
      const { context, page } = await open(file, { hash: 'p=&v=pass&q=no-such-resource-anywhere' });
      try {
        expect(await visibleRows(page).count()).toBe(0);
        expect(await page.locator('#none-shown').isVisible()).toBe(true);
        const errors = page.locator('#errors');
        expect(await errors.isVisible()).toBe(true);
        const failedLayers = Object.values(json.layers).filter((l) => l?.status === 'failed').length;
        expect(await errors.locator('li[data-error]').count()).toBe(json.summary.byStatus.error + failedLayers);
      } finally {
        await context.close();
      }
    });

    it('printing shows the summary and the failing checks expanded, without passes or controls; passes on request', async () => {
      const { context, page } = await open(file);
      try {
        await page.emulateMedia({ media: 'print' });
        const rows = page.locator('tbody.finding');
        expect(await rows.count()).toBe(json.verdicts.length);
        const printed = json.verdicts.filter((v) => v.status !== 'pass' && v.status !== 'skip').length;
        const shownRows = () =>
          rows.evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0).map((el) => el.dataset.verdict));
        const shown = await shownRows();
        expect(shown.length).toBe(printed);
        expect(shown.filter((v) => v === 'pass' || v === 'skip')).toEqual([]);
        const details = await page
          .locator('tr.detail')
          .evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0).length);
        expect(details).toBe(printed);
        expect(await page.locator('#filters').isVisible()).toBe(false);
        expect(await page.locator('button.copy:visible').count()).toBe(0);
        expect(await page.locator('nav.toc').isVisible()).toBe(false);
        expect(await page.locator('.print-only').isVisible()).toBe(true);
        const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
        const failingOnly = pages(await page.pdf({ format: 'A4' }));
        // The checkbox asks for the passes too.
        await page.emulateMedia({ media: 'screen' });
        await page.getByLabel('Print passing and skipped checks too').check();
        await page.emulateMedia({ media: 'print' });
        expect((await shownRows()).length).toBe(json.verdicts.length);
        const everything = pages(await page.pdf({ format: 'A4' }));
        console.info(`${fixture}: printed ${failingOnly} pages (failing checks), ${everything} with the passes`);
        // No pass is printed (the rows above); how many pages that saves depends on the fixture's share of passes.
        expect(failingOnly).toBeLessThan(everything);
      } finally {
        await context.close();
      }
    }, 120_000);

    it('fits a 390-px phone screen: nothing scrolls sideways, collapsed or with every check expanded', async () => {
      const { context, page } = await open(file, { width: 390, height: 844 });
      try {
        const overflow = () =>
          page.evaluate(() => {
            const doc = document.documentElement;
            const wide = [...document.querySelectorAll('body *')]
              .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 0.5 && el.getClientRects().length)
              // Visually hidden headers (kept for screen readers) are clipped to nothing.
              .filter(
                (el) => !el.closest('.sr-only') && getComputedStyle(el.closest('thead') ?? el).position !== 'absolute',
              )
              .slice(0, 5)
              .map(
                (el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}px`,
              );
            // Nor may a box scroll sideways inside the page (a wide table in a scrolling div, a command).
            const scrolling = [...document.querySelectorAll('body *')]
              .filter((el) => el.scrollWidth > el.clientWidth + 1 && el.getClientRects().length)
              .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
              .slice(0, 5)
              .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}>${el.clientWidth}`);
            return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, wide: [...wide, ...scrolling] };
          });
        const collapsed = await overflow();
        expect(collapsed.wide).toEqual([]);
        expect(collapsed.scrollWidth).toBeLessThanOrEqual(collapsed.clientWidth);
        await page.getByRole('button', { name: 'Show every check' }).click();
        await page.getByRole('button', { name: 'Expand all' }).click();
        const expanded = await overflow();
        expect(expanded.wide).toEqual([]);
        expect(expanded.scrollWidth).toBeLessThanOrEqual(expanded.clientWidth);
      } finally {
        await context.close();
      }
    }, 120_000);

    it('axe-core finds no serious or critical accessibility violation (laptop, everything expanded; phone)', async () => {
      await expectAccessible(file);
    }, 120_000);

    it('takes screenshots (desktop, full page, phone) as artifacts', async () => {
      const desktop = await open(file, { height: 1400 });
      try {
        await desktop.page.screenshot({ path: join(artifacts, `${fixture}.png`) });
        await desktop.page.screenshot({ path: join(artifacts, `${fixture}-full.png`), fullPage: true });
      } finally {
        await desktop.context.close();
      }
      const phone = await open(file, { width: 390 });
      try {
        await phone.page.screenshot({ path: join(artifacts, `${fixture}-phone.png`) });
      } finally {
        await phone.context.close();
      }
      const png = readFileSync(join(artifacts, `${fixture}.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      if (fixture === 'adr-001-staging') {
        if (update || !existsSync(readmeImage)) {
          mkdirSync(join(readmeImage, '..'), { recursive: true });
          copyFileSync(join(artifacts, `${fixture}.png`), readmeImage);
        }
        expect(existsSync(readmeImage)).toBe(true);
      }
    });
  });
}

interface AxeResults {
  violations: { id: string; impact?: string; help: string; nodes: { target: string[] }[] }[];
}

/**
 * axe-core's serious and critical violations: on a laptop with every check shown and expanded (all the
 * content there is), and on a phone as the page opens (the narrow layout).
 */
async function expectAccessible(file: string): Promise<void> {
  for (const { width, expanded } of [
    { width: 1280, expanded: true },
    { width: 390, expanded: false },
  ]) {
    const { context, page } = await open(file, { width });
    try {
      if (expanded) {
        await page.getByRole('button', { name: 'Show every check' }).click();
        await page.getByRole('button', { name: 'Expand all' }).click();
      }
      // CSP does not apply to what the test itself evaluates in the page.
      await page.evaluate(axeSource);
      const serious = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (o: object) => Promise<AxeResults> } }).axe;
        const r = await axe.run({ resultTypes: ['violations'] });
        return r.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(serious, `width ${width}${expanded ? ', everything expanded' : ''}`).toEqual([]);
    } finally {
      await context.close();
    }
  }
}

describe("HTML report of the reporters' full scenario in Chromium (errors, suppressions, baseline, hostile text)", () => {
  let file: string;
  let result: ScanResult;

  beforeAll(() => {
    result = SCENARIOS.full!();
    file = join(artifacts, 'scenario-full.html');
    writeFileSync(file, REPORTERS.html.render(result));
  });

  it('loads cleanly and renders hostile text as text, not markup', async () => {
    const { context, page, requests, problems } = await open(file, { hash: 'v=all' });
    try {
      await page.waitForLoadState('networkidle');
      expect(requests).toEqual([]);
      expect(problems).toEqual([]);
      // The image reference holds `<x a="1">`: no such element may exist, the text must be there.
      expect(await page.locator('x').count()).toBe(0);
      await page.getByRole('button', { name: 'Expand all' }).click();
      expect(await page.locator('#findings').textContent()).toContain('<x a="1">');
    } finally {
      await context.close();
    }
  });

  it('lists every error and failed layer whatever the filter', async () => {
    const { context, page } = await open(file, { hash: 'p=P2&v=pass&layer=files&q=zzz' });
    try {
      expect(await visibleRows(page).count()).toBe(0);
      const failedLayers = Object.values(result.layers).filter((l) => l?.status === 'failed').length;
      const errors = result.verdicts.filter((v) => v.status === 'error').length;
      expect(errors).toBeGreaterThan(0);
      expect(failedLayers).toBeGreaterThan(0);
      expect(await page.locator('#errors li[data-error]:visible').count()).toBe(errors + failedLayers);
    } finally {
      await context.close();
    }
  });

  it('the suppressed and baseline verdicts are one filter click away', async () => {
    const { context, page } = await open(file);
    try {
      for (const state of ['suppressed', 'baseline'] as const) {
        const expected = result.verdicts.filter((v) => stateOf(v) === state).length;
        expect(expected).toBeGreaterThan(0);
        expect(await page.locator(`tbody.finding[data-verdict="${state}"]:visible`).count()).toBe(0);
        await page.locator(`fieldset[data-group="v"] input[value="${state}"]`).check();
        expect(await page.locator(`tbody.finding[data-verdict="${state}"]:visible`).count()).toBe(expected);
      }
    } finally {
      await context.close();
    }
  });

  it('axe-core finds no serious or critical accessibility violation', async () => {
    await expectAccessible(file);
  }, 120_000);
});

describe('HTML report never shows a planted secret', () => {
  it('Secret values planted in the staging fixture reach neither the file nor the rendered page', async () => {
    const dir = tempDir('html-canary-');
    cpSync(join(root, 'fixtures', 'adr-001-staging'), dir, { recursive: true });
    const canaries: string[] = [];
    const secrets = readFileSync(join(dir, 'k8s/secrets.yaml'), 'utf8').replace(
      /^(\s+(?:db-password|django-secret-key|db-host)):\s*.*$/gm,
      (_m, key: string) => {
        const canary = `canary-${canaries.length}-4e8d1a7c3f`;
        canaries.push(canary);
        return `${key}: "${canary}"`;
      },
    );
    expect(canaries.length).toBe(3);
    writeFileSync(join(dir, 'k8s/secrets.yaml'), secrets);
    const result = await scan({ dir, env: 'staging', today: '2026-11-26' });
    const html = REPORTERS.html.render(result);
    for (const canary of canaries) expect(html).not.toContain(canary);
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const { context, page } = await open(file, { hash: 'v=all' });
    try {
      await page.getByRole('button', { name: 'Expand all' }).click();
      const text = await page.evaluate(() => document.documentElement.outerHTML);
      for (const canary of canaries) expect(text).not.toContain(canary);
      // The page still tells what is wrong with the Secret, without its value.
      expect(text).toContain('backend-secrets');
    } finally {
      await context.close();
    }
  });
});
