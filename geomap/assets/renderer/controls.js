/* geomap renderer, controls: the layer list with its counts, the legend (types, marks and the
 * crowd scale), the date range and the title. */

// Adds the controls of one map; `redraw` (makeMarkers) runs when the date range changes.
function addControls(g, redraw) {
  var map = g.map, data = g.data, config = g.config, container = g.container;
  var styles = g.styles, layers = g.layers, present = g.present, events = g.events;
  var E = g.E, countByType = g.countByType, compact = g.compact, hasCrowds = g.hasCrowds;
  var minDate = g.minDate, maxDate = g.maxDate, undated = g.undated, filter = g.filter;

  var overlays = {};
  present.forEach(function (t) {
    var style = styles[t];
    // Leaflet puts layer names in as HTML; these come from geomap's own style table.
    overlays["<span class=\"geomap-swatch\" style=\"background:" + style.color + "\"></span>" +
      style.label + " (<span class=\"geomap-layer-count\" data-type=\"" + style.key + "\">" +
      number(countByType[t]) + "</span>)"] = layers[t];
    layers[t].addTo(map);
  });
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
        var from = dateInput("From", minDate, "from"), to = dateInput("to", maxDate, "to");
        box.appendChild(from);
        box.appendChild(to);
        var check = null;
        if (undated) {
          var wrap = el("label", "", " ");
          check = el("input");
          check.type = "checkbox";
          check.checked = true;
          check.name = "undated";
          check.addEventListener("change", function () { filter.undated = check.checked; redraw(); });
          wrap.insertBefore(check, wrap.firstChild);
          wrap.appendChild(document.createTextNode("undated (" + number(undated) + ")"));
          box.appendChild(wrap);
        }
        var days = eventDays(g.eventDates);
        if (days.length > 1) {
          box.appendChild(dayStepper(days, function (first, last, withUndated) {
            filter.from = from.lastChild.value = first;
            filter.to = to.lastChild.value = last;
            filter.undated = withUndated;
            if (check) check.checked = withUndated;
            redraw();
          }));
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
}

// Time control ------------------------------------------------------------------------------
// Beside the date range: step through the days that have events, one day at a time, or play
// them in order. "All days" gives back the whole range, undated events included.
var PLAY_STEP_MS = 1000;

function eventDays(eventDates) {
  var seen = {}, days = [];
  eventDates.forEach(function (date) {
    if (date && !seen[date]) { seen[date] = 1; days.push(date); }
  });
  return days.sort();
}

// show(first, last, withUndated) sets the date range and draws it.
function dayStepper(days, show) {
  var box = el("div", "geomap-steps");
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", "Step through the days");
  var status = el("span", "geomap-step-status");
  status.setAttribute("aria-live", "polite");
  var current = -1, timer = null;
  function go(k) {
    current = Math.max(0, Math.min(days.length - 1, k));
    status.textContent = "Day " + (current + 1) + " of " + days.length;
    show(days[current], days[current], false);
  }
  function stop() {
    if (timer !== null) clearInterval(timer);
    timer = null;
    play.textContent = "Play";
    play.setAttribute("aria-pressed", "false");
  }
  function button(text, className, label, onClick) {
    var node = el("button", "geomap-step " + className, text);
    node.type = "button";
    node.setAttribute("aria-label", label);
    node.addEventListener("click", onClick);
    return node;
  }
  var previous = button("\u25C0", "geomap-step-previous", "Previous day", function () {
    stop();
    go(current < 0 ? days.length - 1 : current - 1);
  });
  var next = button("\u25B6", "geomap-step-next", "Next day", function () {
    stop();
    go(current + 1);
  });
  var play = button("Play", "geomap-step-play", "Play the days in order", function () {
    if (timer !== null) { stop(); return; }
    // From the first day, or on from the day shown; it stops on the last.
    go(current < 0 || current === days.length - 1 ? 0 : current + 1);
    play.textContent = "Pause";
    play.setAttribute("aria-pressed", "true");
    timer = setInterval(function () {
      if (current >= days.length - 1) { stop(); return; }
      go(current + 1);
    }, PLAY_STEP_MS);
  });
  play.setAttribute("aria-pressed", "false");
  var all = button("All days", "geomap-step-all", "Show all days", function () {
    stop();
    current = -1;
    status.textContent = "";
    show(days[0], days[days.length - 1], true);
  });
  [previous, next, play, all, status].forEach(function (node) { box.appendChild(node); });
  return box;
}
