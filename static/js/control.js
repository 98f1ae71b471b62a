/* The leader's control view on a phone: big buttons, the step, the timer, how many
 * children joined, and the moderation list (hiding something is one tap). In a news step
 * next and back go through the ideas on the classroom screens first (news_show /
 * news_shown, docs/protocol.md), as the screen's arrow keys do. */
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

  // The news step: which idea the screens show (see below)
  const news = { step: null, index: 0, asked: false, before: null, inRoom: false };
  const api = L.start(workshopId, {
    onStatus: (up) => {
      if (!up) root.dataset.online = "false";
      ui.offline.hidden = up;
      ui.offline.textContent = "📡 " + t("reconnecting");
      if (!up) news.inRoom = news.asked = false;
    },
    onHello: () => { // in the screen room: the buttons work from here (tests wait for it too)
      root.dataset.online = "true";
      news.inRoom = true; news.asked = false; later(); // ask the screens
    },
  });
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
  // The news step: which idea the screens show. Their word (news_shown) wins; until one
  // answers the phone guesses as a screen does (the first idea, the last one coming back
  // from the next step) and keeps count itself when no screen is open.
  const newsCount = el("p", { class: "c-news-count" });
  const newsTitle = el("p", { class: "c-news-title" });
  const newsBox = el("section", { class: "c-news", hidden: true, role: "status", "aria-live": "polite" },
                     [newsCount, newsTitle]);
  ui.buttons.before(newsBox);
  function newsIdeas(s) {
    /* the ideas of the live news step, or null in any other step */
    return s && s.status === "live" && s.step.kind === "news" ? (s.news && s.news.ideas) || [] : null;
  }
  function followNews(s) {
    const ideas = newsIdeas(s);
    const before = news.before;
    news.before = s.step_index;
    if (!ideas) { news.step = null; return null; }
    if (news.step !== s.step_index) {
      news.step = s.step_index;
      news.index = before !== null && before > s.step_index ? ideas.length - 1 : 0;
      news.asked = false;
    }
    news.index = Math.max(0, Math.min(news.index, ideas.length - 1));
    if (!news.asked && news.inRoom) { // "which idea is on?"
      news.asked = true;
      api.socket.emit("news_show", { workshop_id: workshopId });
    }
    return ideas;
  }
  function canGoNews(delta) {
    const ideas = newsIdeas(store.state);
    const target = news.index + delta;
    return !!ideas && news.step === store.state.step_index && target >= 0 && target < ideas.length;
  }
  function drawNews(ideas) {
    newsBox.hidden = !ideas;
    if (!ideas) return;
    const idea = ideas[news.index];
    newsCount.textContent = "📰 " + (idea ? t("news_on_screen_n", { n: news.index + 1, m: ideas.length })
      : t("no_news"));
    newsTitle.textContent = idea ? idea.title || idea.text || "" : "";
    newsTitle.hidden = !idea;
  }
  api.socket.on("news_shown", (msg) => {
    const s = store.state;
    if (!s || !msg || msg.workshop_id !== workshopId || msg.step_index !== s.step_index) return;
    news.step = msg.step_index;
    news.index = msg.index;
    later();
  });
  const stepControl = api.control;
  api.control = (action, value) => {
    const delta = { next: 1, prev: -1 }[action];
    if (!delta || !canGoNews(delta)) return stepControl(action, value);
    news.index += delta; // the screens answer with the idea they show
    later();
    if (!api.socket.connected) { L.toast(t("reconnecting")); return Promise.resolve(false); }
    const refused = (reply) => { L.toast((reply && reply.message) || t("error")); return false; };
    return Live.call(api.socket, "news_show", { workshop_id: workshopId, index: news.index })
      .then((reply) => (reply && reply.ok ? true : refused(reply)), () => refused(null));
  };
  function buttonDefs() {
    /* the leader's buttons; in a news step next and back say "next idea", "previous idea" */
    const defs = L.buttons(api, window.LeaderTables.buttons(api));
    defs.forEach((d) => {
      if (d.id === "next" && canGoNews(1)) Object.assign(d, { disabled: false, label: t("news_next_idea") });
      if (d.id === "prev" && canGoNews(-1)) Object.assign(d, { disabled: false, label: t("news_prev_idea") });
    });
    return defs;
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
    drawNews(followNews(s));
    ui.ended.hidden = s.status !== "ended";
    ui.ended.textContent = "🎉 " + t("ended");
    const pending = store.pendingCount();
    ui.pending.hidden = pending === 0;
    ui.pending.textContent = "⏳ " + pending;
    L.drawButtons(ui.buttons, buttonDefs());
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
      L.drawButtons(ui.buttons, buttonDefs());
    }
  }
  setInterval(tick, 500);

  let queued = false;
  function later() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; render(); });
  }
  store.on(later);
  render();
})();
