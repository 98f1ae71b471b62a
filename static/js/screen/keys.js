/* The keyboard shortcuts of the screen (arrows, PageUp/PageDown of a clicker, space, L, R,
 * M, F, Escape) and the control bar hiding itself when the mouse rests. */

import { buttonsNow, toggleDrawer, toggleFullscreen } from "./controls.js";
import { api, bar, drawer, root, store } from "./page.js";

let idleTimer = null;
export function wake() {
  root.classList.add("awake");
  clearTimeout(idleTimer);
  idleTimer = setTimeout(sleep, 3000);
}
function sleep() {
  if (bar.matches(":hover") || bar.contains(document.activeElement) && document.activeElement !== document.body) {
    idleTimer = setTimeout(sleep, 1500);
    return;
  }
  root.classList.remove("awake");
}

export function wireIdleBar() {
  /* the bar wakes on mouse, touch or focus and measures its height */
  ["mousemove", "mousedown", "touchstart", "wheel"].forEach((ev) => document.addEventListener(ev, wake, { passive: true }));
  bar.addEventListener("focusin", wake);
  const measureBar = () => root.style.setProperty("--bar-h", bar.offsetHeight + "px");
  if (window.ResizeObserver) new ResizeObserver(measureBar).observe(bar);
  measureBar();
}

export function wireKeys() {
  /* the shortcuts; a clicked button gives its focus back */
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target;
    if (target && (target.matches("input, textarea, select") || target.isContentEditable)) return;
    if (target && target.matches("button") && (e.key === " " || e.key === "Enter")) return;
    const state = store.state;
    if (!state) return;
    const rtl = document.documentElement.dir === "rtl";
    const byId = (id) => buttonsNow().find((b) => b.id === id);
    const press = (id) => { const b = byId(id); if (b && !b.disabled) b.run(); };
    let done = true;
    switch (e.key) {
      case "ArrowRight": press(rtl ? "prev" : "next"); break;
      case "ArrowLeft": press(rtl ? "next" : "prev"); break;
      case "PageDown": press("next"); break; // presentation clickers
      case "PageUp": press("prev"); break;
      case " ": press("timer"); break;
      case "l": case "L": press("lock"); break;
      case "r": case "R": press("reveal"); break;
      case "m": case "M": toggleDrawer(); break;
      case "f": case "F": toggleFullscreen(); break;
      case "Escape":
        if (api.pick !== null) api.cancelPick();
        else if (!drawer.hidden) toggleDrawer(false);
        else done = false;
        break;
      default: done = false;
    }
    if (done) { e.preventDefault(); wake(); }
  });

  // A button clicked with the mouse gives its focus back, so that space and the arrow keys
  // keep working as shortcuts instead of pressing that button again.
  document.addEventListener("click", (e) => {
    const button = e.target.closest && e.target.closest("button");
    if (button && e.detail > 0) button.blur();
  });
}
