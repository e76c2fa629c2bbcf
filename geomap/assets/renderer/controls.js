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
}
