import { describe, expect, it } from 'vitest'
import type { AppError } from '@/api/errors'
import { fieldError, formError } from './fieldErrors'

const refusal: AppError = {
  code: 'refused',
  key: 'area.invalid',
  args: { field: 'area', input: 'abc' },
  message: '“abc”不是有效的面积。',
  messageEn: '"abc" is not a valid area.',
}

describe('field errors', () => {
  it('puts a refusal next to the field it names, in the UI language', () => {
    expect(fieldError(refusal, 'area', 'zh-CN')).toBe('“abc”不是有效的面积。')
    expect(fieldError(refusal, 'area', 'en')).toBe('"abc" is not a valid area.')
    expect(fieldError(refusal, 'room', 'zh-CN')).toBe('')
    expect(fieldError(null, 'area', 'zh-CN')).toBe('')
  })

  it('shows a refusal about no field of the form above the buttons', () => {
    expect(formError(refusal, ['area', 'room'], 'zh-CN')).toBe('')
    expect(formError(refusal, ['room'], 'zh-CN')).toBe('“abc”不是有效的面积。')
    const internal: AppError = { code: 'internal', key: 'error.internal', args: {}, message: '', messageEn: '' }
    expect(formError(internal, ['room'], 'zh-CN')).toMatch(/程序内部出错/)
  })
})
