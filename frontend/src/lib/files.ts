// Files dropped on the window: the browser gives their bytes, the Go side takes them as base64.

/** The bytes of a dropped file as base64 (without the data-URL prefix). */
export function readBase64(f: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => {
      const s = String(r.result ?? '')
      resolve(s.slice(s.indexOf(',') + 1))
    }
    r.onerror = () => reject(r.error)
    r.readAsDataURL(f)
  })
}
