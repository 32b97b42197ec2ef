// Progressive enhancement: while a document is queued or processing, poll its
// status and reload the page once it is done or failed. Without JavaScript
// the page offers a "Vernieuwen" link instead.
(function () {
  const box = document.getElementById("document-status");
  if (!box) return;
  const busy = (s) => s === "queued" || s === "processing";
  if (!busy(box.dataset.status)) return;
  async function poll() {
    try {
      const response = await fetch(box.dataset.url, { headers: { Accept: "application/json" } });
      const data = await response.json();
      const progress = box.querySelector("progress");
      if (progress) progress.value = data.progress;
      const stage = box.querySelector("[data-role=stage]");
      if (stage) stage.textContent = data.stage_label || data.stage;
      if (!busy(data.status)) { window.location.reload(); return; }
    } catch (e) { /* network hiccup: try again */ }
    setTimeout(poll, 2000);
  }
  setTimeout(poll, 1500);
})();
