// The native window: its title follows the screen, so the taskbar and window switcher say
// where the user is (and the first-run check of scripts/check-dist.sh can read it).
import { EventsOn, WindowSetTitle } from '@/wailsjs/runtime/runtime'

/** Sets the window's title; outside the app (a plain browser, unit tests) it does nothing. */
export function setWindowTitle(title: string): void {
  const w = window as unknown as { runtime?: unknown }
  if (!w.runtime) return
  try {
    WindowSetTitle(title)
  } catch {
    // the title is a convenience: never let it break a screen
  }
}

/**
 * Listens for ledger files handed over by another launch of the app (a .jiayuan file
 * double-clicked while this window is open); returns the function that stops listening.
 */
export function onOpenRequest(fn: (path: string) => void): () => void {
  const w = window as unknown as { runtime?: unknown }
  if (!w.runtime) return () => {}
  try {
    const off: unknown = EventsOn('open-request', (path: string) => fn(path))
    return typeof off === 'function' ? (off as () => void) : () => {}
  } catch {
    return () => {}
  }
}
