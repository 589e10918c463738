// The real frontend from wails dev, with stand-in bindings (mock-bindings.mjs): checks what the
// screens make of known figures and errors, whatever data the Go side currently has.
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { launch, openApp, shot, tallShot } from '../lib.mjs'
import { DASHBOARD, DEMO_INFO, useMockBindings } from '../mock-bindings.mjs'

const refusal = {
  code: 'refused',
  key: 'ledger.demoUnavailable',
  args: {},
  message: '示例账本暂时无法生成：磁盘空间不足。',
  messageEn: 'The demo ledger cannot be created: the disk is full.',
}

describe('screens with stand-in bindings', () => {
  let b
  before(async () => {
    b = await launch()
  })
  after(async () => {
    await b?.close()
  })
  beforeEach(async () => {
    await b.page.unrouteAll({ behavior: 'wait' })
    await b.page.evaluate(() => localStorage.clear()).catch(() => {})
  })

  it('shows the start screen when no ledger is open', async () => {
    const { page } = b
    await useMockBindings(page, { Current: { result: { path: '', communityName: '', readOnly: false } } })
    await openApp(page, '/dashboard')
    await page.getByTestId('start-screen').waitFor()
    assert.equal(await page.locator('.sidenav').count(), 0, 'no navigation to screens that need a ledger')
    assert.ok(await page.getByText('未打开账本').isVisible())
  })

  it('lists recently opened ledgers and opens one with a click', async () => {
    const { page } = b
    const recent = ['D:\\业委会\\幸福小区.jiayuan', '/home/secretary/账本/锦绣家园 2025.jiayuan']
    await useMockBindings(page, {
      Current: { result: { path: '', communityName: '', readOnly: false } },
      Recent: { result: recent },
      OpenLedger: { result: DEMO_INFO },
      Dashboard: { result: DASHBOARD },
    })
    await openApp(page, '/start')
    const items = page.getByTestId('recent-item')
    await items.first().waitFor()
    assert.deepEqual(
      (await items.locator('.recent__name').allInnerTexts()).map((s) => s.trim()),
      ['幸福小区.jiayuan', '锦绣家园 2025.jiayuan'],
    )
    await shot(page, '09-start-recent')
    await items.nth(1).click()
    await page.getByTestId('dashboard').waitFor()
    const calls = await page.evaluate(() => window.__calls.filter((c) => c.name === 'OpenLedger').map((c) => c.args))
    assert.deepEqual(calls, [[recent[1]]])
  })

  it('dashboard: balances grouped and right-aligned, gauge, alerts, chain head', async () => {
    const { page } = b
    await useMockBindings(page, { Current: { result: DEMO_INFO }, Dashboard: { result: DASHBOARD } })
    await openApp(page, '/')
    await page.getByTestId('dashboard').waitFor()
    await page.getByTestId('balance-fund').waitFor()

    const amounts = {}
    for (const book of ['fund', 'public', 'working']) {
      const money = page.getByTestId(`balance-${book}`).locator('.book__balance')
      amounts[book] = (await money.innerText()).replace(/\s+/g, '')
      assert.equal(await money.evaluate((el) => getComputedStyle(el).textAlign), 'right')
    }
    assert.deepEqual(amounts, { fund: '¥1,234,567.50', public: '¥86,420.00', working: '-¥350.75' })
    assert.equal(await page.getByTestId('community-name').innerText(), '示例·幸福家园小区')

    const ratio = page.getByTestId('fund-ratio')
    assert.ok((await ratio.innerText()).includes('低于续筹线'))
    assert.ok((await ratio.innerText()).includes('4,513,958.00'))
    await ratio.locator('svg').waitFor()
    assert.ok((await ratio.locator('svg').innerHTML()).includes('27.35%'), 'gauge shows the ratio')

    const alerts = page.getByTestId('alert')
    assert.equal(await alerts.count(), 3)
    assert.deepEqual(
      await alerts.evaluateAll((els) => els.map((e) => e.className)),
      ['alert alert--danger', 'alert alert--warning', 'alert alert--info'],
    )
    assert.ok((await alerts.first().innerText()).includes('须在 2027-02-20 前作出续筹决定'))

    const chain = await page.getByTestId('chain-head').innerText()
    assert.ok(chain.includes('#1287') && chain.includes(DASHBOARD.chainHead))

    const nav = await page.locator('.sidenav__item').allInnerTexts()
    assert.equal(nav[0], '首页', 'the dashboard comes first in the navigation')
    assert.ok(nav.includes('开始'), 'the start screen is in the navigation')
    assert.equal(new Set(nav).size, nav.length, 'no screen is listed twice')
    await page.waitForTimeout(200)
    await shot(page, '10-dashboard-zh')
    await tallShot(page, '10-dashboard-zh-full')

    await page.getByRole('button', { name: 'English' }).click()
    await page.getByText('Balances of the three books').waitFor()
    assert.ok((await alerts.first().innerText()).includes('a replenishment decision is due by 2027-02-20'))
    assert.ok((await ratio.innerText()).includes('Below the line'))
    await page.waitForTimeout(200)
    await shot(page, '11-dashboard-en')
  })

  it('an error from Go is shown in the current language, and follows a language switch', async () => {
    const { page } = b
    await useMockBindings(page, {
      Current: { result: { path: '', communityName: '', readOnly: false } },
      OpenDemo: { error: refusal },
    })
    await openApp(page, '/start')
    await page.getByTestId('open-demo').click()
    const err = page.getByTestId('demo-error')
    await err.waitFor()
    assert.equal((await err.innerText()).trim(), refusal.message)
    await shot(page, '12-start-error-zh')
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByText(refusal.messageEn).waitFor()
  })

  it('a raw or garbled error becomes the generic message, never raw text', async () => {
    const { page } = b
    await useMockBindings(page, {
      Current: { result: { path: '', communityName: '', readOnly: false } },
      OpenLedger: { errorString: 'sql: database is locked' },
    })
    await openApp(page, '/start')
    await page.getByTestId('ledger-path').fill('D:\\业委会\\幸福小区.jiayuan')
    await page.getByTestId('open-ledger').click()
    const err = page.getByTestId('open-error')
    await err.waitFor()
    const text = (await err.innerText()).trim()
    assert.equal(text, '程序内部出错，请重试；如果反复出现，请联系技术支持。')
    assert.deepEqual(
      await page.evaluate(() => window.__calls.filter((c) => c.name !== 'Recent').map((c) => [c.name, ...c.args])),
      [['Current'], ['OpenLedger', 'D:\\业委会\\幸福小区.jiayuan']],
    )
  })

  it('a dashboard that cannot be read says so, with a way to retry', async () => {
    const { page } = b
    await useMockBindings(page, { Current: { result: DEMO_INFO }, Dashboard: { error: refusal } })
    await openApp(page, '/dashboard')
    const err = page.getByTestId('dashboard-error')
    await err.waitFor()
    assert.ok((await err.innerText()).includes(refusal.message))
    assert.ok(await err.getByRole('button', { name: '重新读取' }).isVisible())
  })

  it('an uncaught error becomes a toast, not a blank screen', async () => {
    const { page } = b
    await useMockBindings(page, { Current: { error: refusal } })
    await openApp(page, '/')
    await page.getByTestId('start-screen').waitFor()
    const toast = page.getByTestId('toast')
    await toast.waitFor()
    assert.ok((await toast.innerText()).includes(refusal.message))
    await shot(page, '13-toast')
  })
})
