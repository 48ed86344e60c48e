/**
 * Radar chart of competency scores on a 2D canvas.
 * labels: ["沟通能力", …]; series: [{name, values: [0..max], color?}] (2–4 series to compare).
 */
const { layout, PALETTE } = require('../../utils/radar')

Component({
  properties: {
    labels: { type: Array, value: [] },
    series: { type: Array, value: [] },
    max: { type: Number, value: 10 },
    height: { type: Number, value: 300 },
  },

  data: {
    legend: [],
  },

  observers: {
    'labels, series, max': function () {
      this.setData({
        legend: this.data.series.map((s, i) => ({ name: s.name, color: s.color || PALETTE[i % PALETTE.length] })),
      })
      this.redraw()
    },
  },

  lifetimes: {
    ready() {
      this.redraw()
    },
  },

  methods: {
    redraw() {
      if (!this.data.labels.length) return
      const query = wx.createSelectorQuery().in(this)
      query.select('#radar').fields({ node: true, size: true }).exec((res) => {
        const found = res && res[0]
        if (!found || !found.node) return
        const canvas = found.node
        const dpr = (wx.getWindowInfo ? wx.getWindowInfo() : wx.getSystemInfoSync()).pixelRatio || 2
        canvas.width = found.width * dpr
        canvas.height = found.height * dpr
        const ctx = canvas.getContext('2d')
        ctx.scale(dpr, dpr)
        this.draw(ctx, found.width, found.height)
      })
    },

    /** Draw on any 2D context (the canvas node's, or a recording one in tests). Returns the layout. */
    draw(ctx, width, height) {
      const { labels, series, max } = this.data
      const shape = layout({ labels, series, max, width, height })
      ctx.clearRect(0, 0, width, height)
      ctx.lineWidth = 1
      ctx.strokeStyle = '#e5e6eb'
      shape.grid.forEach((ring) => {
        ctx.beginPath()
        ring.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)))
        ctx.closePath()
        ctx.stroke()
      })
      ctx.fillStyle = '#4e5969'
      ctx.font = '14px sans-serif'
      ctx.textBaseline = 'middle'
      shape.axes.forEach((axis) => {
        ctx.beginPath()
        ctx.moveTo(shape.cx, shape.cy)
        ctx.lineTo(axis.end.x, axis.end.y)
        ctx.stroke()
        ctx.textAlign = axis.align
        ctx.fillText(axis.label, axis.anchor.x, axis.anchor.y)
      })
      shape.shapes.forEach((s, i) => {
        const color = s.color || PALETTE[i % PALETTE.length]
        ctx.beginPath()
        s.points.forEach((p, k) => (k ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)))
        ctx.closePath()
        ctx.globalAlpha = 0.2
        ctx.fillStyle = color
        ctx.fill()
        ctx.globalAlpha = 1
        ctx.strokeStyle = color
        ctx.lineWidth = 2
        ctx.stroke()
        ctx.lineWidth = 1
        ctx.strokeStyle = '#e5e6eb'
      })
      return shape
    },
  },
})
