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
    phone_invalid: "手机号格式不对，请填写 11 位手机号。",
  };
  var inWeChat = /MicroMessenger/i.test(navigator.userAgent);

  // One random id per browser (localStorage and a cookie), so joining again returns the same interview.
  function browserId() {
    var id = null;
    try { id = window.localStorage.getItem("miaomian-browser"); } catch (e) { id = null; }
    if (!id) {
      var match = document.cookie.match(/(?:^|; )mm_bid=([A-Za-z0-9_-]{8,64})/);
      id = match ? match[1] : null;
    }
    if (!id) {
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      id = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    }
    try { window.localStorage.setItem("miaomian-browser", id); } catch (e) { /* private mode: cookie only */ }
    document.cookie = "mm_bid=" + id + "; path=/; max-age=31536000; SameSite=Lax";
    return id;
  }

  function showError(code, fallback) {
    errorBox.textContent = fallback || MESSAGES[code] || "网络不太稳定，请稍后再试。";
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
    if (inWeChat && info.interview.open) {
      document.getElementById("share-code").src = "/api/scenes/" + encodeURIComponent(scene) + "/code.png";
      document.getElementById("share-weapp").hidden = false;
      document.getElementById("share-browser-note").hidden = true;
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
    var phone = document.getElementById("share-phone").value.replace(/[\s-]/g, "");
    if (!name) { showError("name_required"); return; }
    if (phone && !/^\+?[0-9]{6,15}$/.test(phone)) { showError("phone_invalid"); return; }
    document.getElementById("share-start").disabled = true;
    var body = { name: name, browser_id: browserId() };
    if (phone) { body.phone = phone; }
    call("POST", "/join", body).then(function (joined) {
      window.location.assign("/i/" + encodeURIComponent(joined.token));
    }).catch(function (error) {
      document.getElementById("share-start").disabled = false;
      showError(error && error.error, error && error.message);
    });
  });
})();
