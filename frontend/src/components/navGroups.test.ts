import { describe, expect, it } from 'vitest'
import { navGroups } from './navGroups'

const r = (path: string, order?: number) => ({
  path,
  meta: order === undefined ? { titleKey: path } : { titleKey: path, nav: { order, icon: '' } },
})

describe('navGroups', () => {
  it('puts each screen in the group its order falls in, sorted, and leaves out empty groups and unlisted routes', () => {
    const g = navGroups([r('/start', 900), r('/units', 20), r('/dashboard', 0), r('/projects', 40), r('/reports', 70), r('/import', 75), r('/unit/1')])
    expect(g.map((x) => x.key)).toEqual(['books', 'works', 'closing', 'data'])
    expect(g[0]!.items.map((i) => i.to)).toEqual(['/dashboard', '/units'])
    expect(g[2]!.items.map((i) => i.to)).toEqual(['/reports'])
    expect(g[3]!.items.map((i) => i.to)).toEqual(['/import', '/start'])
    expect(navGroups([r('/dashboard', 0)]).map((x) => x.key)).toEqual(['books'])
  })
})
