/* geomap renderer: the outline basemap, map tiles when they load, and place labels. */

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
