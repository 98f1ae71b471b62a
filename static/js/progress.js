/* The public progress page. Read aloud: the idea, where it stands and the latest news. */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".pub-speak");
    if (!button) return;
    var card = button.closest("[data-speak]");
    if (card && !window.Live.speak(card.getAttribute("data-speak"))) button.disabled = true;
  });
  if (!("speechSynthesis" in window)) {
    document.querySelectorAll(".pub-speak").forEach(function (b) { b.hidden = true; });
  }
})();
