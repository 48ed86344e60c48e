const { decodeScene, parseEntry, tokenFromLink, tokenFrom } = require('../../../miniprogram/utils/scene')

describe('scene decoding', () => {
  test.each([
    ['rHjHduhU5FfIySS9F4iyEQ', { token: 'rHjHduhU5FfIySS9F4iyEQ' }],
    ['Ab3kZ9', { code: 'Ab3kZ9' }],
    ['c%3DAb3kZ9%26r%3DREF01', { code: 'Ab3kZ9', referrer: 'REF01' }],
    ['c%253DAb3kZ9', { code: 'Ab3kZ9' }],
    ['t=rHjHduhU5FfIySS9F4iyEQ', { token: 'rHjHduhU5FfIySS9F4iyEQ' }],
    ['', null],
    ['x'.repeat(33), null],
    ['<script>', null],
    ['a=1&b=2', null],
  ])('decodeScene(%p)', (raw, expected) => {
    expect(decodeScene(raw)).toEqual(expected)
  })

  test('entries: share card token, mini-program code, referral card, pasted link, nothing', () => {
    expect(parseEntry({ t: 'rHjHduhU5FfIySS9F4iyEQ' })).toEqual({ kind: 'invitation', token: 'rHjHduhU5FfIySS9F4iyEQ' })
    expect(parseEntry({ scene: 'rHjHduhU5FfIySS9F4iyEQ' })).toEqual({ kind: 'invitation', token: 'rHjHduhU5FfIySS9F4iyEQ' })
    expect(parseEntry({ scene: encodeURIComponent('c=Ab3kZ9&r=REF01') })).toEqual({ kind: 'scene', scene: 'Ab3kZ9', referrer: 'REF01' })
    expect(parseEntry({ ref: 'REF01' })).toEqual({ kind: 'scene', scene: 'REF01', referrer: 'REF01' })
    expect(parseEntry({ link: encodeURIComponent('https://x.example/i/rHjHduhU5FfIySS9F4iyEQ?from=sms') }))
      .toEqual({ kind: 'invitation', token: 'rHjHduhU5FfIySS9F4iyEQ' })
    expect(parseEntry({})).toEqual({ kind: 'none' })
    expect(parseEntry({ t: 'bad token!' })).toEqual({ kind: 'none' })
  })

  test('tokenFrom: the query, else the interview opened last (notification deep links carry no token)', () => {
    expect(tokenFrom({ t: 'abcdefgh12' })).toBe('abcdefgh12')
    expect(tokenFrom({})).toBe('')
    wx.setStorageSync('mm_recent_interviews', [{ token: 'last-one-123' }, { token: 'older-1234' }])
    expect(tokenFrom({})).toBe('last-one-123')
  })

  test('tokenFromLink', () => {
    expect(tokenFromLink('http://127.0.0.1:5000/i/og-U5jjPKIu50fCJ0usiUQ')).toBe('og-U5jjPKIu50fCJ0usiUQ')
    expect(tokenFromLink('看看这个 http://a.b/i/og-U5jjPKIu50fCJ0usiUQ 谢谢')).toBe('og-U5jjPKIu50fCJ0usiUQ')
    expect(tokenFromLink('hello world')).toBeNull()
  })
})
