// Against `wails dev`: the real frontend talking to the real Go services over the bindings.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { launch, openApp, shot, tallShot } from '../lib.mjs'

/** An amount as the dashboard shows it: "¥1,234,567.50" or "-¥350.75" (currency sign, grouping, two decimals). */
const SHOWN_AMOUNT = /^-?¥\d{1,3}(,\d{3})*\.\d{2}$/

describe('Jiayuan Ledger in wails dev', () => {
  let b
  before(async () => {
    b = await launch()
  })
  after(async () => {
    await b?.close()
  })

  it('starts without errors: start screen or, with a ledger open, the dashboard', async () => {
    const { page } = b
    await openApp(page, '/')
    await page.waitForSelector('[data-testid="start-screen"], [data-testid="dashboard"]')
    await page.waitForTimeout(500)
    assert.equal(await page.locator('[data-testid="toast"]').count(), 0, 'no error toast on start-up')
    await shot(page, '00-first-screen')
  })

  it('renders the start screen in Chinese', async () => {
    const { page } = b
    await openApp(page, '/start')
    const start = page.getByTestId('start-screen')
    await start.waitFor()
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN')
    const text = await start.innerText()
    for (const s of ['欢迎使用家园账本', '打开账本文件', '打开示例账本']) assert.ok(text.includes(s), `start screen shows ${s}`)
    assert.ok(await page.getByRole('button', { name: '简体中文' }).isVisible())
    assert.ok(await page.getByRole('button', { name: 'English' }).isVisible())
    await shot(page, '01-start-zh')
  })

  it('asks for a path before opening a file', async () => {
    const { page } = b
    await openApp(page, '/start')
    await page.getByTestId('open-ledger').click()
    await page.getByText('请输入账本文件的路径。').waitFor()
  })

  it('shows a failed open as a readable message, never raw text', async () => {
    const { page } = b
    await openApp(page, '/start')
    await page.getByTestId('ledger-path').fill('/nonexistent-dir/没有这个文件夹/x.jiayuan')
    await page.getByTestId('open-ledger').click()
    const err = page.getByTestId('open-error')
    await err.waitFor({ timeout: 15_000 })
    const text = (await err.innerText()).trim()
    assert.ok(text.length > 0)
    assert.doesNotMatch(text, /object Object|^\{|"code"|not implemented/i)
    await shot(page, '02-start-open-error')
  })

  it('switches to English and remembers it', async () => {
    const { page, problems } = b
    await openApp(page, '/start')
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByText('Welcome to Jiayuan Ledger').waitFor()
    assert.equal(await page.locator('html').getAttribute('lang'), 'en')
    await page.reload()
    await page.getByText('Welcome to Jiayuan Ledger').waitFor()
    await shot(page, '03-start-en')
    await page.getByRole('button', { name: '简体中文' }).click()
    await page.getByText('欢迎使用家园账本').waitFor()
    assert.deepEqual(problems, [])
  })

  // Needs the Go side: LedgerService.OpenDemo and Dashboard.
  it('opens the demo ledger: the dashboard shows the three balances', async () => {
    const { page, problems } = b
    await openApp(page, '/start')
    await page.getByTestId('open-demo').click()
    const demoError = page.getByTestId('demo-error')
    const dash = page.getByTestId('dashboard')
    await Promise.race([dash.waitFor({ timeout: 60_000 }), demoError.waitFor({ timeout: 60_000 })])
    if (await demoError.isVisible()) assert.fail(`OpenDemo failed: ${await demoError.innerText()}`)
    await page.getByTestId('balance-fund').waitFor({ timeout: 30_000 })
    for (const [book, name] of [
      ['fund', '维修资金'],
      ['public', '公共收益'],
      ['working', '业委会工作经费'],
    ]) {
      const card = page.getByTestId(`balance-${book}`)
      assert.ok((await card.innerText()).includes(name), `${book} card is labelled ${name}`)
      const amount = (await card.locator('.money').innerText()).replace(/\s+/g, '')
      assert.match(amount, SHOWN_AMOUNT, `${book} balance ${amount}`)
    }
    assert.ok((await page.getByTestId('community-name').innerText()).trim().length > 0, 'community name shown')
    await page.locator('[data-testid="fund-gauge"] svg').waitFor()
    // The navigation is grouped, in Chinese, and every screen in it is reachable in the window.
    assert.deepEqual(
      (await page.locator('.sidenav__heading').allInnerTexts()).map((s) => s.trim()),
      ['账务', '工程与监督', '结账与报表', '数据与设置'],
    )
    const last = page.locator('.sidenav__item').last()
    await last.scrollIntoViewIfNeeded()
    assert.ok(await last.isVisible(), 'the last screen of the navigation can be reached')
    // Alerts are sentences in the UI language, not message keys.
    for (const text of await page.getByTestId('alert').locator('.alert__text').allInnerTexts()) {
      assert.doesNotMatch(text.trim(), /^[\w-]+(\.[\w-]+)+$/, `alert shows a message, not a key: ${text}`)
    }
    await page.waitForTimeout(300)
    await shot(page, '04-dashboard-demo-zh')
    await tallShot(page, '04-dashboard-demo-zh-full')
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByText('Maintenance fund ratio').waitFor()
    await shot(page, '05-dashboard-demo-en')
    await page.getByRole('button', { name: '简体中文' }).click()
    assert.deepEqual(problems, [])
  })
})
