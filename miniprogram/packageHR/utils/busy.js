/**
 * The one way an HR page runs a request: a flag in its data (`loading`, `saving`, …) is true while it runs,
 * `error` is cleared first, and a failure shows its Chinese message in `error` (utils/request.js gives it)
 * instead of rejecting.
 *
 *   load() { return whileBusy(this, 'loading', async () => { this.setData(view(await insights.funnel(…))) }) }
 */

/**
 * Resolves what `work()` resolves, or `fallback` when it throws (the page then shows `err.message`).
 * @param {object} page the Page instance (this)
 * @param {string} flag the data key that is true while `work` runs
 * @param {function(): Promise<*>} work
 * @param {*} [fallback] what to resolve on failure (undefined when omitted)
 */
async function whileBusy(page, flag, work, fallback) {
  page.setData({ [flag]: true, error: '' })
  try {
    return await work()
  } catch (err) {
    page.setData({ error: err.message })
    return fallback
  } finally {
    page.setData({ [flag]: false })
  }
}

/** `Page({ onPullDownRefresh: reloadOnPullDown })`: reload the page's data (its `load()`), then close the spinner. */
function reloadOnPullDown() {
  return this.load().then(() => wx.stopPullDownRefresh())
}

module.exports = { whileBusy, reloadOnPullDown }
