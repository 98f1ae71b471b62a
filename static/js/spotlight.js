/* Spotlight for the kick-off party: the group's ideas one by one, full screen.
 *
 * The slides are in the page already (server-rendered); this only shows one at a time.
 * Auto-advance every data-seconds; arrow keys or a click on the screen go on or back;
 * space pauses; F goes full screen.
 */
(function () {
  "use strict";

  const root = document.getElementById("spot");
  if (!root) return;
  const slides = Array.from(root.querySelectorAll(".slide"));
  const dots = root.querySelector(".spot-dots");
  const pauseButton = root.querySelector('[data-go="pause"]');
  const seconds = Number(root.dataset.seconds) || 12;
  const T = window.T || {};
  let index = 0;
  let timer = null;
  let paused = false;

  slides.forEach((_, n) => {
    const dot = document.createElement("span");
    dot.className = "spot-dot";
    dot.addEventListener("click", (event) => { event.stopPropagation(); show(n); });
    dots.appendChild(dot);
  });

  function show(n) {
    index = (n + slides.length) % slides.length;
    slides.forEach((slide, i) => {
      slide.hidden = i !== index;
      slide.classList.toggle("is-shown", i === index);
    });
    Array.from(dots.children).forEach((dot, i) => dot.classList.toggle("on", i === index));
    schedule();
  }

  function schedule() {
    clearTimeout(timer);
    root.classList.toggle("is-paused", paused);
    if (!paused && slides.length > 1) timer = setTimeout(() => show(index + 1), seconds * 1000);
  }

  function togglePause() {
    paused = !paused;
    pauseButton.setAttribute("aria-label", paused ? (T.spot_play || "Play") : (T.spot_pause || "Pause"));
    schedule();
  }

  function fullScreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (root.requestFullscreen) root.requestFullscreen().catch(() => {});
  }

  root.querySelector(".spot-controls").addEventListener("click", (event) => {
    const button = event.target.closest("[data-go]");
    if (!button) return;
    event.stopPropagation();
    const go = button.dataset.go;
    if (go === "next") show(index + 1);
    else if (go === "prev") show(index - 1);
    else if (go === "pause") togglePause();
    else if (go === "full") fullScreen();
  });

  root.addEventListener("click", (event) => {
    if (event.target.closest(".spot-bar")) return;
    show(index + 1);
  });

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    if (key === "ArrowRight" || key === "PageDown") show(index + 1);
    else if (key === "ArrowLeft" || key === "PageUp") show(index - 1);
    else if (key === " " || key === "p" || key === "P") togglePause();
    else if (key === "f" || key === "F") fullScreen();
    else if (key === "Home") show(0);
    else return;
    event.preventDefault();
  });

  show(0);
})();
