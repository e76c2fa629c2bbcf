/* geomap renderer: small helpers every part uses (DOM, numbers, glyphs, sizes). */

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
// The height of a place's name written under its ring of markers.
var LABEL_BELOW_PX = 18;

// Circle radius in pixels for a crowd: area grows with the figure, up to the cap
// (geomap.render.styles.crowd_radius_px).
function crowdRadius(crowd, n) {
  return Math.max(crowd.minRadius, crowd.pxPerSqrt * Math.sqrt(Math.min(n, crowd.cap)));
}

function countWord(n, noun) {
  return n === 1 ? "1 " + noun : number(n) + " " + noun + "s";
}

// A page may add its own tools to each report and to the map (geomap build --review).
function hook(name, args) {
  var hooks = window.geomapHooks;
  if (hooks && typeof hooks[name] === "function") hooks[name].apply(null, args);
}
