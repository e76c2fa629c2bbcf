/* geomap renderer, clustering: one marker per type at each spot (its records counted), and
 * below config.clusterMaxZoom one per type in each grid cell of clusterCellPx pixels; crowd
 * circles beside them. redraw() draws what the layers and the date range let through. */

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

function addCounts(target, byType) {
  Object.keys(byType).forEach(function (t) {
    target[t] = (target[t] || 0) + byType[t].length;
  });
}

// The markers of one map; `popups` (makePopups) fills them, `layout` (makeLayout) fits a
// cluster's places into view when it is clicked.
function makeMarkers(g, popups, layout) {
  var map = g.map, data = g.data, config = g.config, container = g.container;
  var styles = g.styles, layers = g.layers, present = g.present, noun = g.noun;
  var events = g.events, places = g.places, E = g.E, P = g.P, cellPx = g.cellPx;
  var visibleGroups = g.visibleGroups, updateLayerCounts = g.updateLayerCounts;
  var popupContent = popups.content, popupOptions = popups.options;
  var isVague = popups.isVague, allReviewed = popups.allReviewed;
  var fitInView = layout.fitInView;

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
      }, drawPopupOptions);
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


  // One popup options object per redraw: popupOptions() measures the map, and asked once
  // per marker it forced a layout of the whole page each time (zooming at 100,000 events
  // took tens of seconds). Leaflet copies the options into each popup.
  var drawPopupOptions = null;

  function redraw() {
    drawPopupOptions = popupOptions();
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

  return {redraw: redraw};
}
