/* geomap event renderer (MIT, part of geomap).
 * Draws events from a JSON blob: one marker per place and event type, grid clustering,
 * popups, legend, layer and date controls. Article text only ever reaches the page through
 * DOM text nodes (textContent), so it is shown as text and never parsed as HTML. */
(function () {
  "use strict";
  if (window.geomapRender) {
    return; // a second map on the same page reuses the first copy
  }

  var SVG_NS = "http://www.w3.org/2000/svg";

  // Column maps, built from the names the payload gives (geomap.render.payload.COLUMNS), so
  // no position is written twice: E a record row, R a report, K a crowd-size claim, S an
  // article (source), P a place. Every column is read as E.<column>, R.<column> and so on
  // (tests/test_render_payload.py checks these against the payload).
  function columnMap(names) {
    var map = {};
    names.forEach(function (name, i) { map[name] = i; });
    return map;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null && text !== "") {
      node.appendChild(document.createTextNode(String(text)));
    }
    return node;
  }

  function isWebLink(url) {
    return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url);
  }

  function number(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  // A hollow, dashed disc marks events known only to a region or country: drawn like a city's,
  // readers take the country's centre for the place.
  function glyph(style, size, hollow) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", size);
    svg.setAttribute("height", size);
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("class", "geomap-glyph");
    var disc = document.createElementNS(SVG_NS, "circle");
    disc.setAttribute("cx", "12");
    disc.setAttribute("cy", "12");
    disc.setAttribute("r", "11.5");
    disc.setAttribute("fill", hollow ? "#fff" : style.color);
    disc.setAttribute("stroke", hollow ? style.color : "#fff");
    disc.setAttribute("stroke-width", hollow ? "2" : "1.5");
    if (hollow) {
      disc.setAttribute("r", "10.5");
      disc.setAttribute("stroke-dasharray", "4 2.5");
    }
    svg.appendChild(disc);
    var path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", style.glyph);
    path.setAttribute("fill", "none");
    path.setAttribute("stroke", hollow ? style.color : "#fff");
    path.setAttribute("stroke-width", "2");
    path.setAttribute("stroke-linecap", "round");
    path.setAttribute("stroke-linejoin", "round");
    path.setAttribute("transform", "translate(4.8 4.8) scale(0.6)");
    svg.appendChild(path);
    return svg;
  }

  // Below this map width the legend starts as a button and the layer list collapses.
  var COMPACT_WIDTH_PX = 600;
  // Room kept between a control and anything the layout keeps clear of it.
  var CONTROL_GAP_PX = 4;
  // A ring of up to six markers reaches about 40 px from its place.
  var MARKER_MARGIN_PX = 44;

  // Circle radius in pixels for a crowd: area grows with the figure, up to the cap
  // (geomap.render.styles.crowd_radius_px).
  function crowdRadius(crowd, n) {
    return Math.max(crowd.minRadius, crowd.pxPerSqrt * Math.sqrt(Math.min(n, crowd.cap)));
  }

  function countWord(n, noun) {
    return n === 1 ? "1 " + noun : number(n) + " " + noun + "s";
  }

  // Basemap ---------------------------------------------------------------------------------
  // The outline basemap is always drawn, under the tile pane: it is what readers see offline,
  // and tiles (default pages only) cover it once they load. The attribution line says which.
  var BASEMAP_NOTES = {
    outline: "Outline map",
    loading: "Outline map · loading map tiles…",
    tiles: "Map tiles: OpenStreetMap",
    offline: "Outline map · map tiles could not load"
  };

  function addBasemap(map, basemap, config) {
    var container = map.getContainer();
    map.createPane("geomapBasemap").style.zIndex = 150;
    container.classList.add("geomap-vector");
    L.geoJSON(basemap.countries, {pane: "geomapBasemap", interactive: false,
      style: {color: "#8a8a8a", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1}}).addTo(map);
    L.geoJSON(basemap.admin1, {pane: "geomapBasemap", interactive: false,
      style: {color: "#a9a9a9", weight: 0.6, dashArray: "3 3", fill: false}}).addTo(map);
    map.attributionControl.addAttribution(config.attribution);
    var state = {name: ""};
    function show(name) {
      state.name = name;
      container.setAttribute("data-geomap-basemap", name);
      // The prefix is geomap's own fixed text, never article text.
      map.attributionControl.setPrefix("<span class=\"geomap-basemap-note\">" +
        BASEMAP_NOTES[name] + "</span> · <a href=\"https://leafletjs.com\">Leaflet</a>");
      map.fire("geomapbasemap", {basemap: name});
    }
    if (!config.tiles) {
      show("outline");
      return state;
    }
    show("loading");
    var tiles = L.tileLayer(config.tiles.url, {attribution: config.tiles.attribution,
      maxZoom: config.tiles.maxZoom});
    var loaded = 0;
    tiles.on("tileload", function () {
      loaded += 1;
      if (state.name !== "tiles") show("tiles");
    });
    // "load" fires once every tile in view has either loaded or failed. If none loaded, the
    // network does not answer: stop asking, so that each pan does not queue more failures.
    tiles.on("load", function () {
      if (!loaded) {
        // After this event Leaflet still reads the layer's map, so remove it a tick later.
        setTimeout(function () { map.removeLayer(tiles); }, 0);
        show("offline");
      }
    });
    tiles.addTo(map);
    return state;
  }

  // Labels ----------------------------------------------------------------------------------
  // The outline map's place names: the places that carry events first, then capitals and
  // cities by size, each from the zoom its rank allows, and none over a label already placed.
  var LABEL_MIN_ZOOM = [4, 5, 6, 7, 8]; // by rank: capital, 5 million, 1 million, 300,000, 100,000
  var LABEL_FONT = "11px sans-serif";
  var SMALL_CITY_RANK = 2; // ranks above this are cities under a million
  var LABEL_HEIGHT_PX = 14;
  // Below the ring of markers around an event place (see MARKER_MARGIN_PX).
  var EVENT_LABEL_OFFSET_PX = 38;

  // places: [{lat, lon, name}] of the event places.
  function labelCandidates(cities, places) {
    var out = [], named = {};
    places.forEach(function (p) {
      var key = String(p.name).toLowerCase();
      if (named[key]) return;
      named[key] = [p.lat, p.lon];
      out.push({lat: p.lat, lon: p.lon, name: String(p.name), minZoom: 0, event: true});
    });
    cities.forEach(function (c) {
      var same = named[String(c[2]).toLowerCase()];
      // An event place and a city of its name within about 50 km are one place.
      if (same && Math.abs(same[0] - c[0]) < 0.5 && Math.abs(same[1] - c[1]) < 0.5) return;
      out.push({lat: c[0], lon: c[1], name: String(c[2]), minZoom: LABEL_MIN_ZOOM[c[3]],
        event: false, rank: c[3]});
    });
    return out;
  }

  function addLabels(map, cities, places) {
    var pane = map.createPane("geomapLabels");
    pane.style.zIndex = 450;
    pane.style.pointerEvents = "none";
    var layer = L.layerGroup().addTo(map);
    var candidates = labelCandidates(cities || [], places);
    var context = document.createElement("canvas").getContext("2d");
    var widths = {};
    function width(c) {
      if (!(c.name in widths)) {
        context.font = (c.event ? "bold " : "") + LABEL_FONT;
        widths[c.name] = Math.ceil(context.measureText(c.name).width) + 6;
      }
      return widths[c.name];
    }
    function draw() {
      layer.clearLayers();
      var zoom = map.getZoom(), view = map.getBounds().pad(0.1), placed = [], rings = [];
      candidates.forEach(function (c) {
        if (zoom < c.minZoom) return;
        var latlng = L.latLng(c.lat, c.lon);
        if (!view.contains(latlng)) return;
        var point = map.latLngToLayerPoint(latlng), w = width(c), h = LABEL_HEIGHT_PX;
        var anchor = c.event ? [w / 2, -EVENT_LABEL_OFFSET_PX] : [3, h / 2];
        var rect = {left: point.x - anchor[0], top: point.y - anchor[1]};
        rect.right = rect.left + w + (c.event ? 0 : 6);
        rect.bottom = rect.top + h;
        var overlaps = function (r) {
          return r.left < rect.right && rect.left < r.right && r.top < rect.bottom &&
            rect.top < r.bottom;
        };
        if (c.event) {
          // A smaller city's name must not sit under the ring of markers around an event
          // place; capitals and cities of a million or more keep theirs.
          rings.push({left: point.x - MARKER_MARGIN_PX, right: point.x + MARKER_MARGIN_PX,
            top: point.y - MARKER_MARGIN_PX, bottom: point.y + MARKER_MARGIN_PX});
        } else if (c.rank > SMALL_CITY_RANK && rings.some(overlaps)) {
          return;
        }
        if (placed.some(overlaps)) return;
        placed.push(rect);
        var node = el("div", "geomap-label" + (c.event ? " geomap-label-event" : ""));
        if (!c.event) node.appendChild(el("span", "geomap-label-dot"));
        node.appendChild(el("span", "geomap-label-text", c.name));
        layer.addLayer(L.marker(latlng, {pane: "geomapLabels", interactive: false,
          keyboard: false, icon: L.divIcon({html: node, className: "geomap-label-icon",
            iconSize: null, iconAnchor: anchor})}));
      });
      map.getContainer().setAttribute("data-geomap-labels", String(placed.length));
    }
    map.on("zoomend moveend", draw);
    return {layer: layer, draw: draw, stop: function () {
      map.off("zoomend moveend", draw);
      map.removeLayer(layer);
      map.getContainer().setAttribute("data-geomap-labels", "0");
    }};
  }

  function render(map, data, basemap, config) {
    var styles = config.types;
    var E = columnMap(data.columns.events), R = columnMap(data.columns.reports),
      K = columnMap(data.columns.size_claims), S = columnMap(data.columns.sources),
      P = columnMap(data.columns.places);
    var places = data.places;
    var sources = data.sources;
    var reports = data.reports;
    var events = data.events; // one row per event record
    // A reports collection is drawn as one-report records (geomap.render.adapt); its
    // markers count reports.
    var noun = data.level === "reports" ? "report" : "event";
    var cellPx = config.clusterCellPx;
    var container = map.getContainer();
    var placeSpots = places.map(function (p) {
      return {lat: p[P.lat], lon: p[P.lon], name: p[P.place]};
    });

    // Which event types occur, and the date range, decide which controls exist.
    var present = [];
    var countByType = styles.map(function () { return 0; });
    var minDate = "", maxDate = "", undated = 0;
    var eventDates = new Array(events.length);
    events.forEach(function (row, i) {
      countByType[row[E.event_type]] += 1;
      // The filter reads the event's own day only: a report's publication date is not it.
      var date = String(row[E.event_date] || "").slice(0, 10);
      eventDates[i] = date;
      if (!date) { undated += 1; return; }
      if (!minDate || date < minDate) minDate = date;
      if (!maxDate || date > maxDate) maxDate = date;
    });
    styles.forEach(function (style, t) { if (countByType[t]) present.push(t); });
    var hasCrowds = events.some(function (row) { return row[E.size_low]; });

    var basemapState = addBasemap(map, basemap, config);
    // Tiles carry their own place names; the outline map needs ours.
    var labels = addLabels(map, basemap.cities, placeSpots);
    map.on("geomapbasemap", function (e) { if (e.basemap === "tiles") labels.stop(); });
    if (basemapState.name === "tiles") labels.stop();
    var crowdPane = map.createPane("geomapCrowd");
    crowdPane.style.zIndex = 620;
    crowdPane.style.pointerEvents = "none";

    var layers = styles.map(function () { return L.layerGroup(); });
    var filter = {from: minDate, to: maxDate, undated: true};

    function inDateRange(i) {
      var date = eventDates[i];
      return date ? date >= filter.from && date <= filter.to : filter.undated;
    }

    // The layer list counts the events the date range lets through, shown or not.
    function updateLayerCounts() {
      var counts = styles.map(function () { return 0; });
      for (var i = 0; i < events.length; i++) {
        if (inDateRange(i)) counts[events[i][E.event_type]] += 1;
      }
      container.querySelectorAll(".geomap-layer-count").forEach(function (node) {
        node.textContent = number(counts[data.types.indexOf(node.getAttribute("data-type"))]);
      });
    }

    function visibleGroups() {
      // place index -> type index -> [event index]
      var groups = {};
      for (var i = 0; i < events.length; i++) {
        var row = events[i];
        var t = row[E.event_type];
        if (!map.hasLayer(layers[t])) continue;
        if (!inDateRange(i)) continue;
        var byType = groups[row[E.place]] || (groups[row[E.place]] = {});
        (byType[t] || (byType[t] = [])).push(i);
      }
      return groups;
    }

    function ringOffsets(n, size) {
      // Markers of different types at one spot sit on a ring, so none hides another.
      if (n === 1) return [[0, 0]];
      var radius = n === 2 ? size / 2 + 1 : (size + 2) / (2 * Math.sin(Math.PI / n));
      var offsets = [];
      for (var k = 0; k < n; k++) {
        var angle = -Math.PI / 2 + (2 * Math.PI * k) / n;
        offsets.push([Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))]);
      }
      return offsets;
    }

    function markerIcon(style, count, size, offset, cluster, reviewed, vague) {
      var box = el("div", "geomap-marker" + (cluster ? " geomap-cluster" : "") +
        (vague ? " geomap-vague" : ""));
      box.setAttribute("data-type", style.key);
      box.appendChild(glyph(style, size, vague));
      if (count > 1) box.appendChild(el("span", "geomap-count", number(count)));
      if (reviewed) box.appendChild(el("span", "geomap-reviewed-badge", REVIEWED_MARK));
      return L.divIcon({html: box, className: "geomap-icon", iconSize: [size, size],
        iconAnchor: [size / 2 - offset[0], size / 2 - offset[1]],
        popupAnchor: [offset[0], offset[1] - size / 2]});
    }

    function addCrowdCircles(layer, latlng, indexes) {
      var low = Infinity, high = 0;
      indexes.forEach(function (i) {
        var row = events[i];
        var a = row[E.size_low], b = row[E.size_high] || a;
        if (a) { low = Math.min(low, a); high = Math.max(high, b || a); }
      });
      if (!high) return;
      var style = styles[data.types.indexOf("crowd")];
      // Above the markers, so a ring of markers never hides its circle; never clickable.
      var common = {pane: "geomapCrowd", color: style.color, fillColor: style.color,
        interactive: false};
      var radius = function (n) { return crowdRadius(config.crowd, n); };
      if (high > low) {
        layer.addLayer(L.circleMarker(latlng, L.extend({radius: radius(high), weight: 1.5,
          dashArray: "4 3", fillOpacity: 0.06, className: "geomap-crowd-high"}, common)));
      }
      layer.addLayer(L.circleMarker(latlng, L.extend({radius: radius(low), weight: 1,
        fillOpacity: 0.15, className: "geomap-crowd-low"}, common)));
      if (high > config.crowd.cap) {
        // Larger than the scale: drawn at the cap, with a second ring that says so.
        layer.addLayer(L.circleMarker(latlng, L.extend({radius: radius(high) + 4, weight: 1.5,
          fill: false, className: "geomap-crowd-over"}, common)));
      }
    }

    // Popups --------------------------------------------------------------------------------
    // A marker's popup lists its event records; each shows its date, type, figures with
    // their claimants, how many sources confirm it, and then its reports. Every piece of
    // article text goes in as a text node (el), never as HTML.

    // A record's figures: [label, conservative, highest].
    var TOLLS = [["Killed", "fatalities"], ["Injured", "injuries"], ["Arrested", "arrests"]];
    // Long lists open short, with a button that shows the rest.
    var REPORTS_SHOWN = 3;
    var EVENTS_SHOWN = 5;
    // ACLED's geo_precision 3: known only to a region or country.
    var VAGUE_PRECISION = 3;

    function range(low, high) {
      var text = number(low);
      if (high !== undefined && high !== null && high !== low) text += "–" + number(high);
      return text;
    }

    function sourceName(source) {
      return source[S.outlet] || source[S.source_title] || source[S.source] || "unknown source";
    }

    function claimItem(claim) {
      var item = el("li", "geomap-claim", range(claim[K.low], claim[K.high]));
      if (claim[K.text]) item.appendChild(document.createTextNode(" (“" + claim[K.text] + "”)"));
      item.appendChild(document.createTextNode(" — "));
      if (claim[K.claimed_by]) {
        item.appendChild(el("span", "geomap-claimant", claim[K.claimed_by]));
      } else {
        item.appendChild(document.createTextNode("no claimant named"));
      }
      var source = sources[claim[K.source]];
      if (source) item.appendChild(el("span", "geomap-claim-source", " · " + sourceName(source)));
      return item;
    }

    function figureBox(row) {
      var box = el("div", "geomap-figures");
      if (row[E.size_low]) {
        box.appendChild(el("div", "geomap-figure",
          "Crowd: " + range(row[E.size_low], row[E.size_high])));
        var claims = row[E.size_claims] || [];
        if (claims.length) {
          var list = el("ul", "geomap-claims");
          claims.forEach(function (claim) { list.appendChild(claimItem(claim)); });
          box.appendChild(list);
        }
      }
      TOLLS.forEach(function (toll) {
        var low = row[E[toll[1]]];
        if (low === undefined || low === null) return;
        box.appendChild(el("div", "geomap-figure",
          toll[0] + ": " + range(low, row[E[toll[1] + "_high"]])));
      });
      if (row[E.disputed]) box.appendChild(el("span", "geomap-disputed", "disputed"));
      return box.childNodes.length ? box : null;
    }

    function dateLine(row) {
      var date = row[E.event_date];
      if (date) return el("div", "geomap-date", "Date: " + date);
      var first = reports[row[E.reports]];
      var published = first && sources[first[R.source]][S.date];
      var week = data.date_precisions[row[E.date_precision]] === "week";
      return el("div", "geomap-date", week && published ?
        "Date unknown: in the week before " + published : "Date unknown");
    }

    function confirmation(row) {
      var n = row[E.n_sources] || 0;
      var text = countWord(row[E.n_reports], "report") +
        (n >= 2 ? ", confirmed by " + n + " sources" : " from " + countWord(n, "source"));
      return el("div", "geomap-confirmed", text);
    }

    function sourceLine(source) {
      var line = el("div", "geomap-source");
      var title = source[S.source_title] || source[S.source] || "untitled";
      var href = source[S.url];
      if (isWebLink(href)) {
        var link = el("a", "", title);
        link.href = href;
        link.target = "_blank";
        link.rel = "noopener noreferrer nofollow";
        line.appendChild(link);
      } else {
        line.appendChild(el("cite", "", title));
      }
      var details = [source[S.outlet], source[S.date]].filter(Boolean);
      if (details.length) {
        line.appendChild(document.createTextNode(" · "));
        line.appendChild(el("span", "geomap-outlet", details.join(" · ")));
      }
      return line;
    }

    // Every record here is known only to a region or country.
    function isVague(indexes) {
      return indexes.length > 0 && indexes.every(function (i) {
        return events[i][E.geo_precision] === VAGUE_PRECISION;
      });
    }

    function placeLine(placeIndex, indexes) {
      var place = places[placeIndex];
      var where = [place[P.place], place[P.admin1], place[P.country_code]].filter(Boolean)
        .join(", ");
      if (isVague(indexes)) where = "Somewhere in " + where;
      return el("div", "geomap-place", where);
    }

    // Reviewed reports (geomap.corrections): a mark in the popup, and on a marker when an
    // editor checked every record behind it; the legend says what it means. The editor's
    // note is text from a person, shown like article text: as a text node only.
    var REVIEWED_MARK = "\u2713";

    function allReviewed(entries) {
      return entries.every(function (e) {
        return e[1].every(function (i) { return events[i][E.reviewed]; });
      });
    }

    function reviewLine(report) {
      var line = el("div", "geomap-reviewed");
      line.appendChild(el("span", "geomap-reviewed-mark", REVIEWED_MARK));
      line.appendChild(document.createTextNode(" Reviewed by an editor"));
      if (report[R.editor_note]) {
        line.appendChild(document.createTextNode(": "));
        line.appendChild(el("span", "geomap-editor-note", report[R.editor_note]));
      }
      return line;
    }

    function reviewedLegendRow() {
      var row = el("div", "geomap-legend-row geomap-legend-reviewed");
      row.appendChild(el("span", "geomap-reviewed-badge", REVIEWED_MARK));
      row.appendChild(el("span", "", "Reviewed by an editor"));
      return row;
    }

    // A page may add its own tools to each report and to the map (geomap build --review).
    function hook(name, args) {
      var hooks = window.geomapHooks;
      if (hooks && typeof hooks[name] === "function") hooks[name].apply(null, args);
    }

    // r: the report's index in data.reports, which is what the review tools know it by.
    function reportItem(r) {
      var report = reports[r];
      var item = el("li", "geomap-report");
      item.appendChild(el("blockquote", "geomap-quote", report[R.quote]));
      if (report[R.claimed_by]) {
        item.appendChild(el("div", "geomap-according", "According to " + report[R.claimed_by]));
      }
      if (report[R.reviewed]) item.appendChild(reviewLine(report));
      item.appendChild(sourceLine(sources[report[R.source]]));
      hook("report", [item, r]);
      return item;
    }

    // A list that shows its first `shown` items, and a button for the rest; the rest are
    // only built when asked for, so a record of a thousand reports opens at once.
    function shortList(tag, className, count, shown, make, label) {
      var list = el(tag, className);
      var first = count > shown + 1 ? shown : count;
      for (var k = 0; k < first; k++) list.appendChild(make(k));
      if (first === count) return [list];
      var more = el("button", "geomap-show-all", "Show all " + number(count) + " " + label);
      more.type = "button";
      more.addEventListener("click", function () {
        for (var k = first; k < count; k++) list.appendChild(make(k));
        // Hidden, not removed: Leaflet takes a click on a node no longer in the popup for a
        // click on the map, which closes the popup.
        more.hidden = true;
        // Taller now: let the popup fit itself to the free area again.
        map.fire("geomappopupgrew");
      });
      return [list, more];
    }

    function eventSection(i) {
      var row = events[i];
      var section = el("div", "geomap-event");
      section.appendChild(dateLine(row));
      var type = styles[row[E.event_type]].label;
      var sub = data.sub_event_types[row[E.sub_event_type]];
      section.appendChild(el("div", "geomap-type", type + (sub ? " · " + sub : "")));
      var figures = figureBox(row);
      if (figures) section.appendChild(figures);
      section.appendChild(confirmation(row));
      var start = row[E.reports];
      shortList("ol", "geomap-reports", row[E.n_reports], REPORTS_SHOWN,
        function (k) { return reportItem(start + k); }, "reports").forEach(function (node) {
        section.appendChild(node);
      });
      return section;
    }

    // entries: [[place index, [record index, ...]], ...] for the places at one spot.
    function popupContent(entries, t) {
      var style = styles[t];
      var root = el("div", "geomap-popup");
      var heading = el("div", "geomap-popup-title");
      heading.appendChild(glyph(style, 18, entries.every(function (e) { return isVague(e[1]); })));
      var names = entries.map(function (e) { return places[e[0]][P.place]; });
      heading.appendChild(el("strong", "", style.label + " · " + names.join(" / ")));
      root.appendChild(heading);
      entries.forEach(function (entry) {
        root.appendChild(placeLine(entry[0], entry[1]));
        var indexes = entry[1];
        if (indexes.length > 1) {
          root.appendChild(el("div", "geomap-summary", countWord(indexes.length, noun)));
        }
        shortList("div", "geomap-events", indexes.length, EVENTS_SHOWN,
          function (k) { return eventSection(indexes[k]); }, noun + "s").forEach(function (node) {
          root.appendChild(node);
        });
      });
      return root;
    }

    function popupOptions() {
      var width = Math.max(200, Math.min(340, container.clientWidth - 60));
      // Leaflet's autoPan only knows the map's edges; placePopup also keeps it off controls.
      return {maxWidth: width, minWidth: Math.min(240, width),
        maxHeight: Math.max(160, Math.min(360, container.clientHeight - 80)),
        className: "geomap-popup-wrapper", autoPan: false};
    }

    // A spot is one position on the map; places that share coordinates share a spot, so
    // their markers never sit on top of each other.
    function drawSpot(spot, groups) {
      var latlng = spot.latlng;
      var types = present.filter(function (t) { return spot.counts[t]; });
      var size = 26;
      var offsets = ringOffsets(types.length, size);
      types.forEach(function (t, k) {
        var style = styles[t];
        var entries = spot.places.filter(function (p) { return groups[p][t]; })
          .map(function (p) { return [p, groups[p][t]]; });
        var names = entries.map(function (e) { return places[e[0]][P.place]; }).join(" / ");
        // A crowd is drawn with the record it belongs to: a protest's, a seizure's, its own.
        entries.forEach(function (e) { addCrowdCircles(layers[t], latlng, e[1]); });
        var vague = entries.every(function (e) { return isVague(e[1]); });
        var marker = L.marker(latlng, {icon: markerIcon(style, spot.counts[t], size, offsets[k], false,
          allReviewed(entries), vague),
          title: style.label + " at " + names + ": " + countWord(spot.counts[t], noun) +
            (vague ? ", somewhere in " + names : ""),
          alt: style.label, riseOnHover: true});
        // Built on first open, then kept: Leaflet asks again on every update, and a list
        // the reader opened must stay open.
        var content = null;
        marker.bindPopup(function () {
          return content || (content = popupContent(entries, t));
        }, popupOptions());
        layers[t].addLayer(marker);
      });
    }

    function drawCluster(cell, groups) {
      var latlngs = cell.spots.map(function (spot) { return spot.latlng; });
      var bounds = L.latLngBounds(latlngs);
      var center = bounds.getCenter();
      var types = present.filter(function (t) { return cell.counts[t]; });
      var size = 34;
      var offsets = ringOffsets(types.length, size);
      types.forEach(function (t, k) {
        var style = styles[t];
        var marker = L.marker(center, {icon: markerIcon(style, cell.counts[t], size, offsets[k], true),
          title: style.label + ": " + countWord(cell.counts[t], noun) + " at " + latlngs.length +
            " places; click to zoom in", alt: style.label, riseOnHover: true});
        marker.on("click", function () { fitInView(bounds, config.clusterMaxZoom); });
        layers[t].addLayer(marker);
      });
      cell.spots.forEach(function (spot) {
        spot.places.forEach(function (p) {
          Object.keys(groups[p]).forEach(function (t) {
            addCrowdCircles(layers[t], spot.latlng, groups[p][t]);
          });
        });
      });
    }

    function addCounts(target, byType) {
      Object.keys(byType).forEach(function (t) {
        target[t] = (target[t] || 0) + byType[t].length;
      });
    }

    function redraw() {
      layers.forEach(function (layer) { layer.clearLayers(); });
      var groups = visibleGroups();
      var zoom = map.getZoom();
      var view = map.getBounds().pad(0.5);
      var clustering = zoom < config.clusterMaxZoom;
      var spots = {}, spotOrder = [];
      Object.keys(groups).forEach(function (key) {
        var placeIndex = +key;
        var place = places[placeIndex];
        var spotKey = place[P.lat] + "," + place[P.lon];
        var spot = spots[spotKey];
        if (!spot) {
          var latlng = L.latLng(place[P.lat], place[P.lon]);
          if (!view.contains(latlng)) return;
          spot = spots[spotKey] = {latlng: latlng, places: [], counts: {}};
          spotOrder.push(spotKey);
        }
        spot.places.push(placeIndex);
        addCounts(spot.counts, groups[key]);
      });
      var cells = {}, cellOrder = [];
      spotOrder.forEach(function (spotKey) {
        var spot = spots[spotKey];
        var cellKey = spotKey;
        if (clustering) {
          var point = map.project(spot.latlng, zoom);
          cellKey = Math.floor(point.x / cellPx) + ":" + Math.floor(point.y / cellPx);
        }
        var cell = cells[cellKey];
        if (!cell) {
          cell = cells[cellKey] = {spots: [], counts: {}};
          cellOrder.push(cellKey);
        }
        cell.spots.push(spot);
        Object.keys(spot.counts).forEach(function (t) {
          cell.counts[t] = (cell.counts[t] || 0) + spot.counts[t];
        });
      });
      cellOrder.forEach(function (cellKey) {
        var cell = cells[cellKey];
        if (cell.spots.length === 1) drawSpot(cell.spots[0], groups);
        else drawCluster(cell, groups);
      });
      container.setAttribute("data-geomap-markers",
        String(container.querySelectorAll(".geomap-marker").length));
      updateLayerCounts();
    }

    // Controls ------------------------------------------------------------------------------
    var overlays = {};
    present.forEach(function (t) {
      var style = styles[t];
      // Leaflet puts layer names in as HTML; these come from geomap's own style table.
      overlays["<span class=\"geomap-swatch\" style=\"background:" + style.color + "\"></span>" +
        style.label + " (<span class=\"geomap-layer-count\" data-type=\"" + style.key + "\">" +
        number(countByType[t]) + "</span>)"] = layers[t];
      layers[t].addTo(map);
    });
    var compact = container.clientWidth < COMPACT_WIDTH_PX;
    if (compact) container.classList.add("geomap-compact");
    L.control.layers(null, overlays, {collapsed: compact, position: "topright"}).addTo(map);

    // The crowd scale, drawn with the same radius function and colours as the map's circles.
    function crowdLegend() {
      var part = el("div", "geomap-legend-crowd");
      part.appendChild(el("div", "geomap-legend-title", "Crowd size (circle area)"));
      var color = styles[data.types.indexOf("crowd")].color;
      var scale = config.crowd.scale;
      var biggest = crowdRadius(config.crowd, scale[scale.length - 1]);
      var top = 8; // room for the largest circle's label
      var svg = document.createElementNS(SVG_NS, "svg");
      svg.setAttribute("width", 2 * biggest + 70);
      svg.setAttribute("height", 2 * biggest + top + 4);
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", "Crowd size scale: " + scale.map(number).join(", "));
      scale.forEach(function (n) {
        var r = crowdRadius(config.crowd, n);
        var c = document.createElementNS(SVG_NS, "circle");
        c.setAttribute("cx", biggest + 2);
        c.setAttribute("cy", top + 2 * biggest + 2 - r);
        c.setAttribute("r", r);
        c.setAttribute("fill", color);
        c.setAttribute("fill-opacity", "0.08");
        c.setAttribute("stroke", color);
        svg.appendChild(c);
        var label = document.createElementNS(SVG_NS, "text");
        label.setAttribute("x", 2 * biggest + 8);
        label.setAttribute("y", top + 2 * biggest + 6 - 2 * r);
        label.setAttribute("font-size", "10");
        label.textContent = number(n);
        svg.appendChild(label);
      });
      part.appendChild(svg);
      part.appendChild(el("div", "geomap-legend-note", "Dashed ring: highest estimate"));
      part.appendChild(el("div", "geomap-legend-note", "Second ring: over " +
        number(config.crowd.cap) + ", drawn at " + number(config.crowd.cap)));
      return part;
    }

    var Legend = L.Control.extend({
      onAdd: function () {
        var outer = el("div", "geomap-legend leaflet-bar" + (compact ? "" : " geomap-legend-open"));
        outer.setAttribute("role", "region");
        outer.setAttribute("aria-label", "Legend");
        // On a phone the legend would take a third of the screen: it starts as a button.
        var toggle = el("button", "geomap-legend-toggle", "Legend");
        toggle.type = "button";
        toggle.setAttribute("aria-expanded", compact ? "false" : "true");
        toggle.addEventListener("click", function () {
          var open = !outer.classList.contains("geomap-legend-open");
          outer.classList.toggle("geomap-legend-open", open);
          toggle.setAttribute("aria-expanded", open ? "true" : "false");
        });
        outer.appendChild(toggle);
        var box = el("div", "geomap-legend-body");
        outer.appendChild(box);
        box.appendChild(el("div", "geomap-legend-title", "Event types"));
        present.forEach(function (t) {
          var row = el("div", "geomap-legend-row");
          row.appendChild(glyph(styles[t], 16));
          row.appendChild(el("span", "", styles[t].label));
          box.appendChild(row);
        });
        if (events.some(function (row) { return row[E.reviewed]; })) {
          box.appendChild(reviewedLegendRow());
        }
        if (events.some(function (row) { return row[E.geo_precision] === VAGUE_PRECISION; })) {
          var vagueRow = el("div", "geomap-legend-row geomap-legend-vague");
          vagueRow.appendChild(glyph({color: "#555", glyph: ""}, 16, true));
          vagueRow.appendChild(el("span", "", "Known only to a region or country"));
          box.appendChild(vagueRow);
        }
        if (hasCrowds) {
          box.appendChild(crowdLegend());
        }
        L.DomEvent.disableClickPropagation(outer);
        L.DomEvent.disableScrollPropagation(outer);
        return outer;
      }
    });
    new Legend({position: "bottomleft"}).addTo(map);

    if (minDate) {
      var TimeFilter = L.Control.extend({
        onAdd: function () {
          var box = el("form", "geomap-time leaflet-bar");
          box.setAttribute("aria-label", "Date range");
          function dateInput(label, value, key) {
            var wrap = el("label", "", label + " ");
            var input = el("input");
            input.type = "date";
            input.min = minDate;
            input.max = maxDate;
            input.value = value;
            input.name = key;
            input.addEventListener("change", function () {
              filter[key] = input.value || (key === "from" ? minDate : maxDate);
              redraw();
            });
            wrap.appendChild(input);
            return wrap;
          }
          box.appendChild(dateInput("From", minDate, "from"));
          box.appendChild(dateInput("to", maxDate, "to"));
          if (undated) {
            var wrap = el("label", "", " ");
            var check = el("input");
            check.type = "checkbox";
            check.checked = true;
            check.name = "undated";
            check.addEventListener("change", function () { filter.undated = check.checked; redraw(); });
            wrap.insertBefore(check, wrap.firstChild);
            wrap.appendChild(document.createTextNode("undated (" + number(undated) + ")"));
            box.appendChild(wrap);
          }
          box.addEventListener("submit", function (e) { e.preventDefault(); });
          L.DomEvent.disableClickPropagation(box);
          return box;
        }
      });
      new TimeFilter({position: "bottomright"}).addTo(map);
    }

    if (config.title) {
      var title = el("div", "geomap-title", config.title);
      title.setAttribute("role", "heading");
      title.setAttribute("aria-level", "1");
      container.appendChild(title);
    }

    // Layout --------------------------------------------------------------------------------
    // Controls sit in the map's corners and edges. A free area is the map minus every
    // control, each cut away either as a band across the map (top or bottom) or as a column
    // (left or right); trying both for each control finds the areas where nothing covers
    // the map. Markers are fitted into the largest, and a popup is panned into the nearest
    // one that holds it.
    function controlRects() {
      var box = container.getBoundingClientRect();
      var rects = [];
      container.querySelectorAll(".leaflet-control, .geomap-title").forEach(function (node) {
        var r = node.getBoundingClientRect();
        if (!r.width || !r.height) return;
        rects.push({left: r.left - box.left - CONTROL_GAP_PX, top: r.top - box.top - CONTROL_GAP_PX,
          right: r.right - box.left + CONTROL_GAP_PX, bottom: r.bottom - box.top + CONTROL_GAP_PX});
      });
      return rects;
    }

    function freeRects() {
      var width = container.clientWidth, height = container.clientHeight;
      var rects = controlRects().slice(0, 10);
      var out = [];
      for (var mask = 0; mask < (1 << rects.length); mask++) {
        var f = {left: CONTROL_GAP_PX, top: CONTROL_GAP_PX, right: width - CONTROL_GAP_PX,
          bottom: height - CONTROL_GAP_PX};
        for (var i = 0; i < rects.length; i++) {
          var r = rects[i];
          if (mask & (1 << i)) {
            if (r.left + r.right < width) f.left = Math.max(f.left, r.right);
            else f.right = Math.min(f.right, r.left);
          } else if (r.top + r.bottom < height) {
            f.top = Math.max(f.top, r.bottom);
          } else {
            f.bottom = Math.min(f.bottom, r.top);
          }
        }
        if (f.right > f.left && f.bottom > f.top) out.push(f);
      }
      if (!out.length) out.push({left: 0, top: 0, right: width, bottom: height});
      return out;
    }

    function area(f) { return (f.right - f.left) * (f.bottom - f.top); }

    function fitInView(bounds, maxZoom) {
      var width = container.clientWidth, height = container.clientHeight;
      var free = freeRects().reduce(function (a, f) { return area(f) > area(a) ? f : a; });
      // A marker ring reaches about 40 px from its place; keep the whole ring in the area.
      var margin = Math.min(MARKER_MARGIN_PX, (free.right - free.left) / 4,
        (free.bottom - free.top) / 4);
      map.fitBounds(bounds, {paddingTopLeft: [free.left + margin, free.top + margin],
        paddingBottomRight: [width - free.right + margin, height - free.bottom + margin],
        maxZoom: maxZoom, animate: false});
    }

    function placePopup(popup) {
      var node = popup.getElement();
      if (!node) return;
      var box = container.getBoundingClientRect();
      var measure = function () {
        var r = node.getBoundingClientRect();
        return {left: r.left - box.left, top: r.top - box.top, right: r.right - box.left,
          bottom: r.bottom - box.top};
      };
      var p = measure();
      var width = p.right - p.left, height = p.bottom - p.top;
      var free = freeRects();
      var wide = free.filter(function (f) { return f.right - f.left >= width; });
      if (!wide.length) {
        wide = [free.reduce(function (a, f) { return f.right - f.left > a.right - a.left ? f : a; })];
      }
      var shift = function (f) {
        var dx = p.left < f.left || p.right - p.left > f.right - f.left ? p.left - f.left :
          (p.right > f.right ? p.right - f.right : 0);
        var dy = p.top < f.top ? p.top - f.top : (p.bottom > f.bottom ? p.bottom - f.bottom : 0);
        return {dx: dx, dy: dy, cost: Math.abs(dx) + Math.abs(dy)};
      };
      var tall = wide.filter(function (f) { return f.bottom - f.top >= height; });
      var target = tall.length ?
        tall.reduce(function (a, f) { return shift(f).cost < shift(a).cost ? f : a; }) :
        wide.reduce(function (a, f) { return f.bottom - f.top > a.bottom - a.top ? f : a; });
      if (!tall.length) {
        // Too tall for every free area: shorten its scrolling list to fit the tallest one.
        var content = node.querySelector(".leaflet-popup-content");
        var over = height - (target.bottom - target.top);
        popup.options.maxHeight = Math.max(80, Math.floor(content.offsetHeight - over) - 2);
        popup.update();
        p = measure();
      }
      var move = shift(target);
      if (move.dx || move.dy) map.panBy([Math.round(move.dx), Math.round(move.dy)]);
    }

    // On a narrow map the attribution spans the whole width; lift the bottom-left corner
    // above it, so the legend button is not under it.
    function stackCorners() {
      var left = container.querySelector(".leaflet-bottom.leaflet-left");
      var credit = container.querySelector(".leaflet-control-attribution");
      if (!left || !credit) return;
      var wide = credit.offsetWidth > container.clientWidth / 2;
      left.style.bottom = compact && wide ? credit.offsetHeight + "px" : "";
    }
    stackCorners();
    map.on("geomapbasemap", stackCorners);

    // View ----------------------------------------------------------------------------------
    if (places.length) {
      fitInView(L.latLngBounds(placeSpots.map(function (p) { return [p.lat, p.lon]; })),
        config.fitMaxZoom);
    } else {
      map.setView([20, 0], 2, {animate: false});
    }
    if (basemapState.name !== "tiles") labels.draw();

    // A redraw replaces every marker, and removing the marker that owns the open popup
    // closes it, so a popup that pans the map to fit itself would close itself. At an
    // unchanged zoom the clusters are the same, so the redraw waits for the popup to close.
    var popupZoom = null, redrawWaiting = false;
    map.on("popupopen", function () { popupZoom = map.getZoom(); });
    var openPopup = null;
    map.on("popupopen", function (e) { openPopup = e.popup; placePopup(e.popup); });
    map.on("geomappopupgrew", function () {
      if (!openPopup) return;
      openPopup.options.maxHeight = popupOptions().maxHeight;
      openPopup.update();
      placePopup(openPopup);
    });
    map.on("popupclose", function () {
      openPopup = null;
      popupZoom = null;
      if (redrawWaiting) {
        redrawWaiting = false;
        redraw();
      }
    });
    map.on("moveend", function () {
      if (popupZoom === map.getZoom()) {
        redrawWaiting = true;
        return;
      }
      redrawWaiting = false;
      redraw();
    });
    map.on("overlayadd overlayremove", redraw);
    redraw();
    hook("ready", [map, data, {redraw: redraw}]);
    container.setAttribute("data-geomap-ready", "1");
    return {layers: layers, redraw: redraw};
  }

  window.geomapRender = render;
})();
