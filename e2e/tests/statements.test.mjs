// The property company's quarterly statement (物业季度报告) against `wails dev` (the real Go
// services) on the demo ledger: the dashboard asks for the last quarter's statement; from the
// public-income screen the secretary opens the statements, reads the company's GB18030 CSV —
// the check lists the line that keeps more than the parking contract's agreed 20% before
// anything is written —, posts it, and finds the quarter in the list with its variance; then
// the company's transfer of what it holds, its leaving and the hand-over the dashboard follows.
// Run alone: E2E_FILES=tests/statements.test.mjs scripts/e2e.sh
import assert from 'node:assert/strict'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, it } from 'node:test'
import { openApp, shot, tallShot, text, useDemo } from '../lib.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const FILE = join(resolve(here, '..', 'fixtures', 'statements'), '2026Q3物业季度报告.csv')

describe('the property company quarterly statement (demo ledger)', () => {
  const b = useDemo()

  it('imports a quarterly statement and shows its variance', async () => {
    const { page, problems } = b
    // the demo's last quarter has no statement yet: the dashboard asks for it
    const alert = page.locator('[data-testid="alert"]', { hasText: '2026Q3' }).filter({ hasText: '季度收支报告' })
    await alert.first().waitFor()
    await openApp(page, '/public-income')
    await page.getByTestId('public-income-statements').click()
    await page.getByTestId('statements-screen').waitFor()
    await page.locator('[data-statement-row]').first().waitFor()
    assert.ok((await text(page.getByTestId('statement-missing'))).includes('2026Q3'))
    // the demo's flagged quarter: 2025Q2 kept more than the agreed share
    assert.ok((await text(page.getByTestId('statement-2025Q2'))).includes('1 处差异'))

    await page.getByTestId('statement-import').click()
    await page.getByTestId('statement-import-path').fill(FILE)
    await page.getByTestId('statement-import-check').click()
    const ready = page.getByTestId('statement-import-ready')
    await ready.waitFor({ timeout: 60_000 })
    const variances = await text(page.getByTestId('statement-import-variances'))
    assert.ok(variances.includes('第 3 行') && variances.includes('超过与上海畅行停车管理有限公司合同约定的 20%（最多 1,032.00 元）'), variances)
    assert.equal(await page.locator('[data-testid="statement-import-variances"] [data-variance]').count(), 1)
    await tallShot(page, 'st-01-import-checked')
    // nothing was written by the check
    assert.ok((await text(page.getByTestId('statement-missing'))).includes('2026Q3'))

    await page.getByTestId('statement-import-commit').click()
    const row = page.getByTestId('statement-2026Q3')
    await row.waitFor({ timeout: 60_000 })
    assert.ok((await text(row)).includes('12,090.40') && (await text(row)).includes('1 处差异'), await text(row))
    await row.click()
    const detail = await text(page.getByTestId('statement-detail-2026Q3'))
    assert.ok(detail.includes('扣除人工及管理成本 1,290.00 元') && detail.includes('停车合同第 6 条'), detail)
    assert.equal((await text(page.getByTestId('statement-missing'))).includes('2026Q3'), false)
    // the company now holds the quarter's net until it transfers it
    assert.ok((await text(page.getByTestId('statement-held'))).includes('12,090.40'))
    await tallShot(page, 'st-02-imported')
    await shot(page, 'st-03-viewport')
    assert.deepEqual(problems, [])
  })

  it("records the company's transfer, then its leaving, followed until the hand-over", async () => {
    const { page, problems } = b
    const today = new Date()
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`
    // handing over is refused while it still holds the quarter's net: leave first, then try
    await page.getByTestId('leaving-date').fill(iso)
    await page.getByTestId('handover-save').click()
    const pending = page.getByTestId('handover-pending')
    await pending.waitFor()
    assert.ok((await text(pending)).includes('上海锦绣物业管理有限公司') && (await text(pending)).includes('12,090.40'), await text(pending))
    await page.getByTestId('handover-records').fill('公共收益账册、合同原件、监管账户对账单')
    await page.getByTestId('handover-save').click()
    const refused = page.getByTestId('handover-error')
    await refused.waitFor()
    assert.ok((await text(refused)).includes('仍代管公共收益 12,090.40 元'), await text(refused))
    // its transfer to the owners' assembly account settles what it holds
    await page.getByTestId('settle-amount').fill('12090.40')
    await page.getByTestId('settle-save').click()
    await page.getByTestId('settle-done').waitFor()
    await page.waitForFunction(() => !document.querySelector('[data-testid="statement-held"]')?.textContent?.includes('12,090.40'))
    assert.ok((await text(page.getByTestId('statement-held'))).includes('0.00'), await text(page.getByTestId('statement-held')))
    // the dashboard follows the hand-over until it is recorded
    await openApp(page, '/')
    await page.locator('[data-testid="alert"]', { hasText: '撤出' }).first().waitFor()
    await openApp(page, '/statements')
    await page.getByTestId('handover-records').fill('公共收益账册、合同原件、监管账户对账单')
    await page.getByTestId('handover-save').click()
    await page.getByTestId('handover-pending').waitFor({ state: 'detached' })
    const done = await text(page.getByTestId('statement-handover'))
    assert.ok(done.includes('撤出时代管 12,090.40 元') && done.includes('监管账户对账单'), done)
    await tallShot(page, 'st-04-handed-over')
    assert.deepEqual(problems, [])
  })
})
