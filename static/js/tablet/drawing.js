/* The drawing pad of the idea step: colours, brush sizes, eraser, clear; the drawing is a
 * draft in localStorage and goes as a shrunk picture (shrink.js). */

import { el, t } from "../common/live.js";
import { DRAWING_SIDE } from "./config.js";
import { fitPicture } from "./shrink.js";
import { store } from "./store.js";
import { button, icon, pressed } from "./ui.js";

const COLOURS = ["#1d2433", "#e03131", "#f2c94c", "#27ae60", "#2f80ed", "#bb4fd1"];
const SIZES = [6, 14, 30];

export function drawingPad(draftStoreKey) {
  const canvas = el("canvas", { class: "t-canvas", width: "800", height: "600",
                                "aria-label": t("draw"), role: "img" });
  const ctx = canvas.getContext("2d");
  let colour = COLOURS[0];
  let size = SIZES[1];
  let erasing = false;
  let drawn = false;
  let active = null;
  let last = null;

  function blank() {
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  blank();

  function at(ev) {
    const r = canvas.getBoundingClientRect();
    return { x: (ev.clientX - r.left) * canvas.width / r.width,
             y: (ev.clientY - r.top) * canvas.height / r.height };
  }
  function line(a, b) {
    ctx.strokeStyle = erasing ? "#ffffff" : colour;
    ctx.lineWidth = erasing ? size * 2.5 : size;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x + 0.01, b.y);
    ctx.stroke();
  }
  canvas.addEventListener("pointerdown", (ev) => {
    if (active !== null) return;
    ev.preventDefault();
    active = ev.pointerId;
    canvas.setPointerCapture(ev.pointerId);
    last = at(ev);
    line(last, last);
    drawn = true;
  });
  canvas.addEventListener("pointermove", (ev) => {
    if (ev.pointerId !== active) return;
    ev.preventDefault();
    const events = ev.getCoalescedEvents ? ev.getCoalescedEvents() : [ev];
    (events.length ? events : [ev]).forEach((e) => {
      const p = at(e);
      line(last, p);
      last = p;
    });
  });
  function end(ev) {
    if (ev.pointerId !== active) return;
    active = null;
    last = null;
    saveDraft();
  }
  canvas.addEventListener("pointerup", end);
  canvas.addEventListener("pointercancel", end);
  canvas.addEventListener("contextmenu", (ev) => ev.preventDefault());

  function saveDraft() {
    if (drawn) store.set(draftStoreKey, canvas.toDataURL("image/png"));
    else store.del(draftStoreKey);
  }
  function load(url) {
    const img = new Image();
    img.onload = () => { blank(); ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
                         drawn = true; saveDraft(); };
    img.src = url;
  }
  const saved = store.get(draftStoreKey);
  if (saved) load(saved);

  const swatches = COLOURS.map((c, i) => {
    const b = button("t-swatch", { "aria-label": t("colour") + " " + (i + 1),
                                   "aria-pressed": "false", style: "--swatch:" + c,
                                   onclick: () => { colour = c; erasing = false; sync(); } });
    b.dataset.colour = c;
    return b;
  });
  const sizes = SIZES.map((s) => {
    const b = button("t-size", { "aria-label": t("brush"), "aria-pressed": "false",
                                 onclick: () => { size = s; sync(); } },
                     [el("span", { class: "t-size-dot",
                                   style: "--dot:" + Math.round(6 + s * 0.8) + "px" })]);
    b.dataset.size = String(s);
    return b;
  });
  const eraser = button("t-tool t-eraser", { "aria-label": t("eraser"), title: t("eraser"),
                                             "aria-pressed": "false",
                                             onclick: () => { erasing = !erasing; sync(); } },
                        [icon("🧽")]);
  const clearButton = button("t-tool t-clear", { "aria-label": t("clear"), title: t("clear"),
                                                 onclick: clear }, [icon("🗑️")]);
  function sync() {
    swatches.forEach((b) => pressed(b, !erasing && b.dataset.colour === colour));
    sizes.forEach((b) => pressed(b, b.dataset.size === String(size)));
    pressed(eraser, erasing);
    canvas.style.setProperty("--pen", erasing ? "#ffffff" : colour);
  }
  function clear() {
    blank();
    drawn = false;
    erasing = false;
    sync();
    store.del(draftStoreKey);
  }
  sync();

  return {
    node: el("div", { class: "t-draw" }, [
      el("h2", { class: "t-h3" }, [icon("✏️"), el("span", { text: t("draw") })]),
      el("div", { class: "t-canvas-wrap" }, [canvas]),
      el("div", { class: "t-tools" }, [
        el("div", { class: "t-swatches", role: "group", "aria-label": t("colour") }, swatches),
        el("div", { class: "t-sizes", role: "group", "aria-label": t("brush") }, sizes),
        eraser, clearButton,
      ]),
    ]),
    drawn: () => drawn,
    toDataURL: () => fitPicture(canvas, canvas.width, canvas.height, DRAWING_SIDE, true),
    clear: clear,
    load: load,
  };
}
