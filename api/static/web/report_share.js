// The read-only report page /r/<token>: reads /api/r/<token> and shows scores with reasons and transcripts.
(function () {
  "use strict";
  var root = document.getElementById("shared");
  var token = root.getAttribute("data-token");

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function fail(message) {
    document.getElementById("shared-loading").hidden = true;
    var box = document.getElementById("shared-error");
    box.textContent = message || "网络不太稳定，请稍后刷新。";
    box.hidden = false;
  }

  if (!token) { fail("这个链接不完整，请向分享人确认。"); return; }
  fetch("/api/r/" + encodeURIComponent(token)).then(function (response) {
    return response.json().then(function (data) {
      if (!response.ok) { throw data; }
      return data;
    });
  }).then(function (report) {
    document.getElementById("shared-loading").hidden = true;
    document.getElementById("shared-head").hidden = false;
    document.getElementById("shared-company").textContent = report.company + " · " + report.job;
    document.getElementById("shared-name").textContent = report.name;
    document.getElementById("shared-overall").textContent = report.overall === null
      ? "总分：需要人工复核" : "总分 " + Math.round(report.overall) + " / 100（通过线 " + Math.round(report.pass_threshold) + "）";
    document.getElementById("shared-expiry").textContent = "此链接 " + report.expires_at_display + " 失效";
    var list = document.getElementById("shared-questions");
    report.questions.forEach(function (question) {
      var card = el("section", "card");
      card.appendChild(el("h2", "subtitle", "第 " + question.position + " 题：" + question.text));
      if (question.unanswered) {
        card.appendChild(el("p", "notice unanswered", question.unanswered.status_text + "：" + question.unanswered.reason));
      }
      if (question.reason) { card.appendChild(el("p", "notice", question.reason)); }
      if (question.incomplete_recording) {
        card.appendChild(el("p", "notice incomplete", question.incomplete_recording.text));
      }
      question.competencies.forEach(function (item) {
        var row = el("div", "competency");
        row.appendChild(el("p", "competency__name", item.name + "：" + (item.score === null ? "—" : Math.round(item.score) + " 分")));
        (item.reasons || []).forEach(function (reason) { row.appendChild(el("p", "muted", reason)); });
        card.appendChild(row);
      });
      if (question.transcript) {
        card.appendChild(el("p", "muted", "回答原文："));
        card.appendChild(el("p", "transcript", question.transcript));
      }
      list.appendChild(card);
    });
  }).catch(function (error) {
    fail(error && error.message);
  });
})();
