// Keyboard for forms: Enter moves to the next field (and saves from the last one), Ctrl+Enter
// or Ctrl+S saves from anywhere. Use as @keydown="onFormKeydown($event, save)" on the form.

const FIELDS =
  'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([disabled]):not([readonly]), select:not([disabled]), textarea:not([disabled])'

function visible(el: HTMLElement): boolean {
  return !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)
}

/** The fields of the form around el, in document order. */
export function fieldsOf(el: HTMLElement): HTMLElement[] {
  const form = el.closest<HTMLElement>('form, [data-form]')
  if (!form) return []
  return [...form.querySelectorAll<HTMLElement>(FIELDS)].filter(visible)
}

/** Whether the key event asks to save: Ctrl+Enter, Ctrl+S (⌘ on a Mac). */
export function isSaveKey(ev: KeyboardEvent): boolean {
  return (ev.ctrlKey || ev.metaKey) && (ev.key === 'Enter' || ev.key === 's' || ev.key === 'S')
}

/**
 * Handles Enter and the save keys in a form. Enter in a text field moves on to the next field;
 * in the last field it saves. Buttons, check boxes, text areas and an input method composing a
 * word keep their own Enter.
 */
export function onFormKeydown(ev: KeyboardEvent, save: () => void): void {
  // handled already (the unit grid moves between its own cells), or an input method composing
  if (ev.defaultPrevented || ev.isComposing || ev.keyCode === 229) return
  if (isSaveKey(ev)) {
    ev.preventDefault()
    save()
    return
  }
  if (ev.key !== 'Enter' || ev.shiftKey || ev.altKey) return
  const el = ev.target as HTMLElement
  if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) return
  if (el instanceof HTMLInputElement && ['checkbox', 'radio', 'button', 'submit'].includes(el.type)) return
  ev.preventDefault()
  const fields = fieldsOf(el)
  const i = fields.indexOf(el)
  const next = i >= 0 ? fields[i + 1] : undefined
  if (next) {
    next.focus()
    if (next instanceof HTMLInputElement) next.select()
  } else {
    save()
  }
}
