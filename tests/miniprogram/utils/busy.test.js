/** packageHR/utils/busy.js: the flag is up only while the work runs, the error is cleared first and a
 * failure's message lands in `error` while the call resolves the fallback; a pull-down reloads, then closes
 * the spinner. */
const { reloadOnPullDown, whileBusy } = require('../../../miniprogram/packageHR/utils/busy')

function fakePage(data) {
  const page = { data: Object.assign({}, data), seen: [] }
  page.setData = (patch) => {
    Object.assign(page.data, patch)
    page.seen.push(Object.assign({}, patch))
  }
  return page
}

test('resolves what the work resolves, with the flag up while it runs and the old error cleared', async () => {
  const page = fakePage({ saving: false, error: '上次失败了' })
  const out = await whileBusy(page, 'saving', async () => {
    expect(page.data).toEqual({ saving: true, error: '' })
    page.setData({ saved: 3 })
    return 'done'
  }, null)
  expect(out).toBe('done')
  expect(page.data).toEqual({ saving: false, error: '', saved: 3 })
  expect(page.seen).toEqual([{ saving: true, error: '' }, { saved: 3 }, { saving: false }])
})

test('a failure shows its message, resolves the fallback and lowers the flag', async () => {
  const page = fakePage({ loading: false, error: '' })
  const out = await whileBusy(page, 'loading', async () => {
    throw Object.assign(new Error('网络不太好，请稍后再试'), { code: 'network' })
  }, [])
  expect(out).toEqual([])
  expect(page.data).toEqual({ loading: false, error: '网络不太好，请稍后再试' })
})

test('without a fallback a failure resolves undefined, as the pages\' loaders did', async () => {
  const page = fakePage({ loading: true, error: '' })
  await expect(whileBusy(page, 'loading', () => Promise.reject(new Error('服务器开小差了')))).resolves.toBeUndefined()
  expect(page.data.error).toBe('服务器开小差了')
  expect(page.data.loading).toBe(false)
})

test('a pull-down reloads the page and closes the spinner only once the data is in', async () => {
  const order = []
  const stop = jest.spyOn(wx, 'stopPullDownRefresh').mockImplementation(() => order.push('spinner closed'))
  const page = { load: () => new Promise((resolve) => setTimeout(() => { order.push('loaded'); resolve() }, 5)) }
  await reloadOnPullDown.call(page)
  expect(order).toEqual(['loaded', 'spinner closed'])
  expect(stop).toHaveBeenCalledTimes(1)
  stop.mockRestore()
})
