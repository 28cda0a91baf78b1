(function () {
  "use strict";
  // Rows: [id, text, outlet index, published, [entity indexes], ["kind:status", ...]]
  var data = JSON.parse(document.getElementById("search-data").textContent);
  var form = document.getElementById("search"), list = document.getElementById("results");
  var kinds = {}, lower = null;
  data.claims.forEach(function (row) { row[5].forEach(function (f) { kinds[f.split(":")[0]] = true; }); });
  function fill(select, values, byIndex) {
    values.forEach(function (value, i) {
      var option = document.createElement("option");
      option.value = byIndex ? String(i) : value;
      option.textContent = value;
      select.appendChild(option);
    });
  }
  fill(form.elements.outlet, data.outlets, true);
  fill(form.elements.kind, Object.keys(kinds).sort(), false);
  function words(value) { return value.toLowerCase().split(/\s+/).filter(Boolean); }
  function haystacks() {
    if (lower === null) {
      lower = data.claims.map(function (row) {
        var names = row[4].map(function (e) { return data.entities[e]; }).join(" ");
        return [(row[1] + " " + (data.outlets[row[2]] || "") + " " + names).toLowerCase(), names.toLowerCase()];
      });
    }
    return lower;
  }
  function flagged(row, kind, status) {
    if (!kind && !status) { return true; }
    return row[5].some(function (f) {
      var parts = f.split(":");
      return (!kind || parts[0] === kind) && (!status || parts[1] === status);
    });
  }
  var last = null;
  function apply() {
    var f = form.elements, q = words(f.q.value), who = words(f.entity.value), shown = 0, count = 0;
    var asked = JSON.stringify([q, who, f.outlet.value, f.kind.value, f.status.value]), all = haystacks();
    if (asked === last) { return; }  // a change event on leaving the box must not replace the link being clicked
    last = asked;
    list.textContent = "";
    data.claims.forEach(function (row, i) {
      var ok = (f.outlet.value === "" || String(row[2]) === f.outlet.value) && flagged(row, f.kind.value, f.status.value)
        && q.every(function (w) { return all[i][0].indexOf(w) >= 0; })
        && who.every(function (w) { return all[i][1].indexOf(w) >= 0; });
      if (!ok) { return; }
      count++;
      if (shown >= data.results) { return; }
      shown++;
      var item = document.createElement("li"), link = document.createElement("a"), note = document.createElement("span");
      link.href = "claims/" + row[0] + ".html";
      link.textContent = row[1];
      note.className = "muted";
      note.textContent = " — " + (data.outlets[row[2]] || "") + (row[3] ? ", " + row[3] : "") + (row[5].length ? " · " + row[5].join(", ") : "");
      item.appendChild(link);
      item.appendChild(note);
      list.appendChild(item);
    });
    document.getElementById("count").textContent = String(count);
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  apply();
})();
