// The contracts register (公共收益合同) and the yearly reports against `wails dev` (the real Go
// services) on the demo ledger: reached from the public-income screen, it lists the demo's
// contracts with expected against received, and what the property company reported,
// transferred and still holds; a contract without a counterparty is refused with
// the store's message and nothing added; a contract citing the assembly's approving resolution
// is added and listed. The Reports screen offers the annual report, the 决算 and the contracts
// report with the paperwork, and exports last year's annual report with the chain head on it.
// Run alone: E2E_FILES='tests/contract-register.test.mjs' scripts/e2e.sh
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, it } from 'node:test'
import { ARTIFACTS, openApp, pdfText, shot, tallShot, text, useDemo } from '../lib.mjs'

const SAVE_DIR = process.env.JIAYUAN_E2E_SAVE_DIR || join(ARTIFACTS, 'reports')

describe('contracts register and yearly reports (demo ledger)', () => {
  const b = useDemo()

  it('adds a contract with its approving resolution and lists it with the demo contracts', async () => {
    const { page, problems } = b
    await openApp(page, '/public-income')
    await page.getByTestId('public-income').waitFor()
    await page.getByTestId('public-income-contracts').click()
    await page.getByTestId('contracts-screen').waitFor()
    const rows = page.locator('[data-contract-row]')
    await rows.first().waitFor()
    const before = await rows.count()
    assert.ok(before >= 3, `${before} demo contracts`)
    const list = await text(page.getByTestId('contract-list'))
    for (const c of ['上海畅行停车管理有限公司', '上海分众楼宇广告有限公司', '中国移动通信集团上海有限公司']) assert.ok(list.includes(c), `lists ${c}`)
    // expected and received to date, per contract
    const first = rows.first()
    assert.match(await text(first.locator('[data-cell="expected"]')), /\d,?\d*\.\d\d/)
    assert.match(await text(first.locator('[data-cell="received"]')), /\d\.\d\d/)
    // what the property company reported and transferred, and still holds (its statements)
    const held = await text(page.getByTestId('contract-held'))
    assert.ok(held.includes('物业公司报告收入') && held.includes('已划转至业主大会账户') && held.includes('物业公司代收未划转'), held)
    assert.match(await text(page.getByTestId('contract-held-amount')), /\d\.\d\d$/)
    await shot(page, 'contracts-01-list')

    await page.getByTestId('contract-add').click()
    await page.getByTestId('contract-form').waitFor()
    // the approving resolution is offered from the passed contract resolutions
    const pick = page.getByTestId('contract-resolution')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="contract-resolution"] option').length >= 2)
    const chosen = await pick.inputValue()
    assert.notEqual(chosen, '0', 'a citable resolution is chosen')
    assert.ok((await text(pick.locator('option:checked'))).includes('利用共有部分经营'))
    // no counterparty: the store's message, nothing added
    await page.getByTestId('contract-part').fill('单元门禁广告位')
    await page.getByTestId('contract-end').fill('2029-12-31')
    await page.getByTestId('contract-amount').fill('3,000')
    await page.getByTestId('contract-save').click()
    const err = page.getByTestId('contract-error')
    await err.waitFor()
    assert.ok((await text(err)).includes('请填写合同的相对方'), await text(err))
    assert.equal(await rows.count(), before)
    await shot(page, 'contracts-02-refused')

    await page.getByTestId('contract-counterparty').fill('上海申通门禁广告有限公司')
    await page.getByTestId('contract-building').selectOption({ index: 1 })
    await page.getByTestId('contract-period').selectOption('quarter')
    await page.getByTestId('contract-collector').selectOption('property')
    await page.getByTestId('contract-share').fill('30')
    await page.getByTestId('contract-account').selectOption('4002')
    await page.getByTestId('contract-save').click()
    await page.getByTestId('contract-form').waitFor({ state: 'detached' })
    await page.waitForFunction((n) => document.querySelectorAll('[data-contract-row]').length === n + 1, before)
    const added = rows.filter({ hasText: '上海申通门禁广告有限公司' })
    const row = await text(added)
    assert.ok(row.includes('单元门禁广告位') && row.includes('3,000.00') && row.includes('2029-12-31') && row.includes('30%'), row)
    assert.ok(row.includes(`#${chosen}`), `cites resolution #${chosen}: ${row}`)
    await tallShot(page, 'contracts-03-added')
    assert.deepEqual(problems, [])
  })

  it('offers the yearly reports and the paperwork, and exports last year’s annual report', async () => {
    const { page, problems } = b
    await openApp(page, '/reports')
    await page.getByTestId('report-options').waitFor({ timeout: 60_000 })
    for (const k of ['公共收益合同情况', '年度决算', '年度报告', '记账凭证', '收款收据', '门牌幢收支汇总表', '门牌幢维修资金公示', '换届移交清单']) {
      assert.ok(await page.getByRole('radio', { name: k, exact: true }).isVisible(), `the list offers ${k}`)
    }
    await page.getByTestId('report-kind-annual').click()
    assert.equal(await text(page.getByTestId('report-title')), '年度报告')
    const year = Number(await page.getByTestId('report-year').inputValue())
    assert.equal(year, new Date().getFullYear() - 1, 'the annual report defaults to last year')
    await page.waitForFunction((y) => document.querySelector('[data-testid="report-file-name"]')?.textContent?.includes(`年度报告-${y}.pdf`), year)
    await page.getByTestId('report-export').click()
    await page.getByTestId('report-saved').waitFor({ timeout: 120_000 })
    const path = await text(page.getByTestId('report-saved-path'))
    assert.equal(basename(path), `锦绣家园-年度报告-${year}.pdf`)
    await shot(page, 'contracts-04-annual-saved')
    const file = join(SAVE_DIR, basename(path))
    assert.ok(existsSync(file), `${file} exists`)
    const pdf = pdfText(file)
    if (pdf !== null) {
      for (const want of ['年度报告', '年末余额占首期比例', '上海畅行停车管理有限公司', '中国移动通信集团上海有限公司', '链头#']) {
        assert.ok(pdf.includes(want), `the annual report shows ${want}`)
      }
    }

    // the hand-over is of one day, typed
    await page.getByTestId('report-kind-handover').click()
    await page.getByTestId('report-day').fill('2026-06-30')
    assert.equal(await text(page.getByTestId('report-period')), '2026-06-30 至 2026-06-30')
    await page.waitForFunction(() => document.querySelector('[data-testid="report-file-name"]')?.textContent?.includes('换届移交清单'))
    assert.deepEqual(problems, [])
  })
})
