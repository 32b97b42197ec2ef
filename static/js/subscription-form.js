// Progressive enhancement: show only the field that goes with the chosen subject
// (commissie, ministerie, …). Without JavaScript all fields stay visible.
(function () {
  const form = document.querySelector("input[name=target]")?.form;
  if (!form) return;
  const fields = form.querySelectorAll("[data-target]");
  function show() {
    const chosen = form.querySelector("input[name=target]:checked")?.value;
    fields.forEach((field) => { field.hidden = Boolean(chosen) && field.dataset.target !== chosen; });
  }
  form.querySelectorAll("input[name=target]").forEach((radio) => radio.addEventListener("change", show));
  show();
})();
