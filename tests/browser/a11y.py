"""Accessibility basics measured in the rendered page: text contrast ≥ 4.5:1 against its real background,
tap targets ≥ 44 px high (buttons, inputs, summaries; a checkbox through the label row that wraps it; a
link that stands alone — one inside a sentence is exempt, as WCAG 2.5.8 allows), no content text under 14 px. Returns the offending elements."""

AUDIT = r"""
function rgb(value) {
  var m = value.match(/rgba?\(([^)]+)\)/); if (!m) return null;
  var p = m[1].split(',').map(function (x) { return parseFloat(x); });
  return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
}
function lum(c) {
  function ch(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
  return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
}
function background(node) {
  var layers = [];
  for (var n = node; n && n.nodeType === 1; n = n.parentElement) {
    var c = rgb(getComputedStyle(n).backgroundColor);
    if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
  }
  var out = { r: 255, g: 255, b: 255 };
  for (var i = layers.length - 1; i >= 0; i -= 1) {
    var l = layers[i];
    out = { r: l.r * l.a + out.r * (1 - l.a), g: l.g * l.a + out.g * (1 - l.a), b: l.b * l.a + out.b * (1 - l.a) };
  }
  return out;
}
function visible(el) {
  var r = el.getBoundingClientRect(), s = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('[hidden]');
}
var problems = [];
document.querySelectorAll('body *').forEach(function (el) {
  if (!visible(el) || ['SCRIPT', 'STYLE', 'AUDIO', 'PROGRESS'].indexOf(el.tagName) >= 0) return;
  var own = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
  var style = getComputedStyle(el);
  if (own && !el.disabled && !el.closest(':disabled')) {
    var size = parseFloat(style.fontSize);
    if (size < 14) problems.push('font ' + size + 'px: ' + el.textContent.trim().slice(0, 30));
    var fg = rgb(style.color), bg = background(el);
    var a = lum(fg) + 0.05, b = lum(bg) + 0.05, ratio = Math.max(a, b) / Math.min(a, b);
    if (ratio < 4.5) problems.push('contrast ' + ratio.toFixed(2) + ': ' + el.textContent.trim().slice(0, 30));
  }
  if ((el.tagName === 'BUTTON' || (el.tagName === 'INPUT' && el.type !== 'checkbox') || el.tagName === 'SUMMARY')
      && !el.disabled && el.getBoundingClientRect().height < 44) {
    problems.push('tap target ' + Math.round(el.getBoundingClientRect().height) + 'px: ' + (el.textContent || el.id).trim().slice(0, 30));
  }
  if (el.tagName === 'INPUT' && el.type === 'checkbox' && !el.disabled) {
    var target = (el.closest('label') || el).getBoundingClientRect();
    if (target.height < 44 || target.width < 44) {
      problems.push('checkbox tap target ' + Math.round(target.width) + '×' + Math.round(target.height) + 'px: ' + el.id);
    }
  }
  if (el.tagName === 'A' && el.hasAttribute('href')) {
    var sentence = el.parentElement && el.parentElement.textContent.trim().length > el.textContent.trim().length;
    if (!sentence && el.getBoundingClientRect().height < 44) {
      problems.push('link tap target ' + Math.round(el.getBoundingClientRect().height) + 'px: ' + el.textContent.trim().slice(0, 30));
    }
  }
});
return problems;
"""


def audit(driver) -> list[str]:
    return driver.execute_script(AUDIT)
