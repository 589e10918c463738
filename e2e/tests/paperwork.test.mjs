// The paperwork a committee prints and signs, against `wails dev` (the real Go services) on the
// demo ledger: a voucher printed from its screen, a receipt printed from a unit's payment, and
// a chain head from a printout checked on the 完整性 screen — one that holds, one that does not.
//
// The save dialog cannot be answered from a browser: scripts/e2e.sh sets JIAYUAN_E2E_SAVE_DIR,
// and with it set the services save there under the name they would have proposed.
// Run alone: E2E_FILES=tests/paperwork.test.mjs scripts/e2e.sh
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { describe, it } from 'node:test'
import { openApp, pdfText, shot, text, useDemo } from '../lib.mjs'

/** The path in "已保存：PATH". */
const savedPath = async (page) => {
  const saved = page.getByTestId('print-saved')
  await saved.waitFor({ timeout: 60_000 })
  return (await saved.innerText()).replace(/^[^：:]*[：:]\s*/, '').trim()
}

describe('Paperwork on the demo ledger', () => {
  const b = useDemo()

  it('prints a voucher from its screen', async () => {
    const { page, problems } = b
    await openApp(page, '/voucher/1')
    const no = await text(page.getByTestId('voucher-no'))
    assert.match(no, /^[维公经]-\d{4}-\d{4}$/)
    await page.getByTestId('print-voucher').click()
    const path = await savedPath(page)
    assert.ok(path.endsWith('.pdf') && path.includes(no), `saved as ${path}`)
    assert.ok(existsSync(path), `${path} exists`)
    const pdf = pdfText(path)
    if (pdf !== null) {
      assert.ok(pdf.includes('记账凭证' + no), 'the voucher heading')
      assert.ok(pdf.includes('合计金额（大写）：人民币'), 'the amount in capitals')
      for (const s of ['制单：', '审核：', '记账：', '业委会主任：', '附单据：']) assert.ok(pdf.includes(s), s)
    }
    await shot(page, 'paperwork-voucher')
    assert.deepEqual(problems, [])
  })

  it("prints a receipt from a unit's payment", async () => {
    const { page, problems } = b
    await openApp(page, '/units/1')
    const button = page.getByTestId('print-receipt').first()
    await button.waitFor({ timeout: 60_000 })
    const label = await text(button)
    const receiptNo = label.match(/\d{4}-\d{4}/)?.[0]
    assert.ok(receiptNo, `the button names the receipt: ${label}`)
    await button.click()
    const path = await savedPath(page)
    assert.ok(existsSync(path), `${path} exists`)
    const pdf = pdfText(path)
    if (pdf !== null) {
      assert.ok(pdf.includes('收款收据No.' + receiptNo), 'the receipt number')
      assert.ok(pdf.includes('金额（大写）：人民币'), 'the amount in capitals')
      assert.equal((pdf.match(/收款收据No\./g) || []).length, 1, "only this unit's receipt")
    }
    await shot(page, 'paperwork-receipt')
    assert.deepEqual(problems, [])
  })

  it('checks printed chain heads on the 完整性 screen', async () => {
    const { page, problems } = b
    await openApp(page, '/dashboard')
    const chainCard = page.getByTestId('chain-head')
    await chainCard.locator('dd.mono').waitFor({ timeout: 60_000 })
    const seq = (await text(chainCard.locator('dd.num'))).replace('#', '')
    const hash = await text(chainCard.locator('dd.mono'))
    assert.match(hash, /^[0-9a-f]{64}$/)

    await openApp(page, '/integrity')
    const input = page.getByTestId('head-input')
    await input.waitFor({ timeout: 60_000 })
    await input.fill(`#${seq} ${hash.slice(0, 12)}`)
    await page.getByTestId('head-check').click()
    const holds = page.getByTestId('head-holds')
    await holds.waitFor({ timeout: 30_000 })
    assert.match(await text(holds), new RegExp(`链上第 #${seq} 条记录`))

    const wrong = hash.startsWith('0') ? '1' + hash.slice(1, 12) : '0' + hash.slice(1, 12)
    await input.fill(`#${seq} ${wrong}`)
    await page.getByTestId('head-check').click()
    const broken = page.getByTestId('head-broken')
    await broken.waitFor({ timeout: 30_000 })
    assert.match(await text(broken), /账本在这份打印件之后被改写/)

    await input.fill(`#${Number(seq) + 50} ${hash.slice(0, 12)}`)
    await page.getByTestId('head-check').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="head-broken"]')?.textContent?.includes('有记录被删除'))
    await shot(page, 'paperwork-head')
    assert.deepEqual(problems, [])
  })
})
