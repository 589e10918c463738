// Replenishment (续筹, R1) in the statute's order (regulation art. 65) against `wails dev`
// (the real Go services), on the worked example written by a Go test fixture
// (TestReplenishE2EFixture): triggered 2026-01-10 at 25%, no owners' decision. The flow:
// the steps with their dates → the bank notice refused on day 90 (naming 2026-04-11) → the
// notice on 2026-04-15 → the dues (1号-101 owes ¥20,000.00, payable by 2026-07-14; the garage,
// accounted separately, owes nothing) → a written demand → partial payments → the ratio
// restored but the case still open → the last payment closes it.
// Run alone: E2E_FILES=tests/replenishment.test.mjs scripts/e2e.sh
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, it } from 'node:test'
import { launch, openApp, shot, tallShot, text } from '../lib.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const DIR = join(process.env.JIAYUAN_DATA_DIR || tmpdir(), `replenish-${Date.now().toString(36)}`)
const LEDGER = join(DIR, '续筹示例小区.jiayuan')

/** The dues row of a unit ("1号-101"). */
const dueRow = (page, unit) => page.getByTestId('due-row').filter({ hasText: unit })

describe('replenishment in the statute order', () => {
  let b
  before(async () => {
    mkdirSync(DIR, { recursive: true })
    execFileSync('go', ['test', './app', '-run', '^TestReplenishE2EFixture$', '-count=1'], {
      cwd: ROOT,
      env: { ...process.env, JIAYUAN_REPLENISH_FIXTURE: LEDGER },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    assert.ok(existsSync(LEDGER), `fixture written at ${LEDGER}`)
    b = await launch({ height: 1000 })
    const { page } = b
    await openApp(page, '/start')
    await page.getByTestId('ledger-path').fill(LEDGER)
    await page.getByTestId('open-ledger').click()
    await page.getByTestId('dashboard').waitFor({ timeout: 60_000 })
  })
  after(async () => {
    await b?.close()
  })

  async function pay(page, unit, amount) {
    await dueRow(page, unit).getByTestId('due-pay').click()
    await page.getByTestId('payment-amount').fill(amount)
    await page.getByTestId('payment-save').click()
    await page.getByTestId('payment-form').waitFor({ state: 'detached' })
  }

  it('walks trigger → no decision → notice refused before day 91 → notice → dues → payments → closed', async () => {
    const { page, problems } = b
    await openApp(page, '/replenishment')
    await page.getByTestId('replenish-case').waitFor({ timeout: 30_000 })
    // the statute's steps and their dates; garages on their own line
    assert.equal(await text(page.getByTestId('replenish-stage')), '待业主决定或银行通知')
    assert.match(await text(page.getByTestId('step-decision-deadline')), /2026-04-10/)
    assert.match(await text(page.getByTestId('step-notice-from')), /2026-04-11/)
    assert.match(await text(page.getByTestId('notice-from')), /2026-04-10.*2026-04-11/)
    assert.match(await text(page.getByTestId('replenish-ratio')), /^25\.00%$/)
    assert.match(await text(page.getByTestId('replenish-nonres')), /100\.00%/)
    await tallShot(page, 'replenish-01-open')

    // no decision: on day 90 the bank notice is refused, naming the day it becomes possible
    await page.getByTestId('notice-date').fill('2026-04-10')
    await page.getByTestId('notice-save').click()
    const err = page.getByTestId('notice-error')
    await err.waitFor()
    assert.match(await text(err), /2026-04-11/)
    assert.doesNotMatch(await text(err), /replenish\.|object Object/)
    assert.equal(await page.getByTestId('due-row').count(), 0, 'no dues after a refused notice')

    // the notice on 2026-04-15: default dues, one payment by 2026-07-14
    await page.getByTestId('notice-date').fill('2026-04-15')
    await page.getByTestId('notice-save').click()
    await page.getByTestId('replenish-collection').waitFor()
    assert.equal(await text(page.getByTestId('replenish-stage')), '银行已通知，收缴中')
    assert.match(await text(page.getByTestId('decision-clock')), /逾期未决定.*2026-04-10/)
    assert.match(await text(page.getByTestId('step-payment-deadline')), /2026-07-14/)
    assert.match(await text(page.getByTestId('replenish-terms')), /银行通知.*50%.*2026-07-14/)
    await dueRow(page, '1号-101').waitFor()
    assert.match(await text(dueRow(page, '1号-101')), /20,000\.00/)
    assert.match(await text(dueRow(page, '1号-102')), /5,000\.00/)
    assert.equal(await page.getByTestId('due-row').count(), 2, 'the garage (accounted separately) owes nothing')
    assert.match(await text(page.getByTestId('step-owing')), /2 户欠 25,000\.00/)

    // a written demand to 101
    await dueRow(page, '1号-101').getByTestId('due-demand').click()
    await page.getByTestId('demand-row').first().waitFor()
    assert.match(await text(page.getByTestId('demand-row').first()), /1号-101.*陈建国.*20,000\.00/)

    // partial payments: 101 pays half — the fund is back at 35%, the case stays open
    await pay(page, '1号-101', '10000.00')
    await page.getByTestId('replenish-restored').waitFor()
    assert.match(await text(page.getByTestId('replenish-restored')), /比例已恢复，尚有 2 户欠交 15,000\.00 元/)
    assert.match(await text(page.getByTestId('replenish-ratio')), /^35\.00%$/)
    await pay(page, '1号-102', '5000.00')
    await page.waitForFunction(() => document.querySelector('[data-testid="replenish-restored"]')?.textContent.includes('1 户'))
    assert.match(await text(page.getByTestId('replenish-restored')), /尚有 1 户欠交 10,000\.00 元/)
    assert.equal(await text(page.getByTestId('replenish-stage')), '银行已通知，收缴中')
    await tallShot(page, 'replenish-02-restored-still-open')

    // the last payment closes the case
    await pay(page, '1号-101', '10000.00')
    await page.getByTestId('replenish-none').waitFor()
    const past = page.getByTestId('past-case').first()
    assert.match(await text(past), /2026-01-10/)
    assert.match(await text(page.getByTestId('past-closed').first()), /全部交清/)
    await shot(page, 'replenish-03-closed')
    assert.deepEqual(problems, [])
  })
})
