// Shared set-up for the browser tests: Debian Chromium driven by playwright-core (which
// downloads no browsers), one fresh profile per test file, screenshots into artifacts/e2e.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, beforeEach } from 'node:test'
import { chromium } from 'playwright-core'

const here = dirname(fileURLToPath(import.meta.url))

/** The app under test: `wails dev`'s server (scripts/e2e.sh sets E2E_URL). */
export const BASE_URL = process.env.E2E_URL || 'http://localhost:34115'
/** Where screenshots go (gitignored). */
export const ARTIFACTS = resolve(process.env.E2E_ARTIFACTS || join(here, '..', 'artifacts', 'e2e'))
mkdirSync(ARTIFACTS, { recursive: true })

const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium'

/**
 * Launches Chromium on a fresh profile (Playwright refuses --user-data-dir in args, so a
 * persistent context on a new temp dir stands in for it). Returns the context, its first page
 * and a close() that removes the profile. Console errors and page errors are collected.
 */
export async function launch({ width = 1280, height = 800 } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'jiayuan-e2e-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height },
    locale: 'zh-CN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const problems = []
  page.on('pageerror', (e) => {
    // wails dev's ipc.js throws this once on load; it is harmless (see reference/toolchain.md).
    if (!/reading 'nodes'/.test(e.message)) problems.push(`pageerror: ${e.message}`)
  })
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon|Failed to load resource/.test(m.text())) {
      problems.push(`console: ${m.text()}`)
    }
  })
  return {
    context,
    page,
    problems,
    async close() {
      await context.close().catch(() => {})
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Saves a full-page screenshot as artifacts/e2e/<name>.png and returns its path. */
export async function shot(page, name) {
  const path = join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

/**
 * Screenshot of the whole screen's content: the app scrolls inside its main area, so the window
 * is made tall enough for that area for the shot, then restored.
 */
export async function tallShot(page, name) {
  const before = page.viewportSize()
  const need = await page.evaluate(() => {
    const main = document.querySelector('.shell__main')
    return main ? main.scrollHeight + main.getBoundingClientRect().top : document.body.scrollHeight
  })
  await page.setViewportSize({ width: before.width, height: Math.max(before.height, Math.ceil(need)) })
  await page.waitForTimeout(300)
  const path = await shot(page, name)
  await page.setViewportSize(before)
  return path
}

/** Loads the app afresh at a route (hash history) and waits for Vue to mount. */
export async function openApp(page, route = '/') {
  // A hash-only change would not reload the app; start from a blank page every time.
  await page.goto('about:blank')
  await page.goto(`${BASE_URL}/#${route}`, { waitUntil: 'domcontentloaded' })
  await page.waitForSelector('#app > .shell', { timeout: 30_000 })
}

/** Text of a locator, whitespace squeezed: what a person reads in it. */
export const text = async (loc) => (await loc.innerText()).replace(/\s+/g, ' ').trim()

/** pdftotext of a file with all whitespace removed, or null when poppler is not installed. */
export function pdfText(path) {
  try {
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  } catch (e) {
    if (e.code === 'ENOENT') return null
    throw e
  }
}

/** Launches Chromium (900 px high) and opens the demo ledger from the start screen; the demo
 *  is made on first use, which takes a while on a loaded machine. */
export async function launchOnDemo() {
  const b = await launch({ height: 900 })
  await openApp(b.page, '/start')
  await b.page.getByTestId('open-demo').click()
  await b.page.getByTestId('dashboard').waitFor({ timeout: 300_000 })
  return b
}

/** For a describe block on the demo ledger: the browser of launchOnDemo, opened before its
 *  tests and closed after them, its console problems cleared before each test (each test
 *  answers for those of its own screens). Its page and problems are there once the tests run. */
export function useDemo() {
  const b = {}
  before(async () => {
    Object.assign(b, await launchOnDemo())
  })
  after(async () => {
    await b.close?.()
  })
  beforeEach(() => {
    b.problems.length = 0
  })
  return b
}
