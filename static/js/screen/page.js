/* The classroom screen's page: its nodes (screen.html), the leader's connection and store
 * (LeaderControls.start, leader_controls.js), the moderation drawer, the join questions and
 * the children panel. Imported first by main.js: this is where the screen connects. */

import Live, { el, t } from "../common/live.js";

export const L = window.LeaderControls;

export const tx = (v) => Live.text(v);

export const root = document.getElementById("screen");
const workshopId = Number(root.dataset.workshop);
export const joinHost = root.dataset.joinHost || "";
export const main = document.getElementById("s-main");
export const head = {
  count: root.querySelector(".s-stepcount"),
  title: root.querySelector(".s-title"),
  prompt: root.querySelector(".s-prompt"),
  lock: root.querySelector(".s-lock"),
  timer: root.querySelector(".s-timer"),
  timerIcon: root.querySelector(".s-timer-icon"),
  timerTime: root.querySelector(".s-timer-time"),
  timerNote: root.querySelector(".s-timer-note"),
};
export const chip = root.querySelector(".s-joinchip");
export const pendingBadge = root.querySelector(".s-pending");
const offline = root.querySelector(".s-offline");
export const ended = root.querySelector(".s-ended");
export const drawer = document.getElementById("drawer");
export const bar = document.getElementById("controlbar");
export const barButtons = document.getElementById("cb-buttons");
export const gotoSelect = document.getElementById("cb-goto");
export const keysLine = bar.querySelector(".cb-keys");

export const api = L.start(workshopId, { onStatus: (up) => {
  offline.hidden = up;
  offline.querySelector("span").textContent = t("reconnecting");
} });
export const store = api.store;
export const mod = L.moderation(api, document.getElementById("drawer-body"));
// "Sanne wants to join on a new tablet: yes / no", over the wall where the leader sees it
const asksBox = el("section", { class: "s-asks", hidden: true, "aria-live": "assertive" });
root.appendChild(asksBox);
export const asks = L.asks(api, asksBox);
// the children, below the moderation list: rename, hide all, remove a tablet
export const kidsBox = el("div", { class: "drawer-kids" });
export const kids = L.childrenPanel(api, kidsBox);
