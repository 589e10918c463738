import { describe, expect, it } from 'vitest'
import { housingCode, isBlank, newRow, parseTSV } from './draft'

describe('unit grid helpers', () => {
  it('reads what a spreadsheet copies: tabs, lines, quoted cells, Windows line ends', () => {
    expect(parseTSV('1号\t101\t89.50\r\n1号\t102\t"120.35"\r\n')).toEqual([
      ['1号', '101', '89.50'],
      ['1号', '102', '120.35'],
    ])
    expect(parseTSV('a\t"b\tc"\t"say ""hi"""\n')).toEqual([['a', 'b\tc', 'say "hi"']])
    expect(parseTSV('只有一格')).toEqual([['只有一格']])
    expect(parseTSV('x\t\ty')).toEqual([['x', '', 'y']])
  })

  it('maps housing type names to codes and keeps what it does not know', () => {
    expect(housingCode('售后公房')).toBe('public_sold')
    expect(housingCode(' 车库 ')).toBe('garage')
    expect(housingCode('')).toBe('commodity')
    expect(housingCode('城堡')).toBe('城堡')
  })

  it('carries the building and type over to a new row, and knows a blank one', () => {
    const r = newRow({ building: '3号', housingType: 'garage', room: '101' })
    expect([r.building, r.housingType, r.room]).toEqual(['3号', 'garage', ''])
    expect(isBlank(r)).toBe(true) // only the carried-over building: no unit yet
    expect(isBlank({ ...r, area: '80' })).toBe(false)
    expect(isBlank(newRow())).toBe(true)
    expect(newRow().key).not.toBe(newRow().key)
  })
})
