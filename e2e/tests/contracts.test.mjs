// Spending is authorised (R8) against `wails dev` (the real Go services) on the demo ledger:
// an allocation of public income to working expenses is refused while it cites no resolution
// and passes once the owners' assembly's resolution is cited; the resolutions register lists
// the demo's resolutions and refuses a committee decision outside any delegation.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { openApp, shot, text, useDemo } from '../lib.mjs'

describe('resolutions authorise spending (demo ledger)', () => {
  const b = useDemo()

  it('refuses an allocation to working expenses without a resolution, then posts it once one is cited', async () => {
    const { page, problems } = b
    await openApp(page, '/public-income')
    await page.getByTestId('public-income').waitFor()
    const dialog = page.getByTestId('transfer-dialog')
    // what the fund is owed first (R2), so that only the missing resolution stands in the way
    const owed = page.getByTestId('transfer-outstanding')
    if (await owed.count()) {
      await owed.click()
      await page.getByTestId('transfer-preview').waitFor()
      await page.getByTestId('transfer-confirm').click()
      await page.getByTestId('transfer-done').waitFor()
    }
    await page.getByTestId('transfer-working').click()
    await dialog.waitFor()
    await page.getByTestId('transfer-amount').fill('100.00')
    const pick = page.getByTestId('transfer-resolution')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="transfer-resolution"] option').length >= 2)
    await pick.selectOption('0')
    const refusal = page.getByTestId('transfer-refusal')
    await refusal.waitFor()
    assert.ok((await text(refusal)).includes('拨付工作经费'), await text(refusal))
    assert.ok(await page.getByTestId('transfer-confirm').isDisabled())
    await shot(page, 'ct-01-allocation-refused')
    // the demo's assembly resolution for the year's allocations
    const first = await pick.locator('option').nth(1).getAttribute('value')
    await pick.selectOption(first)
    await page.getByTestId('transfer-preview').waitFor()
    assert.equal(await refusal.count(), 0)
    await page.getByTestId('transfer-confirm').click()
    await page.getByTestId('transfer-done').waitFor()
    await shot(page, 'ct-02-allocation-posted')
    assert.deepEqual(problems, [])
  })

  it('lists the resolutions and refuses a committee decision outside any delegation', async () => {
    const { page, problems } = b
    await openApp(page, '/resolutions')
    await page.getByTestId('resolutions-screen').waitFor()
    await page.locator('[data-resolution-row]').first().waitFor()
    const list = await text(page.getByTestId('resolution-list'))
    assert.ok(list.includes('拨付工作经费') && list.includes('批准年度预算'), list)
    await page.getByTestId('resolution-add').click()
    await page.getByTestId('resolution-body').selectOption('committee')
    await page.getByTestId('resolution-subject').fill('拨付会议经费')
    await page.getByTestId('resolution-members').fill('7')
    await page.getByTestId('resolution-present').fill('5')
    await page.getByTestId('resolution-for').fill('4')
    await page.getByTestId('resolution-against').fill('1')
    await page.getByTestId('resolution-amount').fill('500')
    await page.getByTestId('resolution-save').click()
    const err = page.getByTestId('resolution-error')
    await err.waitFor()
    assert.ok((await text(err)).includes('授权'), await text(err))
    await shot(page, 'ct-03-committee-refused')
    assert.deepEqual(problems, [])
  })
})
