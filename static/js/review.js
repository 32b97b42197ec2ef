// Review pages, progressive enhancement. Without this script every action is a
// plain form or link; with it:
//  - keyboard shortcuts j/k (next/previous record), c (confirm), e (correct),
//    r (reject). They are single keys, so (WCAG 2.1.4) they can be switched off
//    and never fire while typing in a field;
//  - on the "add a missed commitment" page, selecting text in the document fills
//    the quote and its character offsets.
(function () {
  "use strict";

  var STORAGE = "nakoming.sneltoetsen";
  var help = document.getElementById("shortcuts-help");
  var toggle = document.getElementById("shortcuts-toggle");
  var records = Array.prototype.slice.call(document.querySelectorAll("[data-record]"));

  function stored() {
    try { return window.localStorage.getItem(STORAGE); } catch (e) { return null; }
  }
  function enabled() { return stored() !== "uit"; }
  function apply() {
    document.body.classList.toggle("shortcuts-on", enabled() && records.length > 0);
    if (toggle) toggle.checked = enabled();
  }
  if (help && records.length) help.hidden = false;
  if (toggle) {
    toggle.addEventListener("change", function () {
      try { window.localStorage.setItem(STORAGE, toggle.checked ? "aan" : "uit"); } catch (e) { /* private mode */ }
      apply();
    });
  }
  apply();

  var current = -1;
  function select(index, focus) {
    if (!records.length) return;
    index = Math.max(0, Math.min(records.length - 1, index));
    if (records[current]) {
      records[current].classList.remove("is-current");
      records[current].removeAttribute("aria-current");
    }
    current = index;
    records[current].classList.add("is-current");
    records[current].setAttribute("aria-current", "true");
    if (focus) {
      records[current].focus({ preventScroll: true });
      records[current].scrollIntoView({ block: "start" });
    }
  }

  // After an action the server sends us back to "#record-<next>": continue there.
  var target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
  if (target && records.indexOf(target) >= 0) {
    select(records.indexOf(target), true);
  } else if (window.location.hash === "#volgende") {
    select(0, true);
  } else if (records.length === 1 && records[0].hasAttribute("data-single")) {
    select(0, false);
  }
  records.forEach(function (record, index) {
    record.addEventListener("focusin", function () { if (index !== current) select(index, false); });
  });

  function typing(element) {
    return element && element.closest && element.closest("input, textarea, select, [contenteditable=true]");
  }

  document.addEventListener("keydown", function (event) {
    if (!enabled() || !records.length || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) return;
    var record = records[current];
    switch (event.key) {
      case "j": {
        // Past the last card, "j" goes on to the next page of the queue.
        var nextPage = current >= records.length - 1 ? document.querySelector("a[rel=next]") : null;
        if (nextPage) { window.location.assign(nextPage.href.split("#")[0] + "#volgende"); break; }
        select(current + 1, true);
        break;
      }
      case "k":
        select(current < 0 ? 0 : current - 1, true);
        break;
      case "c": {
        if (!record) { select(0, true); break; }
        var form = record.querySelector("form[data-action=confirm]");
        if (!form) return;
        if (form.requestSubmit) form.requestSubmit(); else form.submit();
        break;
      }
      case "e": {
        if (!record) { select(0, true); break; }
        var link = record.querySelector("a[data-action=edit]");
        if (!link) return;
        window.location.assign(link.href);
        break;
      }
      case "r": {
        if (!record) { select(0, true); break; }
        var details = record.querySelector("details[data-action=reject]");
        if (!details) return;
        details.open = true;
        var first = details.querySelector("input[type=radio]:checked") ||
          details.querySelector("input:not([type=hidden]), select, textarea");
        if (first) first.focus();
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  });

  // --- selecting a passage in the document text -----------------------------------
  var source = document.getElementById("source-text");
  if (!source) return;
  var quote = document.getElementById("id_quote");
  var start = document.getElementById("id_start");
  var end = document.getElementById("id_end");
  var status = document.getElementById("selection-status");
  var segments = Array.prototype.slice.call(source.querySelectorAll("[data-s]"));

  // Offsets on the server count code points; JavaScript strings count UTF-16 units.
  function points(text) { return Array.from(text).length; }

  function boundary(segment, container, offset, atStart) {
    if (segment.contains(container) && container.nodeType === Node.TEXT_NODE) {
      return Number(segment.dataset.s) + points(container.textContent.slice(0, offset));
    }
    return Number(segment.dataset.s) + (atStart ? 0 : points(segment.textContent));
  }

  function readSelection() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    if (!source.contains(range.commonAncestorContainer)) return;
    var hit = segments.filter(function (segment) { return range.intersectsNode(segment); });
    if (!hit.length) return;
    var from = boundary(hit[0], range.startContainer, range.startOffset, true);
    var to = boundary(hit[hit.length - 1], range.endContainer, range.endOffset, false);
    if (to <= from) return;
    var text = hit.map(function (segment) { return segment.textContent; }).join("");
    var chars = Array.from(text);
    var base = Number(hit[0].dataset.s);
    var picked = chars.slice(from - base, to - base).join("").trim();
    if (!picked) return;
    quote.value = picked;
    start.value = from;
    end.value = to;
    status.textContent = "Geselecteerd: tekens " + from + " tot " + to + " (" + points(picked) + " tekens). Het citaat staat in het formulier.";
  }

  source.addEventListener("mouseup", readSelection);
  source.addEventListener("keyup", readSelection);
  if (quote) {
    // A quote typed by hand must not keep the offsets of an earlier selection.
    quote.addEventListener("input", function () { start.value = ""; end.value = ""; });
  }
})();
