/* Small rendering helpers of the tablet: buttons, icons, pictures, a wordless nudge. */

import { el, t, text as planText } from "../common/live.js";
import { LANG } from "./config.js";
import { speakButton } from "./speech.js";

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

export function say(node, words) {
  /* Something is missing or wrong here: the nudge, and next to it in words what to do (read
   * by screen readers, with its own read-aloud), until the child changes something. */
  nudge(node);
  let box = node.sayBox;
  if (!box || !box.isConnected) {
    box = el("p", { class: "t-say", role: "alert" });
    node.sayBox = box;
    node.insertAdjacentElement("afterend", box);
    if (!node.saysListen) {
      node.saysListen = true;
      node.addEventListener("input", () => unsay(node));
    }
  }
  box.replaceChildren(icon("💬"), el("span", { class: "t-say-text", text: words }),
                      speakButton(() => words, { cls: "t-speak-mini" }));
  box.hidden = false;
}

export function unsay(node) {
  if (node.sayBox) node.sayBox.hidden = true;
}

export function letterCounter(box, maximum) {
  /* Near the limit: how many letters are left; past it, in words that it is too long (no
   * silent cut: the box takes more, sending says what to do). check() is true when the
   * words fit. */
  const counter = el("p", { class: "t-letters", "aria-live": "polite", hidden: true });
  function update() {
    const left = maximum - box.value.length;
    counter.hidden = left > 40;
    counter.classList.toggle("is-over", left < 0);
    counter.textContent = left < 0 ? t("text_too_long", { maximum: maximum })
      : t("letters_left", { n: left });
  }
  box.addEventListener("input", update);
  return {
    node: counter,
    update: update,
    check() {
      update();
      if (box.value.trim().length <= maximum) return true;
      say(box, t("text_too_long", { maximum: maximum }));
      return false;
    },
  };
}
