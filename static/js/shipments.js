// The series page follows its waiting shipments: when one is sent or refused, the page
// reloads to show it (and the progress link the network server gave back).
(function () {
  "use strict";
  const box = document.getElementById("shipments");
  if (!box) return;
  const states = () => Object.fromEntries(
    [...box.querySelectorAll("[data-uid]")].map((li) => [li.dataset.uid, li.dataset.status]));
  async function check() {
    const shown = states();
    if (!Object.values(shown).includes("waiting")) return;
    try {
      const answer = await fetch(box.dataset.url, { headers: { Accept: "application/json" } });
      const body = await answer.json();
      if (body.shipments.some((s) => shown[s.uid] !== s.status)) {
        window.location.reload();
        return;
      }
    } catch (_e) { /* the laptop's own server is always there; try again */ }
    setTimeout(check, 3000);
  }
  setTimeout(check, 3000);
})();
