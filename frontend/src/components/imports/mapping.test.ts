import { describe, expect, it } from 'vitest'
import { baseName, chooseColumn, fieldLabel, missingFields, rowRange } from './mapping'

const fields = [
  { name: 'building', column: '幢', required: true },
  { name: 'room', column: '', required: true },
  { name: 'owner', column: '业主' },
  { name: 'debit', column: '', anyOf: ['debit', 'credit'] },
  { name: 'credit', column: '', anyOf: ['debit', 'credit'] },
]

describe('chooseColumn', () => {
  it('records the choice as an override', () => {
    expect(chooseColumn({}, fields, 'room', '房间')).toEqual({ room: '房间' })
  })
  it('takes the column away from the field that had it (guessed or chosen)', () => {
    expect(chooseColumn({}, fields, 'room', '幢')).toEqual({ room: '幢', building: '' })
    expect(chooseColumn({ owner: '房间' }, fields, 'room', '房间')).toEqual({ owner: '', room: '房间' })
  })
  it('does not take away a guessed column the user already moved', () => {
    expect(chooseColumn({ building: '楼号' }, fields, 'room', '幢')).toEqual({ building: '楼号', room: '幢' })
  })
  it('"" leaves a field without a column and takes nothing from others', () => {
    expect(chooseColumn({}, fields, 'owner', '')).toEqual({ owner: '' })
  })
})

describe('missingFields', () => {
  it('lists required fields without a column and one of each any-of group', () => {
    expect(missingFields(fields)).toEqual(['room', 'debit'])
    expect(missingFields(fields.map((f) => (f.name === 'credit' ? { ...f, column: '贷方' } : f)))).toEqual(['room'])
  })
})

describe('rowRange and baseName', () => {
  it('says the rows', () => {
    expect(rowRange(12, 0)).toBe('12')
    expect(rowRange(12, 15)).toBe('12–15')
    expect(rowRange(0, 0)).toBe('')
  })
  it('names the file of a path', () => {
    expect(baseName('C:\\Users\\张三\\Documents\\房屋清单.xlsx')).toBe('房屋清单.xlsx')
    expect(baseName('/home/a/对账单.csv ')).toBe('对账单.csv')
    expect(baseName('名册.csv')).toBe('名册.csv')
  })
})

describe('fieldLabel', () => {
  it('is the Chinese label, or the English one capitalised', () => {
    const f = { label: '房屋类型', labelEn: 'housing type' }
    expect(fieldLabel(f, 'zh-CN')).toBe('房屋类型')
    expect(fieldLabel(f, 'en')).toBe('Housing type')
  })
})
