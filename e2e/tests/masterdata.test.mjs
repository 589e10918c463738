// Start, the new-ledger wizard, units and owners, settings and integrity, against `wails dev`
// (the real Go services): what a secretary does on a first day with the app.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { launch, openApp, shot, tallShot, text } from '../lib.mjs'

const DATA = process.env.JIAYUAN_DATA_DIR || ''
const NAME = `测试花园${Date.now().toString(36).slice(-5)}`

/** A message a person can read: not a key, not JSON, not "[object Object]". */
function readable(s) {
  assert.ok(s.length > 3, `message: ${s}`)
  assert.doesNotMatch(s, /object Object|^\{|"code"|^[a-z_]+(\.[a-z_]+)+$/i, `message: ${s}`)
}

/** Pastes spreadsheet text into a field, as Ctrl+V of cells copied from Excel does. */
async function paste(locator, data) {
  await locator.evaluate((el, data) => {
    const dt = new DataTransfer()
    dt.setData('text/plain', data)
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
  }, data)
}

describe('master data: start, wizard, units, settings, integrity', () => {
  let b
  before(async () => {
    b = await launch()
  })
  after(async () => {
    await b?.close()
  })

  it('the start screen explains the app and offers a new ledger, a file, the demo', async () => {
    const { page } = b
    await openApp(page, '/start')
    const start = page.getByTestId('start-screen')
    await start.waitFor()
    const t = await text(start)
    for (const s of ['欢迎使用家园账本', '三本账', '新建账本', '打开账本文件', '选择账本文件…', '打开示例账本']) assert.ok(t.includes(s), `start shows ${s}`)
    assert.ok(!t.includes('将新建一本空账本'), 'no promise that a missing file makes a new ledger')
    // a typed path that does not exist is refused with a sentence, not created
    await page.getByTestId('ledger-path').fill(join(DATA || '/tmp', '没有这个文件.jiayuan'))
    await page.getByTestId('open-ledger').click()
    const err = page.getByTestId('open-error')
    await err.waitFor()
    readable(await text(err))
    assert.ok((await text(err)).includes('找不到账本文件'))
    await page.getByTestId('ledger-path').fill('')
    await shot(page, 'md-01-start-zh')
  })

  it('creates a ledger with the wizard, refusing bad input with translated messages', async () => {
    const { page } = b
    await openApp(page, '/start')
    await page.getByTestId('new-ledger').click()
    await page.getByTestId('wizard').waitFor()

    // step 1: the name is required
    await page.getByTestId('wizard-next').click()
    const nameErr = page.getByTestId('error-name')
    await nameErr.waitFor()
    assert.equal(await text(nameErr), '请填写小区名称。')
    await page.getByTestId('community-name-input').fill(NAME)
    await page.getByTestId('community-address').fill('上海市徐汇区测试路 8 弄')
    await page.getByTestId('community-fundBank').fill('上海银行徐汇支行')
    await shot(page, 'md-02-wizard-community')
    // Ctrl+Enter goes on, like the Next button
    await page.getByTestId('community-address').press('Control+Enter')

    // step 2: the Shanghai defaults are shown and explained; a bad percentage is refused
    await page.getByTestId('policy-fields').waitFor()
    assert.equal(await page.getByTestId('policy-replenishThreshold').inputValue(), '30')
    assert.equal(await page.getByTestId('policy-replenishTarget').inputValue(), '50')
    assert.equal(await page.getByTestId('policy-decisionDays').inputValue(), '90')
    assert.equal(await page.getByTestId('policy-transferShare').inputValue(), '50')
    // Shanghai's statute: strictly more than half of each quarter's net public income
    assert.equal(await page.getByTestId('policy-transferMode').inputValue(), 'always')
    assert.ok(await page.getByTestId('policy-strict').isChecked(), 'strictly above 50% (高于) by default')
    assert.ok(!(await page.getByTestId('policy-inclusive').isChecked()), 'not "at least 50%" by default')
    assert.equal(await page.getByTestId('policy-not-statutory').count(), 0, 'the defaults are the statute')
    assert.ok((await text(page.getByTestId('policy-fields'))).includes('默认 30%'))
    await tallShot(page, 'md-03-wizard-policy')
    await page.getByTestId('policy-replenishThreshold').fill('abc')
    await page.getByTestId('wizard-next').click()
    const pctErr = page.getByTestId('error-replenishThreshold')
    await pctErr.waitFor()
    assert.ok((await text(pctErr)).includes('“abc”不是有效的比例'), await text(pctErr))
    await page.getByTestId('policy-replenishThreshold').fill('30')
    await page.getByTestId('wizard-next').click()

    // step 3: type a row with the keyboard (Enter moves on), paste three rows from a spreadsheet
    const grid = page.getByTestId('unit-grid')
    await grid.waitFor()
    const row0 = page.getByTestId('grid-row').nth(0)
    await row0.getByTestId('cell-building').click()
    for (const v of ['1号', '101', 'abc']) {
      await page.keyboard.type(v)
      await page.keyboard.press('Enter')
    }
    await page.keyboard.press('Enter') // past the housing type
    await page.keyboard.type('8,950.00')
    await page.keyboard.press('Enter')
    await page.keyboard.type('张三')
    assert.equal(await row0.getByTestId('cell-room').inputValue(), '101')
    assert.equal(await row0.getByTestId('cell-ownerName').inputValue(), '张三')
    await paste(page.getByTestId('grid-row').nth(1).getByTestId('cell-building'),
      '1号\t102\t120.35\t售后公房\t12035\t李四\t13800000002\n2号\t201\t89.50\t商品房\t8950\t王五\t\n2号\t车库3\t15\t车库\t0\t张三\t\n')
    assert.equal(await page.getByTestId('grid-row').nth(3).getByTestId('cell-room').inputValue(), '车库3')
    // Enter in the last cell adds a row (building and type carried over) and stays in the grid
    await page.getByTestId('grid-row').nth(3).getByTestId('cell-ownerPhone').press('Enter')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="grid-row"]').length === 5)
    assert.equal(await page.getByTestId('grid-row').nth(4).getByTestId('cell-building').inputValue(), '2号')
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'cell-room')
    assert.ok(await grid.isVisible(), 'still on the grid')
    await page.getByTestId('wizard-next').click()
    const problem = page.getByTestId('grid-problem').first()
    await problem.waitFor()
    assert.ok((await text(problem)).includes('“abc”不是有效的面积'), await text(problem))
    await shot(page, 'md-04-wizard-units-error')
    await row0.getByTestId('cell-area').fill('89.5')
    await page.getByTestId('grid-problems').waitFor({ state: 'detached' })
    assert.ok((await text(grid)).includes('共 4 户'))
    await shot(page, 'md-05-wizard-units')
    await page.getByTestId('wizard-next').click()

    // step 4: where to save, proposed in the ledgers folder
    const path = page.getByTestId('save-path')
    await path.waitFor()
    const proposed = await path.inputValue()
    assert.ok(proposed.endsWith(`${NAME}.jiayuan`), proposed)
    const summary = await text(page.getByTestId('wizard-summary'))
    assert.ok(summary.includes('4 户，2 幢楼') && summary.includes('29,935.00'), summary)
    await shot(page, 'md-06-wizard-save')
    await page.getByTestId('wizard-create').click()
    await page.getByTestId('dashboard').waitFor({ timeout: 30_000 })
    assert.equal(await text(page.getByTestId('community-name')), NAME)
    assert.ok((await text(page.getByTestId('topbar-ledger'))).includes(`${NAME}.jiayuan`))
  })

  it('adds a unit, refusing a bad area, and finds a unit by search', async () => {
    const { page } = b
    await page.locator('.sidenav__item', { hasText: '房屋与业主' }).click()
    await page.getByTestId('units-screen').waitFor()
    await page.getByTestId('unit-row').first().waitFor()
    assert.equal(await page.getByTestId('unit-row').count(), 4)
    await page.getByTestId('add-unit').click()
    const form = page.getByTestId('unit-form')
    await form.waitFor()
    await page.getByTestId('unit-room').fill('301')
    await page.getByTestId('unit-area').fill('abc')
    await page.getByTestId('unit-initial').fill('9,000')
    await page.getByTestId('unit-owner').fill('赵六')
    await page.getByTestId('unit-save').click()
    const areaErr = page.getByTestId('error-area')
    await areaErr.waitFor()
    assert.ok((await text(areaErr)).includes('“abc”不是有效的面积'), await text(areaErr))
    await shot(page, 'md-07-unit-form-error')
    await page.getByTestId('unit-area').fill('96.00')
    await page.getByTestId('unit-area').press('Control+Enter')
    await page.getByTestId('unit-screen').waitFor()
    assert.ok((await text(page.getByTestId('unit-title'))).includes('301'))
    assert.ok((await text(page.getByTestId('unit-balance'))).includes('低于 30% 续筹线'))

    await page.getByRole('link', { name: /房屋与业主/ }).first().click()
    await page.getByTestId('units-screen').waitFor()
    await page.getByTestId('unit-search').fill('李四')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="unit-row"]').length === 1)
    const row = page.getByTestId('unit-row').first()
    const rowText = await text(row)
    assert.ok(rowText.includes('102') && rowText.includes('售后公房') && rowText.includes('12,035.00') && rowText.includes('120.35'), rowText)
    const amount = row.locator('td.num').nth(1)
    assert.equal(await amount.evaluate((el) => getComputedStyle(el).textAlign), 'right')
    await page.getByTestId('unit-search').fill('')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="unit-row"]').length === 5)
    await shot(page, 'md-08-units-zh')
    await page.getByTestId('unit-search').fill('李四')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="unit-row"]').length === 1)
    await page.getByTestId('unit-row').first().click()
    await page.getByTestId('unit-screen').waitFor()
    const title = await text(page.getByTestId('unit-title'))
    assert.ok(title.includes('1号 102'), title)
    assert.ok((await text(page.getByTestId('unit-screen'))).includes('13800000002'))
    await shot(page, 'md-09-unit-new')
  })

  it('changes a rule setting and finds it in the change log', async () => {
    const { page } = b
    await page.locator('.sidenav__item', { hasText: '设置' }).click()
    await page.getByTestId('settings-screen').waitFor()
    await page.getByTestId('settings-user-name').fill('陈秘书')
    await page.getByTestId('settings-save-name').click()
    await page.getByText('姓名已保存').waitFor()
    const th = page.getByTestId('policy-replenishThreshold')
    assert.equal(await th.inputValue(), '30')
    await th.fill('25')
    const save = page.getByTestId('settings-save')
    assert.ok(await save.isEnabled())
    await save.click()
    await page.getByText('已保存，并记入变更日志。').waitFor()
    assert.equal(await save.isEnabled(), false, 'nothing left to save')

    // File locations: backups to a folder of the user's (a USB stick), remembered; a folder
    // that is not a full path is refused with a message; back to the default.
    const backups = page.getByTestId('locations-backups')
    assert.ok((await backups.inputValue()).startsWith(DATA), 'backups default to the data folder')
    await backups.fill('U盘/备份')
    await page.getByTestId('locations-backups-save').click()
    await page.getByTestId('locations-backups-error').waitFor()
    assert.match(await page.getByTestId('locations-backups-error').innerText(), /完整的文件夹路径/)
    const usb = join(DATA, 'U盘', '账本备份')
    await backups.fill(usb)
    await page.getByTestId('locations-backups-save').click()
    await page.getByText('已记住新的备份文件夹').waitFor()
    assert.equal(JSON.parse(readFileSync(join(DATA, 'config.json'), 'utf8')).backupsDir, usb)
    await page.getByTestId('locations-backups-default').waitFor()
    await tallShot(page, 'md-10-settings-zh')
    await page.getByTestId('locations-backups-default').click()
    await page.getByTestId('locations-backups-default').waitFor({ state: 'detached' })
    assert.ok(!JSON.parse(readFileSync(join(DATA, 'config.json'), 'utf8')).backupsDir, 'back to the default')

    await page.locator('.sidenav__item', { hasText: '完整性' }).click()
    await page.getByTestId('integrity-screen').waitFor()
    const first = page.getByTestId('change-row').first()
    await first.waitFor()
    const t = await text(first)
    assert.ok(t.includes('陈秘书') && t.includes('修改') && t.includes('小区') && t.includes('续筹启动比例') && t.includes('30% → 25%'), t)
    await page.getByTestId('change-entity').selectOption('unit')
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="change-row"]')].every((r) => r.textContent.includes('房屋')))
    assert.equal(await page.getByTestId('change-row').count(), 5)
    assert.ok((await text(page.getByTestId('changes-table'))).includes('96.00 m²'))
    await page.getByTestId('change-entity').selectOption('')
  })

  it('verifies the ledger and shows the chain head', async () => {
    const { page } = b
    await page.getByTestId('verify').click()
    const ok = page.getByTestId('verify-ok')
    await ok.waitFor({ timeout: 60_000 })
    assert.match(await text(page.getByTestId('verify-hash')), /^[0-9a-f]{64}$/)
    const seq = Number((await text(page.getByTestId('verify-seq'))).replace('#', ''))
    assert.ok(seq > 30, `chain head #${seq}`)
    assert.ok((await text(ok)).includes('账本完整'))
    await tallShot(page, 'md-11-integrity-zh')
  })

  it('shows the screens in English after a switch, and the Go side follows', async () => {
    const { page, problems } = b
    await page.locator('.sidenav__item', { hasText: '设置' }).click()
    await page.getByTestId('settings-screen').waitFor()
    await page.getByTestId('settings-language').getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'Settings' }).waitFor()
    assert.ok((await text(page.getByTestId('policy-fields'))).includes('Replenish below'))
    await shot(page, 'md-12-settings-en')
    if (DATA) {
      let lang = ''
      for (let i = 0; i < 20 && lang !== 'en'; i++) {
        await page.waitForTimeout(150)
        lang = JSON.parse(readFileSync(join(DATA, 'config.json'), 'utf8')).language
      }
      assert.equal(lang, 'en', 'the config the Go side reads has the language')
    }
    await page.locator('.sidenav__item', { hasText: 'Units & owners' }).click()
    await page.getByRole('heading', { name: 'Units & owners' }).waitFor()
    assert.ok((await text(page.getByTestId('units-table'))).includes('Sold public housing'))
    await shot(page, 'md-13-units-en')
    await page.locator('.sidenav__item', { hasText: 'Integrity' }).click()
    await page.getByTestId('change-row').first().waitFor()
    assert.ok((await text(page.getByTestId('change-row').first())).includes('Replenish below'))
    await shot(page, 'md-14-integrity-en')
    await openApp(page, '/new')
    await page.getByText('Set up the ledger of a community in four steps').waitFor()
    await shot(page, 'md-15-wizard-en')
    await openApp(page, '/start')
    await page.getByText('Create a new ledger').waitFor()
    await shot(page, 'md-16-start-en')
    await page.getByRole('button', { name: '简体中文' }).click()
    await page.getByText('欢迎使用家园账本').waitFor()
    assert.deepEqual(problems, [])
  })

  it('a demo unit shows its sub-account with the running balance', async () => {
    const { page } = b
    await openApp(page, '/start')
    await page.getByTestId('open-demo').click()
    await page.getByTestId('dashboard').waitFor({ timeout: 90_000 })
    await openApp(page, '/units')
    await page.getByTestId('unit-row').first().waitFor()
    const pager = await text(page.getByTestId('pager'))
    assert.match(pager, /共 \d+ 条/)
    await page.getByTestId('filter-below').check()
    await page.waitForTimeout(400)
    for (const r of await page.getByTestId('unit-row').all()) assert.ok(await r.locator('.ratio-bar--below').count(), 'only units below the line')
    await page.getByTestId('filter-below').uncheck()
    await page.getByTestId('unit-row').nth(2).click()
    await page.getByTestId('unit-screen').waitFor()
    const lines = page.getByTestId('statement-line')
    await lines.first().waitFor()
    // newest first: the top line's balance (its last figure; a receipt button may follow) is the unit's balance
    const top = (await text(lines.first().locator('td.num').last())).replace(/\s/g, '')
    const bal = (await text(page.getByTestId('unit-balance').locator('.unit-balance__amount'))).replace(/[\s¥]/g, '')
    assert.equal(top, bal, `top line: ${await text(lines.first())}`)
    await tallShot(page, 'md-17-unit-demo-zh')
  })
})
