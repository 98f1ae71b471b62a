/* The leader's control view on a phone: big buttons, the step, the timer, how many
 * children joined, and the moderation list (hiding something is one tap). */
(function () {
  "use strict";

  const L = window.LeaderControls;
  const el = Live.el;
  const t = Live.t;
  const tx = (v) => Live.text(v);

  const root = document.getElementById("control");
  const workshopId = Number(root.dataset.workshop);
  const q = (sel) => root.querySelector(sel);
  const ui = {
    count: q(".c-stepcount"), title: q(".c-title"), timer: q(".c-timer"),
    children: q(".c-children"), locked: q(".c-locked"), approval: q(".c-approval"),
    revealed: q(".c-revealed"), offline: q(".c-offline"), ended: q(".c-ended"),
    pending: q(".c-pending"), buttons: document.getElementById("c-buttons"),
    goto: document.getElementById("c-goto"),
  };

  const api = L.start(workshopId, { onStatus: (up) => {
    ui.offline.hidden = up;
    ui.offline.textContent = "📡 " + t("reconnecting");
  } });
  const store = api.store;
  const mod = L.moderation(api, document.getElementById("c-mod-list"));
  // "Sanne wants to join on a new tablet: yes / no" at the top; the children below
  const asksBox = el("section", { class: "c-asks", hidden: true, "aria-live": "assertive" });
  q(".c-head").after(asksBox);
  const asks = L.asks(api, asksBox);
  const kidsBox = el("section", { class: "c-mod c-kids" });
  q(".c-mod").after(kidsBox);
  const kids = L.childrenPanel(api, kidsBox);
  // "I'm done": how many are done, and who is still busy (name and avatar)
  const doneCount = el("p", { class: "c-done-count" });
  const doneBusy = el("ul", { class: "c-done-busy", "aria-label": t("still_busy") });
  const doneBox = el("section", { class: "c-done", hidden: true, role: "status" },
                     [doneCount, doneBusy]);
  asksBox.after(doneBox);
  function drawDone(s) {
    const progress = L.doneProgress(s);
    doneBox.hidden = !progress || progress.of === 0;
    if (doneBox.hidden) return;
    const all = progress.done === progress.of;
    doneBox.classList.toggle("all", all);
    doneCount.textContent = "✅ " + (all ? t("all_done")
      : t("n_done", { n: progress.done, m: progress.of }) + " · " + t("still_busy") + ":");
    doneBusy.replaceChildren(...(all ? [] : progress.busy).map((c) => el("li", {}, [
      el("span", { class: "c-done-face", "aria-hidden": "true", text: c.avatar }),
      el("span", { text: c.name })])));
  }
  // the tables (subgroups): make them, move a child, an idea per table (tables_panel.js)
  const tablesBox = el("section", { class: "c-tables" });
  kidsBox.after(tablesBox);
  const tablesUi = window.LeaderTables.panel(api, tablesBox);
  window.LeaderTables.watch(api);

  try {
    const initial = JSON.parse(document.getElementById("initial-state").textContent);
    store.set(initial);
  } catch (e) { /* the hello brings the state anyway */ }

  q(".c-goto-label").textContent = t("go_to_step");
  ui.goto.setAttribute("aria-label", t("go_to_step"));
  ui.goto.addEventListener("change", () => {
    const target = Number(ui.goto.value);
    if (store.state && target !== store.state.step_index) api.control("goto", target);
  });

  function render() {
    const s = store.state;
    if (!s) return;
    ui.count.textContent = t("step_of", { n: s.step_index + 1, m: s.step_count });
    ui.title.textContent = tx(s.step.title);
    ui.children.textContent = "👋 " + t("n_joined", { n: (s.children || []).length });
    ui.locked.hidden = !s.locked;
    ui.locked.textContent = "🔒 " + t("is_locked");
    ui.approval.hidden = !s.approval;
    ui.approval.textContent = "✅ " + t("is_approval");
    ui.revealed.hidden = !s.revealed;
    ui.revealed.textContent = "📊 " + t(s.step.results === "live" ? "results_live"
      : "is_revealed");
    drawDone(s);
    ui.ended.hidden = s.status !== "ended";
    ui.ended.textContent = "🎉 " + t("ended");
    const pending = store.pendingCount();
    ui.pending.hidden = pending === 0;
    ui.pending.textContent = "⏳ " + pending;
    L.drawButtons(ui.buttons, L.buttons(api, window.LeaderTables.buttons(api)));
    const sig = JSON.stringify(s.steps) + s.step_index + s.status;
    if (ui.goto._sig !== sig) {
      ui.goto._sig = sig;
      ui.goto.replaceChildren(...s.steps.map((step, i) => el("option", {
        value: String(i), selected: i === s.step_index, text: (i + 1) + ". " + tx(step.title),
      })));
      ui.goto.value = String(s.step_index);
      ui.goto.disabled = s.status !== "live";
    }
    mod.draw();
    kids.draw();
    tablesUi.draw();
    asks.draw();
    root.style.setProperty("--c-head-h", q(".c-head").offsetHeight + "px");
    tick();
  }

  let lastMode = null;
  function tick() {
    const s = store.state;
    if (!s) return;
    const timer = store.timer();
    ui.timer.hidden = timer.mode === "none" || s.status !== "live";
    ui.timer.className = "c-timer " + timer.mode;
    if (timer.mode === "running") {
      const left = Math.max(0, timer.seconds);
      ui.timer.textContent = (left <= 0 ? "⏰ " : "") + L.mmss(left);
      ui.timer.classList.toggle("low", left > 0 && left <= 30);
      ui.timer.classList.toggle("over", left <= 0);
    } else if (timer.mode === "paused") {
      ui.timer.replaceChildren("⏸️ " + L.mmss(timer.seconds), el("small", { text: t("paused") }));
    }
    if (timer.mode !== lastMode) {
      lastMode = timer.mode;
      L.drawButtons(ui.buttons, L.buttons(api, window.LeaderTables.buttons(api)));
    }
  }
  setInterval(tick, 500);

  let queued = false;
  store.on(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; render(); });
  });
  render();
})();
