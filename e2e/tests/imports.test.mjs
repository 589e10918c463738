// The Import screen (数据导入) and the bank reconciliation (银行对账) against `wails dev` (the
// real Go services), on a new ledger made with the wizard: the secretary reads a unit roster
// whose room column has an unusual header and one bad row — the problem is listed by row and
// nothing is written —, imports a clean roster and finds its units under 房屋与业主, then
// imports a bank statement and reconciles.
//
// A browser cannot answer the system's open dialog: the screen takes a path typed into its
// file field (which people can use too), and the test types the fixture's path there.
// Run alone: E2E_FILES=tests/imports.test.mjs scripts/e2e.sh
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, it } from 'node:test'
import { launch, openApp, shot, tallShot, text } from '../lib.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const FIXTURES = resolve(here, '..', 'fixtures', 'imports')
const DATA = process.env.JIAYUAN_DATA_DIR || mkdtempSync(join(tmpdir(), 'jiayuan-e2e-imports-'))
const NAME = `导入花园${Date.now().toString(36).slice(-5)}`

/** A message a person can read: not a key, not JSON, not "[object Object]". */
function readable(s) {
  assert.ok(s.length > 3, `message: ${s}`)
  assert.doesNotMatch(s, /object Object|^\{|"code"|^[a-z_]+(\.[a-z_]+)+$/i, `message: ${s}`)
}

/** Reads a file on the Import screen: its path typed into the file field, then 读取并预览. */
async function readFile(page, name) {
  await page.getByTestId('import-path').fill(join(FIXTURES, name))
  await page.getByTestId('import-read').click()
  await page.getByTestId('import-how').waitFor({ timeout: 60_000 })
  await page.waitForFunction(() => !document.querySelector('[data-testid="import-progress"]'), null, { timeout: 60_000 })
}

/** Drops a fixture on the Import screen's first card, as dragging it from the file manager does. */
async function dropFile(page, name) {
  const dt = await page.evaluateHandle(
    ({ name, b64 }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
      const dt = new DataTransfer()
      dt.items.add(new File([bytes], name, { type: 'text/csv' }))
      return dt
    },
    { name, b64: readFileSync(join(FIXTURES, name)).toString('base64') },
  )
  await page.getByTestId('import-choose').dispatchEvent('drop', { dataTransfer: dt })
  await page.getByTestId('import-how').waitFor({ timeout: 60_000 })
  await page.waitForFunction(() => !document.querySelector('[data-testid="import-progress"]'), null, { timeout: 60_000 })
}

describe('imports: unit roster and bank statement', () => {
  let b
  before(async () => {
    b = await launch({ height: 900 })
    const { page } = b
    // a new, empty ledger: the wizard with no units
    await openApp(page, '/start')
    await page.getByTestId('new-ledger').click()
    await page.getByTestId('wizard').waitFor()
    await page.getByTestId('community-name-input').fill(NAME)
    await page.getByTestId('wizard-next').click()
    await page.getByTestId('policy-fields').waitFor()
    await page.getByTestId('wizard-next').click()
    await page.getByTestId('unit-grid').waitFor()
    await page.getByTestId('wizard-next').click()
    const path = page.getByTestId('save-path')
    await path.waitFor()
    await path.fill(join(DATA, `${NAME}.jiayuan`))
    await page.getByTestId('wizard-create').click()
    await page.getByTestId('dashboard').waitFor({ timeout: 60_000 })
  })
  after(async () => {
    await b?.close()
  })

  it('lists the problems of a roster by row and writes nothing', async () => {
    const { page, problems } = b
    // the screen is in the navigation, in Chinese
    await page.locator('.sidenav').getByRole('link', { name: '数据导入' }).click()
    await page.getByTestId('import-screen').waitFor()
    assert.ok(await page.getByRole('radio', { name: /房屋名册/ }).isVisible())
    assert.ok((await text(page.getByTestId('import-expects'))).includes('首期应筹集金额'))
    assert.ok(await page.getByTestId('import-read').isDisabled(), 'nothing to read yet')

    // GB18030 CSV whose room column is headed 房间: the header is not recognised
    await readFile(page, '房屋名册-待修正.csv')
    const how = await text(page.getByTestId('import-how'))
    assert.ok(how.includes('房屋名册-待修正.csv') && how.includes('GB18030'), how)
    const fp = await text(page.getByTestId('import-file-problem'))
    readable(fp)
    assert.ok(fp.includes('室/房号') && !fp.includes('--map'), fp)
    assert.ok(await page.getByTestId('import-run').isDisabled())
    assert.ok((await text(page.getByTestId('map-room'))).includes('缺少'))
    await shot(page, 'imports-01-header-not-found')

    // the secretary maps 室/房号 to 房间: the file is read again, and row 4's area is refused
    await page.getByTestId('map-select-room').selectOption('房间')
    const problem = page.getByTestId('import-problem').first()
    await problem.waitFor({ timeout: 60_000 })
    assert.equal(await page.getByTestId('import-problem').count(), 1)
    assert.equal(await text(problem.getByTestId('import-problem-row')), '4')
    const msg = await text(problem.getByTestId('import-problem-message'))
    readable(msg)
    assert.ok(msg.includes('约90'), msg)
    assert.ok((await text(page.getByTestId('import-problems-summary'))).includes('账本目前没有任何改动'))
    // the rows as read: amounts with thousands separators, right-aligned; the bad row marked
    const rows = page.getByTestId('import-row')
    assert.equal(await rows.count(), 4)
    assert.ok((await text(rows.nth(0))).includes('8,950.00'))
    assert.equal(await rows.nth(2).evaluate((el) => el.classList.contains('is-problem')), true)
    const align = await rows.nth(0).locator('td.num').last().evaluate((el) => getComputedStyle(el).textAlign)
    assert.equal(align, 'right')
    assert.ok(await page.getByTestId('import-run').isDisabled(), 'a file with a bad row cannot be imported')
    await tallShot(page, 'imports-02-problems')

    // nothing was written
    await page.locator('.sidenav').getByRole('link', { name: '房屋与业主' }).click()
    await page.getByTestId('units-screen').waitFor()
    await page.waitForTimeout(500)
    assert.equal(await page.getByTestId('unit-row').count(), 0)
    assert.deepEqual(problems, [])
  })

  it('imports a clean roster, whose units appear under 房屋与业主, once', async () => {
    const { page, problems } = b
    await openApp(page, '/imports')
    await page.getByTestId('import-screen').waitFor()
    await readFile(page, '房屋名册.csv')
    await page.getByTestId('import-result').waitFor()
    assert.equal(await text(page.getByTestId('import-result-text')), '将新建 4 户、2 幢楼、4 位业主。')
    assert.equal(await page.getByTestId('import-problems').count(), 0)
    assert.ok((await text(page.getByTestId('import-how'))).includes('跳过 1 行'), 'the total line is skipped')
    assert.ok(await page.getByTestId('import-run').isEnabled())
    await tallShot(page, 'imports-03-ready')
    await page.getByTestId('import-run').click()
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 })
    assert.ok((await text(page.getByTestId('import-done'))).includes('已新建 4 户、2 幢楼、4 位业主。'))
    await shot(page, 'imports-04-done')

    await page.getByTestId('import-go-on').click()
    await page.getByTestId('units-screen').waitFor()
    await page.getByTestId('unit-row').first().waitFor({ timeout: 30_000 })
    assert.equal(await page.getByTestId('unit-row').count(), 4)
    const table = await text(page.getByTestId('units-table'))
    for (const s of ['7号', '8号', '张三', '赵六', '12,035.00']) assert.ok(table.includes(s), `the table shows ${s}`)
    await shot(page, 'imports-05-units')

    // the same file again changes nothing
    await openApp(page, '/imports')
    await page.getByTestId('import-screen').waitFor()
    await readFile(page, '房屋名册.csv')
    await page.getByTestId('import-result').waitFor()
    assert.equal(await text(page.getByTestId('import-result-text')), '文件中的内容都已在账本中，导入不会有任何改动。')
    assert.deepEqual(problems, [])
  })

  it('imports a bank statement and shows the reconciliation', async () => {
    const { page, problems } = b
    await openApp(page, '/imports')
    await page.getByTestId('import-screen').waitFor()
    await page.getByTestId('import-kind-bank').click()
    assert.equal(await page.getByTestId('import-book').inputValue(), 'fund')
    // dropped on the screen rather than chosen
    await dropFile(page, '银行对账单.csv')
    assert.ok((await text(page.getByTestId('import-how'))).includes('银行对账单.csv'))
    await page.getByTestId('import-result').waitFor()
    assert.ok((await text(page.getByTestId('import-result-text'))).includes('将新增 3 笔银行流水'))
    assert.ok((await text(page.getByTestId('import-how'))).includes('表头在第 3 行'))
    await page.getByTestId('import-run').click()
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 })
    await page.getByTestId('import-go-on').click()

    await page.getByTestId('bank-screen').waitFor()
    await page.getByTestId('bank-recon').waitFor({ timeout: 30_000 })
    const recon = await text(page.getByTestId('bank-recon-table'))
    for (const s of ['账面余额', '银行对账单余额', '800.52', '1,000.52', '调节后余额']) assert.ok(recon.includes(s), `the statement shows ${s}`)
    readable(await text(page.getByTestId('bank-state')))
    assert.equal(await page.getByTestId('bank-line').count(), 3)
    assert.ok((await text(page.getByTestId('bank-lines-table'))).includes('未对上'))
    await page.getByTestId('bank-filter-matched').click()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="bank-line"]').length === 0)
    await page.getByTestId('bank-filter-all').click()
    await page.getByTestId('bank-line').first().waitFor()
    await tallShot(page, 'imports-06-bank')

    // the statement as a PDF (saved without the dialog: JIAYUAN_E2E_SAVE_DIR, see scripts/e2e.sh)
    if (process.env.JIAYUAN_E2E_SAVE_DIR) {
      await page.getByTestId('bank-export-pdf').click()
      const saved = page.getByTestId('bank-saved')
      await saved.waitFor({ timeout: 60_000 })
      const path = (await text(saved)).replace(/^已保存到 /, '')
      assert.match(basename(path), new RegExp(`^${NAME}-维修资金-银行存款余额调节表-\\d{4}-\\d{2}-\\d{2}\\.pdf$`))
      assert.ok(existsSync(path), path)
      assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-')
    }

    // a book without statements says where to import one
    await page.getByTestId('bank-book-public').click()
    await page.getByTestId('bank-empty').waitFor()
    assert.ok(await page.getByTestId('bank-go-import').isVisible())
    assert.deepEqual(problems, [])
  })

  it('says it all in English when the interface is', async () => {
    const { page, problems } = b
    await openApp(page, '/imports')
    await page.getByTestId('import-screen').waitFor()
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'Import', exact: true }).waitFor()
    await readFile(page, '房屋名册-待修正.csv')
    const fp = await text(page.getByTestId('import-file-problem'))
    assert.ok(fp.startsWith('No header row') && fp.includes('room'), fp)
    await page.getByTestId('map-select-room').selectOption('房间')
    const msg = page.getByTestId('import-problem-message').first()
    await msg.waitFor({ timeout: 60_000 })
    assert.ok((await text(msg)).includes('is not a valid area'), await text(msg))
    const screen = await text(page.getByTestId('import-screen'))
    assert.doesNotMatch(screen, /imports\.[a-z]|bankRec\.|需要改正|列对应/, 'no raw keys, no Chinese labels')
    await tallShot(page, 'imports-07-en')
    await page.getByRole('button', { name: '简体中文' }).click()
    assert.deepEqual(problems, [])
  })
})
