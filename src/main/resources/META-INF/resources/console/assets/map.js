// 索骥图: draws the open cases over the district's communities and grids with ECharts. Everything it
// draws comes with the page (data-areas: GeoJSON of the dispatch areas; #map-data's data-points: the
// cases); no tiles or scripts from outside. A point opens its case; the same points are listed under
// the map. When cases change the page fetches its lower part again (htmx, on the "cases" signal, with
// the same filters) while the chart stays: it takes the new points, keeping its zoom and position.
(function () {
  "use strict";

  var COLORS = { open: "#1d4ed8", late: "#b91c1c", hot: "#f97316" };

  function esc(s) { return window.echarts.format.encodeHTML(s == null ? "" : String(s)); }

  function item(p) {
    return { name: p.number, value: [p.longitude, p.latitude], point: p,
             itemStyle: p.hotspot && p.overdue ? { color: COLORS.late } : undefined };
  }

  function seriesOf(points) {
    return [
      { name: "未办结", type: "scatter", coordinateSystem: "geo", symbol: "circle", symbolSize: 9,
        itemStyle: { color: COLORS.open }, data: points.filter(function (p) { return !p.overdue && !p.hotspot; }).map(item) },
      { name: "超时", type: "scatter", coordinateSystem: "geo", symbol: "diamond", symbolSize: 13, z: 3,
        itemStyle: { color: COLORS.late }, data: points.filter(function (p) { return p.overdue && !p.hotspot; }).map(item) },
      { name: "热点", type: "effectScatter", coordinateSystem: "geo", symbolSize: 12, z: 4,
        rippleEffect: { scale: 3, brushType: "stroke" }, itemStyle: { color: COLORS.hot },
        data: points.filter(function (p) { return p.hotspot; }).map(item) }
    ];
  }

  function draw() {
    var el = document.getElementById("case-map"), data = document.getElementById("map-data");
    if (!el || !data || !window.echarts || el.dataset.started) return;
    el.dataset.started = "true";
    el.dataset.shown = data.dataset.points;
    var areas = JSON.parse(el.dataset.areas), points = JSON.parse(data.dataset.points);
    window.echarts.registerMap("minhu-district", areas);
    var chart = window.echarts.init(el);
    var series = seriesOf(points);
    chart.on("click", function (e) {
      if (e.data && e.data.point) window.location.href = e.data.point.url;
    });
    // "finished" never comes while the hot spots ripple: the first frame drawn is what a test waits for
    chart.on("rendered", function () { if (!el.dataset.drawn) el.dataset.drawn = "true"; });
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: "item",
        formatter: function (e) {
          if (e.data && e.data.point) {
            var p = e.data.point, marks = (p.overdue ? " · 超时" : "") + (p.hotspot ? " · 热点" : "");
            return "<b>" + esc(p.number) + "</b>" + esc(marks) + "<br>" + esc(p.categoryName) + " · " + esc(p.stateName)
              + "<br>" + esc(p.unit) + (p.grid ? "<br>" + esc(p.grid) : "") + "<br>点击打开诉求";
          }
          return esc(e.name);
        }
      },
      legend: { data: ["未办结", "超时", "热点"], left: 8, top: 8 },
      geo: {
        map: "minhu-district", roam: true, aspectScale: Math.cos(22.6 * Math.PI / 180),
        label: { show: true, color: "#667085", fontSize: 11 },
        itemStyle: { areaColor: "rgba(29,78,216,0.06)", borderColor: "rgba(29,78,216,0.5)" },
        emphasis: { label: { color: "#1d2433" }, itemStyle: { areaColor: "rgba(29,78,216,0.14)" } },
        tooltip: { formatter: function (e) {
          var f = (areas.features || []).filter(function (x) { return x.properties.name === e.name; })[0];
          return esc(e.name) + (f ? "<br>" + esc(f.properties.grid) : "");
        } }
      },
      series: series
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  // the area whose outline holds the point (even-odd over every ring: the holes count too)
  function regionAt(areas, x, y) {
    function inRing(ring) {
      var inside = false;
      for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        var a = ring[i], b = ring[j];
        if ((a[1] > y) !== (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]) inside = !inside;
      }
      return inside;
    }
    return (areas.features || []).filter(function (f) {
      var polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      return polygons.some(function (rings) { return rings.filter(inRing).length % 2 === 1; });
    })[0] || null;
  }

  // the intake form: a click on the same map picks the place (fills latitude and longitude)
  function picker() {
    var el = document.getElementById("place-map");
    if (!el || !window.echarts || el.dataset.started) return;
    el.dataset.started = "true";
    var form = el.closest("form"), lat = form.querySelector("[name=latitude]"), lon = form.querySelector("[name=longitude]");
    var said = document.getElementById("place-picked");
    var areas = JSON.parse(el.dataset.areas);
    window.echarts.registerMap("minhu-district", areas);
    var chart = window.echarts.init(el);
    function mark() {
      chart.setOption({ series: [{ type: "scatter", coordinateSystem: "geo", symbolSize: 14, itemStyle: { color: "#c8102e" },
        data: lat.value && lon.value ? [[Number(lon.value), Number(lat.value)]] : [] }] });
    }
    chart.on("rendered", function () { if (!el.dataset.drawn) el.dataset.drawn = "true"; });
    chart.setOption({
      animation: false,
      geo: { map: "minhu-district", roam: true, aspectScale: Math.cos(22.6 * Math.PI / 180), triggerEvent: true,
        label: { show: true, color: "#667085", fontSize: 11 },
        itemStyle: { areaColor: "rgba(29,78,216,0.06)", borderColor: "rgba(29,78,216,0.5)" },
        emphasis: { label: { color: "#1d2433" }, itemStyle: { areaColor: "rgba(29,78,216,0.14)" } } },
      series: []
    });
    mark();
    chart.getZr().on("click", function (e) {
      var at = chart.convertFromPixel("geo", [e.offsetX, e.offsetY]);
      if (!at) return;
      lon.value = at[0].toFixed(6);
      lat.value = at[1].toFixed(6);
      var f = regionAt(areas, at[0], at[1]);
      said.textContent = "已在图上选定：" + lat.value + ", " + lon.value
        + (f ? "（" + f.properties.community + " · " + f.properties.grid + "）" : "（不在已划定的网格内）");
      mark();
    });
  }

  // the lower part came again (the cases changed): the chart that stayed takes its points
  function update() {
    var el = document.getElementById("case-map"), data = document.getElementById("map-data");
    var chart = el && data && window.echarts && window.echarts.getInstanceByDom(el);
    if (!chart || el.dataset.shown === data.dataset.points) return;
    el.dataset.shown = data.dataset.points;
    chart.setOption({ series: seriesOf(JSON.parse(data.dataset.points)) });
    el.setAttribute("aria-label", data.dataset.label);
  }

  function ready() { draw(); update(); picker(); }
  document.addEventListener("DOMContentLoaded", ready);
  document.addEventListener("htmx:load", ready);
  // a filter takes effect as it is chosen
  document.addEventListener("change", function (e) {
    var form = e.target.closest && e.target.closest("#map-filters");
    if (form) form.submit();
  });
})();
