import { describe, expect, it } from 'vitest'
import { BOOKS, bookOr, isBook } from './books'

describe('books', () => {
  it('lists the three books in display order', () => {
    expect(BOOKS).toEqual(['fund', 'public', 'working'])
  })

  it('recognises a book name and nothing else', () => {
    expect(isBook('fund')).toBe(true)
    expect(isBook('working')).toBe(true)
    expect(isBook('Fund')).toBe(false)
    expect(isBook('')).toBe(false)
    expect(isBook(undefined)).toBe(false)
    expect(isBook(['fund'])).toBe(false)
  })

  it('falls back when a route names no book', () => {
    expect(bookOr('working', 'public')).toBe('working')
    expect(bookOr('bogus', 'public')).toBe('public')
    expect(bookOr(null, 'fund')).toBe('fund')
  })
})
