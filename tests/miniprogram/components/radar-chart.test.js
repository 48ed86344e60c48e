const { renderComponent } = require('../helpers')

function recordingContext() {
  const ops = []
  const ctx = {}
  ;['clearRect', 'beginPath', 'moveTo', 'lineTo', 'closePath', 'stroke', 'fill', 'fillText', 'scale'].forEach((name) => {
    ctx[name] = (...args) => ops.push([name, ...args])
  })
  return { ctx, ops }
}

describe('radar-chart component', () => {
  test('draws grid rings, labelled axes and one polygon per series, with a legend when comparing', () => {
    const comp = renderComponent('components/radar-chart/radar-chart', {
      labels: ['沟通能力', '服务意识', '应变能力', '团队协作', '稳定性'],
      series: [
        { name: '张三', values: [80, 70, 60, 90, 50] },
        { name: '李四', values: [60, 90, 70, 50, 80] },
      ],
    })
    expect(comp.querySelectorAll('.radar__item')).toHaveLength(2)
    expect(comp.querySelector('.radar__item').dom.textContent).toContain('张三')

    const { ctx, ops } = recordingContext()
    const shape = comp.instance.draw(ctx, 300, 300)
    const texts = ops.filter((o) => o[0] === 'fillText').map((o) => o[1])
    expect(texts).toEqual(['沟通能力', '服务意识', '应变能力', '团队协作', '稳定性'])
    expect(ops.filter((o) => o[0] === 'fill')).toHaveLength(2)
    // 4 rings + 5 axes + 2 series
    expect(ops.filter((o) => o[0] === 'stroke')).toHaveLength(4 + 5 + 2)
    // 张三's 稳定性 (50/100, the default max) sits halfway along its axis
    const p = shape.shapes[0].points[4]
    const end = shape.axes[4].end
    expect(Math.hypot(p.x - shape.cx, p.y - shape.cy)).toBeCloseTo(Math.hypot(end.x - shape.cx, end.y - shape.cy) / 2)
  })

  test('a single series has no legend', () => {
    const comp = renderComponent('components/radar-chart/radar-chart', {
      labels: ['a', 'b', 'c'],
      series: [{ name: 'x', values: [1, 2, 3] }],
    })
    expect(comp.querySelector('.radar__legend')).toBeFalsy()
  })
})
