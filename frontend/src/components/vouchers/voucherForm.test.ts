import { describe, expect, it } from 'vitest'
import { balancing, emptyLine, linesForGo, matchAccounts, periodLabel, splitTotal, totals, type FormLine } from './voucherForm'

const L = (account: string, debit = '', credit = '', memo = ''): FormLine => ({ account, debit, credit, memo })

describe('voucher form totals', () => {
  it('sums what people type, full-width and grouped, and balances to the fen', () => {
    const t = totals([L('1001', '1,234.5'), L('5001', '１２３'), L('4001', '', '￥1357.50'), emptyLine()])
    expect(t).toMatchObject({ debit: '1357.50', credit: '1357.50', difference: '0.00', complete: true, balanced: true })
    expect(t.problems.size).toBe(0)
  })

  it('shows the difference while unbalanced', () => {
    const t = totals([L('1001', '100'), L('4001', '', '99.99')])
    expect(t).toMatchObject({ difference: '0.01', complete: true, balanced: false })
    expect(totals([L('1001', '1'), L('4001', '', '2')]).difference).toBe('-1.00')
  })

  it('names the row with a problem and does not balance', () => {
    const cases: [FormLine[], number, string][] = [
      [[L('1001', '1.234'), L('4001', '', '1.23')], 0, 'bad'],
      [[L('1001', '1', '1'), L('4001', '', '1')], 0, 'both'],
      [[L('1001', '1'), L('', '', '1')], 1, 'noAccount'],
      [[L('1001', '1'), L('4001')], 1, 'noAmount'],
      [[L('1001', '0'), L('4001', '', '0')], 0, 'zero'],
    ]
    for (const [lines, row, problem] of cases) {
      const t = totals(lines)
      expect(t.problems.get(row)).toBe(problem)
      expect(t.balanced).toBe(false)
    }
    expect(totals([L('1001', '1')]).complete).toBe(false)
    expect(totals([]).balanced).toBe(false)
  })

  it('fills the balancing amount for the "=" key', () => {
    const lines = [L('1001', '1,234.5'), L('5001', '123'), L('4001')]
    expect(balancing(lines, 2, 'credit')).toBe('1357.50')
    expect(balancing(lines, 2, 'debit')).toBe('')
    expect(balancing([L('5201', '500'), L('1001', '', '200')], 1, 'credit')).toBe('500.00')
  })

  it('sends canonical amounts and leaves blank rows out', () => {
    expect(linesForGo([L(' 1001 ', '1,234.5'), emptyLine(), L('4001', '', '１２３４．５', ' 备注 ')])).toEqual([
      { account: '1001', debit: '1234.50', credit: '', memo: '' },
      { account: '4001', debit: '', credit: '1234.50', memo: '备注' },
    ])
    // what does not parse goes as typed, so the Go side names the line and the input
    expect(linesForGo([L('1001', 'abc')])[0].debit).toBe('abc')
  })
})

describe('helpers', () => {
  const chart = [
    { code: '1001', name: '银行存款', nameEn: 'Bank', direct: true },
    { code: '4001', name: '停车费收入', nameEn: 'Parking', direct: true },
    { code: '4101', name: '利息收入', nameEn: 'Interest', direct: true },
    { code: '5101', name: '转入维修资金', nameEn: 'Transfer to the fund', direct: false },
  ]
  it('finds accounts by code prefix first, then by name in either language', () => {
    expect(matchAccounts(chart, '4').map((a) => a.code)).toEqual(['4001', '4101'])
    expect(matchAccounts(chart, '停车').map((a) => a.code)).toEqual(['4001'])
    expect(matchAccounts(chart, 'bank').map((a) => a.code)).toEqual(['1001'])
    expect(matchAccounts(chart, '').map((a) => a.code)).toEqual(['1001', '4001', '4101'])
    expect(matchAccounts(chart, '5101')).toEqual([])
  })
  it('names periods', () => {
    expect(periodLabel('2026Q3', 'zh-CN')).toBe('2026 年第 3 季度')
    expect(periodLabel('2026Q3', 'en')).toBe('Q3 2026')
    expect(periodLabel('2026', 'zh-CN')).toBe('2026 年度')
  })
  it('adds split amounts', () => {
    expect(splitTotal(['1,000', '２０００.５'])).toEqual({ total: '3000.50', ok: true })
    expect(splitTotal(['1', 'x'])).toEqual({ total: '1.00', ok: false })
  })
})
