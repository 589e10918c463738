// The side navigation's groups. A screen's place is its route's meta.nav.order; the group is
// the range that order falls in, so an area adds a screen by choosing an order, nothing else.
import type { RouteRecordNormalized } from 'vue-router'

/** The groups, each from its first order (inclusive) up to the next group's. */
export const NAV_GROUPS = [
  { key: 'books', from: 0 }, // 首页, 凭证, 房屋与业主, 公共收益
  { key: 'works', from: 40 }, // 维修工程, 续筹, 工作经费, 审计, 公示
  { key: 'closing', from: 60 }, // 结账, 银行对账, 报表
  { key: 'data', from: 75 }, // 数据导入, 期初余额, 完整性, 备份与恢复, 设置, 开始
] as const

export type NavGroupKey = (typeof NAV_GROUPS)[number]['key']

export interface NavItem {
  to: string
  key: string
  icon: string
  order: number
}

/** The routes with a nav entry, sorted, in their groups; empty groups are left out. */
export function navGroups(routes: Pick<RouteRecordNormalized, 'path' | 'meta'>[]): { key: NavGroupKey; items: NavItem[] }[] {
  const items = routes
    .filter((r) => r.meta.nav && r.meta.titleKey)
    .map((r) => ({ to: r.path, key: r.meta.titleKey as string, icon: r.meta.nav?.icon ?? '', order: r.meta.nav?.order ?? 0 }))
    .sort((a, b) => a.order - b.order)
  const out = NAV_GROUPS.map((g) => ({ key: g.key as NavGroupKey, items: [] as NavItem[] }))
  for (const it of items) {
    let i = NAV_GROUPS.length - 1
    while (i > 0 && it.order < NAV_GROUPS[i]!.from) i--
    out[i]!.items.push(it)
  }
  return out.filter((g) => g.items.length > 0)
}
