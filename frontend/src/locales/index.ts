// The UI's messages: one file per area of the app (core.zh-CN.json, units.zh-CN.json, …),
// each holding its own top-level namespaces, merged here. Areas grow independently; a
// namespace defined by two files is an error.
import coreEn from './core.en.json'
import coreZh from './core.zh-CN.json'

type Messages = Record<string, unknown>

function merge(files: Record<string, Messages>): Messages {
  const out: Messages = {}
  for (const [name, msgs] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    for (const [ns, v] of Object.entries(msgs)) {
      if (ns in out) throw new Error(`locale namespace "${ns}" defined again in ${name}`)
      out[ns] = v
    }
  }
  return out
}

const zhFiles = import.meta.glob<Messages>('./*.zh-CN.json', { eager: true, import: 'default' })
const enFiles = import.meta.glob<Messages>('./*.en.json', { eager: true, import: 'default' })

/** The merged messages; typed by the core file so `meta` and the shared keys are known. */
export const zhCN = merge(zhFiles) as typeof coreZh & Messages
export const en = merge(enFiles) as typeof coreEn & Messages
