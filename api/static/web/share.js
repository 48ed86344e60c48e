// The web share page /s/<code>: shows the interview behind a share code and starts a session of one's own.
(function () {
  "use strict";
  var root = document.getElementById("share");
  var scene = root.getAttribute("data-scene");
  var errorBox = document.getElementById("share-error");
  var MESSAGES = {
    scene_not_found: "这个分享链接无效，请向分享人确认。",
    interview_closed: "这场面试已经结束报名了。",
    name_required: "请填写你的姓名。",
  };

  function showError(code, fallback) {
    errorBox.textContent = MESSAGES[code] || fallback || "网络不太稳定，请稍后再试。";
    errorBox.hidden = false;
  }

  function call(method, path, body) {
    return fetch("/api/scenes/" + encodeURIComponent(scene) + path, {
      method: method,
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw data; }
        return data;
      });
    });
  }

  call("GET", "").then(function (info) {
    document.getElementById("share-loading").hidden = true;
    document.getElementById("share-info").hidden = false;
    document.getElementById("share-company").textContent = info.company;
    document.getElementById("share-job").textContent = info.job.title + (info.job.location ? " · " + info.job.location : "");
    if (info.referrer) {
      var referrer = document.getElementById("share-referrer");
      referrer.textContent = info.referrer.name + " 推荐你参加这场面试";
      referrer.hidden = false;
    }
    if (!info.interview.open) {
      document.getElementById("share-start").disabled = true;
      showError("interview_closed");
    }
  }).catch(function (error) {
    document.getElementById("share-loading").hidden = true;
    showError(error && error.error, error && error.message);
  });

  document.getElementById("share-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var name = document.getElementById("share-name").value.trim();
    if (!name) { showError("name_required"); return; }
    document.getElementById("share-start").disabled = true;
    call("POST", "/join", { name: name }).then(function (joined) {
      window.location.assign("/i/" + encodeURIComponent(joined.token));
    }).catch(function (error) {
      document.getElementById("share-start").disabled = false;
      showError(error && error.error, error && error.message);
    });
  });
})();
