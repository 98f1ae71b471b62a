/* Rendering the current step: the head (title, prompt, read-aloud, timer, progress dots)
 * and the body, made by the step kind's view from steps/index.js. A view is
 * {node, kind?, update?(), restore?(item), doneSlot?}: update() after every state change,
 * restore() when the server refused an item of this step, doneSlot where "I'm done" goes
 * when not under the step (the ideas step: beside its send button, always in view). */

import { el, t } from "../common/live.js";
import * as STEPS from "./steps/index.js";
import { app, dom } from "./app.js";
import { hideBanner, renderTop, showScreen } from "./shell.js";
import { sentence, speakButton } from "./speech.js";
import { endedView } from "./steps/ended.js";
import { doneBar, takesDone } from "./done.js";
import { icon, mmss, text } from "./ui.js";

export function render() {
  const s = app.state;
  if (!s || app.removed || app.screen === "setkey") return;
  renderTop();
  let key;
  if (s.status === "ended") key = "ended";
  else if (s.status === "planned") key = "planned";
  else key = s.step_index + ":" + s.step.kind;
  key = app.me.id + "/" + key;
  if (key !== app.viewKey || app.screen !== "live") {
    if (app.viewKey) hideBanner(); // an old message does not belong to the new step
    buildStep(key);
  } else {
    updateHead();
    if (app.view && app.view.update) app.view.update();
  }
  const lockable = s.status === "live" && !["welcome", "news", "wrapup"].includes(s.step.kind);
  dom.overlay.hidden = !(s.locked && lockable);
  tick();
}

function buildStep(key) {
  const s = app.state;
  let view;
  if (s.status === "ended") view = endedView();
  else if (s.status === "planned") view = STEPS.welcome();
  else view = (STEPS[s.step.kind] || STEPS.welcome)();
  const head = buildHead();
  // "I'm done" under every input step; it follows every update of the step's view
  const done = takesDone(s) ? doneBar() : null;
  if (done) {
    const inner = view.update;
    view.update = function () { if (inner) inner.call(view); done.update(); };
  }
  const inSlot = Boolean(done && view.doneSlot);
  if (inSlot) view.doneSlot.append(done.node);
  showScreen("live", [head, el("div", { class: "t-body t-kind-" + (view.kind || s.step.kind) },
                               [view.node, done && !inSlot ? done.node : null])]);
  app.view = view;
  app.viewKey = key;
  updateHead();
  if (view.update) view.update();
}

function buildHead() {
  dom.title = el("h1", { class: "t-step-title" });
  dom.prompt = el("p", { class: "t-step-prompt" });
  dom.timerText = el("span", { class: "t-timer-text" });
  dom.timer = el("div", { class: "t-timer", role: "timer", "aria-label": t("time_left"),
                          hidden: true }, [icon("⏱"), dom.timerText]);
  dom.progress = el("div", { class: "t-progress", "aria-hidden": "true" });
  dom.speak = speakButton(stepWords, { note: true });
  return el("section", { class: "t-head" }, [
    el("div", { class: "t-head-words" }, [dom.title, dom.prompt]),
    el("div", { class: "t-head-side" }, [dom.speak, dom.timer]),
    dom.progress,
  ]);
}

function stepWords() {
  const s = app.state;
  if (!s) return "";
  if (s.status === "ended") return t("ended");
  // the title, the prompt, then what the child chooses from (the step's view says it:
  // choices, cards, ideas to vote on, the questions), each a sentence of its own
  const more = app.view && app.view.words ? app.view.words() : [];
  return sentence(text(s.step.title), text(s.step.prompt), ...more);
}

function updateHead() {
  const s = app.state;
  const ended = s.status === "ended";
  dom.title.textContent = ended ? text(s.plan_title) : text(s.step.title);
  dom.prompt.textContent = ended ? "" : text(s.step.prompt);
  dom.prompt.hidden = ended;
  const dots = [];
  for (let i = 0; i < s.step_count; i++) {
    dots.push(el("span", { class: "t-dot" + (i === s.step_index ? " is-now" :
                                             i < s.step_index ? " is-done" : "") }));
  }
  dom.progress.replaceChildren(...dots);
  dom.progress.hidden = ended;
}

export function tick() {
  if (!dom.timer || !app.state || app.screen !== "live") return;
  const timer = app.state.timer || {};
  let left = null;
  let running = false;
  if (timer.ends_at) {
    left = timer.ends_at - (Date.now() / 1000 + app.offset);
    running = true;
  } else if (timer.remaining !== null && timer.remaining !== undefined) {
    left = timer.remaining;
  }
  const show = left !== null && app.state.status === "live";
  dom.timer.hidden = !show;
  if (!show) return;
  dom.timerText.textContent = mmss(left);
  dom.timer.classList.toggle("is-paused", !running);
  dom.timer.classList.toggle("is-low", running && left <= 30);
  dom.timer.classList.toggle("is-up", running && left <= 0);
}
