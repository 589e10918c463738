// The Reports screen against `wails dev` (the real Go services) on the demo ledger: the
// secretary exports the maintenance fund's journal of a year as PDF with one click, and the
// file on disk carries the title, the year and the chain head the dashboard shows.
//
// The save dialog cannot be answered from a browser: scripts/e2e.sh sets JIAYUAN_E2E_SAVE_DIR
// (artifacts/e2e/reports), and with it set ReportService saves there under the name it would
// have proposed (app/report_service.go). Run alone: E2E_FILES=tests/reports.test.mjs scripts/e2e.sh
import assert from 'node:assert/strict'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, it } from 'node:test'
import { ARTIFACTS, openApp, pdfText, shot, tallShot, text, useDemo } from '../lib.mjs'

const SAVE_DIR = process.env.JIAYUAN_E2E_SAVE_DIR || join(ARTIFACTS, 'reports')

describe('Reports screen on the demo ledger', () => {
  const b = useDemo()

  it('exports the fund journal of a year as a PDF with the chain head on it', async () => {
    const { page, problems } = b
    // What the dashboard shows as the chain head: the PDF must carry the same.
    await openApp(page, '/dashboard')
    const chainCard = page.getByTestId('chain-head')
    await chainCard.locator('dd.mono').waitFor({ timeout: 60_000 })
    const seq = (await text(chainCard.locator('dd.num'))).replace('#', '')
    const hash = await text(chainCard.locator('dd.mono'))
    assert.match(seq, /^\d+$/)
    assert.match(hash, /^[0-9a-f]{64}$/)

    // The screen is in the navigation, in Chinese.
    const nav = page.locator('.sidenav').getByRole('link', { name: '报表' })
    await nav.click()
    await page.getByTestId('reports-screen').waitFor()
    await page.getByTestId('report-options').waitFor({ timeout: 60_000 })
    assert.equal(await text(page.getByTestId('report-title')), '收支明细账')
    for (const k of ['收支明细账', '收支汇总表', '分户账', '维修资金支出明细', '续筹情况', '公共收益收支公示表', '维修资金收支公示', '工作经费预算执行', '年度审计资料']) {
      assert.ok(await page.getByRole('radio', { name: k, exact: true }).isVisible(), `the list offers ${k}`)
    }

    // Fund, the whole of 2025, PDF.
    await page.getByTestId('report-book-fund').click()
    await page.getByTestId('report-mode-year').click()
    await page.getByTestId('report-year').selectOption('2025')
    assert.equal(await text(page.getByTestId('report-period')), '2025-01-01 至 2025-12-31')
    await page.getByTestId('report-format-pdf').click()
    const name = page.getByTestId('report-file-name')
    await page.waitForFunction(() => document.querySelector('[data-testid="report-file-name"]')?.textContent?.includes('2025.pdf'))
    assert.equal(await text(name), '文件名：锦绣家园-维修资金-收支明细账-2025.pdf')
    await shot(page, 'reports-01-journal')

    // A double-click exports once: the button is disabled while the first export runs.
    const target = join(SAVE_DIR, '锦绣家园-维修资金-收支明细账-2025.pdf')
    const before = existsSync(target) ? statSync(target).mtimeMs : 0
    await page.getByTestId('report-export').dblclick()
    const saved = page.getByTestId('report-saved')
    await saved.waitFor({ timeout: 60_000 })
    assert.equal(await page.getByTestId('report-error').count(), 0, 'no "still exporting" refusal from a second click')
    assert.ok(await page.getByTestId('report-export').isEnabled(), 'the button is enabled again')
    const shown = await text(page.getByTestId('report-saved-path'))
    assert.equal(basename(shown), '锦绣家园-维修资金-收支明细账-2025.pdf')
    assert.ok(await page.getByTestId('report-open-folder').isVisible())
    await tallShot(page, 'reports-02-journal-saved')

    // The file: a PDF written just now, titled, for 2025, with the dashboard's chain head.
    assert.ok(existsSync(target), `${target} exists`)
    assert.ok(statSync(target).mtimeMs > before, 'written by this export')
    const bytes = readFileSync(target)
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-')
    const pdf = pdfText(target)
    if (pdf !== null) {
      for (const want of ['专项维修资金收支明细账', '锦绣家园', '期间：2025年度', '期初余额', '本期合计', `链头#${seq}${hash.slice(0, 12)}`]) {
        assert.ok(pdf.includes(want), `the PDF shows ${want}`)
      }
    }
    await page.getByTestId('report-open-folder').click()
    await page.waitForTimeout(300)
    assert.equal(await page.getByTestId('report-error').count(), 0, 'opening the folder reports no error')
    assert.deepEqual(problems, [])
  })

  it('asks for a unit before a single statement, and exports a notice for the last quarter', async () => {
    const { page, problems } = b
    await openApp(page, '/reports')
    await page.getByTestId('report-options').waitFor({ timeout: 60_000 })
    await page.getByTestId('report-kind-unit-statements').click()
    await page.getByTestId('report-scope-unit').click()
    assert.equal(await text(page.getByTestId('report-problem')), '请先查找并选择一户。')
    assert.ok(await page.getByTestId('report-export').isDisabled())
    await page.getByTestId('report-unit-search').fill('1号-10')
    const first = page.getByTestId('report-unit-results').locator('button').first()
    await first.waitFor()
    const unitName = (await text(first.locator('.r-unit__name')))
    await first.click()
    assert.ok((await text(page.getByTestId('report-unit-chosen'))).includes(unitName))
    assert.ok(await page.getByTestId('report-export').isEnabled())
    await shot(page, 'reports-03-unit')

    await page.getByTestId('report-kind-notice-public').click()
    const period = await text(page.getByTestId('report-period'))
    assert.match(period, /^\d{4}-(01|04|07|10)-01 至 \d{4}-(03-31|06-30|09-30|12-31)$/)
    await page.getByTestId('report-export').click()
    await page.getByTestId('report-saved').waitFor({ timeout: 60_000 })
    const path = await text(page.getByTestId('report-saved-path'))
    assert.match(basename(path), /^锦绣家园-公共收益收支公示表-\d{4}年第[一二三四]季度\.pdf$/)
    const pdf = pdfText(join(SAVE_DIR, basename(path)))
    if (pdf !== null) {
      assert.ok(pdf.includes('公共收益收支情况公示') && pdf.includes('业主委员会（盖章）'), 'the notice has its title and seal line')
      assert.ok(pdf.includes('第1页/共1页'), 'the notice is one page')
    }
    await shot(page, 'reports-04-notice-saved')

    // English labels, same screen.
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByText('Public-income notice', { exact: true }).first().waitFor()
    await shot(page, 'reports-05-en')
    await page.getByRole('button', { name: '简体中文' }).click()
    assert.deepEqual(problems, [])
  })
})
