// The books against `wails dev` (the real Go services): vouchers typed from the keyboard,
// R2 enforced while the fund is below 30% (spending that would reach into the share owed refused, the one-click transfer, then the
// spending posts), a double click posting once, a reversal linked both ways, a quarter whose
// closing is refused beforehand and then allowed, the dashboard's actions and trend.
//
// The ledger is the books fixture (app/books_fixture_test.go), written for today by
// `go test ./app -run TestBooksE2EFixture` with JIAYUAN_BOOKS_FIXTURE set: a community whose
// fund has just fallen to 22% of its initial deposits, with nothing posted in the last ended
// quarter.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, it } from 'node:test'
import { launch, openApp, shot, tallShot, text } from '../lib.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const DIR = process.env.JIAYUAN_DATA_DIR || join(tmpdir(), 'jiayuan-books-e2e')
const LEDGER = join(DIR, `晨曦苑-${Date.now().toString(36)}.jiayuan`)

/** Dates as the fixture computes them (app/books_fixture_test.go fixtureDates). */
function dates(now = new Date()) {
  const p = (n) => String(n).padStart(2, '0')
  const iso = (d) => `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
  const qStart = new Date(now.getFullYear(), Math.floor(now.getMonth() / 3) * 3, 1)
  const lastFrom = new Date(qStart.getFullYear(), qStart.getMonth() - 3, 1)
  const lastTo = new Date(qStart.getFullYear(), qStart.getMonth(), 0)
  const income = new Date(lastFrom.getFullYear(), lastFrom.getMonth(), 10)
  return {
    today: iso(now),
    lastQ: `${lastFrom.getFullYear()}Q${Math.floor(lastFrom.getMonth() / 3) + 1}`,
    lastQLabel: `${lastFrom.getFullYear()} 年第 ${Math.floor(lastFrom.getMonth() / 3) + 1} 季度`,
    lastQFrom: iso(lastFrom),
    lastQTo: iso(lastTo),
    income: iso(income),
  }
}
const D = dates()

/** A message a person can read: not a key, not JSON, not "[object Object]". */
function readable(s) {
  assert.ok(s.length > 3, `message: ${s}`)
  assert.doesNotMatch(s, /object Object|^\{|"code"|\b[a-z_]+\.[a-z_]+(\.[a-z_]+)*\b/i, `message: ${s}`)
}

/** Opens the entry form of a book once its chart of accounts has arrived. */
async function openEntry(page, book) {
  await openApp(page, `/vouchers/${book}/new`)
  await page.locator('[data-testid="entry-form"][data-ready="true"]').waitFor()
}

/** Fills a two-line voucher: the debit account and amount, then the credit account and amount. */
async function fillTwoLines(page, debitAccount, debit, creditAccount, credit) {
  const lines = page.getByTestId('entry-line')
  await lines.nth(0).getByTestId('account-input').fill(debitAccount)
  await lines.nth(0).getByTestId('account-input').press('Enter')
  await lines.nth(0).getByTestId('line-debit').fill(debit)
  await lines.nth(1).getByTestId('account-input').fill(creditAccount)
  await lines.nth(1).getByTestId('account-input').press('Enter')
  await lines.nth(1).getByTestId('line-credit').fill(credit)
}

describe('the books: vouchers, R2, transfers, reversal, closing', () => {
  let b
  let incomeNo = ''
  let spendUrl = ''

  before(async () => {
    mkdirSync(DIR, { recursive: true })
    execFileSync('go', ['test', './app', '-run', '^TestBooksE2EFixture$', '-count=1'], {
      cwd: ROOT,
      env: { ...process.env, JIAYUAN_BOOKS_FIXTURE: LEDGER },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    assert.ok(existsSync(LEDGER), `fixture written at ${LEDGER}`)
    b = await launch()
  })
  after(async () => {
    await b?.close()
  })

  it('opens the fixture: the dashboard shows the fund below 30% and its trend with the 30% line', async () => {
    const { page } = b
    await openApp(page, '/start')
    await page.getByTestId('ledger-path').fill(LEDGER)
    await page.getByTestId('open-ledger').click()
    await page.getByTestId('dashboard').waitFor({ timeout: 30_000 })
    await page.getByTestId('balance-fund').waitFor()
    assert.equal(await text(page.getByTestId('community-name')), '晨曦苑')
    assert.ok((await text(page.getByTestId('fund-ratio'))).includes('低于续筹线'))
    const trend = page.getByTestId('ratio-trend')
    await trend.locator('svg').waitFor()
    const svg = await trend.locator('svg').innerHTML()
    assert.ok(svg.includes('续筹线 30%'), 'the 30% line is drawn and labelled')
    assert.ok((await text(trend)).includes('余额比例走势'))
    // No transfer is owed yet: no such alert.
    assert.equal(await page.locator('[data-testid="alert-action"][data-action="transfer"]').count(), 0)
    // Every other alert has the action that resolves it.
    const alerts = page.getByTestId('alert')
    for (let i = 0; i < (await alerts.count()); i++) {
      assert.equal(await alerts.nth(i).getByTestId('alert-action').count(), 1, `alert ${i} has an action`)
    }
    await page.waitForTimeout(300)
    await tallShot(page, 'bk-01-dashboard-trend')
  })

  it('enters a voucher from the keyboard with "1,234.5" and "１２３", shows the balance live, posts it', async () => {
    const { page, problems } = b
    await openEntry(page, 'public')
    assert.ok(await page.locator('.sidenav__item.is-active', { hasText: '凭证' }).isVisible(), 'the navigation shows where we are')
    await page.getByTestId('entry-date').fill(D.income)
    await page.getByTestId('entry-date').press('Enter')
    // Enter moved to the summary
    await page.keyboard.type('九月地面停车费收入')
    await page.keyboard.press('Enter')
    // line 1: the account by code, the debit as typed with a thousands separator
    await page.keyboard.type('1001')
    await page.keyboard.press('Enter')
    await page.keyboard.type('1,234.5')
    await page.keyboard.press('Enter')
    // line 2: the account by name, the debit in full-width digits
    await page.keyboard.type('税')
    await page.keyboard.press('Enter')
    await page.keyboard.type('１２３')
    await page.keyboard.press('Enter')
    // line 3: parking income on the credit side
    await page.keyboard.type('4001')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter') // no debit: on to the credit
    // the balance follows every keystroke
    const diff = page.getByTestId('total-diff')
    await page.getByTestId('total-debit').filter({ hasText: '1,357.50' }).waitFor()
    assert.equal(await text(page.getByTestId('total-credit')), '0.00')
    await diff.filter({ hasText: '差额 1,357.50' }).waitFor()
    assert.ok((await text(diff)).includes('借方多'))
    assert.ok(await page.getByTestId('post-voucher').isDisabled(), 'no posting while unbalanced')
    await page.keyboard.type('1357')
    await diff.filter({ hasText: '差额 0.50' }).waitFor()
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Backspace')
    await page.keyboard.type('=') // fills the balancing amount
    assert.equal(await page.getByTestId('line-credit').nth(2).inputValue(), '1357.50')
    await diff.filter({ hasText: '借贷平衡' }).waitFor()
    assert.equal(await text(page.getByTestId('total-credit')), '1,357.50')
    const lines = page.getByTestId('entry-line')
    assert.equal(await lines.nth(0).getByTestId('account-input').inputValue(), '1001 银行存款（公共收益账户）')
    assert.equal(await lines.nth(1).getByTestId('account-input').inputValue(), '5001 税费')

    // The dry run says what posting will do, R2 included.
    const preview = page.getByTestId('entry-preview')
    await preview.getByText('可以记账').waitFor()
    assert.match(await text(preview), /将记为 公-\d{4}-\d{4}/)
    // R2 is settled once per quarter, not voucher by voucher: the preview names the net income
    // that counts toward the quarter (the share owed is on the public income screen)
    const r2 = await text(page.getByTestId('entry-r2'))
    assert.ok(r2.includes('1,234.50') && r2.includes('计入本季度公共收益'), r2)
    await page.waitForTimeout(200)
    await tallShot(page, 'bk-02-entry-balanced')

    await page.keyboard.press('Control+Enter')
    const posted = page.getByTestId('entry-posted')
    await posted.waitFor()
    incomeNo = /公-\d{4}-\d{4}/.exec(await text(posted))?.[0] ?? ''
    assert.ok(incomeNo, 'the posted number is shown')
    assert.equal(await page.getByTestId('entry-summary').inputValue(), '', 'the form is ready for the next voucher')

    await page.getByRole('link', { name: '在列表中查看' }).click()
    await page.getByTestId('voucher-table').waitFor()
    const first = page.getByTestId('voucher-row').first()
    await first.waitFor()
    const row = await text(first)
    assert.ok(row.includes(incomeNo) && row.includes('九月地面停车费收入') && row.includes('1,357.50') && row.includes(D.income), row)
    assert.equal(await first.locator('td').last().evaluate((el) => getComputedStyle(el).textAlign), 'right')
    // filters run in the ledger
    await page.getByTestId('filter-text').fill('停车费收入')
    await page.getByTestId('filter-min').fill('1,357.5')
    await page.getByTestId('filter-max').fill('１３５７.５')
    await page.getByTestId('voucher-count').filter({ hasText: '共 1 张' }).waitFor()
    assert.ok((await text(page.getByTestId('voucher-row').first())).includes(incomeNo))
    await tallShot(page, 'bk-03-list-filtered')
    await page.getByTestId('filter-text').fill('')
    await page.getByTestId('filter-min').fill('')
    await page.getByTestId('filter-max').fill('')
    assert.deepEqual(problems, [])
  })

  it('refuses public spending while the fund is owed its share, with the translated R2 message', async () => {
    const { page } = b
    // What is owed is ring-fenced in the public bank balance: spending is refused only where it
    // would reach into it. Spending the whole balance does.
    await openApp(page, '/dashboard')
    const shown = await text(page.getByTestId('balance-public').locator('.book__balance'))
    const balance = /[\d,]+\.\d{2}/.exec(shown)?.[0] ?? ''
    assert.ok(balance, shown)
    const fen = Number(balance.replace(/,/g, '').replace('.', ''))
    const free = ((fen - 61725) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    await openEntry(page, 'public')
    await page.getByTestId('entry-summary').fill('2025 年度财务审计费')
    await page.getByTestId('entry-summary').press('Enter')
    await page.keyboard.type('5201')
    await page.keyboard.press('Enter')
    await page.keyboard.type(balance)
    await page.keyboard.press('Enter')
    await page.keyboard.type('1001')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.keyboard.type('=')
    const refusal = page.getByTestId('entry-refusal')
    await refusal.waitFor()
    const msg = await text(refusal)
    readable(msg)
    assert.ok(msg.includes('应转入维修资金而尚未转入的 617.25 元须留在公共收益账户中') && msg.includes(`最多还能支出 ${free} 元`), msg)
    assert.ok(await page.getByTestId('post-voucher').isDisabled(), 'posting is refused before it is tried')
    await page.waitForTimeout(200)
    await tallShot(page, 'bk-04-r2-refused')
  })

  it('the closing screen shows the quarter refused for its shortfall before anyone tries', async () => {
    const { page } = b
    await openApp(page, '/periods')
    const row = page.locator(`[data-testid="period-row"][data-period="${D.lastQ}"]`)
    await row.waitFor()
    const check = await text(row.getByTestId('period-check'))
    readable(check)
    assert.ok(check.includes('不能结账') && check.includes('617.25'), check)
    assert.equal(await row.getByTestId('close-period').count(), 0, 'no close button')
    assert.ok((await text(row.getByTestId('period-transfer'))).includes('617.25'))
    // a quarter still running says so
    const running = page.locator('[data-testid="period-row"]').first()
    assert.ok((await text(running)).includes('尚未结束'))
    await page.waitForTimeout(200)
    await tallShot(page, 'bk-05-periods-refused')
  })

  it('the dashboard alert opens the filled-in transfer; confirmed, it posts both vouchers', async () => {
    const { page, problems } = b
    await openApp(page, '/dashboard')
    const action = page.locator('[data-testid="alert-action"][data-action="transfer"]')
    await action.waitFor()
    const alert = page.getByTestId('alert').filter({ has: action })
    assert.ok((await text(alert)).includes('617.25'))
    await action.click()
    await page.getByTestId('public-income').waitFor()
    const dialog = page.getByTestId('transfer-dialog')
    await dialog.waitFor()
    assert.equal(await page.getByTestId('transfer-amount').inputValue(), '617.25')
    assert.equal(await page.getByTestId('transfer-date').inputValue(), D.today)
    // dated today it still counts for the quarter that owes it (oldest quarter first): a warning
    // says so only once the quarter's grace days have passed (issue 11)
    // dated on the quarter's last day it is on time
    await page.getByTestId('transfer-date').fill(D.lastQTo)
    const preview = page.getByTestId('transfer-preview')
    await preview.filter({ hasText: `维-` }).filter({ hasText: D.lastQTo }).waitFor()
    const p = await text(preview)
    assert.match(p, /公-\d{4}-\d{4}/)
    assert.match(p, /维-\d{4}-\d{4}/)
    assert.ok(p.includes('转入维修资金') && p.includes('617.25') && p.includes('分摊到 24 户'), p)
    assert.equal(await page.getByTestId('transfer-late').count(), 0)
    const confirm = page.getByTestId('transfer-confirm')
    assert.ok((await text(confirm)).includes('¥617.25'))
    await page.waitForTimeout(200)
    await shot(page, 'bk-06-transfer-confirm')
    await confirm.click()
    await page.getByTestId('transfer-done').waitFor()
    assert.ok(!(await dialog.isVisible()))
    const q = page.locator(`[data-testid="pi-quarter"][data-quarter="${D.lastQ}"]`)
    const row = await text(q)
    assert.ok(row.includes(D.lastQLabel) && row.includes('1,357.50') && row.includes('123.00') && row.includes('1,234.50'), row)
    assert.equal(await text(q.getByTestId('pi-short')), '✓')
    assert.equal((await text(page.getByTestId('pi-outstanding'))).includes('¥0.00'), true)
    await page.waitForTimeout(200)
    await tallShot(page, 'bk-07-public-income')
    assert.deepEqual(problems, [])
  })

  it('now the spending posts, and a double click on Post posts it once', async () => {
    const { page } = b
    await openApp(page, '/vouchers/public')
    const count = page.getByTestId('voucher-count')
    await count.waitFor()
    const before = Number(/\d+/.exec(await text(count))[0])

    await openEntry(page, 'public')
    await page.getByTestId('entry-summary').fill('2025 年度财务审计费')
    await fillTwoLines(page, '5201', '6,000', '1001', '6000')
    await page.getByTestId('entry-preview').getByText('可以记账').waitFor()
    await page.getByTestId('post-voucher').dblclick()
    const posted = page.getByTestId('entry-posted')
    await posted.waitFor()
    await page.waitForTimeout(800) // a second posting, if there were one, would have landed
    spendUrl = (await posted.getByRole('link', { name: '查看凭证' }).getAttribute('href')) ?? ''

    await openApp(page, '/vouchers/public')
    await count.waitFor()
    assert.equal(Number(/\d+/.exec(await text(count))[0]), before + 1, 'one voucher more, not two')
    assert.equal(await page.getByTestId('voucher-row').filter({ hasText: '2025 年度财务审计费' }).count(), 1)
  })

  it('reverses a voucher with a reason; the original and the reversal link to each other', async () => {
    const { page, problems } = b
    assert.ok(spendUrl.startsWith('#/voucher/'), spendUrl)
    await openApp(page, spendUrl.slice(1))
    await page.getByTestId('voucher-detail').waitFor()
    const no = await text(page.getByTestId('voucher-no'))
    assert.ok((await text(page.getByTestId('voucher-lines'))).includes('6,000.00'))
    assert.match(await text(page.getByTestId('voucher-chain')), /#\d+ .*[0-9a-f]{64}/)
    await page.getByTestId('reverse-voucher').click()
    const dialog = page.getByTestId('reverse-dialog')
    await dialog.waitFor()
    await page.getByTestId('reverse-confirm').click()
    await dialog.getByText('请填写冲销原因。').waitFor()
    await page.getByTestId('reverse-reason').fill('审计费重复入账')
    await page.getByTestId('reverse-confirm').click()
    const by = page.getByTestId('link-reversed-by')
    await by.waitFor()
    const revNo = /公-\d{4}-\d{4}/.exec(await text(by))?.[0]
    assert.ok(revNo && revNo !== no, await text(by))
    assert.equal(await page.getByTestId('reverse-voucher').count(), 0, 'a voucher is reversed once')
    await page.waitForTimeout(200)
    await tallShot(page, 'bk-08-voucher-reversed')

    await by.getByRole('link', { name: revNo }).click()
    const rev = page.getByTestId('link-reverses')
    await rev.waitFor()
    assert.ok((await text(rev)).includes(no), 'the reversal cites the original')
    assert.equal(await text(page.getByTestId('voucher-no')), revNo)
    const detail = await text(page.getByTestId('voucher-detail'))
    assert.ok(detail.includes('审计费重复入账') && detail.includes('冲销'), detail)
    await page.waitForTimeout(200)
    await tallShot(page, 'bk-09-reversal')
    assert.deepEqual(problems, [])
  })

  it('closes the quarter once the transfer is made', async () => {
    const { page } = b
    await openApp(page, '/periods')
    const row = page.locator(`[data-testid="period-row"][data-period="${D.lastQ}"]`)
    await row.waitFor()
    assert.ok((await text(row.getByTestId('period-check'))).includes('可以结账'))
    await row.getByTestId('close-period').click()
    const dialog = page.getByTestId('close-dialog')
    await dialog.waitFor()
    assert.ok((await text(dialog)).includes(`${D.lastQFrom} 至 ${D.lastQTo}`))
    await page.getByTestId('confirm-close').click()
    const closed = page.getByTestId('closed-row').filter({ hasText: D.lastQLabel })
    await closed.waitFor()
    assert.ok((await text(closed)).includes('公共收益') && (await text(closed)).includes(D.today))
    assert.equal(await page.locator(`[data-testid="period-row"][data-period="${D.lastQ}"]`).count(), 0)
    await page.waitForTimeout(200)
    await tallShot(page, 'bk-10-periods-closed')

    // nothing can be posted in it any more
    await openEntry(page, 'public')
    await page.getByTestId('entry-date').fill(D.income)
    await page.getByTestId('entry-summary').fill('补记广告收入')
    await fillTwoLines(page, '1001', '100', '4002', '100')
    const refusal = page.getByTestId('entry-refusal')
    await refusal.waitFor()
    assert.ok((await text(refusal)).includes('已结账'), await text(refusal))
  })

  it("one building's own income: chosen on entry, owed and transferred to that building's units alone", async () => {
    const { page, problems } = b
    await openEntry(page, 'public')
    await page.getByTestId('entry-date').fill(D.today)
    await page.getByTestId('entry-summary').fill('电梯广告费（本楼业主专有）')
    await fillTwoLines(page, '1001', '200', '4002', '200')
    const owner = page.getByTestId('entry-building')
    assert.equal(await owner.inputValue(), '0', 'income belongs to all owners unless chosen')
    await owner.selectOption({ index: 1 })
    const building = (await owner.locator('option:checked').innerText()).replace(/\s*业主专有$/, '').trim()
    const buildingId = await owner.inputValue()
    await page.getByTestId('entry-preview').getByText('可以记账').waitFor()
    await page.getByTestId('post-voucher').click()
    await page.getByTestId('entry-posted').waitFor()

    // the public income screen lists that building's income apart, with its own share owed
    await openApp(page, '/public-income')
    const scope = page.locator(`[data-testid="pi-scope"][data-building="${buildingId}"]`)
    await scope.waitFor()
    const row = await text(scope)
    assert.ok(row.includes(building) && row.includes('200.00') && row.includes('100.00'), row)
    await scope.getByTestId('pi-scope-transfer').click()
    await page.getByTestId('transfer-dialog').waitFor()
    assert.equal(await page.getByTestId('transfer-amount').inputValue(), '100.00')
    assert.equal(await page.getByTestId('transfer-building').inputValue(), buildingId, "the transfer is that building's")
    const preview = page.getByTestId('transfer-preview')
    await preview.filter({ hasText: '维-' }).waitFor()
    const split = /分摊到 (\d+) 户/.exec(await text(preview))
    assert.ok(split && Number(split[1]) > 0 && Number(split[1]) < 24, `split over that building's units only: ${await text(preview)}`)
    await page.getByTestId('transfer-confirm').click()
    await page.getByTestId('transfer-done').waitFor()
    await scope.getByTestId('pi-scope-short').filter({ hasText: '✓' }).waitFor()
    await tallShot(page, 'bk-10b-building-income')
    assert.deepEqual(problems, [])
  })

  it('posts a fund deposit split per unit, with a receipt dropped on the form', async () => {
    const { page, problems } = b
    await openEntry(page, 'fund')
    await page.getByTestId('entry-summary').fill('续筹交存（2号楼 101、102 室）')
    await page.getByTestId('entry-summary').press('Enter')
    await page.keyboard.type('1001')
    await page.keyboard.press('Enter')
    await page.keyboard.type('3,000')
    await page.keyboard.press('Enter')
    await page.keyboard.type('续筹') // by name: 4002 续筹交存
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.keyboard.type('=')
    // the deposit needs each unit's part
    const split = page.getByTestId('split-editor')
    await split.waitFor()
    assert.ok(Number(await page.getByTestId('entry-case').inputValue()) > 0, 'the open replenishment case is cited')
    for (const [room, amount] of [
      ['2号-101', '1,000'],
      ['2号-102', '２０００'],
    ]) {
      await page.getByTestId('split-search').fill(room)
      await split.getByRole('option', { name: new RegExp(room) }).waitFor()
      await page.getByTestId('split-search').press('Enter')
      await page.getByTestId('split-row').filter({ hasText: room }).locator('input').fill(amount)
    }
    // a receipt dropped on the form is stored in the ledger and listed
    await page.getByTestId('attachment-drop').evaluate((el) => {
      const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0))
      const dt = new DataTransfer()
      dt.items.add(new File([png], '银行进账单.png', { type: 'image/png' }))
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
    })
    await page.getByTestId('attachment').filter({ hasText: '银行进账单.png' }).waitFor()
    const preview = page.getByTestId('entry-preview')
    await preview.getByText('分摊到 2 户分户账').waitFor()
    assert.match(await text(preview), /将记为 维-\d{4}-\d{4}/)
    await page.waitForTimeout(200)
    await tallShot(page, 'bk-11-fund-deposit-split')
    await page.getByTestId('post-voucher').click()
    await page.getByTestId('entry-posted').getByRole('link', { name: '查看凭证' }).click()
    await page.getByTestId('voucher-detail').waitFor()
    const detail = await text(page.getByTestId('voucher-detail'))
    assert.ok(detail.includes('续筹交存') && detail.includes('3,000.00') && detail.includes('2 户'), detail)
    await page.getByTestId('attachment').filter({ hasText: '银行进账单.png' }).waitFor()
    assert.equal(await page.getByTestId('attachment-save').count(), 1, 'the attachment can be saved')
    await tallShot(page, 'bk-12-fund-voucher')
    assert.deepEqual(problems, [])
  })

  it('shows the books in English', async () => {
    const { page, problems } = b
    await openApp(page, '/vouchers/public')
    await page.getByTestId('voucher-row').first().waitFor()
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByText('Transfer between books').first().waitFor()
    await page.waitForTimeout(200)
    await shot(page, 'bk-13-vouchers-en')
    await openApp(page, '/public-income')
    await page.getByText('Owed to the fund today').waitFor()
    await shot(page, 'bk-14-public-income-en')
    await page.getByRole('button', { name: '简体中文' }).click()
    assert.deepEqual(problems, [])
  })
})
