/**
 * HR actions that would strand a candidate mid-interview (re-send a link, close an interview): the server
 * answers 409 candidate_mid_interview / candidates_mid_interview with how many are answering and a Chinese
 * message; ask HR with that message and, only when HR confirms, repeat the call with confirm: true.
 * Resolves to the action's result, or null when HR chose not to go ahead.
 */
const MID_INTERVIEW = ['candidate_mid_interview', 'candidates_mid_interview']

function confirmModal(title, content, confirmText) {
  return new Promise((resolve) => {
    wx.showModal({ title, content, confirmText, cancelText: '先不', success: (res) => resolve(!!res.confirm),
      fail: () => resolve(false) })
  })
}

async function withMidInterviewConfirm(call, confirmText) {
  try {
    return await call(false)
  } catch (err) {
    if (!err || MID_INTERVIEW.indexOf(err.code) < 0) throw err
    const count = err.data && err.data.in_progress
    const title = count > 1 ? `${count} 位候选人正在作答` : '候选人正在作答'
    if (!(await confirmModal(title, err.message, confirmText))) return null
    return call(true)
  }
}

module.exports = { withMidInterviewConfirm, MID_INTERVIEW }
