/** Geometry for the radar chart (pure, so it can be tested without a canvas). */

/** Angle of axis i of n, starting at 12 o'clock, clockwise. */
function axisAngle(i, n) {
  return -Math.PI / 2 + (2 * Math.PI * i) / n
}

function point(cx, cy, r, angle) {
  return { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) }
}

/** Polygon points for values on a 0..max scale. */
function polygon(values, max, cx, cy, radius) {
  const n = values.length
  return values.map((v, i) => {
    const ratio = Math.max(0, Math.min(1, (Number(v) || 0) / (max || 10)))
    return point(cx, cy, radius * ratio, axisAngle(i, n))
  })
}

/** Everything needed to draw: grid rings, axes with label anchors, one polygon per series. */
function layout({ labels, series, max = 10, width, height, rings = 4 }) {
  const n = labels.length
  const cx = width / 2
  const cy = height / 2
  const radius = Math.max(10, Math.min(width, height) / 2 - 36)
  const grid = []
  for (let k = 1; k <= rings; k += 1) {
    grid.push(labels.map((_, i) => point(cx, cy, (radius * k) / rings, axisAngle(i, n))))
  }
  const axes = labels.map((label, i) => {
    const angle = axisAngle(i, n)
    const end = point(cx, cy, radius, angle)
    const anchor = point(cx, cy, radius + 18, angle)
    const cos = Math.cos(angle)
    const align = Math.abs(cos) < 0.2 ? 'center' : cos > 0 ? 'left' : 'right'
    return { label, end, anchor, align }
  })
  const shapes = (series || []).map((s) => ({
    name: s.name,
    color: s.color,
    points: polygon(s.values, max, cx, cy, radius),
  }))
  return { cx, cy, radius, grid, axes, shapes }
}

const PALETTE = ['#07c160', '#1989fa', '#ff976a', '#ee0a24']

module.exports = { axisAngle, polygon, layout, PALETTE }
