import { describe, expect, it } from 'vitest'
import { clampPage, pageCount, pageOffset, pageSlice, rowRange } from './pager'

describe('pager', () => {
  it('counts pages, at least one', () => {
    expect(pageCount(0, 50)).toBe(1)
    expect(pageCount(50, 50)).toBe(1)
    expect(pageCount(51, 50)).toBe(2)
    expect(pageCount(101, 50)).toBe(3)
    expect(pageCount(5, 0)).toBe(5) // a zero size counts rows, never divides by zero
  })

  it('keeps a page within the pages there are', () => {
    expect(clampPage(0, 120, 50)).toBe(1)
    expect(clampPage(2, 120, 50)).toBe(2)
    expect(clampPage(4, 120, 50)).toBe(3)
    expect(clampPage(2, 0, 50)).toBe(1)
  })

  it('names the rows shown', () => {
    expect(rowRange(0, 50, 101)).toEqual({ from: 1, to: 50 })
    expect(rowRange(50, 50, 101)).toEqual({ from: 51, to: 100 })
    expect(rowRange(100, 50, 101)).toEqual({ from: 101, to: 101 })
    expect(rowRange(0, 50, 0)).toEqual({ from: 0, to: 0 })
  })

  it('slices a page out of a whole list', () => {
    const rows = Array.from({ length: 7 }, (_, i) => i)
    expect(pageOffset(1, 3)).toBe(0)
    expect(pageOffset(3, 3)).toBe(6)
    expect(pageSlice(rows, 1, 3)).toEqual([0, 1, 2])
    expect(pageSlice(rows, 3, 3)).toEqual([6])
    expect(pageSlice(rows, 4, 3)).toEqual([])
  })
})
