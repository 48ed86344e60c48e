/**
 * Test helpers.
 * - loadComponent: miniprogram-simulate with the official WXML compiler (wcc), rooted at miniprogram/.
 * - loadPage: captures the Page() definition of a page module with a small shim and returns an
 *   instance whose setData merges like the real one (paths such as "a.b" and "list[2].x").
 */
const path = require('path')
const simulate = require('miniprogram-simulate')

const ROOT = path.resolve(__dirname, '../../miniprogram')
const componentIds = {}

function loadComponent(rel) {
  if (!componentIds[rel]) {
    componentIds[rel] = simulate.load(path.join(ROOT, rel), { rootPath: ROOT })
  }
  return componentIds[rel]
}

function renderComponent(rel, props) {
  const comp = simulate.render(loadComponent(rel), props)
  comp.attach(document.createElement('parent-wrapper'))
  return comp
}

function setPath(target, keyPath, value) {
  const keys = keyPath.replace(/\[(\d+)\]/g, '.$1').split('.')
  let obj = target
  keys.slice(0, -1).forEach((k, i) => {
    if (obj[k] === undefined || obj[k] === null) obj[k] = /^\d+$/.test(keys[i + 1]) ? [] : {}
    obj = obj[k]
  })
  obj[keys[keys.length - 1]] = value
}

function loadPage(rel, { components = {}, before } = {}) {
  let definition = null
  const previous = global.Page
  global.Page = (def) => {
    definition = def
  }
  jest.isolateModules(() => {
    // `before` runs in the page's module registry, e.g. to set config values the page will see.
    if (before) before((mod) => require(path.join(ROOT, mod)))
    require(path.join(ROOT, rel))
  })
  global.Page = previous
  if (!definition) throw new Error(`${rel} did not call Page()`)

  const page = Object.create(null)
  Object.keys(definition).forEach((k) => {
    const v = definition[k]
    page[k] = typeof v === 'function' ? v.bind(page) : v
  })
  page.data = JSON.parse(JSON.stringify(definition.data || {}))
  page.route = rel
  page.setData = jest.fn((patch, cb) => {
    Object.keys(patch).forEach((k) => setPath(page.data, k, JSON.parse(JSON.stringify(patch[k] === undefined ? null : patch[k]))))
    if (cb) cb()
  })
  page.selectComponent = jest.fn((selector) => components[selector] || null)
  return page
}

/** Resolve pending promises (several rounds, for chains). */
async function flush(rounds = 10) {
  for (let i = 0; i < rounds; i += 1) {
    await Promise.resolve()
  }
}

/** A wx.request fake: routes "METHOD /path" to handlers returning {status, body}. */
function fakeServer(routes, base = 'http://127.0.0.1:5000') {
  const calls = []
  const impl = (opts) => {
    const method = (opts.method || 'GET').toUpperCase()
    const urlPath = opts.url.startsWith(base) ? opts.url.slice(base.length) : opts.url
    calls.push({ method, path: urlPath, data: opts.data, header: opts.header })
    const key = `${method} ${urlPath.split('?')[0]}`
    const handler = routes[key]
    setTimeout(() => {
      if (!handler) {
        opts.success && opts.success({ statusCode: 404, data: { error: 'not_found', message: `no route ${key}` }, header: {} })
        return
      }
      const out = typeof handler === 'function' ? handler(opts, calls) : handler
      if (out === 'NETWORK') {
        opts.fail && opts.fail({ errMsg: 'request:fail timeout' })
        return
      }
      opts.success && opts.success({ statusCode: out.status || 200, data: out.body, header: out.header || {} })
    }, 0)
    return { abort() {} }
  }
  return { impl, calls }
}

let gwx = null

/**
 * Render a page's WXML (compiled by the official wcc) with its current data: returns the visible text
 * and the elements of a class, so a test can check what the person would see.
 */
function renderWxml(rel, data) {
  if (!gwx) {
    window.__webview_engine_version__ = 0.02
    // eslint-disable-next-line no-new-func
    gwx = new Function(require('miniprogram-compiler').wxmlToJs(ROOT))()
  }
  const tree = gwx(`${rel}.wxml`)(JSON.parse(JSON.stringify(data)))
  const texts = []
  const walk = (node, out) => {
    if (typeof node === 'string') out.push(node)
    else if (node && node.children) node.children.forEach((c) => walk(c, out))
  }
  walk(tree, texts)
  const byClass = (cls) => {
    const found = []
    const visit = (node) => {
      if (!node || typeof node === 'string') return
      const classes = String((node.attr && node.attr.class) || '').split(/\s+/)
      if (classes.indexOf(cls) >= 0) {
        const t = []
        walk(node, t)
        found.push(t.join(''))
      }
      ;(node.children || []).forEach(visit)
    }
    visit(tree)
    return found
  }
  return { tree, text: texts.join(' '), byClass }
}

/** Route every wx.request of the test to a fake server (see fakeServer). */
function useServer(routes) {
  const server = fakeServer(routes)
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  return server
}

/** Silence the wx navigation and UI calls pages make, so tests can spy on whichever matters. */
function quietWx() {
  for (const name of ['redirectTo', 'navigateTo', 'showToast', 'setNavigationBarTitle', 'showShareMenu']) {
    jest.spyOn(wx, name).mockImplementation(() => {})
  }
}

module.exports = { ROOT, loadComponent, renderComponent, loadPage, flush, fakeServer, renderWxml, useServer, quietWx }
