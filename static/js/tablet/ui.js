/* Small rendering helpers of the tablet: buttons, icons, pictures, a wordless nudge. */

import { el, text as planText } from "../common/live.js";
import { LANG } from "./config.js";

export function text(value) { return planText(value, LANG); }

export function button(cls, attrs, children) {
  return el("button", Object.assign({ type: "button", class: cls }, attrs || {}), children);
}

export function icon(symbol, cls) {
  return el("span", { class: cls || "t-icon", "aria-hidden": "true", text: symbol });
}

export function nudge(node) {
  /* Show, without words, that something is missing here. */
  node.classList.remove("t-nudge");
  void node.offsetWidth;
  node.classList.add("t-nudge");
  clearTimeout(node.nudgeTimer);
  node.nudgeTimer = setTimeout(() => node.classList.remove("t-nudge"), 1600);
  if (node.focus) node.focus({ preventScroll: false });
}

export function pressed(node, on) {
  node.classList.toggle("is-on", !!on);
  node.setAttribute("aria-pressed", on ? "true" : "false");
}

export function mmss(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  return String(Math.floor(s / 60)).padStart(2, "0") + ":" + String(s % 60).padStart(2, "0");
}

export function picture(src, cls) {
  return el("img", { class: cls || "t-pic", src: src, alt: "", loading: "lazy",
                     draggable: "false" });
}
