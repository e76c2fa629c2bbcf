/* geomap review tools (MIT, part of geomap); only in pages written by `geomap build --review`.
 * Adds to every report in a popup the editor's actions (drop, move, retype, figures, note),
 * and to the map a panel to add a missed event and to download the corrections file that
 * `geomap build --corrections FILE` reads. Changes are kept in this browser (localStorage),
 * nothing is sent anywhere, and every text from an article or from the editor reaches the
 * page as a text node (textContent), never as HTML. */
(function () {
  "use strict";

  var FIGURES = ["crowd_low", "crowd_high", "killed", "injured", "arrested"];
  var FIGURE_LABELS = {crowd_low: "Crowd (low)", crowd_high: "Crowd (high)", killed: "Killed",
    injured: "Injured", arrested: "Arrested"};
  var ACTION_LABELS = {drop: "Drop", move: "Move", retype: "Retype", figures: "Figures",
    note: "Note", date: "Date", add: "Add"};
  // The order of keys in a written entry: what it does and to what first, who and why last.
  var KEY_ORDER = ["action", "event", "event_type", "place", "country", "lat", "lon", "date",
    "source", "source_title", "outlet", "url", "quote"].concat(FIGURES, ["note", "editor", "reason"]);

  var review = null; // {data, ids, doubts, base, key, types, local, editor, panel}

  // el(tag, className, text) comes from the renderer's util.js, joined before this file.

  function button(label, className, onClick) {
    var b = el("button", className, label);
    b.type = "button";
    b.addEventListener("click", function (e) {
      e.preventDefault();
      e.stopPropagation();
      onClick();
    });
    return b;
  }

  function field(form, label, name, type, attrs) {
    var wrap = el("label", "geomap-review-field", label + " ");
    var input = el(type === "textarea" ? "textarea" : type === "select" ? "select" : "input");
    if (type !== "textarea" && type !== "select") input.type = type;
    input.name = name;
    Object.keys(attrs || {}).forEach(function (k) { input.setAttribute(k, attrs[k]); });
    wrap.appendChild(input);
    form.appendChild(wrap);
    return input;
  }

  function typeSelect(form, name, label) {
    var select = field(form, label, name, "select");
    review.types.forEach(function (t) {
      var option = el("option", "", t.label);
      option.value = t.key;
      select.appendChild(option);
    });
    return select;
  }

  // Storage --------------------------------------------------------------------------------
  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(review.key) || "[]");
      review.local = Array.isArray(saved) ? saved : [];
      review.editor = window.localStorage.getItem("geomap-review-editor") || "";
    } catch (e) {
      review.local = []; // storage refused (private mode): changes live as long as the page
    }
  }

  function save() {
    try {
      window.localStorage.setItem(review.key, JSON.stringify(review.local));
      window.localStorage.setItem("geomap-review-editor", review.editor);
    } catch (e) { /* kept in memory only */ }
    refreshPanel();
  }

  function ordered(entry) {
    var out = {};
    KEY_ORDER.forEach(function (k) { if (entry[k] !== undefined) out[k] = entry[k]; });
    return out;
  }

  function record(entry) {
    entry.editor = review.editor;
    review.local.push(ordered(entry));
    save();
  }

  function pendingFor(id) {
    return review.local.filter(function (e) { return e.event === id; });
  }

  // The corrections file: the entries the page was built with, then this browser's. One
  // entry a line, so that a change is one line in a git diff.
  function correctionsText() {
    var entries = review.base.concat(review.local);
    var lines = entries.map(function (e) { return "    " + JSON.stringify(ordered(e)); });
    return "{\n  \"geomap_corrections\": 1,\n  \"corrections\": [" +
      (lines.length ? "\n" + lines.join(",\n") + "\n  " : "") + "]\n}\n";
  }

  function download() {
    var blob = new Blob([correctionsText()], {type: "application/json"});
    var link = el("a");
    link.href = URL.createObjectURL(blob);
    link.download = "corrections.json";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 0);
  }

  // Forms -------------------------------------------------------------------------------------
  function problem(form, text) {
    var box = form.querySelector(".geomap-review-problem");
    box.textContent = text;
    return false;
  }

  function needsWho(form, reason) {
    if (!review.editor.trim()) return problem(form, "Type your name in the review panel first.");
    if (!reason.trim()) return problem(form, "Say why (reason).");
    return true;
  }

  function count(form, input) {
    var text = input.value.trim();
    if (!text) return undefined;
    if (!/^\d+$/.test(text)) {
      problem(form, input.name + " must be a whole number");
      return null;
    }
    return parseInt(text, 10);
  }

  function placeFields(form) {
    return {
      place: field(form, "Place", "place", "text", {placeholder: "a place name"}),
      country: field(form, "Country", "country", "text", {placeholder: "KG", size: "3"}),
      lat: field(form, "or lat", "lat", "text", {size: "8"}),
      lon: field(form, "lon", "lon", "text", {size: "8"})
    };
  }

  function readPlace(form, inputs, entry) {
    var place = inputs.place.value.trim(), lat = inputs.lat.value.trim(), lon = inputs.lon.value.trim();
    if (lat || lon) {
      var y = Number(lat), x = Number(lon);
      if (!lat || !lon || !isFinite(y) || !isFinite(x) || Math.abs(y) > 90 || Math.abs(x) > 180) {
        return problem(form, "Give lat and lon as numbers, or a place name.");
      }
      entry.lat = y;
      entry.lon = x;
    } else if (!place) {
      return problem(form, "Give a place name, or lat and lon.");
    }
    if (place) entry.place = place;
    if (inputs.country.value.trim()) entry.country = inputs.country.value.trim().toUpperCase();
    return true;
  }

  // action -> builds its inputs into the form and returns a reader giving the entry or false.
  var FORMS = {
    drop: function () { return function () { return {}; }; },
    move: function (form) {
      var inputs = placeFields(form);
      return function () {
        var entry = {};
        return readPlace(form, inputs, entry) && entry;
      };
    },
    retype: function (form) {
      var select = typeSelect(form, "event_type", "New type");
      return function () { return {event_type: select.value}; };
    },
    figures: function (form) {
      var inputs = FIGURES.map(function (k) {
        return field(form, FIGURE_LABELS[k], k, "text", {size: "7", inputmode: "numeric"});
      });
      var note = field(form, "Note", "note", "text");
      return function () {
        var entry = {}, given = 0;
        for (var i = 0; i < inputs.length; i++) {
          var n = count(form, inputs[i]);
          if (n === null) return false;
          if (n !== undefined) { entry[FIGURES[i]] = n; given += 1; }
        }
        if (!given) return problem(form, "Give at least one figure.");
        if (entry.crowd_low !== undefined && entry.crowd_high !== undefined &&
            entry.crowd_high < entry.crowd_low) {
          return problem(form, "Crowd (high) is below crowd (low).");
        }
        if (note.value.trim()) entry.note = note.value.trim();
        return entry;
      };
    },
    note: function (form) {
      var note = field(form, "Note", "note", "textarea", {rows: "2"});
      return function () {
        if (!note.value.trim()) return problem(form, "Write the note.");
        return {note: note.value.trim()};
      };
    }
  };

  function openForm(host, action, id, done) {
    var old = host.querySelector(".geomap-review-form");
    if (old) old.remove();
    var form = el("form", "geomap-review-form");
    form.setAttribute("data-action", action);
    var read = FORMS[action](form);
    var reason = field(form, "Reason", "reason", "text");
    form.appendChild(el("div", "geomap-review-problem"));
    form.appendChild(button(ACTION_LABELS[action], "geomap-review-submit", function () {
      submit();
    }));
    form.appendChild(button("Cancel", "geomap-review-cancel", function () { form.remove(); }));
    function submit() {
      var entry = read();
      if (!entry || !needsWho(form, reason.value)) return;
      entry.action = action;
      entry.event = id;
      entry.reason = reason.value.trim();
      record(entry);
      form.remove();
      done();
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      submit();
    });
    host.appendChild(form);
    var first = form.querySelector("input, select, textarea");
    if (first) first.focus();
  }

  function describe(entry) {
    var what = ACTION_LABELS[entry.action] || entry.action;
    if (entry.action === "move") what += " to " + (entry.place || (entry.lat + ", " + entry.lon));
    if (entry.action === "retype") what += " to " + entry.event_type;
    if (entry.action === "add") what += " " + entry.event_type + " at " + (entry.place || (entry.lat + ", " + entry.lon));
    if (entry.action === "figures") {
      what += " " + FIGURES.filter(function (k) { return entry[k] !== undefined; })
        .map(function (k) { return k + " " + entry[k]; }).join(", ");
    }
    if (entry.note) what += " (note: " + entry.note + ")";
    return what + " — " + entry.reason;
  }

  function pendingList(entries) {
    var list = el("ul", "geomap-review-pending");
    entries.forEach(function (entry) {
      var item = el("li", "", describe(entry));
      item.appendChild(button("Undo", "geomap-review-undo", function () {
        review.local.splice(review.local.indexOf(entry), 1);
        save();
        item.remove();
      }));
      list.appendChild(item);
    });
    return list;
  }

  // Hooks the renderer calls --------------------------------------------------------------
  function reportTools(item, index) {
    var id = review.ids[index];
    if (!id) return;
    var tools = el("div", "geomap-review-tools");
    tools.setAttribute("data-report-id", id);
    var doubt = review.doubts[index];
    if (doubt !== null && doubt !== undefined) {
      // The learned report filter would drop it: most such reports are no event there.
      tools.appendChild(el("div", "geomap-review-doubt", "Check first: the report filter puts " +
        "the chance that this is a real event of this type here at " + Math.round(doubt * 100) + "%."));
    }
    var pending = el("div", "geomap-review-state");
    function showPending() {
      pending.textContent = "";
      var mine = pendingFor(id);
      if (mine.length) {
        pending.appendChild(el("div", "geomap-review-label", "Pending changes:"));
        pending.appendChild(pendingList(mine));
      }
      item.classList.toggle("geomap-review-dropped", mine.some(function (e) {
        return e.action === "drop";
      }));
    }
    ["drop", "move", "retype", "figures", "note"].forEach(function (action) {
      tools.appendChild(button(ACTION_LABELS[action], "geomap-review-" + action, function () {
        openForm(tools, action, id, showPending);
      }));
    });
    tools.appendChild(pending);
    showPending();
    item.appendChild(tools);
  }

  function addForm(host) {
    var old = host.querySelector(".geomap-review-form");
    if (old) { old.remove(); return; }
    var form = el("form", "geomap-review-form geomap-review-add");
    var type = typeSelect(form, "event_type", "Type");
    var inputs = placeFields(form);
    var date = field(form, "Date", "date", "date");
    var source = field(form, "Source", "source", "text", {placeholder: "URL or file"});
    var quote = field(form, "Quote", "quote", "textarea", {rows: "2"});
    var note = field(form, "Note", "note", "text");
    var reason = field(form, "Reason", "reason", "text");
    form.appendChild(el("div", "geomap-review-problem"));
    form.appendChild(button("Add event", "geomap-review-submit", function () { submit(); }));
    function submit() {
      var entry = {action: "add", event_type: type.value};
      if (!readPlace(form, inputs, entry)) return;
      if (date.value) entry.date = date.value;
      if (!source.value.trim()) return problem(form, "Give the source.");
      if (!quote.value.trim()) return problem(form, "Give the quote.");
      entry.source = source.value.trim();
      entry.quote = quote.value.trim();
      if (/^https?:\/\//i.test(entry.source)) entry.url = entry.source;
      if (note.value.trim()) entry.note = note.value.trim();
      if (!needsWho(form, reason.value)) return;
      entry.reason = reason.value.trim();
      record(entry);
      form.remove();
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); submit(); });
    host.appendChild(form);
  }

  function refreshPanel() {
    var panel = review.panel;
    if (!panel) return;
    var count = panel.querySelector(".geomap-review-count");
    var n = review.local.length;
    count.textContent = (n === 1 ? "1 change" : n + " changes") + " in this browser" +
      (review.base.length ? ", " + review.base.length + " from the corrections file" : "");
    var doubted = review.doubts.filter(function (d) { return d !== null; }).length;
    panel.querySelector(".geomap-review-doubts").textContent = doubted ?
      doubted + (doubted === 1 ? " report" : " reports") + " to check first (marked in the popups)" : "";
    var list = panel.querySelector(".geomap-review-pending");
    var fresh = pendingList(review.local);
    if (list) list.replaceWith(fresh); else panel.appendChild(fresh);
  }

  function ready(map) {
    var Panel = L.Control.extend({
      onAdd: function () {
        var box = el("div", "geomap-review-panel leaflet-bar");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Review");
        box.appendChild(el("div", "geomap-legend-title", "Review"));
        var who = el("input");
        who.name = "editor";
        who.placeholder = "your name";
        who.value = review.editor;
        who.addEventListener("input", function () { review.editor = who.value; save(); });
        var label = el("label", "geomap-review-field", "Editor ");
        label.appendChild(who);
        box.appendChild(label);
        box.appendChild(el("div", "geomap-review-count"));
        box.appendChild(el("div", "geomap-review-doubts"));
        var actions = el("div", "geomap-review-actions");
        actions.appendChild(button("Add event", "geomap-review-add-open", function () {
          addForm(formHost);
        }));
        actions.appendChild(button("Download corrections", "geomap-review-download", download));
        box.appendChild(actions);
        var formHost = el("div");
        box.appendChild(formHost);
        review.panel = box;
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      }
    });
    new Panel({position: "topleft"}).addTo(map);
    refreshPanel();
  }

  function start(blob) {
    review = {ids: blob.ids, doubts: blob.doubts || [], base: blob.corrections, key: blob.storageKey, types: blob.types,
      local: [], editor: "", panel: null};
    load();
    window.geomapHooks = {report: reportTools, ready: ready};
    window.geomapReview = {text: correctionsText}; // for the curious: the file as it stands
  }

  var node = document.getElementById("geomap-review-data");
  if (node) start(JSON.parse(node.textContent));
})();
