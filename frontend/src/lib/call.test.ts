import { describe, expect, it } from 'vitest'
import { call } from './call'

describe('call', () => {
  it('passes the value through', async () => {
    await expect(call(async () => 42)).resolves.toBe(42)
  })

  it('turns a rejection carrying the Go refusal into an AppError', async () => {
    const refusal = { code: 'refused', key: 'amount.invalid', args: { input: 'x' }, message: '金额无效', messageEn: 'Invalid amount' }
    await expect(call(() => Promise.reject(new Error(JSON.stringify(refusal))))).rejects.toMatchObject(refusal)
  })

  it('turns anything else into an internal error, never raw text', async () => {
    await expect(call(() => Promise.reject('sql: database is locked'))).rejects.toMatchObject({ code: 'internal', key: 'error.internal' })
  })

  it('catches what a synchronous throw in fn raises too', async () => {
    await expect(
      call(() => {
        throw new Error('boom')
      }),
    ).rejects.toMatchObject({ code: 'internal' })
  })
})
