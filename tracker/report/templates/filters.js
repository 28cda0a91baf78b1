(function () {
  var form = document.getElementById("filters");
  var rows = document.querySelectorAll("#claims tbody tr");
  function has(list, value) { return !value || list.split("|").indexOf(value) >= 0; }
  function apply() {
    var f = form.elements, shown = 0;
    rows.forEach(function (row) {
      var ok = (!f.outlet.value || row.dataset.outlet === f.outlet.value) && has(row.dataset.entities, f.entity.value)
        && has(row.dataset.kinds, f.kind.value) && has(row.dataset.statuses, f.status.value);
      row.hidden = !ok; if (ok) shown++;
    });
    document.getElementById("shown").textContent = shown;
  }
  form.addEventListener("change", apply);
})();
