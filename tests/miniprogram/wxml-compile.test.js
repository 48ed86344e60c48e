/**
 * Every page and component compiles with the official WXML compiler (wcc, via miniprogram-compiler),
 * every WXSS with wcsc, and every page registered in app.json has its four files.
 */
const fs = require('fs')
const path = require('path')
const { wxmlToJs, wxssToJs } = require('miniprogram-compiler')
const { ROOT } = require('./helpers')

const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'))
const pages = app.pages.concat(...app.subpackages.map((p) => p.pages.map((page) => `${p.root}/${page}`)))
const components = fs.readdirSync(path.join(ROOT, 'components')).map((name) => `components/${name}/${name}`)

describe('WXML/WXSS compile check', () => {
  let gwx

  beforeAll(() => {
    window.__webview_engine_version__ = 0.02
    // eslint-disable-next-line no-new-func
    gwx = new Function(wxmlToJs(ROOT))()
  })

  test.each(pages.concat(components))('%s has .js .json .wxml .wxss', (rel) => {
    ;['js', 'json', 'wxml', 'wxss'].forEach((ext) => {
      expect(fs.existsSync(path.join(ROOT, `${rel}.${ext}`))).toBe(true)
    })
    JSON.parse(fs.readFileSync(path.join(ROOT, `${rel}.json`), 'utf8'))
  })

  test.each(pages.concat(components))('%s.wxml compiles and renders its initial data', (rel) => {
    const generate = gwx(`${rel}.wxml`)
    expect(typeof generate).toBe('function')
    const tree = generate({})
    expect(tree).toBeTruthy()
  })

  test('usingComponents point at real components', () => {
    pages.concat(components).forEach((rel) => {
      const json = JSON.parse(fs.readFileSync(path.join(ROOT, `${rel}.json`), 'utf8'))
      Object.values(json.usingComponents || {}).forEach((target) => {
        const file = target.startsWith('/') ? path.join(ROOT, target) : path.join(ROOT, path.dirname(rel), target)
        expect(fs.existsSync(`${file}.js`)).toBe(true)
      })
    })
  })

  test.each(['app'].concat(pages, components))('%s.wxss compiles (wcsc)', (rel) => {
    const out = wxssToJs(ROOT, { wxssList: [`${rel}.wxss`] })
    expect(out.length).toBeGreaterThan(100)
  })
})
