/* geomap event renderer (MIT, part of geomap).
 *
 * Draws events from a JSON blob: one marker per place and event type, grid clustering,
 * popups, legend, layer and date controls. Article text only ever reaches the page through
 * DOM text nodes (textContent), so it is shown as text and never parsed as HTML.
 *
 * geomap.render.assets joins the parts, in this order, inside one function scope:
 *   util.js        helpers: DOM, numbers, glyphs, sizes, hooks
 *   basemap.js     the outline basemap, tiles, place labels
 *   data.js        the payload's tables, layers and the date filter (readData -> g)
 *   popups.js      popup content (makePopups)
 *   clustering.js  markers, clusters and crowd circles (makeMarkers -> redraw)
 *   controls.js    layer list, legend, date range, title (addControls)
 *   layout.js      the free areas that controls leave (makeLayout)
 *   render.js      this file: puts them together; window.geomapRender is `render`. */

function render(map, data, basemap, config) {
  var g = readData(map, data, config);
  var container = g.container, places = g.places, placeSpots = g.placeSpots;

  var basemapState = addBasemap(map, basemap, config);
  // Tiles carry their own place names; the outline map needs ours.
  var labels = addLabels(map, basemap.cities, placeSpots);
  map.on("geomapbasemap", function (e) { if (e.basemap === "tiles") labels.stop(); });
  if (basemapState.name === "tiles") labels.stop();
  var crowdPane = map.createPane("geomapCrowd");
  crowdPane.style.zIndex = 620;
  crowdPane.style.pointerEvents = "none";

  var popups = makePopups(g);
  var layout = makeLayout(g);
  var redraw = makeMarkers(g, popups, layout).redraw;
  var fitInView = layout.fitInView, placePopup = layout.placePopup;
  var popupOptions = popups.options, layers = g.layers;
  addControls(g, redraw);
  layout.stackCorners();
  map.on("geomapbasemap", layout.stackCorners);

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
