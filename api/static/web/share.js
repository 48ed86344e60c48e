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

  // The browser id the server issued at the first join (signed; also an HttpOnly cookie), kept so that
  // joining again from this browser returns the same interview. The page never makes one up.
  function storedBrowserId() {
    try { return window.localStorage.getItem("miaomian-browser"); } catch (e) { return null; }
  }

  function keepBrowserId(id) {
    if (!id) { return; }
    try { window.localStorage.setItem("miaomian-browser", id); } catch (e) { /* private mode: cookie only */ }
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
      if (info.code_kind !== "miniprogram") {  // development: a plain QR code of this page, not a mini-program code
        document.getElementById("share-code").alt = "二维码：长按识别";
        document.getElementById("share-code-hint").textContent = "长按识别二维码，打开这个面试页面。";
      }
      document.getElementById("share-weapp").hidden = false;
      document.getElementById("share-browser-note").hidden = true;
      offerOpenTag();
    }
    if (!info.interview.open) {
      document.getElementById("share-start").disabled = true;
      showError("interview_closed");
    }
  }).catch(function (error) {
    document.getElementById("share-loading").hidden = true;
    showError(error && error.error, error && error.message);
  });

  // Inside WeChat with a 服务号 configured (the page then names the JS-SDK in data-jssdk): a real
  // "打开小程序" button, the open tag wx-open-launch-weapp, once wx.config succeeds. Until then, and whenever
  // anything fails (no ticket, an invalid signature, an old WeChat), the long-press mini-program code stays.
  function offerOpenTag() {
    var script = root.getAttribute("data-jssdk");
    if (!script) { return; }
    var url = window.location.href.split("#")[0];
    fetch("/api/wechat/jssdk?url=" + encodeURIComponent(url)).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (config) {
      if (!config) { return; }
      var tag = document.createElement("script");
      tag.src = script;
      tag.onload = function () { configure(config); };
      document.head.appendChild(tag);
    }).catch(function () { /* the mini-program code stays */ });
  }

  function configure(config) {
    var wx = window.wx;
    if (!wx || !wx.config) { return; }
    wx.config({ debug: false, appId: config.appId, timestamp: config.timestamp, nonceStr: config.nonceStr,
                signature: config.signature, jsApiList: config.jsApiList, openTagList: config.openTagList });
    wx.ready(function () { showOpenTag(config.username); });
    wx.error(function () { showCode(); });
  }

  function showOpenTag(username) {
    var box = document.getElementById("share-launch");
    var launch = document.createElement("wx-open-launch-weapp");
    launch.id = "share-launch-tag";
    launch.setAttribute("username", username);
    launch.setAttribute("path", "pages/index/index.html?scene=" + encodeURIComponent("c=" + scene));
    var template = document.createElement("script");
    template.type = "text/wxtag-template";
    template.text = "<style>.open{display:block;width:260px;height:48px;margin:0 auto;border:0;border-radius:8px;" +
      "background:#07c160;color:#fff;font-size:17px;font-weight:600}</style>" +
      "<button class=\"open\">打开小程序</button>";
    launch.appendChild(template);
    launch.addEventListener("error", showCode);  // the tag could not open the mini-program
    box.innerHTML = "";
    box.appendChild(launch);
    box.hidden = false;
    document.getElementById("share-launch-hint").hidden = false;
    document.getElementById("share-code-box").hidden = true;
  }

  function showCode() {
    document.getElementById("share-launch").hidden = true;
    document.getElementById("share-launch-hint").hidden = true;
    document.getElementById("share-code-box").hidden = false;
  }

  document.getElementById("share-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var name = document.getElementById("share-name").value.trim();
    var phone = document.getElementById("share-phone").value.replace(/[\s\-()]/g, "");
    if (!name) { showError("name_required"); return; }
    if (phone && !/^(\+?86|0086)?1[3-9][0-9]{9}$/.test(phone)) { showError("phone_invalid"); return; }
    document.getElementById("share-start").disabled = true;
    var body = { name: name };
    var browserId = storedBrowserId();
    if (browserId) { body.browser_id = browserId; }
    if (phone) { body.phone = phone; }
    call("POST", "/join", body).then(function (joined) {
      keepBrowserId(joined.browser_id);
      window.location.assign("/i/" + encodeURIComponent(joined.token));
    }).catch(function (error) {
      document.getElementById("share-start").disabled = false;
      showError(error && error.error, error && error.message);
    });
  });
})();
