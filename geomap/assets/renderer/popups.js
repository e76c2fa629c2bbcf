/* geomap renderer, popups: a marker's event records, each with its date, type, figures and
 * claimants, how many sources confirm it, and its reports. Every piece of article text goes
 * in as a text node (el), never as HTML. */

// ACLED's geo_precision 3: known only to a region or country.
var VAGUE_PRECISION = 3;

// Reviewed reports (geomap.corrections): a mark in the popup, and on a marker when an
// editor checked every record behind it; the legend says what it means. The editor's
// note is text from a person, shown like article text: as a text node only.
var REVIEWED_MARK = "\u2713";

function reviewedLegendRow() {
  var row = el("div", "geomap-legend-row geomap-legend-reviewed");
  row.appendChild(el("span", "geomap-reviewed-badge", REVIEWED_MARK));
  row.appendChild(el("span", "", "Reviewed by an editor"));
  return row;
}

// The popups of one map: content(entries, type) for a marker, options() for Leaflet.
function makePopups(g) {
  var map = g.map, data = g.data, container = g.container, styles = g.styles, noun = g.noun;
  var events = g.events, reports = g.reports, sources = g.sources, places = g.places;
  var E = g.E, R = g.R, K = g.K, S = g.S, P = g.P;

  // A record's figures: [label, conservative, highest].
  var TOLLS = [["Killed", "fatalities"], ["Injured", "injuries"], ["Arrested", "arrests"]];
  // Long lists open short, with a button that shows the rest.
  var REPORTS_SHOWN = 3;
  var EVENTS_SHOWN = 5;

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
    var shown = shownReports(row[E.reports], row[E.n_reports]);
    shortList("ol", "geomap-reports", shown.length, REPORTS_SHOWN,
      function (k) { return reportItem(shown[k]); }, shown.noun).forEach(function (node) {
      section.appendChild(node);
    });
    return section;
  }

  // One sentence may give a record two reports (a clash and its toll): it is quoted once.
  // (A review map draws each report on its own, so every report keeps its editor's tools.)
  function shownReports(start, count) {
    var all = [];
    for (var k = 0; k < count; k++) all.push(start + k);
    var seen = {};
    var distinct = all.filter(function (r) {
      var report = reports[r];
      var key = [report[R.source], report[R.quote], report[R.claimed_by], report[R.reviewed],
        report[R.editor_note]].join("\u0000");
      if (seen[key]) return false;
      seen[key] = true;
      return true;
    });
    distinct.noun = distinct.length === count ? "reports" : "quoted sentences";
    return distinct;
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

  return {content: popupContent, options: popupOptions, isVague: isVague,
    allReviewed: allReviewed};
}
