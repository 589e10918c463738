import { describe, expect, it } from 'vitest'
import type { AppError } from '@/api/errors'
import { baseName, dirName, formatSize, openProblem } from './openProblem'

const err = (key: string, args: Record<string, string>): AppError => ({ code: 'refused', key, args, message: 'x', messageEn: 'x' })

describe('openProblem', () => {
  it('offers read-only for a ledger another window writes', () => {
    expect(openProblem(err('ledger.locked', { path: '/a.jiayuan', pid: '42', since: '2026-01-01 08:00:00' }))).toEqual({
      kind: 'locked',
      path: '/a.jiayuan',
      pid: '42',
      since: '2026-01-01 08:00:00',
    })
  })

  it('offers the newest good backup for a damaged ledger, and a file choice when there is none', () => {
    const p = openProblem(err('ledger.damaged_restore', { path: '/a.jiayuan', detail: 'd', backup: '/b/a_1.jiayuan', time: '2026-01-01 08:00', seq: '9' }))
    expect(p).toEqual({ kind: 'damaged', path: '/a.jiayuan', detail: 'd', backup: { path: '/b/a_1.jiayuan', time: '2026-01-01 08:00', seq: '9' } })
    expect(openProblem(err('ledger.damaged', { detail: 'd' }), '/typed.jiayuan')).toEqual({ kind: 'damagedNoBackup', path: '/typed.jiayuan', detail: 'd' })
  })

  it('names the backup a ledger is behind', () => {
    const p = openProblem(err('ledger.behind_backup', { path: '/a', seq: '5', backup: '/b', time: 't', backupSeq: '8' }))
    expect(p).toEqual({ kind: 'behind', path: '/a', seq: '5', backup: { path: '/b', time: 't', seq: '8' } })
    expect(openProblem(err('ledger.diverged', { path: '/a', seq: '5', backup: '/b', time: 't', backupSeq: '5' }))?.kind).toBe('diverged')
  })

  it('has nothing to offer for other errors or without a path', () => {
    expect(openProblem(err('ledger.file_missing', { path: '/a' }))).toBeNull()
    expect(openProblem(err('ledger.locked', {}))).toBeNull()
    expect(openProblem(null)).toBeNull()
  })
})

describe('paths and sizes', () => {
  it('splits paths of either system', () => {
    expect(baseName('C:\\备份\\小区_1.jiayuan')).toBe('小区_1.jiayuan')
    expect(dirName('/home/u/小区.jiayuan')).toBe('/home/u')
    expect(dirName('小区.jiayuan')).toBe('')
  })
  it('formats sizes', () => {
    expect(formatSize(512)).toBe('512 B')
    expect(formatSize(640 * 1024)).toBe('640 KB')
    expect(formatSize(1.45 * 1024 * 1024)).toBe('1.4 MB')
    expect(formatSize(48 * 1024 * 1024)).toBe('48 MB')
  })
})
