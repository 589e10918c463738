import { describe, expect, it } from 'vitest'
import { agreement, parsePaste, sumUnits, unitKey, type GridUnit } from './openingGrid'

const units: GridUnit[] = [
  { id: 1, building: '1号', room: '101' },
  { id: 2, building: '1号', room: '102' },
  { id: 3, building: '2号', room: '1201' },
  { id: 4, building: '2号', room: '车库 3' },
]

describe('unitKey', () => {
  it('matches buildings and rooms as people write them', () => {
    expect(unitKey('１号', '101室')).toBe(unitKey('1号', '101'))
    expect(unitKey('1幢', ' 101 ')).toBe(unitKey('1', '101'))
    expect(unitKey('2号', '车库3')).toBe(unitKey('2号', '车库 3'))
    expect(unitKey('1号', '101')).not.toBe(unitKey('11号', '01'))
  })
})

describe('parsePaste', () => {
  it('reads 幢 室 余额 rows from Excel, skipping the header', () => {
    const r = parsePaste('幢\t室\t余额\n1号\t101\t1,234.50\r\n2\t1201室\t１００\n', units)
    expect(r.header).toBe(true)
    expect(r.problems).toEqual([])
    expect([...r.amounts]).toEqual([
      [1, '1234.50'],
      [3, '100.00'],
    ])
  })

  it('lists unknown units, bad amounts and units twice by line, and takes the rest', () => {
    const r = parsePaste('1号\t101\t10\n9号\t101\t5\n1号\t102\t1.234\n1号\t101\t3\n2号\t1201\t-5', units)
    expect(r.amounts.get(1)).toBe('10.00')
    expect(r.amounts.size).toBe(1)
    expect(r.problems.map((p) => [p.line, p.reason])).toEqual([
      [2, 'unknownUnit'],
      [3, 'tooManyDecimals'],
      [4, 'duplicate'],
      [5, 'negative'],
    ])
  })

  it('gives a column of amounts to the units in order from the start row, blank cells included', () => {
    const r = parsePaste('余额\n100\n\n"x"\n7\n8', units, 0)
    expect(r.header).toBe(true)
    expect(r.amounts.get(1)).toBe('100.00')
    expect(r.amounts.has(2)).toBe(false) // the blank cell
    expect(r.problems.map((p) => [p.line, p.reason])).toEqual([
      [4, 'invalid'],
      [6, 'columns'], // more amounts than units
    ])
    expect(r.amounts.get(4)).toBe('7.00')
    expect(parsePaste('5\n6', units, 2).amounts).toEqual(
      new Map([
        [3, '5.00'],
        [4, '6.00'],
      ]),
    )
  })

  it('reads "building-room" and an amount, and comma-separated lines', () => {
    const r = parsePaste('1号-102\t20\n2号,1201,"30"\n1,234.00', units.slice(0, 2))
    expect(r.amounts.get(2)).toBe('20.00')
    expect(r.problems.map((p) => p.reason)).toEqual(['unknownUnit', 'columns'])
  })

  it('leaves units with an empty cell alone', () => {
    const r = parsePaste('1号\t101\t\n1号\t102\t5', units)
    expect(r.problems).toEqual([])
    expect([...r.amounts]).toEqual([[2, '5.00']])
  })
})

describe('sumUnits and agreement', () => {
  it('sums in whole fen and counts what is empty or unreadable', () => {
    const typed = new Map([
      [1, '0.10'],
      [2, '0.20'],
      [3, 'abc'],
    ])
    const s = sumUnits(units, typed)
    expect(s).toEqual({ total: '0.30', filled: 2, invalid: 1, empty: 1 })
  })

  it('says which side is larger and by how much', () => {
    expect(agreement('0.30', '0.30')).toEqual({ kind: 'equal' })
    expect(agreement('1,000', '999.99')).toEqual({ kind: 'unitsLess', diff: '0.01' })
    expect(agreement('1000', '1200.5')).toEqual({ kind: 'unitsMore', diff: '200.50' })
    expect(agreement('', '5')).toEqual({ kind: 'noAmount' })
  })
})
