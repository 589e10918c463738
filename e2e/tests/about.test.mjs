// The About dialog (关于) against `wails dev`: the real AboutService behind the top bar's button.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { launch, openApp, shot } from '../lib.mjs'

describe('About dialog', () => {
  let b
  before(async () => {
    b = await launch()
  })
  after(async () => {
    await b?.close()
  })

  it('shows the version, the files and the licences, in Chinese', async () => {
    const { page, problems } = b
    await openApp(page, '/')
    await page.waitForSelector('[data-testid="start-screen"], [data-testid="dashboard"]')
    const dialog = page.getByTestId('about-dialog')
    assert.equal(await dialog.isVisible(), false, 'closed at start')

    await page.getByTestId('about-button').click()
    await dialog.waitFor()
    await page.getByTestId('about-version').waitFor()
    const text = await dialog.innerText()
    for (const s of ['关于家园账本', '版本号', '构建日期', '文件位置', '当前账本', '程序数据文件夹', '许可证', 'Noto Sans SC', 'SIL Open Font License 1.1']) {
      assert.ok(text.includes(s), `the dialog shows ${s}`)
    }
    assert.match(await page.getByTestId('about-version').innerText(), /^\d+\.\d+\.\d+/)
    assert.ok((await page.getByTestId('about-build-date').innerText()).trim().length > 0, 'a build date or "development build"')

    // The files are the real ones: the test's data folder, and the open ledger if any.
    const dataDir = process.env.JIAYUAN_DATA_DIR
    if (dataDir) assert.equal((await page.getByTestId('about-data-dir').innerText()).trim(), dataDir)
    const ledgerPath = (await page.getByTestId('about-ledger-path').innerText()).trim()
    assert.ok(ledgerPath.endsWith('.jiayuan') || ledgerPath === '未打开账本', `ledger: ${ledgerPath}`)

    // The licences named in the issue, each with its own.
    const rows = await page.getByTestId('about-component').allInnerTexts()
    const licenceOf = (name) => rows.find((r) => r.startsWith(name))
    for (const [name, lic] of [
      ['Wails', 'MIT'],
      ['modernc.org/sqlite', 'BSD-3-Clause'],
      ['github.com/signintech/gopdf', 'MIT'],
      ['github.com/xuri/excelize/v2', 'BSD-3-Clause'],
      ['github.com/shopspring/decimal', 'MIT'],
      ['Vue', 'MIT'],
      ['Apache ECharts', 'Apache-2.0'],
    ]) {
      assert.ok(licenceOf(name)?.includes(lic), `${name} is listed with ${lic}: ${licenceOf(name)}`)
    }
    await shot(page, 'about-zh')

    // The font licence in full, on demand.
    const fontText = page.getByTestId('about-font-licence')
    assert.equal(await fontText.isVisible(), false)
    await page.getByText('查看字体许可证全文').click()
    await fontText.waitFor()
    assert.match(await fontText.innerText(), /SIL OPEN FONT LICENSE Version 1\.1/)
    await page.getByTestId('about-component').last().scrollIntoViewIfNeeded()
    await shot(page, 'about-zh-licences')

    // Escape closes it; so does the Close button.
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await page.getByTestId('about-button').click()
    await dialog.waitFor()
    await page.getByTestId('about-close').click()
    await dialog.waitFor({ state: 'hidden' })
    assert.deepEqual(problems, [])
  })

  it('is in English when the interface is', async () => {
    const { page, problems } = b
    await openApp(page, '/')
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByTestId('about-button').click()
    const dialog = page.getByTestId('about-dialog')
    await dialog.waitFor()
    await page.getByTestId('about-version').waitFor()
    const text = await dialog.innerText()
    for (const s of ['About Jiayuan Ledger', 'Version', 'File locations', 'Licences', 'Application data folder']) {
      assert.ok(text.includes(s), `the dialog shows ${s}`)
    }
    assert.doesNotMatch(text, /关于家园账本|about\.[a-z]/, 'no Chinese title and no raw keys')
    await shot(page, 'about-en')
    await page.getByTestId('about-close').click()
    await page.getByRole('button', { name: '简体中文' }).click()
    assert.deepEqual(problems, [])
  })
})
