/* geomap renderer, layout: where controls leave the map free. Markers are fitted into the
 * largest free area, and a popup is panned into the nearest one that holds it. */

function makeLayout(g) {
  var map = g.map, container = g.container, compact = g.compact;

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
    // A place's name is written under its ring: keep it clear of a control below too.
    var below = Math.min(LABEL_BELOW_PX, (free.bottom - free.top) / 8);
    map.fitBounds(bounds, {paddingTopLeft: [free.left + margin, free.top + margin],
      paddingBottomRight: [width - free.right + margin, height - free.bottom + margin + below],
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

  return {fitInView: fitInView, placePopup: placePopup, stackCorners: stackCorners};
}
