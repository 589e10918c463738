// Stand-in Go bindings for UI tests that must not depend on the backend's data: Playwright
// serves this in place of wails dev's /wails/ipc.js and /wails/runtime.js, so the page gets a
// window.go.app.LedgerService whose answers the test chooses. Everything else is the real app.

/**
 * @param {Record<string, {result?: unknown, error?: unknown, errorString?: string}>} answers
 *   per method name: a result, an error object sent as an Error with a JSON message (what
 *   Wails ≥ 2.13 does), or a raw string rejection.
 */
export function mockScript(answers) {
  return `(() => {
  const answers = { Recent: { result: [] }, ...${JSON.stringify(answers)} };
  const calls = (window.__calls = []);
  const method = (name) => (...args) => {
    calls.push({ name, args });
    const a = answers[name];
    if (!a) return Promise.reject(new Error(JSON.stringify({ code: 'internal', key: 'error.internal', message: '', messageEn: '' })));
    if (a.errorString !== undefined) return Promise.reject(a.errorString);
    if (a.error) return Promise.reject(new Error(JSON.stringify(a.error)));
    return new Promise((resolve) => setTimeout(() => resolve(a.result), 30));
  };
  const svc = {};
  for (const m of ['Current', 'Recent', 'OpenLedger', 'OpenDemo', 'Dashboard']) svc[m] = method(m);
  window.go = { app: { LedgerService: svc } };
  window.runtime = new Proxy({}, { get: () => () => undefined });
})();`
}

/** Routes the Wails scripts of `page` to the mock. */
export async function useMockBindings(page, answers) {
  const body = mockScript(answers)
  await page.route('**/wails/ipc.js', (route) => route.fulfill({ contentType: 'text/javascript', body }))
  await page.route('**/wails/runtime.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }))
}

export const DEMO_INFO = { path: '/home/secretary/家园账本/示例小区.jiayuan', communityName: '示例·幸福家园小区', readOnly: false }

// Alerts deliberately not in severity order: the dashboard sorts them.
export const DASHBOARD = {
  communityName: '示例·幸福家园小区',
  today: '2026-11-22',
  books: [
    { book: 'fund', balance: '1234567.50' },
    { book: 'public', balance: '86420.00' },
    { book: 'working', balance: '-350.75' },
  ],
  fundRatio: '27.35',
  threshold: '30',
  initialTotal: '4513958.00',
  fundBalance: '1234567.50',
  alerts: [
    {
      severity: 'info',
      key: 'alert.disclose',
      args: {},
      action: 'disclose',
      message: '公共收益第四季度公示应于 2027-01-15 前完成。',
      messageEn: 'The Q4 public income disclosure is due by 2027-01-15.',
    },
    {
      severity: 'danger',
      key: 'alert.replenish',
      args: {},
      action: 'replenish',
      message: '维修资金余额比例 27.35%，已低于 30%，须在 2027-02-20 前作出续筹决定。',
      messageEn: 'The fund ratio is 27.35%, below 30%: a replenishment decision is due by 2027-02-20.',
    },
    {
      severity: 'warning',
      key: 'alert.transfer',
      args: {},
      action: 'transfer',
      message: '第三季度公共收益尚有 12,500.00 元未转入维修资金。',
      messageEn: '12,500.00 of Q3 public income has not yet been transferred to the fund.',
    },
  ],
  chainSeq: 1287,
  chainHead: '9f2c4e7a1b3d5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff',
}
