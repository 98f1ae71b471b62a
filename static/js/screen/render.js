/* Rendering: the header (step, title, prompt, lock, join chip, waiting badge), the step
 * kind's view from steps/index.js (a view is {mount(box, state, cameBack), update(state)},
 * news adds canGo/go/show), the control bar and drawer, and the timer. */

import { el, t } from "../common/live.js";
import * as STEPS from "./steps/index.js";
import { focusIdea } from "./builders.js";
import { renderControls } from "./controls.js";
import { renderDone } from "./done.js";
import {
  asks,
  chip,
  ended,
  head,
  joinHost,
  kids,
  kidsBox,
  L,
  main,
  mod,
  pendingBadge,
  root,
  store,
  tx,
} from "./page.js";

export let view = null;
let viewKey = "";
let shownStep = null; // the step index shown before, to know when the leader came back

function keyOf(state) {
  const kind = state.step.kind;
  let key = state.workshop_id + ":" + state.step_index + ":" + kind;
  if (kind === "vote") key += ":" + state.revealed;
  if (kind === "critical") {
    const f = focusIdea(state);
    key += ":" + (f ? f.id : "-") + ":" + (state.step.choices || []).length;
  }
  return key;
}

function renderHeader(state) {
  head.count.textContent = t("step_of", { n: state.step_index + 1, m: state.step_count });
  head.title.textContent = tx(state.step.title);
  head.prompt.textContent = tx(state.step.prompt);
  document.title = tx(state.step.title);
  head.lock.hidden = !state.locked || state.status !== "live";
  root.dataset.kind = state.step.kind;
  // The join address stays in a corner for latecomers, but not over the wrap-up podium.
  const joinable = !["welcome", "wrapup"].includes(state.step.kind) && state.status === "live";
  chip.hidden = !joinable;
  chip.querySelector(".s-joinchip-host").textContent = joinHost + "/j/";
  chip.querySelector(".s-joinchip-code").textContent = state.code || "";
  const pending = store.pendingCount();
  pendingBadge.hidden = pending === 0;
  pendingBadge.textContent = "⏳ " + t("n_waiting", { n: pending });
  renderDone(state);
  ended.hidden = state.status !== "ended";
  ended.querySelector("span").textContent = t("ended");
  root.classList.toggle("is-ended", state.status === "ended");
}

function render() {
  const state = store.state;
  if (!state) return;
  renderHeader(state);
  const key = keyOf(state);
  const kind = state.step.kind;
  if (key !== viewKey) {
    viewKey = key;
    const cameBack = shownStep !== null && shownStep > state.step_index;
    const box = el("div", { class: "view view-" + kind });
    main.replaceChildren(box);
    view = Object.create(STEPS[kind] || STEPS.question);
    view.mount(box, state, cameBack);
  }
  shownStep = state.step_index;
  view.update(state);
  renderControls(state);
  mod.draw();
  const drawerBody = document.getElementById("drawer-body");
  if (kidsBox.parentNode !== drawerBody) drawerBody.appendChild(kidsBox);
  kids.draw();
  asks.draw();
  tick();
}

let queued = false;
export function schedule() {
  if (queued) return;
  queued = true;
  requestAnimationFrame(() => { queued = false; render(); });
}

let lastMode = null;
export function tick() {
  const state = store.state;
  if (!state) return;
  const timer = store.timer();
  const live = state.status === "live";
  head.timer.hidden = timer.mode === "none" || !live;
  head.timer.className = "s-timer " + timer.mode;
  if (timer.mode === "running") {
    const left = Math.max(0, timer.seconds);
    head.timerIcon.textContent = left <= 0 ? "⏰" : "⏳";
    head.timerTime.textContent = L.mmss(left);
    head.timerNote.textContent = left <= 0 ? t("time_up") : "";
    head.timer.classList.toggle("low", left > 0 && left <= 30);
    head.timer.classList.toggle("over", left <= 0);
  } else if (timer.mode === "paused" || timer.mode === "ready") {
    head.timerIcon.textContent = timer.mode === "paused" ? "⏸️" : "⏱️";
    head.timerTime.textContent = L.mmss(timer.seconds);
    head.timerNote.textContent = timer.mode === "paused" ? t("paused") : "";
  }
  if (timer.mode !== lastMode) {
    lastMode = timer.mode;
    renderControls(state); // start/pause button follows the timer
  }
}
