/**
 * The playground in a real browser: Debian's chromium driven by
 * playwright-core (no browser download). .ci/run installs chromium and
 * fonts-noto-cjk when missing; elsewhere `apt-get install -y chromium
 * fonts-noto-cjk` (or CHROMIUM_PATH) — without a browser this test fails and
 * says so, it does not skip.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { seededServers } from '../helpers/server';
import { buildAppSchema } from '../../src/graphql/schema';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = path.join(__dirname, '..', '..', 'test-output', 'playground');
const servers = seededServers();
let browser: Browser;

jest.setTimeout(120_000);

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  fs.mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the playground as a fresh visitor (no saved tabs), noting every request the page makes. */
async function open(port: number, at = '/graphql'): Promise<{ page: Page; requests: string[]; errors: string[]; bodies: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  const bodies: string[] = [];
  page.on('request', (r) => {
    requests.push(r.url());
    bodies.push(r.postData() ?? '');
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`http://127.0.0.1:${port}${at}`);
  await page.locator('.graphiql-container').waitFor();
  return { page, requests, errors, bodies };
}

function onlyThisServer(requests: string[], port: number): void {
  const origin = `http://127.0.0.1:${port}/`;
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
}

describe('the playground in chromium', () => {
  it('opens with the examples as tabs; clicking one and running it shows the answer, and nothing is fetched from any other host', async () => {
    const { port } = await servers.start();
    const { page, requests, errors } = await open(port);
    const tabs = page.locator('.graphiql-tab');
    await expect(tabs.count()).resolves.toBe(7);
    await expect(tabs.allInnerTexts()).resolves.toEqual(expect.arrayContaining(['Subtree', 'Search', 'CompareAcrossPlaces', 'Changes', 'ImportList']));
    // The first tab comes with its variables too.
    await page.locator('.graphiql-editor-tool').getByText('"654000"').waitFor();

    await page.locator('.graphiql-tab', { hasText: 'Search' }).click();
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response');
    await response.getByText('"searchItems"').waitFor();
    await response.getByText('骗取').first().waitFor();
    await expect(response.innerText()).resolves.toMatch(/"totalCount": [1-9]/);

    await page.screenshot({ path: path.join(OUT, 'search.png') });
    onlyThisServer(requests, port);
    expect(requests.some((u) => u.endsWith('/graphql'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('shows the Chinese description of Item in the docs explorer', async () => {
    const { port } = await servers.start();
    const { page, requests } = await open(port, '/playground');
    const description = (await buildAppSchema()).getType('Item')!.description!;
    const chinese = description.split(' ')[0];
    expect(chinese).toMatch(/^事项/);

    await page.getByRole('button', { name: /Show Documentation Explorer/i }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.locator('input').fill('Item');
    await docs.getByRole('option', { name: /^Item$/ }).first().click();
    await docs.getByText(chinese, { exact: false }).first().waitFor();
    await page.screenshot({ path: path.join(OUT, 'docs-item.png') });
    onlyThisServer(requests, port);
  });

  it('says on the page when introspection is off, and still runs a query', async () => {
    const { port } = await servers.start({ introspection: false });
    const { page, requests, bodies } = await open(port);
    const notice = page.locator('#playground-notice');
    await notice.waitFor();
    await expect(notice.innerText()).resolves.toMatch(/Introspection is turned off/);
    await page.locator('.graphiql-tab', { hasText: 'Changes' }).click();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('"revision"').first().waitFor();
    await page.screenshot({ path: path.join(OUT, 'introspection-off.png') });
    onlyThisServer(requests, port);
    // The page ran the query and asked for no schema it would be refused.
    expect(bodies.filter((b) => b.includes('query Changes')).length).toBe(1);
    expect(bodies.filter((b) => b.includes('__schema'))).toEqual([]);
  });
});
