import { describe, expect, it } from 'vitest'
import { en, zhCN } from '@/locales'
import { errorText, toAppError } from './errors'

const refusal = {
  code: 'refused',
  key: 'rule.fundFirst',
  args: { amount: '500.00' },
  message: '公共收益须先转入维修资金 500.00 元。',
  messageEn: 'Transfer 500.00 to the maintenance fund first.',
}

describe('toAppError', () => {
  it('parses an Error whose message is the JSON (Wails ≥ 2.13)', () => {
    const err = toAppError(new Error(JSON.stringify(refusal)))
    expect(err).toMatchObject(refusal)
    expect(errorText(err, 'zh-CN')).toBe(refusal.message)
    expect(errorText(err, 'en')).toBe(refusal.messageEn)
  })

  it('parses the bare JSON string (Wails ≤ 2.12)', () => {
    expect(toAppError(JSON.stringify(refusal))).toMatchObject(refusal)
  })

  it('passes an already-parsed AppError through', () => {
    expect(toAppError({ ...refusal })).toMatchObject(refusal)
  })

  it('fills missing fields and stringifies args', () => {
    const err = toAppError(new Error('{"code":"notFound","args":{"id":7}}'))
    expect(err).toMatchObject({ code: 'notFound', key: '', args: { id: '7' }, message: '', messageEn: '' })
    expect(errorText(err, 'zh-CN')).toBe(zhCN.errors.notFound)
    expect(errorText(err, 'en')).toBe(en.errors.notFound)
  })

  it.each([
    ['a plain string', 'not implemented yet'],
    ['an Error with plain text', new Error('open foo.jiayuan: no such file')],
    ['[object Object]', new Error('[object Object]')],
    ['broken JSON', new Error('{"code": "refused",')],
    ['JSON without a code', '{"message":"x"}'],
    ['a JSON array', '[1,2]'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['an object without code', { foo: 'bar' }],
  ])('turns %s into a generic internal error', (_name, input) => {
    const err = toAppError(input)
    expect(err.code).toBe('internal')
    expect(errorText(err, 'zh-CN')).toBe(zhCN.errors.internal)
    expect(errorText(err, 'en')).toBe(en.errors.internal)
  })

  it('never shows raw text, but keeps it for the console', () => {
    const err = toAppError(new Error('sql: database is locked'))
    expect(err.raw).toBe('sql: database is locked')
    expect(errorText(err, 'en')).not.toContain('sql')
  })

  it('does not show an untranslated key as the message', () => {
    const err = toAppError(
      new Error(JSON.stringify({ code: 'internal', key: 'error.internal', message: 'error.internal', messageEn: 'error.internal' })),
    )
    expect(errorText(err, 'zh-CN')).toBe(zhCN.errors.internal)
  })

  it('uses the zh-CN message for an unknown locale', () => {
    expect(errorText(toAppError(JSON.stringify(refusal)), 'fr')).toBe(refusal.message)
  })
})
