/* The leader's control bar on the screen: its buttons (in a news step next and back go
 * through the ideas first), the step menu, the moderation drawer, pick mode and clicks on
 * the wall, full screen. */

import { el, t } from "../common/live.js";
import {
  api,
  bar,
  barButtons,
  drawer,
  gotoSelect,
  keysLine,
  L,
  main,
  pendingBadge,
  root,
  store,
  tx,
} from "./page.js";
import { schedule, view } from "./render.js";
import { tableButtons } from "./tables.js";

/* The leader's buttons; in a news step next and back go through the ideas first. */
export function buttonsNow(extra) {
  const defs = L.buttons(api, extra);
  if (!view || !view.canGo || !store.state || store.state.status !== "live") return defs;
  defs.forEach((d) => {
    if (d.id === "next" && view.canGo(1)) d.disabled = false;
    if (d.id === "prev" && view.canGo(-1)) d.disabled = false;
  });
  return defs;
}

export function stepThroughNews() {
  /* next/back move through the news ideas before they move the step */
  const stepControl = api.control;
  api.control = (action, value) => {
    const delta = { next: 1, prev: -1 }[action];
    if (delta && view && view.go && view.go(delta)) {
      renderControls(store.state);
      return Promise.resolve(true);
    }
    return stepControl(action, value);
  };
}

export function renderControls(state) {
  keysLine.textContent = "⌨️ " + t(view && view.canGo ? "news_keys" : "keys_help");
  const extra = [
    { id: "moderation", icon: "🛡️", label: t("moderation"), key: "M", pressed: !drawer.hidden,
      badge: store.pendingCount(), run: toggleDrawer },
    { id: "fullscreen", icon: "🖥️", label: t("fullscreen"), key: "F", pressed: !!document.fullscreenElement,
      run: toggleFullscreen },
    ...tableButtons(),
  ];
  L.drawButtons(barButtons, buttonsNow(extra));
  const sig = JSON.stringify(state.steps) + state.step_index + state.status;
  if (gotoSelect._sig !== sig) {
    gotoSelect._sig = sig;
    gotoSelect.replaceChildren(...state.steps.map((s, i) => el("option", {
      value: String(i), selected: i === state.step_index, text: (i + 1) + ". " + tx(s.title),
    })));
    gotoSelect.value = String(state.step_index);
    gotoSelect.disabled = state.status !== "live";
  }
}

export function toggleDrawer(force) {
  const open = typeof force === "boolean" ? force : drawer.hidden;
  drawer.hidden = !open;
  root.classList.toggle("drawer-open", open);
  if (!open) api.cancelPick();
  schedule();
}

export function wireClicks() {
  /* the drawer, the waiting badge, pick mode, the wall and the step menu */
  drawer.querySelector(".drawer-close").addEventListener("click", () => toggleDrawer(false));
  pendingBadge.addEventListener("click", () => toggleDrawer(true));
  api.onPick = () => root.classList.toggle("picking", api.pick !== null);

  main.addEventListener("click", (e) => {
    const ideaNode = e.target.closest("[data-idea]");
    if (api.pick !== null) {
      if (ideaNode) api.pickTarget(Number(ideaNode.dataset.idea));
      return;
    }
    const chipNode = e.target.closest("[data-focus]");
    if (chipNode) api.control("focus", Number(chipNode.dataset.focus));
    const jump = e.target.closest("[data-news]");
    if (jump && view && view.show) { view.show(Number(jump.dataset.news)); renderControls(store.state); }
  });

  gotoSelect.addEventListener("change", () => {
    const target = Number(gotoSelect.value);
    if (store.state && target !== store.state.step_index) api.control("goto", target);
  });
  bar.querySelector(".cb-goto .sr-only").textContent = t("go_to_step");
  gotoSelect.setAttribute("aria-label", t("go_to_step"));
}

export function toggleFullscreen() {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(() => {});
}

export function wireResize() {
  /* a new size or full screen fits the walls again */
  document.addEventListener("fullscreenchange", schedule);
  window.addEventListener("resize", schedule);
}
