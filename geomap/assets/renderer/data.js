/* geomap renderer, data: the payload's tables (geomap.render.payload), what they decide
 * (which types occur, the date range, the map's layers) and the date filter.
 *
 * readData returns `g`, the state of one map that every other part reads. */

function readData(map, data, config) {
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
  // Below this map width the legend starts as a button and the layer list collapses.
  var compact = container.clientWidth < COMPACT_WIDTH_PX;

  return {map: map, data: data, config: config, container: container, styles: styles,
    E: E, R: R, K: K, S: S, P: P, places: places, sources: sources, reports: reports,
    events: events, noun: noun, cellPx: cellPx, placeSpots: placeSpots, present: present,
    countByType: countByType, eventDates: eventDates, minDate: minDate, maxDate: maxDate, undated: undated,
    hasCrowds: hasCrowds, layers: layers, filter: filter, compact: compact,
    inDateRange: inDateRange, updateLayerCounts: updateLayerCounts,
    visibleGroups: visibleGroups};
}
