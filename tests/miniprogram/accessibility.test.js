/**
 * Accessibility basics from WeChat's design guidance (and WCAG 2.1 AA) over every mini-program style and
 * template: text contrast ≥ 4.5:1 against its background, no text under 14 px (28 rpx), tap targets ≥ 44 px
 * (88 rpx; no `size="mini"` buttons, no tappable class declared smaller), and every text a person reads in
 * Chinese (no English sentence in a template).
 */
const fs = require('fs')
const path = require('path')
const { ROOT } = require('./helpers')

function walk(dir, ext, out = []) {
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name)
    if (fs.statSync(p).isDirectory()) walk(p, ext, out)
    else if (p.endsWith(ext)) out.push(p)
  }
  return out
}

const rel = (p) => path.relative(ROOT, p)
const wxss = walk(ROOT, '.wxss')
const wxml = walk(ROOT, '.wxml')

/** Variables declared on `page` in app.wxss. */
const VARS = {}
fs.readFileSync(path.join(ROOT, 'app.wxss'), 'utf8').replace(/(--[\w-]+)\s*:\s*([^;]+);/g, (m, k, v) => { VARS[k] = v.trim() })

/** [{file, selector, decl: {prop: value}}] with comments, @keyframes and !important removed, var() resolved. */
function rules(file) {
  const css = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/@keyframes[^{]+\{(?:[^{}]*\{[^}]*\})*\s*\}/g, '')
  const out = []
  css.replace(/([^{}]+)\{([^{}]*)\}/g, (m, selector, body) => {
    const decl = {}
    body.split(';').forEach((d) => {
      const i = d.indexOf(':')
      if (i < 0) return
      const prop = d.slice(0, i).trim()
      const value = d.slice(i + 1).replace('!important', '').trim().replace(/var\((--[\w-]+)\)/g, (x, k) => VARS[k] || x)
      decl[prop] = value
    })
    out.push({ file: rel(file), selector: selector.trim(), decl })
  })
  return out
}
const ALL = wxss.flatMap(rules)

function rgb(hex) {
  let h = hex.replace('#', '')
  if (h.length === 3) h = h.split('').map((c) => c + c).join('')
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255)
}
function luminance(hex) {
  const [r, g, b] = rgb(hex).map((c) => (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m)
  return (x + 0.05) / (y + 0.05)
}
const hexOf = (v) => {
  const m = /#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b/.exec(v || '')
  return m ? m[0] : (v === 'white' || v === '#fff' ? '#ffffff' : null)
}

describe('accessibility basics', () => {
  test('the contrast formula matches WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 1)
    expect(contrast('#07c160', '#ffffff')).toBeLessThan(4.5) // the old brand green as a button: fails
  })

  test('every text colour has ≥ 4.5:1 contrast with its own background, or with white cards and the grey page', () => {
    const failures = []
    ALL.forEach((r) => {
      const fg = hexOf(r.decl.color)
      if (!fg || r.selector.startsWith('page')) return
      const bgs = hexOf(r.decl.background || r.decl['background-color'])
        ? [hexOf(r.decl.background || r.decl['background-color'])]
        : ['#ffffff', '#f5f6f7']
      bgs.forEach((bg) => {
        const c = contrast(fg, bg)
        if (c < 4.5) failures.push(`${r.file} ${r.selector}: ${fg} on ${bg} = ${c.toFixed(2)}:1`)
      })
    })
    expect(failures).toEqual([])
  })

  test('no text under 28 rpx (14 px)', () => {
    const small = ALL.filter((r) => /^(\d+(\.\d+)?)rpx$/.test(r.decl['font-size'] || '') && parseFloat(r.decl['font-size']) < 28)
      .map((r) => `${r.file} ${r.selector}: ${r.decl['font-size']}`)
    const px = ALL.filter((r) => /^(\d+(\.\d+)?)px$/.test(r.decl['font-size'] || '') && parseFloat(r.decl['font-size']) < 14)
      .map((r) => `${r.file} ${r.selector}: ${r.decl['font-size']}`)
    expect(small.concat(px)).toEqual([])
  })

  test('tap targets: no mini buttons, and no tappable class declared under 88 rpx', () => {
    const mini = wxml.filter((f) => /size="mini"/.test(fs.readFileSync(f, 'utf8'))).map(rel)
    expect(mini).toEqual([])
    const tooSmall = []
    wxml.forEach((f) => {
      const src = fs.readFileSync(f, 'utf8')
      const own = rules(f.replace(/\.wxml$/, '.wxss')).concat(rules(path.join(ROOT, 'app.wxss')))
      src.replace(/<(\w[\w-]*)([^>]*?(?:bindtap|catchtap)=[^>]*)>/g, (m, tag, attrs) => {
        const cls = (/class="([^"]*)"/.exec(attrs) || [])[1] || ''
        cls.split(/\s+/).filter((c) => c && !c.includes('{')).forEach((c) => {
          own.filter((r) => r.selector.split(',').some((s) => s.trim() === `.${c}`)).forEach((r) => {
            ;['height', 'min-height'].forEach((prop) => {
              const v = r.decl[prop]
              if (v && /rpx$/.test(v) && parseFloat(v) < 88 && !(prop === 'height' && parseFloat(r.decl['min-height']) >= 88)) {
                tooSmall.push(`${rel(f)} <${tag} class="${c}"> ${prop}: ${v}`)
              }
            })
          })
        })
      })
    })
    expect(tooSmall).toEqual([])
  })

  test('templates hold no English sentence a person would read', () => {
    const english = []
    wxml.forEach((f) => {
      const text = fs.readFileSync(f, 'utf8')
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/\{\{[\s\S]*?\}\}/g, ' ')
        .replace(/<[^>]*>/g, '\n')
      text.split('\n').map((t) => t.trim()).filter(Boolean).forEach((t) => {
        if (/[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(t) && !/[\u4e00-\u9fff]/.test(t)) english.push(`${rel(f)}: ${t}`)
      })
    })
    expect(english).toEqual([])
  })
})
