// ropa serve: reload when the model is rendered again, show where a
// statement comes from when it is clicked, mark the statements a change
// touches. No framework; every text is set with textContent.
(function () {
  "use strict";
  var gen = document.body.getAttribute("data-gen");
  var es = new EventSource("/events");
  es.onmessage = function (e) { if (e.data !== gen) { es.close(); location.reload(); } };

  var panel = document.getElementById("provenance");
  var picked = null;
  function add(parent, tag, text) {
    var el = document.createElement(tag);
    if (text !== undefined) { el.textContent = text; }
    parent.appendChild(el);
    return el;
  }
  document.addEventListener("click", function (e) {
    if (e.target.closest("a")) { return; }
    if (e.target.closest("#provenance")) { return; }
    var el = e.target.closest("[data-src]");
    if (picked) { picked.classList.remove("picked"); picked = null; }
    if (!el) { panel.hidden = true; return; }
    var src;
    try { src = JSON.parse(el.getAttribute("data-src")); } catch (err) { return; }
    picked = el;
    el.classList.add("picked");
    panel.textContent = "";
    add(panel, "h2", "Where this comes from");
    if (src.from && src.from.length) {
      var ul = add(panel, "ul");
      src.from.forEach(function (f) {
        var li = add(ul, "li");
        add(li, "code", f.path).className = "path";
        if (f.pos) { li.appendChild(document.createTextNode(" at ")); add(li, "code", f.pos).className = "pos"; }
      });
    }
    if (src.law) { add(panel, "p", "Law: " + src.law).className = "law"; }
    panel.hidden = false;
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { panel.hidden = true; if (picked) { picked.classList.remove("picked"); } }
  });

  // Changes against a revision: colour each statement that draws on a
  // changed field (or on the entity a change adds or removes).
  var marks = [];
  try { marks = JSON.parse(document.getElementById("marks").textContent) || []; } catch (err) { marks = []; }
  var rank = { editorial: 1, register: 2, notify: 3 };
  function related(a, b) {
    function under(x, y) { return x === y || x.indexOf(y + ".") === 0 || x.indexOf(y + "[") === 0; }
    return under(a, b) || under(b, a);
  }
  if (marks.length) {
    document.querySelectorAll("[data-side] [data-src]").forEach(function (el) {
      var side = el.closest("[data-side]").getAttribute("data-side");
      var src;
      try { src = JSON.parse(el.getAttribute("data-src")); } catch (err) { return; }
      var best = "";
      (src.from || []).forEach(function (f) {
        marks.forEach(function (m) {
          if (m.side === side && related(f.path, m.path) && (!best || rank[m.class] > rank[best])) { best = m.class; }
        });
      });
      if (best) { el.classList.add("mark-" + best); el.title = best + " change"; }
    });
  }
})();
