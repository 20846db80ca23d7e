// kharkivmap: markers, popups, legend and date readout of a rendered map.
//
// Every piece of article text reaches the page through textContent on nodes made with
// createElement: nothing from a source is ever parsed as HTML. The shared tables (places,
// articles, claims, reports, strings) live once in a JSON block; features refer to them by index.
(function () {
  "use strict";
  var DAY = 86400000;
  var COLORS = { UA: "#1f5fbf", RU: "#c62828", contested: "#f0a202", disputed: "#f0a202" };
  var STROKES = { UA: "#123a75", RU: "#7f1414", contested: "#8a5a00", disputed: "#4a2f00" };
  var LABELS = { UA: "Ukraine", RU: "Russia", contested: "Contested", disputed: "Disputed" };
  // Radius by kind of place: c(ity), t(own), else village. Kinds (one letter per place) and
  // whether to label places sit in their own small block, so drawing markers never parses the
  // big source tables.
  var RADIUS = { c: 8, t: 6, v: 4.5 };
  var style = null;
  var MAX_LISTED = 8;
  var tables = null;

  function data() {
    if (tables === null) {
      tables = JSON.parse(document.getElementById("kharkivmap-data").textContent);
    }
    return tables;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function day(n) {
    return new Date(n * DAY).toISOString().slice(0, 10);
  }

  // The slider's label: the UTC calendar day, so every time zone reads the same date.
  function formatDay(ms) {
    var t = Number(ms);
    return isFinite(t) ? new Date(t).toISOString().slice(0, 10) : "";
  }

  function interval(feature) {
    var p = feature.properties;
    return { start: p.s * DAY, end: p.e === null ? Infinity : p.e * DAY, endExclusive: true };
  }

  function place(index) {
    var row = data().places[index];
    return { name: row[0], uk: row[1] };
  }

  function markerStyle() {
    if (style === null) {
      style = JSON.parse(document.getElementById("kharkivmap-style").textContent);
    }
    return style;
  }

  function radius(index) {
    return RADIUS[markerStyle().kinds.charAt(index)] || RADIUS.v;
  }

  function marker(feature, latlng) {
    var p = feature.properties;
    var confirmed = p.k === 1;
    return L.circleMarker(latlng, {
      radius: radius(p.p),
      color: STROKES[p.c],
      weight: p.c === "disputed" ? 2.5 : 1.5,
      dashArray: confirmed ? null : "3 3",
      fillColor: COLORS[p.c],
      fillOpacity: confirmed ? 0.85 : 0.25,
    });
  }

  function ring(feature, latlng) {
    var p = feature.properties;
    var last = p.ch[p.ch.length - 1];
    return L.circleMarker(latlng, {
      radius: radius(p.p) + 6,
      color: COLORS[last[2]],
      weight: 3,
      fill: false,
    });
  }

  function lineStyle() {
    return { color: "#222", weight: 3, opacity: 0.8, dashArray: "10 6" };
  }

  function safeHref(raw) {
    if (typeof raw !== "string" || raw === "") return null;
    try {
      var url = new URL(raw);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function sentence(claim) {
    var text = data().strings[claim[6]] || "";
    var quote = el("blockquote", "km-quote");
    var at = claim[7];
    var length = claim[8];
    if (at >= 0 && length > 0) {
      quote.appendChild(document.createTextNode(text.slice(0, at)));
      quote.appendChild(el("mark", null, text.slice(at, at + length)));
      quote.appendChild(document.createTextNode(text.slice(at + length)));
    } else {
      quote.textContent = text;
    }
    return quote;
  }

  function source(claim) {
    var t = data();
    var article = t.articles[claim[0]];
    var line = el("div", "km-source");
    var claimant = claim[5] >= 0 ? t.strings[claim[5]] : null;
    var who = claimant ? "Claimed by " + claimant : "Stated by the outlet";
    line.appendChild(el("span", "km-who", who + (claim[4] ? " (hedged)" : " (asserted)")));
    line.appendChild(document.createTextNode(" · "));
    var title = t.strings[article[1]] || article[0];
    var href = safeHref(t.strings[article[2]]);
    var link;
    if (href) {
      link = el("a", "km-title", title);
      link.href = href;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
    } else {
      link = el("span", "km-title", title);
    }
    line.appendChild(link);
    var meta = [t.strings[article[3]], article[4]].filter(Boolean).join(", ");
    if (meta) line.appendChild(el("span", "km-meta", " (" + meta + ")"));
    return line;
  }

  function claimBlock(index) {
    var claim = data().claims[index];
    var block = el("div", "km-claim");
    var when = claim[3] ? " · " + claim[3] : "";
    block.appendChild(el("div", "km-event", claim[1] + when));
    block.appendChild(sentence(claim));
    block.appendChild(source(claim));
    return block;
  }

  function listClaims(container, heading, indices) {
    if (!indices.length) return;
    container.appendChild(el("h4", "km-heading", heading + " (" + indices.length + ")"));
    indices.slice(0, MAX_LISTED).forEach(function (i) {
      container.appendChild(claimBlock(i));
    });
    if (indices.length > MAX_LISTED) {
      container.appendChild(el("div", "km-more", "and " + (indices.length - MAX_LISTED) + " more"));
    }
  }

  function header(box, p) {
    var where = place(p.p);
    var title = el("h3", "km-place", where.name);
    if (where.uk) title.appendChild(el("span", "km-uk", " " + where.uk));
    box.appendChild(title);
  }

  function popup(feature) {
    var p = feature.properties;
    var t = data();
    var box = el("div", "km-popup");
    header(box, p);
    var status = LABELS[p.c] + " since " + day(p.s);
    if (p.e !== null) status += ", until " + day(p.e);
    status += p.k === 1 ? "" : " — claimed only, not confirmed";
    box.appendChild(el("p", "km-status km-" + p.c, status));
    var age = lastReported(p);
    if (age) box.appendChild(el("p", "km-age", age));
    var claims = [];
    p.r.forEach(function (r) {
      claims = claims.concat(t.reports[r][4]);
    });
    if (claims.length) box.appendChild(claimBlock(claims[0]));
    listClaims(box, "Corroborated by", claims.slice(1));
    listClaims(box, "Disputed by", p.x);
    return box;
  }

  // A mark keeps its controller until the next reported change, however long that is: say
  // how old the newest report behind it is on the day shown, so a stale mark reads as stale.
  function lastReported(p) {
    var shown = api.timelines ? Math.floor(api.timelines.control.time / DAY) : null;
    var latest = null;
    p.r.forEach(function (r) {
      var n = Math.floor(Date.parse(data().reports[r][0] + "T00:00:00Z") / DAY);
      if ((shown === null || n <= shown) && (latest === null || n > latest)) latest = n;
    });
    if (latest === null) return "";
    var text = "Last report of this state: " + day(latest);
    var days = shown === null ? 0 : shown - latest;
    if (days > 0) text += " (" + days + (days === 1 ? " day" : " days") + " before the day shown)";
    return text;
  }

  function changePopup(feature) {
    var p = feature.properties;
    var box = el("div", "km-popup");
    header(box, p);
    p.ch.forEach(function (change) {
      var before = change[1] ? LABELS[change[1]] : "no report";
      box.appendChild(el("p", "km-status", change[0] + ": " + before + " → " + LABELS[change[2]]));
      box.appendChild(claimBlock(data().reports[change[3]][4][0]));
    });
    return box;
  }

  function linePopup(feature) {
    var box = el("div", "km-popup");
    box.appendChild(el("h3", "km-place", "Estimated front line"));
    box.appendChild(
      el("p", "km-status", "Estimated from reported places as of " + feature.properties.asof)
    );
    return box;
  }

  function bind(builder) {
    return function (feature, layer) {
      layer.bindPopup(function () {
        return builder(feature);
      }, { maxWidth: 380, maxHeight: 360 });
    };
  }

  function nameOf(feature) {
    return el("span", null, place(feature.properties.p).name);
  }

  // Small maps label every place; large ones share one hover label, since a tooltip bound to
  // each of thousands of markers would triple the cost of a slider step.
  function controlFeature(feature, layer) {
    bind(popup)(feature, layer);
    if (markerStyle().labels) {
      layer.bindTooltip(function () {
        return nameOf(feature);
      }, { permanent: true, direction: "right", offset: [6, 0], className: "km-label" });
    }
  }

  function hoverLabels(map, layer) {
    var label = L.tooltip({ direction: "right", offset: [6, 0], className: "km-label" });
    layer.on("mouseover", function (event) {
      label.setContent(nameOf(event.layer.feature));
      map.openTooltip(label, event.layer.getLatLng());
    });
    layer.on("mouseout", function () {
      map.closeTooltip(label);
    });
  }

  function swatch(kind, color, stroke, extra) {
    var item = el("div", "km-item");
    var mark = el("span", "km-swatch km-" + kind);
    mark.style.background = color;
    mark.style.borderColor = stroke;
    if (extra) extra(mark);
    item.appendChild(mark);
    return item;
  }

  function legend(config) {
    var meta = config.meta;
    var box = el("div", "km-legend leaflet-bar");
    box.appendChild(el("h2", "km-title", config.title));
    var readout = el("div", "km-readout");
    box.appendChild(readout);
    ["UA", "RU", "contested", "disputed"].forEach(function (c) {
      var item = swatch("dot", COLORS[c], STROKES[c]);
      item.appendChild(document.createTextNode(LABELS[c]));
      box.appendChild(item);
    });
    var claimed = swatch("dot", "rgba(31,95,191,0.25)", STROKES.UA, function (m) {
      m.style.borderStyle = "dashed";
    });
    claimed.appendChild(document.createTextNode("Claimed only (hedged reports)"));
    box.appendChild(claimed);
    var changed = swatch("ring", "transparent", "#555");
    changed.appendChild(document.createTextNode("Control changed in this " + meta.slice));
    box.appendChild(changed);
    var front = swatch("line", "transparent", "#222");
    front.appendChild(document.createTextNode("Front line, estimated from reported places"));
    box.appendChild(front);
    var counts = meta.places + " places · " + meta.claims + " claims · " +
      meta.articles + " source articles";
    box.appendChild(el("div", "km-counts", counts));
    return { box: box, readout: readout };
  }

  // leaflet.timeline matches shown layers to wanted features with a nested loop, quadratic in
  // the number of places; sets make a slider step linear. Same result, same layer objects.
  function updateDisplayedLayers() {
    var self = this;
    var features = this.ranges.lookup(this.time);
    var wanted = new Set(features);
    var shown = new Set();
    this.getLayers().forEach(function (layer) {
      if (wanted.has(layer.feature)) shown.add(layer.feature);
      else self.removeLayer(layer);
    });
    features.forEach(function (feature) {
      if (!shown.has(feature)) self.addData(feature);
    });
  }

  function init(config, map, timelines, slider) {
    Object.keys(timelines).forEach(function (key) {
      timelines[key].updateDisplayedLayers = updateDisplayedLayers;
    });
    var built = legend(config);
    var control = L.control({ position: "topright" });
    control.onAdd = function () {
      L.DomEvent.disableClickPropagation(built.box);
      L.DomEvent.disableScrollPropagation(built.box);
      return built.box;
    };
    control.addTo(map);
    function update() {
      built.readout.textContent = "Control as reported on " + formatDay(timelines.control.time);
    }
    if (!markerStyle().labels) hoverLabels(map, timelines.control);
    timelines.control.on("change", update);
    update();
    map.attributionControl.addAttribution(
      'Place data © <a href="https://www.geonames.org/">GeoNames</a>, CC BY 4.0 · ' +
      Number(config.meta.articles) + " source articles"
    );
    api.map = map;
    api.slider = slider;
    api.timelines = timelines;
    api.legend = built.box;
  }

  var api = {
    data: data,
    formatDay: formatDay,
    interval: interval,
    marker: marker,
    ring: ring,
    lineStyle: lineStyle,
    popup: controlFeature,
    changePopup: bind(changePopup),
    linePopup: bind(linePopup),
    init: init,
  };
  window.kharkivmap = api;
})();
