/**
 * The only script in the report: the filters over the pairs and rules tables (verdict, passed or
 * failed, text). No data is embedded in it — it reads the rows — so nothing from a topology ever
 * appears inside a <script> element. One pass over the rows per change: linear.
 */
export const script = `(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var form = document.getElementById("filters");
  if (!form) return;
  var verdict = document.getElementById("f-verdict");
  var status = document.getElementById("f-status");
  var text = document.getElementById("f-text");
  var count = document.getElementById("f-count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-status]"));
  var haystack = rows.map(function (r) { return r.textContent.toLowerCase(); });
  function apply() {
    var v = verdict.value, s = status.value, q = text.value.trim().toLowerCase();
    var shown = { pair: 0, rule: 0 }, total = { pair: 0, rule: 0 };
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i], kind = r.getAttribute("data-kind");
      var ok = (s === "" || r.getAttribute("data-status") === s) &&
        (v === "" || kind !== "pair" || r.getAttribute("data-verdict") === v) &&
        (q === "" || haystack[i].indexOf(q) >= 0);
      r.classList.toggle("off", !ok);
      total[kind]++;
      if (ok) shown[kind]++;
    }
    count.textContent = "showing " + shown.pair + " of " + total.pair + " pairs, " + shown.rule + " of " + total.rule + " rules";
  }
  verdict.addEventListener("change", apply);
  status.addEventListener("change", apply);
  text.addEventListener("input", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  apply();
})();
`;
