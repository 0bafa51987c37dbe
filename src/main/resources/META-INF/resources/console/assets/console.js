// Minhu console: countdowns that keep running, canned replies into the reply form, and charts.
(function () {
  "use strict";

  function span(ms) {
    var minutes = Math.max(Math.floor(ms / 60000), 0);
    var days = Math.floor(minutes / 1440), hours = Math.floor(minutes / 60) % 24, mins = minutes % 60;
    if (days > 0) return days + "天" + hours + "小时";
    if (hours > 0) return hours + "小时" + mins + "分";
    return mins + "分";
  }

  function tick() {
    var now = Date.now();
    document.querySelectorAll(".countdown[data-open=true]").forEach(function (el) {
      if (el.classList.contains("u-none")) return;
      var left = Number(el.dataset.due) - now;
      el.textContent = left < 0 ? "超时 " + span(-left) : "剩 " + span(left);
      if (left < 0) { el.classList.remove("u-ok", "u-soon"); el.classList.add("u-late"); }
    });
  }
  setInterval(tick, 30000);

  // a canned reply fills the reply form; staff can still edit it before sending
  document.addEventListener("click", function (e) {
    var b = e.target.closest("button[data-canned-text]");
    if (!b) return;
    e.preventDefault();
    var form = b.closest("form");
    form.querySelector("[name=text]").value = b.dataset.cannedText;
    form.querySelector("[name=chips]").value = b.dataset.cannedChips || "";
  });

  // keep the newest message in view: a conversation opens at its end and follows new messages, unless
  // the reader has scrolled up to read (it follows again once they are back at the end)
  var pinned = {};
  document.addEventListener("scroll", function (e) {
    var c = e.target;
    if (c.classList && c.classList.contains("chat") && c.id) {
      pinned[c.id] = c.scrollHeight - c.scrollTop - c.clientHeight < 40;
    }
  }, true);
  function toEnd(c) { if (pinned[c.id] !== false) c.scrollTop = c.scrollHeight; }
  function scrollChats(root) {
    root = root || document;
    var chats = Array.prototype.slice.call(root.querySelectorAll(".chat"));
    if (root.matches && root.matches(".chat")) chats.push(root);
    chats.forEach(function (c) {
      toEnd(c);
      // photos arrive after the text: keep the end in view as they take their height
      c.querySelectorAll("img").forEach(function (img) {
        if (!img.complete) img.addEventListener("load", function () { toEnd(c); }, { once: true });
      });
    });
  }

  // charts: each element carries its ECharts option as JSON in data-chart
  function charts(root) {
    if (!window.echarts) return;
    (root || document).querySelectorAll("[data-chart]").forEach(function (el) {
      if (el.dataset.drawn) return;
      el.dataset.drawn = "1";
      window.echarts.init(el).setOption(JSON.parse(el.dataset.chart));
    });
  }

  // The inbox's rows are fetched again whenever a case changes anywhere (sse:cases) and when the stream
  // opens: the cases a member of staff has ticked for a bulk action stay ticked across the swap.
  var TICKS = 'input[name="case"][form="bulk"]';
  var ticked = [];
  document.addEventListener("htmx:beforeSwap", function () {
    ticked = Array.prototype.map.call(document.querySelectorAll(TICKS + ":checked"), function (box) { return box.value; });
  });
  function keepTicks(root) {
    (root || document).querySelectorAll(TICKS).forEach(function (box) {
      if (ticked.indexOf(box.value) >= 0) box.checked = true;
    });
  }

  function ready(root) { tick(); scrollChats(root); charts(root); keepTicks(root); }
  document.addEventListener("DOMContentLoaded", function () { ready(document); });
  document.addEventListener("htmx:load", function (e) { ready(e.target); });
})();
