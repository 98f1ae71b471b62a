/* Read-aloud on the tablet: a 🔊 button that speaks (or stops) in the child's language with
 * a voice of the device for it (voices.js). Where the device has none, the button shows a
 * crossed speaker and, when tapped, says so in words: never silence without a word. The
 * buttons follow the device's voices as they arrive (voiceschanged) and the child's
 * language when it changes. */

import { el, t } from "../common/live.js";
import { LANG } from "./config.js";
import { showBanner } from "./shell.js";
import { button, icon } from "./ui.js";

const Speech = window.Speech; // voices.js, a classic script before the modules

export function canSpeak() { return !!(Speech && Speech.canSpeak(LANG)); }

function dress(node) {
  /* The button as the device can do it now: 🔊 "Read aloud", or 🔇 and the words why not. */
  const ok = canSpeak();
  node.classList.toggle("is-mute", !ok);
  node.querySelector(".t-speak-icon").textContent = ok ? "🔊" : "🔇";
  const label = ok ? t("read_aloud") : t("read_aloud") + ": " + t("no_voice");
  node.setAttribute("aria-label", label);
  node.title = ok ? t("read_aloud") : t("no_voice");
  const note = node.note;
  if (note) { note.hidden = ok; note.textContent = t("no_voice"); }
}

export function refreshSpeakButtons() {
  document.querySelectorAll(".t-speak").forEach((node) => {
    if (node.querySelector(".t-speak-icon")) dress(node);
  });
}

if (Speech) Speech.onChange(refreshSpeakButtons);

export function speakButton(words, options) {
  /* `words()` gives what to read; `options.note`: show the "no voice" words beside the
   * button (the step's head); small buttons say it in the banner when tapped. `cls` adds a
   * class (t-speak-mini for one choice). */
  const opts = options || {};
  const node = button("t-speak" + (opts.cls ? " " + opts.cls : ""),
                      { onclick: (ev) => { ev.stopPropagation(); speakNow(words(), node); } },
                      [icon("🔊", "t-icon t-speak-icon")]);
  let wrap = null;
  if (opts.note) {
    node.note = el("span", { class: "t-speak-note", hidden: true });
    wrap = el("span", { class: "t-speak-wrap" }, [node, node.note]);
  }
  dress(node);
  return wrap || node;
}

export function speakNow(words, node) {
  const synth = window.speechSynthesis;
  if (node && node.classList.contains("is-on") && synth && synth.speaking) {
    synth.cancel();
    node.classList.remove("is-on");
    return;
  }
  if (!Speech || !Speech.say(words, LANG)) {
    if (node) dress(node);
    showBanner(t("no_voice"));
    return;
  }
  document.querySelectorAll(".t-speak.is-on").forEach((n) => n.classList.remove("is-on"));
  if (!node) return;
  node.classList.add("is-on");
  const done = setInterval(() => {
    if (!synth.speaking) { node.classList.remove("is-on"); clearInterval(done); }
  }, 400);
}

export function sentence(...parts) {
  /* Words to read one after another, each ending as a sentence. */
  return parts.filter(Boolean).map((p) => {
    const s = String(p).trim();
    return /[.!?؟。]$/.test(s) ? s : s + ".";
  }).join(" ");
}
