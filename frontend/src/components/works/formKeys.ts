// Keyboard for the works forms: Enter moves to the next field (from the last field to the
// form's main button, so a second Enter saves); Ctrl+Enter or Ctrl+S saves from anywhere.
const FIELDS = 'input:not([disabled]):not([type="hidden"]):not([type="checkbox"]):not([type="radio"]), select:not([disabled]), textarea:not([disabled])'

/** Returns a keydown handler for a form element; `save` runs on Ctrl+Enter / Ctrl+S. */
export function formKeys(save: () => void): (ev: KeyboardEvent) => void {
  return (ev: KeyboardEvent) => {
    const key = ev.key.toLowerCase()
    if ((ev.ctrlKey || ev.metaKey) && (key === 'enter' || key === 's')) {
      ev.preventDefault()
      save()
      return
    }
    if (key !== 'enter' || ev.shiftKey || ev.altKey || ev.isComposing) return
    const target = ev.target as HTMLElement | null
    const form = ev.currentTarget as HTMLElement | null
    if (!target || !form || target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return
    if (!target.matches(FIELDS)) return
    ev.preventDefault()
    const fields = [...form.querySelectorAll<HTMLElement>(FIELDS)].filter((el) => el.offsetParent !== null)
    const i = fields.indexOf(target)
    const next = i >= 0 ? fields[i + 1] : undefined
    if (next) {
      next.focus()
      if (next instanceof HTMLInputElement) next.select()
    } else {
      form.querySelector<HTMLButtonElement>('[data-primary]:not([disabled])')?.focus()
    }
  }
}
