// The safety screens against `wails dev` (the real Go services): backups and restore, opening
// balances, and the start screen's ways out when a ledger does not open (written elsewhere →
// read-only with a badge; damaged → restore the newest good backup).
//
// The ledgers come from a Go test fixture (TestSafetyE2EFixture): 安全小区, a small community
// with years of postings, and 新迁入小区, 60 units and no voucher yet. The save dialog of
// "back up to USB" cannot be answered from a browser: with JIAYUAN_E2E_SAVE_DIR set (scripts/
// e2e.sh), BackupService saves into its usb/ folder without asking.
// Run alone: E2E_FILES=tests/safety.test.mjs scripts/e2e.sh
import assert from 'node:assert/strict'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, it } from 'node:test'
import { launch, openApp, shot, tallShot, text } from '../lib.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const DIR = join(process.env.JIAYUAN_DATA_DIR || tmpdir(), `safety-${Date.now().toString(36)}`)
const SAFE = join(DIR, '安全小区.jiayuan')
const NEW = join(DIR, '新迁入小区.jiayuan')

/** A message a person can read: not a key, not JSON, not "[object Object]". */
function readable(s) {
  assert.ok(s.length > 3, `message: ${s}`)
  const words = s.replace(/\S*[/\\]\S*/g, '') // file paths may hold anything
  assert.doesNotMatch(words, /object Object|^\{|"code"|\b(ledger|backup|opening|restore)\.[a-z_]+\b/i, `message: ${s}`)
}

/** Opens the ledger at path from the start screen's path field. */
async function openPath(page, path) {
  await openApp(page, '/start')
  await page.getByTestId('ledger-path').fill(path)
  await page.getByTestId('open-ledger').click()
}

/** The dashboard's figures: the three books' balances and the chain head. */
async function figures(page) {
  await openApp(page, '/dashboard')
  await page.getByTestId('balance-fund').waitFor({ timeout: 30_000 })
  const head = page.getByTestId('chain-head')
  await head.locator('dd.mono').waitFor({ timeout: 30_000 })
  return {
    fund: await text(page.getByTestId('balance-fund')),
    public: await text(page.getByTestId('balance-public')),
    working: await text(page.getByTestId('balance-working')),
    seq: await text(head.locator('dd.num')),
    hash: await text(head.locator('dd.mono')),
  }
}

describe('safety: backups, restore, opening balances, locked and damaged ledgers', () => {
  let b
  let before1 = null
  let holder = null
  const usbMade = []

  before(async () => {
    mkdirSync(DIR, { recursive: true })
    execFileSync('go', ['test', './app', '-run', '^TestSafetyE2EFixture$', '-count=1'], {
      cwd: ROOT,
      env: { ...process.env, JIAYUAN_SAFETY_FIXTURE: DIR },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    assert.ok(existsSync(SAFE) && existsSync(NEW), `fixtures written in ${DIR}`)
    b = await launch({ height: 900 })
  })
  after(async () => {
    holder?.kill()
    await b?.close()
    for (const p of usbMade) rmSync(p, { force: true })
  })

  it('backs up now, lists the backup, and restores it: the ledger reopens with the same figures', async () => {
    const { page, problems } = b
    await openPath(page, SAFE)
    await page.getByTestId('dashboard').waitFor({ timeout: 30_000 })
    before1 = await figures(page)

    // the screen is in the navigation, in Chinese
    await page.locator('.sidenav').getByRole('link', { name: '备份与恢复' }).click()
    await page.getByTestId('backups-screen').waitFor()
    await page.getByTestId('backup-list').waitFor({ timeout: 30_000 })
    assert.equal(await text(page.getByTestId('backup-head-seq')), before1.seq)
    // opening the ledger made its automatic backup
    assert.ok((await page.locator('[data-testid="backup-row"][data-kind="auto"]').count()) >= 1, 'the automatic backup on open is listed')

    await page.getByTestId('backup-now').click()
    await page.getByTestId('backup-made').waitFor({ timeout: 60_000 })
    readable(await text(page.getByTestId('backup-made')))
    const manual = page.locator('[data-testid="backup-row"][data-kind="manual"]')
    await manual.first().waitFor()
    assert.equal(await manual.count(), 1)
    assert.equal(await manual.getAttribute('data-seq'), before1.seq.replace('#', ''))
    assert.equal(await manual.getByTestId('backup-current').count(), 1, 'the new backup holds the current state')
    assert.ok((await text(manual)).includes('手动'))
    await tallShot(page, 'safety-01-backups')

    // a copy to a "USB stick" (the e2e folder standing for it)
    await page.getByTestId('backup-folder').click()
    await page.getByTestId('backup-made').waitFor()
    await page.waitForFunction(() => document.querySelector('[data-testid="backup-made"]')?.textContent?.includes('usb'))
    const usbText = await text(page.getByTestId('backup-made'))
    const usbPath = usbText.match(/(\/\S+\.jiayuan)/)?.[1]
    assert.ok(usbPath && existsSync(usbPath), `the copy is on the stick: ${usbText}`)
    usbMade.push(usbPath)

    // the ledger moves on: a building added
    await openApp(page, '/units')
    await page.getByTestId('add-building').click()
    await page.getByTestId('building-code').fill('99号')
    await page.getByTestId('building-save').click()
    await page.getByTestId('building-code').waitFor({ state: 'detached' })
    const moved = await figures(page)
    assert.notEqual(moved.seq, before1.seq, 'the change moved the chain head')

    // restore the manual backup: the confirmation says what happens and what is lost
    await openApp(page, '/backups')
    await page.getByTestId('backup-list').waitFor({ timeout: 30_000 })
    await page.locator('[data-testid="backup-row"][data-kind="manual"]').getByTestId('backup-restore').click()
    const dialog = page.getByTestId('restore-confirm')
    await dialog.waitFor()
    const said = await text(dialog)
    for (const s of ['完整校验', '恢复前副本', '重新打开']) assert.ok(said.includes(s), `the confirmation says ${s}: ${said}`)
    assert.ok(await page.getByTestId('restore-lost').isVisible(), 'it says records made after the backup are not restored')
    await shot(page, 'safety-02-restore-confirm')
    await page.getByTestId('restore-go').click()
    await page.getByTestId('restore-done').waitFor({ timeout: 60_000 })
    readable(await text(page.getByTestId('restore-done')))
    await page.locator('[data-testid="backup-row"][data-kind="pre-restore"]').first().waitFor()
    await tallShot(page, 'safety-03-restored')

    // in English too
    await page.getByTestId('lang-switch').getByRole('button', { name: 'English' }).click()
    await page.getByText('Backups and restore').first().waitFor()
    readable(await text(page.getByTestId('backup-summary')))
    await tallShot(page, 'safety-03a-backups-en')
    await page.getByTestId('lang-switch').getByRole('button', { name: '简体中文' }).click()
    await page.getByText('备份与恢复').first().waitFor()

    // the same figures as when the backup was made
    const after1 = await figures(page)
    assert.deepEqual(after1, before1)
    assert.deepEqual(problems, [])
  })

  it('opening balances: units that do not add up are refused with the difference; corrected, they are recorded', async () => {
    const { page, problems } = b
    await openPath(page, NEW)
    await page.getByTestId('dashboard').waitFor({ timeout: 30_000 })
    await page.locator('.sidenav').getByRole('link', { name: '期初余额' }).click()
    await page.getByTestId('opening-screen').waitFor()
    await page.getByTestId('opening-form').waitFor({ timeout: 30_000 })
    assert.ok((await text(page.getByTestId('opening-book-fund'))).includes('未登记'))
    assert.equal(await page.getByTestId('opening-row').count(), 50, 'the grid is paged')

    await page.getByTestId('opening-amount').fill('480,000.00')
    await page.getByTestId('opening-bank').fill('480000')
    // paste 59 of the 60 units from "Excel", with its header row
    const rows = ['幢\t室\t余额']
    for (let i = 0; i < 59; i++) {
      rows.push(`${i < 30 ? '1号' : '2号'}\t${Math.floor((i % 30) / 2) + 1}0${(i % 2) + 1}\t8,000.00`)
    }
    await page.getByTestId('opening-paste').click()
    await page.getByTestId('opening-paste-text').fill(rows.join('\n'))
    assert.ok((await text(page.getByTestId('opening-paste-summary'))).includes('59'))
    await shot(page, 'safety-04a-opening-paste')
    await page.getByTestId('opening-paste-apply').click()
    // live: 8,000.00 short, one unit empty
    const diff = await text(page.getByTestId('opening-units-diff'))
    assert.ok(diff.includes('8,000.00') && diff.includes('1 户未填写'), diff)

    await page.getByTestId('opening-check').click()
    const result = page.getByTestId('opening-result')
    await result.waitFor()
    assert.equal(await result.getAttribute('data-ok'), 'false')
    const why = await text(result)
    readable(why)
    assert.ok(why.includes('相差 8,000.00') || why.includes('相差 8000.00'), why)
    assert.ok(await page.getByTestId('opening-save').isDisabled(), 'nothing can be saved until the check passes')
    await tallShot(page, 'safety-04-opening-mismatch')

    // the last unit typed into the grid
    await page.getByTestId('opening-filter').fill('业主60')
    await page.getByTestId('opening-cell').first().fill('8,000')
    await page.getByTestId('opening-filter').fill('')
    assert.ok((await text(page.getByTestId('opening-units-diff'))).includes('等于期初余额'))
    await page.getByTestId('opening-check').click()
    await page.locator('[data-testid="opening-result"][data-ok="true"]').waitFor()
    await page.getByTestId('opening-save').click()
    await page.getByTestId('opening-saved').waitFor({ timeout: 30_000 })
    assert.ok((await text(page.getByTestId('opening-book-fund'))).includes('已登记'))
    await tallShot(page, 'safety-05-opening-saved')
    assert.deepEqual(problems, [])
  })

  it('a ledger another program writes is offered read-only, and the top bar says so', async () => {
    const { page, problems } = b
    // let the app go of 新迁入小区, then another "program" holds its writer lock
    await openPath(page, SAFE)
    await page.getByTestId('dashboard').waitFor({ timeout: 30_000 })
    const lock = `${NEW}.lock`
    writeFileSync(lock, 'pid=4242\nsince=2026-12-01 09:30:00\n')
    holder = spawn('flock', ['-x', '-n', lock, 'sleep', '600'], { stdio: 'ignore' })
    await new Promise((r) => setTimeout(r, 500))

    await openPath(page, NEW)
    const panel = page.getByTestId('open-problem')
    await panel.waitFor({ timeout: 30_000 })
    assert.equal(await panel.getAttribute('data-kind'), 'locked')
    const said = await text(panel)
    readable(said)
    assert.ok(said.includes('4242') && said.includes('只读打开'), said)
    await tallShot(page, 'safety-06-locked')
    await page.getByTestId('open-readonly').click()
    await page.getByTestId('dashboard').waitFor({ timeout: 30_000 })
    const badge = page.getByTestId('readonly-badge')
    await badge.waitFor()
    assert.equal(await text(badge), '只读')
    await shot(page, 'safety-07-readonly')
    holder.kill()
    holder = null
    assert.deepEqual(problems, [])
  })

  it('a damaged ledger is refused with the reason, and restoring its newest backup opens it', async () => {
    const { page, problems } = b
    // 安全小区 is closed (新迁入小区 is open): it is overwritten as a failing disk would
    for (const side of ['', '-wal', '-shm']) rmSync(SAFE + side, { force: true })
    writeFileSync(SAFE, Buffer.from('\x00garbage'.repeat(4096), 'binary'))

    await openPath(page, SAFE)
    const panel = page.getByTestId('open-problem')
    await panel.waitFor({ timeout: 30_000 })
    assert.equal(await panel.getAttribute('data-kind'), 'damaged')
    const said = await text(panel)
    readable(said)
    assert.ok(said.includes('已损坏') && said.includes('最近的完好备份'), said)
    await tallShot(page, 'safety-08-damaged')

    await page.getByTestId('open-problem-restore').click()
    await page.getByTestId('restore-confirm').waitFor()
    await page.getByTestId('restore-go').click()
    await page.getByTestId('dashboard').waitFor({ timeout: 60_000 })
    assert.equal(await page.getByTestId('readonly-badge').count(), 0, 'the restored ledger is open for writing')
    // the newest good backup is the one the restore above left: the same figures
    assert.deepEqual(await figures(page), before1)
    // the damaged file is kept beside the backups
    const kept = readdirSync(join(process.env.JIAYUAN_DATA_DIR || DIR, 'backups', '安全小区')).filter((n) => n.includes('pre-restore'))
    assert.ok(kept.length >= 2, `pre-restore copies: ${kept}`)
    assert.deepEqual(problems, [])
  })
})
