import { describe, expect, it } from 'vitest'
import { addMoney, compareMoney, formatMoney, fromFen, isNegative, parseMoney, toFen } from './money'

describe('formatMoney', () => {
  it.each([
    ['1234567.5', '1,234,567.50'],
    ['0', '0.00'],
    ['0.05', '0.05'],
    ['12', '12.00'],
    ['999.99', '999.99'],
    ['1000', '1,000.00'],
    ['100000.01', '100,000.01'],
    ['12345678901234.00', '12,345,678,901,234.00'],
    ['-1234.5', '-1,234.50'],
    ['-0.01', '-0.01'],
    ['-0', '0.00'],
    ['+5', '5.00'],
    ['0001234', '1,234.00'],
  ])('%s → %s', (input, want) => {
    expect(formatMoney(input)).toBe(want)
  })

  it('rounds more than two decimals half away from zero', () => {
    expect(formatMoney('1.005')).toBe('1.01')
    expect(formatMoney('1.004')).toBe('1.00')
    expect(formatMoney('-1.005')).toBe('-1.01')
  })

  it('leaves text that is not an amount visible as it is', () => {
    expect(formatMoney('abc')).toBe('abc')
    expect(formatMoney('')).toBe('')
    expect(formatMoney(null)).toBe('')
    expect(formatMoney(undefined)).toBe('')
  })

  it('keeps precision far beyond a double', () => {
    expect(formatMoney('90071992547409.93')).toBe('90,071,992,547,409.93')
  })
})

describe('fen arithmetic', () => {
  it('converts to and from fen', () => {
    expect(toFen('1234.5')).toBe(123450n)
    expect(toFen('-0.07')).toBe(-7n)
    expect(fromFen(123450n)).toBe('1234.50')
    expect(fromFen(-7n)).toBe('-0.07')
    expect(() => toFen('1e3')).toThrow()
  })

  it('adds and compares exactly', () => {
    expect(addMoney('0.1', '0.2')).toBe('0.30')
    expect(addMoney('100.00', '-100.01')).toBe('-0.01')
    expect(compareMoney('0.30', '0.3')).toBe(0)
    expect(compareMoney('9.99', '10')).toBe(-1)
    expect(compareMoney('10.01', '10')).toBe(1)
    expect(isNegative('-0.01')).toBe(true)
    expect(isNegative('0')).toBe(false)
  })
})

describe('parseMoney', () => {
  it.each([
    ['1234.5', '1234.50'],
    ['1234', '1234.00'],
    ['1,234.50', '1234.50'],
    ['1,234,567.89', '1234567.89'],
    ['￥1234.50', '1234.50'],
    ['¥1234.50', '1234.50'],
    ['¥ 1,234.50', '1234.50'],
    ['1234.50元', '1234.50'],
    ['1234.50 元', '1234.50'],
    ['  88  ', '88.00'],
    ['0.5', '0.50'],
    ['.5', '0.50'],
    ['12.', '12.00'],
    ['007', '7.00'],
    ['0', '0.00'],
    ['１２３', '123.00'],
    ['１２３４．５６', '1234.56'],
    ['１，２３４．５０', '1234.50'],
    ['￥１２３元', '123.00'],
    ['1234。5', '1234.50'],
  ])('%j → %s', (input, want) => {
    expect(parseMoney(input)).toEqual({ ok: true, value: want })
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'invalid'],
    ['12a', 'invalid'],
    ['1.2.3', 'invalid'],
    ['1,23,4', 'invalid'],
    ['12,34', 'invalid'],
    ['1,2345', 'invalid'],
    [',123', 'invalid'],
    ['1e5', 'invalid'],
    ['.', 'invalid'],
    ['¥', 'invalid'],
    ['元', 'invalid'],
    ['$12', 'invalid'],
    ['12 34', 'invalid'],
    ['0x10', 'invalid'],
    ['Infinity', 'invalid'],
    ['1.234', 'tooManyDecimals'],
    ['1,234.567', 'tooManyDecimals'],
    ['１．２３４', 'tooManyDecimals'],
    ['12345678901234', 'tooLarge'],
    ['-5', 'negative'],
    ['－５', 'negative'],
  ])('%j is refused: %s', (input, reason) => {
    expect(parseMoney(input)).toEqual({ ok: false, reason })
  })

  it('accepts negative amounts only when asked to', () => {
    expect(parseMoney('-1,234.5', { allowNegative: true })).toEqual({ ok: true, value: '-1234.50' })
    expect(parseMoney('-¥12', { allowNegative: true })).toEqual({ ok: true, value: '-12.00' })
    expect(parseMoney('-0')).toEqual({ ok: true, value: '0.00' })
  })

  it('round-trips with formatMoney', () => {
    for (const s of ['0.01', '999.99', '1000.00', '1234567.89']) {
      const r = parseMoney(formatMoney(s))
      expect(r).toEqual({ ok: true, value: s })
    }
  })
})
