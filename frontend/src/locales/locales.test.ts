import { describe, expect, it } from 'vitest'
import { en, zhCN } from './index'

/** Every leaf of a nested message object as "a.b.c" → value. */
function leaves(obj: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  if (typeof obj === 'object' && obj !== null && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) {
      for (const [kk, vv] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv)
    }
  } else {
    out.set(prefix, obj)
  }
  return out
}

const locales = { 'zh-CN': leaves(zhCN), en: leaves(en) }

describe('locale files', () => {
  it('have exactly the same keys', () => {
    const zh = [...locales['zh-CN'].keys()].sort()
    const e = [...locales.en.keys()].sort()
    expect(zh.filter((k) => !locales.en.has(k))).toEqual([])
    expect(e.filter((k) => !locales['zh-CN'].has(k))).toEqual([])
    expect(zh.length).toBeGreaterThan(20)
  })

  it.each(Object.entries(locales))('%s has only non-empty string values', (_name, map) => {
    const bad = [...map].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k)
    expect(bad).toEqual([])
  })

  it.each(Object.entries(locales))('%s uses the same placeholders as zh-CN', (_name, map) => {
    const ph = (s: unknown) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const [k, v] of locales['zh-CN']) expect(ph(map.get(k)), k).toEqual(ph(v))
  })

  it('have no characters vue-i18n would treat as syntax', () => {
    for (const map of Object.values(locales)) {
      for (const [k, v] of map) expect(String(v), k).not.toMatch(/[@|]/)
    }
  })
})
