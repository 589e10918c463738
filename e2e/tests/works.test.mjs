// Repair projects, replenishment, working expenses, audits and disclosures against `wails dev`
// (the real Go services) on the demo ledger: what a secretary does when the fund pays for works.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { openApp, shot, tallShot, text, useDemo } from '../lib.mjs'

const NAME = `1号楼屋面防水 ${Date.now().toString(36).slice(-4)}`

/** A message a person can read: not a key, not JSON, not "[object Object]". */
function readable(s) {
  assert.ok(s.length > 3, `message: ${s}`)
  assert.doesNotMatch(s, /object Object|^\{|"code"|[a-z]+\.[a-z_]+_[a-z]+/i, `message: ${s}`)
}

/** "2,345.67" → 234567n (hundredths), for areas and amounts read off the screen. */
function hundredths(s) {
  const m = /(-?)([\d,]+)\.(\d{2})/.exec(s)
  assert.ok(m, `a two-decimal figure in ${s}`)
  return BigInt(m[2].replace(/,/g, '') + m[3]) * (m[1] ? -1n : 1n)
}
const asDecimal = (h) => `${h / 100n}.${(h % 100n).toString().padStart(2, '0')}`

describe('works and oversight on the demo ledger', () => {
  const b = useDemo()
  let projectUrl = ''

  it('creates a project on one building', async () => {
    const { page } = b
    await openApp(page, '/projects')
    await page.getByTestId('projects-screen').waitFor()
    await page.getByTestId('project-row').first().waitFor()
    assert.ok((await page.getByTestId('project-row').count()) >= 3, 'the demo has projects')
    await shot(page, 'works-01-projects')
    await page.getByTestId('project-new').click()
    // saving with no name is refused in Chinese
    await page.getByTestId('project-save').click()
    const err = page.getByTestId('project-form-error')
    await err.waitFor()
    assert.equal(await text(err), '请填写工程名称。')
    await page.getByTestId('project-name').fill(NAME)
    await page.getByTestId('project-reason').fill('顶层住户反映屋面渗漏')
    await page.getByTestId('project-budget').fill('12000')
    await page.getByTestId('project-contractor').fill('上海安居建设工程有限公司')
    // units picked among all: search "2-1" (building 2, rooms with a 1), tick a page in
    await page.getByTestId('scope-units').check()
    await page.getByTestId('picker-row').first().waitFor()
    await page.getByTestId('picker-search').fill('2-1')
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="picker-row"]')].every((r) => r.textContent.includes('2号-')))
    await page.getByTestId('picker-add-page').click()
    assert.match(await text(page.getByTestId('picker-count')), /^已选 [1-9]\d* 户，建筑面积 [\d,.]+ m²$/)
    assert.match(await text(page.getByTestId('scope-summary')), /所选范围：[1-9]\d* 户/)
    await shot(page, 'works-02a-unit-picker')
    await page.getByTestId('scope-buildings').check()
    await page.getByTestId('scope-building-1号').check()
    const summary = await text(page.getByTestId('scope-summary'))
    assert.match(summary, /所选范围：\d+ 户，建筑面积 [\d,.]+ m²/)
    assert.doesNotMatch(summary, /：0 户/)
    // the emergency option explains the statutory grounds in Chinese
    await page.getByTestId('project-kind-emergency').check()
    assert.ok((await text(page.getByTestId('project-triggers'))).includes('电梯故障，检验机构建议停用或监管部门责令停用'))
    await page.getByTestId('project-kind-normal').check()
    await shot(page, 'works-02-project-new')
    await page.getByTestId('project-save').click()
    await page.getByTestId('project-detail').waitFor()
    assert.equal(await text(page.getByTestId('project-title')), NAME)
    assert.ok((await text(page.getByTestId('project-scope'))).includes('按楼幢'))
    projectUrl = new URL(page.url()).hash.slice(1)
    assert.match(projectUrl, /^\/projects\/\d+$/)
  })

  it('a vote that falls short turns the live check red and cannot carry the expense', async () => {
    const { page, problems } = b
    await openApp(page, projectUrl)
    const scope = page.getByTestId('vote-scope')
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="vote-scope"]')?.textContent ?? ''))
    const [, area, owners] = /专有面积 ([\d,.]+) m²，业主 (\d+) 人/.exec(await text(scope)) ?? []
    assert.ok(area && owners, `scope figures: ${await text(scope)}`)
    const scopeArea = hundredths(area)
    const half = asDecimal(scopeArea / 2n)

    // nothing typed: the verdict waits for the figures
    assert.equal(await page.getByTestId('vote-check').getAttribute('data-verdict'), 'pending')
    await page.getByTestId('vote-part-area').fill(half)
    await page.getByTestId('vote-part-owners').fill(owners)
    await page.getByTestId('vote-agree-area').fill(half)
    await page.getByTestId('vote-agree-owners').fill(owners)
    await page.locator('[data-testid="check-part-area"][data-state="bad"]').waitFor()
    assert.equal(await page.getByTestId('check-part-owners').getAttribute('data-state'), 'ok')
    assert.equal(await page.getByTestId('check-agree-area').getAttribute('data-state'), 'ok')
    await page.locator('[data-testid="vote-check"][data-verdict="bad"]').waitFor()
    const verdict = await text(page.getByTestId('vote-verdict'))
    assert.ok(verdict.includes('表决未通过') && verdict.includes('未达到三分之二'), verdict)
    // red is red
    const bg = await page.getByTestId('check-part-area').evaluate((el) => getComputedStyle(el).backgroundColor)
    assert.equal(bg, 'rgb(254, 242, 242)')
    await tallShot(page, 'works-03-vote-short')
    await page.getByTestId('vote-save').click()
    await page.getByTestId('vote-row').first().waitFor()
    assert.ok((await text(page.getByTestId('vote-row').first())).includes('未通过'))
    assert.ok(await page.getByTestId('vote-missing').isVisible())

    // the cost audit
    await page.getByTestId('cost-audit-amount').fill('10000')
    await page.getByTestId('cost-audit-save').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="project-cost-audit"]')?.textContent?.includes('10,000.00'))

    // the expense: previewed, then refused for want of a passing vote (R3)
    assert.equal(await page.getByTestId('expense-amount').inputValue(), '10,000.00')
    await page.getByTestId('expense-preview').click()
    await page.getByTestId('apportion-preview').waitFor()
    await page.getByTestId('expense-post').click()
    const err = page.getByTestId('expense-error')
    await err.waitFor()
    const msg = await text(err)
    readable(msg)
    assert.ok(msg.includes('参与表决的专有面积仅占 50.00%，未达到三分之二'), msg)
    assert.ok((await text(page.getByTestId('project-charged'))).includes('0.00'))
    await shot(page, 'works-04-expense-refused-r3')
    assert.deepEqual(problems, [])
  })

  it('a passing vote turns every figure green', async () => {
    const { page } = b
    await openApp(page, projectUrl)
    await page.getByTestId('vote-new').click()
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="vote-scope"]')?.textContent ?? ''))
    const [, area, owners] = /专有面积 ([\d,.]+) m²，业主 (\d+) 人/.exec(await text(page.getByTestId('vote-scope'))) ?? []
    // 80% take part, 80% of them agree
    const part = (hundredths(area) * 8n) / 10n
    const partOwners = BigInt(owners) - BigInt(owners) / 5n
    await page.getByTestId('vote-title').fill(`${NAME} 表决（第二次）`)
    await page.getByTestId('vote-part-area').fill(asDecimal(part))
    await page.getByTestId('vote-part-owners').fill(String(partOwners))
    await page.getByTestId('vote-agree-area').fill(asDecimal((part * 8n) / 10n))
    await page.getByTestId('vote-agree-owners').fill(String(partOwners))
    await page.locator('[data-testid="vote-check"][data-verdict="ok"]').waitFor()
    for (const id of ['part-area', 'part-owners', 'agree-area', 'agree-owners']) {
      assert.equal(await page.getByTestId(`check-${id}`).getAttribute('data-state'), 'ok', id)
    }
    assert.equal(await page.getByTestId('check-part-area').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(240, 253, 244)')
    assert.ok((await text(page.getByTestId('vote-verdict'))).includes('表决通过'))
    await tallShot(page, 'works-05-vote-passing')
    await page.getByTestId('vote-save').click()
    await page.getByTestId('vote-missing').waitFor({ state: 'detached' })
    assert.ok((await text(page.getByTestId('vote-row').first())).includes('通过'))
  })

  it('refuses an expense one fen over the cost audit, then posts it exactly, apportioned to the fen', async () => {
    const { page, problems } = b
    await openApp(page, projectUrl)
    await page.getByTestId('expense-card').waitFor()
    const amount = page.getByTestId('expense-amount')
    await amount.fill('10000.01')
    await page.getByTestId('expense-over-warning').waitFor()
    await page.getByTestId('expense-preview').click()
    await page.getByTestId('apportion-preview').waitFor()
    await page.getByTestId('expense-post').click()
    const err = page.getByTestId('expense-error')
    await err.waitFor()
    const msg = await text(err)
    readable(msg)
    assert.ok(msg.includes('超出审价金额') && msg.includes('超出 0.01 元'), msg)
    await shot(page, 'works-06-expense-over-cost-audit')

    await amount.fill('10,000.00')
    // the preview of 10,000.01 no longer stands for the amount: posting waits for a new one
    assert.ok(await page.getByTestId('expense-post').isDisabled())
    await page.getByTestId('expense-preview').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="apportion-total"]')?.textContent?.replace(/\s/g, '') === '¥10,000.00')
    await page.locator('[data-testid="apportion-check"][data-state="ok"]').waitFor()
    assert.equal((await text(page.getByTestId('apportion-total'))).replace(/\s/g, ''), '¥10,000.00')
    assert.ok((await text(page.getByTestId('apportion-check'))).includes('分毫不差'))
    // the shares are amounts, right-aligned with two decimals; the first page adds up to no more than the total
    const shares = await page.getByTestId('apportion-row').locator('td:nth-child(4)').allInnerTexts()
    assert.ok(shares.length > 0)
    let sum = 0n
    for (const s of shares) {
      assert.match(s.trim(), /^\d{1,3}(,\d{3})*\.\d{2}$/)
      sum += hundredths(s)
    }
    assert.ok(sum <= 1000000n)
    const align = await page.getByTestId('apportion-row').first().locator('td:nth-child(4)').evaluate((el) => getComputedStyle(el).textAlign)
    assert.equal(align, 'right')
    await page.getByTestId('apportion-check').scrollIntoViewIfNeeded()
    await shot(page, 'works-07-apportion-preview')
    await page.getByTestId('expense-post').click()
    await page.getByTestId('expense-posted').waitFor()
    await page.waitForFunction(() => document.querySelector('[data-testid="project-charged"]')?.textContent?.includes('10,000.00'))
    assert.equal((await text(page.getByTestId('project-charged'))).replace(/\s/g, ''), '¥10,000.00')
    assert.equal((await text(page.getByTestId('project-remaining'))).replace(/\s/g, ''), '¥0.00')
    assert.equal(await page.getByTestId('project-vouchers').locator('tbody tr').count(), 1)
    assert.ok((await text(page.getByTestId('project-vouchers'))).includes('10,000.00'))
    await tallShot(page, 'works-08-project-charged')

    // the list shows it charged and waiting for acceptance
    await openApp(page, '/projects')
    const row = page.getByTestId('project-row').filter({ hasText: NAME })
    await row.waitFor()
    assert.ok((await text(row)).includes('10,000.00'))
    assert.equal(await text(row.getByTestId('project-stage')), '待验收')
    assert.deepEqual(problems, [])
  })

  it('marks a disclosure published and it leaves the due list', async () => {
    const { page, problems } = b
    await openApp(page, '/disclosures')
    await page.getByTestId('disclosure-schedule').waitFor()
    assert.ok((await text(page.getByTestId('schedule-fund'))).includes('每 6 个月公示一次'))
    assert.ok((await text(page.getByTestId('schedule-public'))).includes('每 3 个月公示一次'))
    const rows = page.locator('[data-due-row]')
    const before = await rows.count()
    assert.ok(before > 0, 'the demo has a disclosure due')
    await tallShot(page, 'works-09-disclosures')
    const first = rows.first()
    const id = await first.getAttribute('data-testid')
    await first.getByTestId('disclosure-mark').click()
    const form = page.getByTestId('disclosure-form')
    await form.waitFor()
    // where it was posted is required
    await page.getByTestId('disclosure-place').fill('')
    await page.getByTestId('disclosure-save').click()
    await page.getByTestId('disclosure-error').waitFor()
    readable(await text(page.getByTestId('disclosure-error')))
    await page.getByTestId('disclosure-place').fill('小区公告栏、业主微信群')
    await page.getByTestId('disclosure-place').press('Control+Enter')
    await page.getByTestId(id).waitFor({ state: 'detached' })
    assert.equal(await rows.count(), before - 1)
    assert.ok((await text(page.getByTestId('disclosure-past').locator('tbody tr').first())).includes('小区公告栏、业主微信群'))
    await tallShot(page, 'works-10-disclosure-published')
    assert.deepEqual(problems, [])
  })

  it('sets a working-expense budget, over budget in red', async () => {
    const { page, problems } = b
    await openApp(page, '/working')
    await page.getByTestId('budget-table').waitFor()
    await shot(page, 'works-11-working')
    // a past year with spending: the demo's budgets and actuals
    // the year picker offers every year of the books (the demo's six) and the next
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="working-year"] option').length >= 3)
    assert.equal(await page.getByTestId('working-year').inputValue(), String(new Date().getFullYear()))
    await page.getByTestId('budget-edit').click()
    await page.getByTestId('budget-input-5002').fill('1,234.5')
    await page.getByTestId('budget-input-5001').fill('1.00')
    await page.getByTestId('budget-input-5001').press('Control+s')
    await page.getByTestId('budget-save').waitFor({ state: 'detached' })
    const meetings = page.getByTestId('budget-line-5002')
    assert.ok((await text(meetings)).includes('1,234.50'), await text(meetings))
    const office = page.getByTestId('budget-line-5001')
    const spent = hundredths((await office.locator('td:nth-child(3)').innerText()).trim())
    if (spent > 100n) {
      assert.equal(await office.getAttribute('data-over'), 'true')
      assert.ok((await text(office)).includes('超预算'))
      assert.equal(await office.locator('td').first().evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(254, 242, 242)')
    }
    // a typing error is refused in place and nothing is saved
    await page.getByTestId('budget-edit').click()
    await page.getByTestId('budget-input-5003').fill('12.345')
    assert.ok(await page.getByTestId('budget-save').isDisabled())
    assert.ok((await text(page.getByTestId('budget-line-5003'))).includes('最多两位小数'))
    await shot(page, 'works-12-working-budget')
    assert.deepEqual(problems, [])
  })

  it('shows replenishment and audits', async () => {
    const { page, problems } = b
    await openApp(page, '/replenishment')
    await page.getByTestId('replenish-screen').waitFor()
    await page.getByTestId('replenish-ratio').waitFor()
    assert.match(await text(page.getByTestId('replenish-ratio')), /^\d+\.\d{2}%$/)
    await page.getByTestId('past-case').first().waitFor()
    await page.getByTestId('past-case').first().getByRole('button').click()
    await page.getByTestId('dues-table').locator('tbody tr').first().waitFor()
    assert.match(await text(page.getByTestId('collection-rate')), /^\d+\.\d{2}%$/)
    await tallShot(page, 'works-13-replenishment')

    await openApp(page, '/audits')
    await page.getByTestId('audit-grid').waitFor()
    const cells = page.locator('[data-testid^="cell-"]')
    assert.ok((await cells.count()) >= 9)
    assert.ok((await page.locator('[data-state="audited"]').count()) >= 3)
    // a finding of the newest audit, then its rectification
    const record = page.getByTestId('audit-record').first()
    await record.waitFor()
    const findings = await record.getByTestId('finding').count()
    await record.getByTestId('finding-text').fill('维修资金专户对账单未按月归档')
    await record.getByTestId('finding-text').press('Enter')
    await record.getByTestId('finding').nth(findings).waitFor()
    const added = record.getByTestId('finding').nth(findings)
    assert.ok((await text(added)).includes('待整改'))
    await added.getByTestId('finding-rectify').click()
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="audit-record"]')[0]?.querySelectorAll('[data-testid="finding"]')[n]?.textContent?.includes('已整改'),
      findings,
    )
    await tallShot(page, 'works-14-audits')
    // the audit form says what is missing, in Chinese
    await page.getByTestId('audit-new').click()
    await page.getByTestId('audit-save').click()
    await page.getByTestId('audit-form-error').waitFor()
    assert.equal(await text(page.getByTestId('audit-form-error')), '请填写审计机构名称。')
    await page.getByTestId('audit-firm').fill('上海众华会计师事务所')
    await page.getByTestId('audit-report').fill('2026-11-01')
    await page.getByTestId('audit-save').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="audit-form-error"]')?.textContent?.includes('审计意见'))
    await shot(page, 'works-14a-audit-form')
    await page.getByTestId('audit-opinion').selectOption('qualified')
    await page.getByTestId('audit-save').click()
    await page.getByTestId('audit-form-card').waitFor({ state: 'detached' })
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="audit-record"]').length === 6)
    assert.ok((await text(page.getByTestId('cell-2025-fund'))).includes('2026-11-01'), 'the newest report of 2025 is shown')
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByText('Audit coverage').waitFor()
    await shot(page, 'works-15-audits-en')
    await page.getByRole('button', { name: '简体中文' }).click()
    assert.deepEqual(problems, [])
  })
})
