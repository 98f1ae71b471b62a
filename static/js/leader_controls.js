/* Shared by the classroom screen (screen.js) and the leader's phone view (control.js):
 * the connection and the ScreenState store, the control buttons, the timer, toasts and
 * the moderation list. Every text comes from Live.t; children's words are set as text.
 */
(function () {
  "use strict";

  const el = Live.el;
  const t = Live.t;

  const REACTIONS = [["love", "❤️"], ["like", "👍"], ["hmm", "🤔"]];
  // Icons of the default idea categories, for steps whose plan does not list them
  // (a vote or wrap-up step, or the critical workshop's plan). Icons only, no words.
  const CATEGORY_ICONS = {
    make: "🔨", art: "🎨", music_dance: "🎵", stage_film: "🎭", nature: "🌳",
    games: "🎮", food: "🍳", other: "✨",
  };
  const RESULT_KINDS = ["poll", "cards", "vote"];

  /* --- small helpers ----------------------------------------------------------------- */

  function isShown(item) {
    return item && item.visibility === "visible" && !item.merged_into;
  }

  function ideaWords(idea) {
    return (idea && (idea.title || idea.text)) || "";
  }

  function categoryIcon(idea, state) {
    if (!idea || !idea.category) return "";
    if (idea.category_label && idea.category_label.icon) return idea.category_label.icon;
    const choice = state && state.step && (state.step.choices || []).find((c) => c.id === idea.category);
    if (choice && choice.icon) return choice.icon;
    return CATEGORY_ICONS[idea.category] || "";
  }

  function picture(idea) {
    return idea ? (idea.photo || idea.drawing || null) : null;
  }

  function mmss(seconds) {
    const s = Math.max(0, Math.ceil(seconds));
    const m = Math.floor(s / 60);
    return String(m).padStart(2, "0") + ":" + String(s % 60).padStart(2, "0");
  }

  /* Keep a container's children in the order of `items`, reusing the element of an item
   * whose signature did not change. New items (after the first fill) get the class "pop"
   * for their entrance; it is removed when the animation ends, so moving a node later
   * does not replay it. */
  function keyed(container, items, key, build, sig) {
    const known = container._known || (container._known = new Map());
    const first = !container._filled;
    const nodes = items.map((item) => {
      const k = String(key(item));
      const s = sig ? sig(item) : "";
      const old = known.get(k);
      if (old && old._sig === s) return old;
      const node = build(item);
      node._sig = s;
      node.dataset.key = k;
      if (!old && !first) {
        node.classList.add("pop");
        node.addEventListener("animationend", () => node.classList.remove("pop"), { once: true });
      }
      known.set(k, node);
      return node;
    });
    let cursor = container.firstChild;
    nodes.forEach((node) => {
      if (node === cursor) cursor = cursor.nextSibling;
      else container.insertBefore(node, cursor);
    });
    while (cursor) {
      const next = cursor.nextSibling;
      container.removeChild(cursor);
      cursor = next;
    }
    const keep = new Set(nodes.map((n) => n.dataset.key));
    Array.from(known.keys()).forEach((k) => { if (!keep.has(k)) known.delete(k); });
    container._filled = true;
    return nodes;
  }

  /* --- toasts -------------------------------------------------------------------------- */

  let toastBox = null;
  function toast(message, kind) {
    if (!toastBox) {
      toastBox = el("div", { class: "toasts", role: "status", "aria-live": "polite" });
      document.body.appendChild(toastBox);
    }
    const node = el("div", { class: "toast " + (kind || "bad"), text: message });
    toastBox.appendChild(node);
    setTimeout(() => node.classList.add("gone"), 4500);
    setTimeout(() => node.remove(), 5200);
  }

  /* --- the store ------------------------------------------------------------------------ */

  class Store {
    constructor(workshopId) {
      this.workshopId = workshopId;
      this.state = null;
      this.offset = 0; // server clock minus ours, in seconds
      this.listeners = [];
      this.connected = false;
    }

    on(fn) { this.listeners.push(fn); }

    emit(why) { this.listeners.forEach((fn) => fn(this.state, why)); }

    set(state) {
      if (!state || state.workshop_id !== this.workshopId) return;
      if (this.state && typeof state.version === "number" && state.version < this.state.version) return;
      this.state = state;
      if (state.timer && typeof state.timer.server_now === "number") {
        this.offset = state.timer.server_now - Date.now() / 1000;
      }
      this.emit("state");
    }

    added(ev) {
      const s = this.state;
      if (!s || !ev) return;
      const item = ev.item;
      const here = item && item.step === s.step_index;
      if ((ev.what === "answer" && s.step.kind === "question" && here) ||
          (ev.what === "critical" && s.step.kind === "critical" && here)) {
        s.items = s.items || [];
        if (!s.items.some((i) => i.id === item.id)) s.items.push(item);
      } else if (ev.what === "idea" && item && Array.isArray(s.ideas)) {
        if (!s.ideas.some((i) => i.id === item.id)) {
          s.ideas.push(Object.assign({ score: 0, merged_count: 0 }, item));
        }
      } else {
        return;
      }
      this.emit("added");
    }

    results(data) {
      /* The tally or counts of the current step, a few times a second while children choose. */
      const s = this.state;
      if (!s || !data || data.step_index !== s.step_index) return;
      if (data.tally) s.tally = data.tally;
      if (data.counts) s.counts = data.counts;
      this.emit("added");
    }

    markDone(change) {
      /* One child said "I'm done" in the current step, or is busy again. */
      const s = this.state;
      if (!s || !change || change.step_index !== s.step_index) return;
      const list = (s.done || []).filter((id) => id !== change.child_id);
      if (change.done) list.push(change.child_id);
      s.done = list;
      this.emit("done");
    }

    childJoined(child) {
      /* One child joined (or came back); the full list came with the state. */
      if (!this.state || !child || typeof child.id !== "number") return;
      const list = this.state.children || (this.state.children = []);
      const known = list.findIndex((c) => c.id === child.id);
      if (known >= 0) list[known] = child; else list.push(child);
      this.emit("children");
    }

    joinRequests(data) {
      /* The tablets asking to be a child, waiting for the leader's yes or no. */
      if (!this.state || !data || data.workshop_id !== this.workshopId) return;
      this.state.join_requests = data.requests || [];
      this.emit("requests");
    }

    /* {mode: running|ready|paused|none, seconds}; ready = full time, not started yet */
    timer() {
      const timer = this.state && this.state.timer;
      if (!timer) return { mode: "none", seconds: 0 };
      if (timer.ends_at) {
        return { mode: "running", seconds: timer.ends_at - (Date.now() / 1000 + this.offset) };
      }
      if (timer.remaining !== null && timer.remaining !== undefined) {
        return { mode: timer.ready ? "ready" : "paused", seconds: timer.remaining };
      }
      return { mode: "none", seconds: 0 };
    }

    /* What the moderation list shows for the current step: [{type, item}] */
    moderationEntries() {
      const s = this.state;
      if (!s) return { items: [], ideas: [] };
      const kind = s.step.kind;
      const items = (kind === "question" || kind === "critical") ? (s.items || []).slice() : [];
      const ideas = ["ideas", "vote", "critical", "wrapup"].includes(kind) ? (s.ideas || []).slice() : [];
      items.sort((a, b) => b.id - a.id);
      ideas.sort((a, b) => (!!a.merged_into - !!b.merged_into) || (b.id - a.id));
      return { items, ideas };
    }

    pendingCount() {
      const e = this.moderationEntries();
      return e.items.concat(e.ideas).filter((i) => i.visibility === "pending" && !i.merged_into).length;
    }

    ideaById(id) {
      return ((this.state && this.state.ideas) || []).find((i) => i.id === id) || null;
    }
  }

  /* --- the connection and the leader's actions ------------------------------------------ */

  function start(workshopId, hooks) {
    hooks = hooks || {};
    const store = new Store(workshopId);
    let socket = null;

    function report(reply) {
      if (reply && reply.ok) return true;
      toast((reply && reply.message) || t("error"));
      return false;
    }

    function send(event, data) {
      if (!socket || !socket.connected) {
        toast(t("reconnecting"));
        return Promise.resolve(false);
      }
      return Live.call(socket, event, Object.assign({ workshop_id: workshopId }, data))
        .then(report, () => { toast(t("error")); return false; });
    }

    const api = {
      store,
      control(action, value) {
        const data = { action };
        if (value !== undefined && value !== null) data.value = value;
        return send("control", data);
      },
      moderate(op, type, id, value) {
        const data = { op, type, id };
        if (value !== undefined && value !== null) data.value = value;
        return send("moderate", data);
      },
      pick: null, // id of the idea being merged, while the leader picks where to
      answerJoin(requestId, yes) {
        return send("answer_join", { request_id: requestId, yes: !!yes });
      },
      manageChild(op, childId, value) {
        /* remove, let_back, hide_all, rename; resolves with the acknowledgement or null */
        if (!socket || !socket.connected) { toast(t("reconnecting")); return Promise.resolve(null); }
        const data = { workshop_id: workshopId, op: op, child_id: childId };
        if (value !== undefined && value !== null) data.value = value;
        return Live.call(socket, "manage_child", data)
          .then((reply) => (report(reply) ? reply : null), () => { toast(t("error")); return null; });
      },
    };

    socket = Live.connect({
      onConnect(sock) {
        store.connected = true;
        hooks.onStatus && hooks.onStatus(true);
        Live.call(sock, "screen_hello", { workshop_id: workshopId })
          .then((reply) => {
            if (reply && reply.ok) {
              store.set(reply.state);
              hooks.onHello && hooks.onHello(); // in the screen room now
            } else report(reply);
          }, () => toast(t("error")));
      },
      onDisconnect() {
        store.connected = false;
        hooks.onStatus && hooks.onStatus(false);
      },
    });
    socket.on("screen_state", (state) => store.set(state));
    socket.on("added", (ev) => store.added(ev));
    socket.on("results", (data) => store.results(data));
    socket.on("child_joined", (child) => store.childJoined(child));
    socket.on("done", (change) => store.markDone(change));
    socket.on("join_requests", (data) => store.joinRequests(data));
    api.socket = socket;
    return api;
  }

  /* --- control buttons ---------------------------------------------------------------- */

  /* The leader's buttons for the current state; both views draw them their own way. */
  function buttons(api, extra) {
    const s = api.store.state;
    const live = s && s.status === "live";
    const running = api.store.timer().mode === "running";
    const list = [
      { id: "prev", icon: "⬅️", flip: true, label: t("prev"), key: "←",
        disabled: !live || s.step_index <= 0, run: () => api.control("prev") },
      { id: "next", icon: "➡️", flip: true, label: t("next"), key: "→", primary: true,
        disabled: !live || s.step_index >= s.step_count - 1, run: () => api.control("next") },
      running
        ? { id: "timer", icon: "⏸️", label: t("pause_timer"), key: "␣", pressed: true,
            disabled: !live, run: () => api.control("timer_pause") }
        : { id: "timer", icon: "▶️", label: t("start_timer"), key: "␣",
            disabled: !live, run: () => api.control("timer_start", (s && s.step.minutes) || 5) },
      { id: "add", icon: "⏱️", label: t("add_minute"), disabled: !live,
        run: () => api.control("timer_add", 1) },
      s && s.locked
        ? { id: "lock", icon: "🔓", label: t("unlock"), key: "L", pressed: true, disabled: !live,
            run: () => api.control("unlock") }
        : { id: "lock", icon: "🔒", label: t("lock"), key: "L", disabled: !live,
            run: () => api.control("lock") },
      s && s.step.results === "live" // the plan shows this step's counts as they come
        ? { id: "reveal", icon: "📊", label: t("results_live"), disabled: true, run: () => {} }
        : s && s.revealed
        ? { id: "reveal", icon: "🙈", label: t("hide_results"), key: "R", pressed: true,
            disabled: !live, run: () => api.control("hide_results") }
        : { id: "reveal", icon: "📊", label: t("reveal"), key: "R",
            disabled: !live || !(s && RESULT_KINDS.includes(s.step.kind)),
            run: () => api.control("reveal") },
      s && s.approval
        ? { id: "approval", icon: "✅", label: t("approval_off"), pressed: true, disabled: !live,
            run: () => api.control("approval_off") }
        : { id: "approval", icon: "✋", label: t("approval_on"), disabled: !live,
            run: () => api.control("approval_on") },
    ].concat(extra || []);
    list.push({ id: "end", icon: "⏹️", label: t("end"), danger: true, disabled: !live,
                run: () => { if (window.confirm(t("end_confirm"))) api.control("end"); } });
    return list;
  }

  /* Draw the buttons into `bar`, reusing the elements so focus stays put. */
  function drawButtons(bar, defs) {
    keyed(bar, defs, (d) => d.id, (d) => {
      const b = el("button", { type: "button", class: "ctl-btn", "data-id": d.id });
      b.appendChild(el("span", { class: "ctl-icon", "aria-hidden": "true" }));
      b.appendChild(el("span", { class: "ctl-label" }));
      b.appendChild(el("span", { class: "ctl-badge" }));
      b.addEventListener("click", () => { if (b._def && !b.disabled) b._def.run(); });
      return b;
    });
    defs.forEach((d) => {
      const b = bar.querySelector('[data-id="' + d.id + '"]');
      b._def = d;
      b.disabled = !!d.disabled;
      b.classList.toggle("pressed", !!d.pressed);
      b.classList.toggle("primary", !!d.primary);
      b.classList.toggle("danger", !!d.danger);
      b.classList.toggle("flip", !!d.flip);
      b.setAttribute("aria-pressed", d.pressed ? "true" : "false");
      b.querySelector(".ctl-icon").textContent = d.icon;
      b.querySelector(".ctl-label").textContent = d.label;
      const badge = b.querySelector(".ctl-badge");
      badge.textContent = d.badge ? String(d.badge) : "";
      badge.hidden = !d.badge;
      b.title = d.key ? d.label + " (" + d.key + ")" : d.label;
    });
  }

  /* --- moderation list ---------------------------------------------------------------- */

  function avatarOf(item) {
    return (item.author && item.author.avatar) || "🙂";
  }

  function nameOf(item) {
    return (item.author && item.author.name) || "";
  }

  function statusBadge(item) {
    if (item.merged_into) return el("span", { class: "m-status merged", text: "🔗" });
    if (item.visibility === "pending") return el("span", { class: "m-status pending", text: "⏳ " + t("waiting") });
    if (item.visibility === "hidden") return el("span", { class: "m-status hidden", text: "🚫 " + t("hidden_by_leader") });
    return null;
  }

  function modButton(icon, label, onClick, cls) {
    return el("button", { type: "button", class: "m-btn " + (cls || ""), onclick: (e) => { e.stopPropagation(); onClick(); } },
      [el("span", { "aria-hidden": "true", text: icon }), " ", el("span", { text: label })]);
  }

  function questionOf(state, choice) {
    return (state.step.choices || []).find((c) => c.id === choice) || null;
  }

  function buildRow(api, entry, onPickChange) {
    const state = api.store.state;
    const item = entry.item;
    const isIdea = entry.type === "idea";
    const row = el("li", { class: "m-row " + item.visibility + (item.merged_into ? " merged" : "") +
                           (isIdea && item.shortlisted ? " starred" : ""),
                           "data-type": entry.type, "data-id": String(item.id) });
    const head = el("div", { class: "m-head" }, [
      el("span", { class: "m-avatar", "aria-hidden": "true", text: avatarOf(item) }),
      el("span", { class: "m-name", text: nameOf(item) }),
      isIdea && item.shortlisted ? el("span", { class: "m-star", title: t("shortlisted"), text: "⭐" }) : null,
      isIdea && item.score ? el("span", { class: "m-score", text: "🗳️ " + item.score }) : null,
      statusBadge(item),
    ]);
    row.appendChild(head);
    const body = el("div", { class: "m-body" });
    const pic = isIdea ? picture(item) : null;
    if (pic) body.appendChild(el("img", { class: "m-pic", src: pic, alt: "", loading: "lazy" }));
    const words = el("div", { class: "m-words" });
    if (!isIdea && item.type === "critical") {
      const q = questionOf(state, item.choice);
      const idea = api.store.ideaById(item.idea_id);
      words.appendChild(el("div", { class: "m-context" }, [
        q ? el("span", { text: q.icon + " " }) : null,
        idea ? el("span", { text: ideaWords(idea) }) : null,
      ]));
    }
    if (isIdea && item.title) words.appendChild(el("strong", { class: "m-title", text: item.title }));
    words.appendChild(el("span", { class: "m-text", text: (isIdea ? categoryIcon(item, state) + " " : "") + (item.text || "") }));
    if (item.merged_into) {
      const keep = api.store.ideaById(item.merged_into);
      words.appendChild(el("span", { class: "m-merged", text: t("merged_into", { title: keep ? ideaWords(keep) : "#" + item.merged_into }) }));
    }
    body.appendChild(words);
    row.appendChild(body);

    if (item.merged_into) return row;
    const type = isIdea ? "idea" : "response";
    const actions = el("div", { class: "m-actions" });
    if (item.visibility === "pending") {
      actions.appendChild(modButton("✅", t("approve"), () => api.moderate("approve", type, item.id), "good"));
    }
    if (item.visibility === "hidden") {
      actions.appendChild(modButton("👁️", t("show"), () => api.moderate("show", type, item.id)));
    } else {
      actions.appendChild(modButton("🚫", t("hide"), () => api.moderate("hide", type, item.id), "bad"));
    }
    if (isIdea) {
      actions.appendChild(item.shortlisted
        ? modButton("⭐", t("unshortlist"), () => api.moderate("unshortlist", "idea", item.id), "on")
        : modButton("☆", t("shortlist"), () => api.moderate("shortlist", "idea", item.id)));
      // the rarer actions wait behind a "more" button, so the list stays short on a phone
      const more = el("span", { class: "m-more" });
      if (state.step.kind === "critical" && isShown(item) && state.focus_idea_id !== item.id
          && (!state.from_shortlist || item.shortlisted)) {
        more.appendChild(modButton("🎯", t("focus"), () => api.control("focus", item.id)));
      }
      more.appendChild(modButton("✏️", t("edit_title"), () => {
        const value = window.prompt(t("new_title"), item.title || item.text || "");
        if (value !== null) api.moderate("title", "idea", item.id, value);
      }));
      more.appendChild(modButton("🔗", t("merge"), () => { api.pick = item.id; onPickChange(); }));
      const toggle = el("button", { type: "button", class: "m-btn m-toggle", "aria-expanded": "false",
                                    title: t("more"), "aria-label": t("more"), text: "⋯" });
      toggle.addEventListener("click", (e) => {
        e.stopPropagation();
        const open = row.classList.toggle("open");
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
      });
      actions.append(toggle, more);
    }
    row.appendChild(actions);
    if (!isIdea) row.classList.add("compact"); // one or two buttons: beside the words
    return row;
  }

  function rowSig(api, entry) {
    const i = entry.item;
    const s = api.store.state;
    let extra = "";
    if (i.type === "critical") extra = JSON.stringify(ideaWords(api.store.ideaById(i.idea_id)));
    if (i.merged_into) extra = JSON.stringify(ideaWords(api.store.ideaById(i.merged_into)));
    return [i.visibility, i.merged_into, i.shortlisted, i.title, i.score, i.text,
            s.step.kind === "critical" ? s.focus_idea_id === i.id : "", s.step_index, extra].join("|");
  }

  /* The moderation list for the current step, drawn into `box`; `pickChanged` is called
   * when the leader starts or ends choosing an idea to merge into. */
  function moderation(api, box) {
    let built = false;
    let banner, itemsHead, itemsList, ideasHead, ideasList, empty;

    function pickChanged() {
      draw();
      document.body.classList.toggle("picking", api.pick !== null);
      if (api.onPick) api.onPick();
    }

    function pickTarget(id) {
      const dup = api.pick;
      api.pick = null;
      pickChanged();
      if (dup !== null && dup !== id) api.moderate("merge", "idea", dup, id);
    }

    function build() {
      banner = el("div", { class: "m-pick", hidden: true }, [
        el("span", { class: "m-pick-text", text: "🔗 " + t("merge_pick") }),
        el("button", { type: "button", class: "m-btn", text: t("cancel"),
                       onclick: () => { api.pick = null; pickChanged(); } }),
      ]);
      itemsHead = el("h3", { class: "m-section", text: t("answers") });
      itemsList = el("ul", { class: "m-list" });
      ideasHead = el("h3", { class: "m-section", text: t("ideas") });
      ideasList = el("ul", { class: "m-list ideas" });
      empty = el("p", { class: "m-empty", text: t("nothing_yet") });
      ideasList.addEventListener("click", (e) => {
        if (api.pick === null) return;
        const row = e.target.closest(".m-row");
        if (row && !row.classList.contains("merged")) pickTarget(Number(row.dataset.id));
      });
      box.replaceChildren(banner, itemsHead, itemsList, ideasHead, ideasList, empty);
      built = true;
    }

    function draw() {
      if (!api.store.state) return;
      if (!built) build();
      const e = api.store.moderationEntries();
      banner.hidden = api.pick === null;
      if (api.pick !== null) {
        const dup = api.store.ideaById(api.pick);
        banner.querySelector(".m-pick-text").textContent = "🔗 " + t("merge_pick") + (dup ? " — " + ideaWords(dup) : "");
      }
      box.classList.toggle("picking", api.pick !== null);
      const entries = (list, type) => list.map((item) => ({ type, item }));
      keyed(itemsList, entries(e.items, "response"), (x) => "r" + x.item.id,
            (x) => buildRow(api, x, pickChanged), (x) => rowSig(api, x));
      keyed(ideasList, entries(e.ideas, "idea"), (x) => "i" + x.item.id,
            (x) => buildRow(api, x, pickChanged), (x) => rowSig(api, x));
      Array.from(ideasList.children).forEach((row) => {
        row.classList.toggle("is-dup", api.pick !== null && Number(row.dataset.id) === api.pick);
      });
      const both = e.items.length && e.ideas.length;
      itemsHead.hidden = !both;
      ideasHead.hidden = !both;
      itemsList.hidden = !e.items.length;
      ideasList.hidden = !e.ideas.length;
      empty.hidden = !!(e.items.length || e.ideas.length);
    }

    api.pickTarget = pickTarget;
    api.cancelPick = () => { if (api.pick !== null) { api.pick = null; pickChanged(); } };
    return { draw };
  }

  /* --- who may be a child: the leader's yes / no, and the children's list ------------------ */

  const REASON_ICONS = { in_use: "📱", locked: "🔒", no_key: "🔑", forgot: "🤔" };
  const SHOWN_ASKS = 3;

  /* The questions "Sanne wants to join on a new tablet: yes / no", drawn into `box`
   * (hidden while there are none). */
  function asks(api, box) {
    function card(request) {
      const child = request.child;
      const why = t("req_" + request.reason, { name: child.name });
      return el("div", { class: "ask-card", role: "alertdialog", "data-request": String(request.id),
                         "aria-label": t("req_title", { name: child.name }) }, [
        el("span", { class: "ask-avatar", "aria-hidden": "true", text: child.avatar || "🙂" }),
        el("div", { class: "ask-words" }, [
          el("strong", { class: "ask-title", text: t("req_title", { name: child.name }) }),
          el("span", { class: "ask-why" }, [
            el("span", { "aria-hidden": "true", text: (REASON_ICONS[request.reason] || "❔") + " " }),
            el("span", { text: why }),
          ]),
        ]),
        el("div", { class: "ask-buttons" }, [
          el("button", { type: "button", class: "ask-btn ask-yes",
                         onclick: () => api.answerJoin(request.id, true) },
             [el("span", { "aria-hidden": "true", text: "✅" }), el("span", { text: t("yes") })]),
          el("button", { type: "button", class: "ask-btn ask-no",
                         onclick: () => api.answerJoin(request.id, false) },
             [el("span", { "aria-hidden": "true", text: "✖️" }), el("span", { text: t("no") })]),
        ]),
      ]);
    }
    const list = el("div", { class: "ask-list" });
    const more = el("p", { class: "ask-more", hidden: true });
    box.replaceChildren(list, more);
    function draw() {
      const all = (api.store.state && api.store.state.status === "live" &&
                   api.store.state.join_requests) || [];
      const shown = all.slice(0, SHOWN_ASKS);
      keyed(list, shown, (r) => r.id, card, (r) => r.reason + "|" + r.child.name);
      more.hidden = all.length <= SHOWN_ASKS;
      more.textContent = t("n_more_requests", { n: all.length - SHOWN_ASKS });
      box.hidden = all.length === 0;
    }
    return { draw };
  }

  /* Every child of this workshop with what the leader can do about one child: rename,
   * hide everything the child made, remove its tablet (or let it back in). */
  function childrenPanel(api, box) {
    const head = el("h3", { class: "m-section", text: "👥 " + t("children_title") });
    const list = el("ul", { class: "m-list kids" });
    box.replaceChildren(head, list);

    function row(entry) {
      const child = entry.child;
      const actions = el("div", { class: "m-actions" });
      if (entry.removed) {
        actions.append(modButton("↩️", t("let_back"), () => api.manageChild("let_back", child.id), "good"));
      } else {
        actions.append(
          modButton("✏️", t("rename"), () => {
            const value = window.prompt(t("new_name", { name: child.name }), child.name);
            if (value !== null && value.trim() && value !== child.name) api.manageChild("rename", child.id, value);
          }),
          modButton("🙈", t("hide_all"), () => {
            if (!window.confirm(t("hide_all_confirm", { name: child.name }))) return;
            api.manageChild("hide_all", child.id).then((reply) => {
              if (reply) toast(t("n_hidden", { n: reply.hidden || 0 }), "good");
            });
          }),
          modButton("🚪", t("remove_child"), () => {
            if (window.confirm(t("remove_confirm", { name: child.name }))) api.manageChild("remove", child.id);
          }, "bad"));
      }
      return el("li", { class: "m-row kid-row" + (entry.removed ? " removed" : ""), "data-child": String(child.id) }, [
        el("div", { class: "m-head" }, [
          el("span", { class: "m-avatar", "aria-hidden": "true", text: child.avatar || "🙂" }),
          el("span", { class: "m-name", text: child.name }),
          entry.removed ? el("span", { class: "m-status hidden", text: "🚪 " + t("removed_badge") }) : null,
        ]),
        actions,
      ]);
    }

    function draw() {
      const s = api.store.state;
      if (!s) return;
      const removed = new Set((s.removed || []).map((c) => c.id));
      const seen = new Set();
      const entries = [];
      (s.children || []).concat(s.removed || []).forEach((c) => {
        if (seen.has(c.id)) return;
        seen.add(c.id);
        entries.push({ child: c, removed: removed.has(c.id) });
      });
      head.hidden = list.hidden = entries.length === 0;
      keyed(list, entries, (e) => e.child.id, row, (e) => [e.child.name, e.child.avatar, e.removed].join("|"));
    }
    return { draw };
  }

  /* "I'm done" in the current step: {done, of, busy: [children still busy]}, counting the
   * children who joined and were not removed; null where children send nothing. */
  function doneProgress(s) {
    if (!s || s.status !== "live" || !Array.isArray(s.done)) return null;
    const removed = new Set((s.removed || []).map((c) => c.id));
    const marked = new Set(s.done);
    const present = (s.children || []).filter((c) => !removed.has(c.id));
    const busy = present.filter((c) => !marked.has(c.id));
    return { done: present.length - busy.length, of: present.length, busy: busy };
  }

  window.LeaderControls = {
    asks, childrenPanel, doneProgress,
    REACTIONS, start, buttons, drawButtons, moderation, toast, keyed, mmss,
    isShown, ideaWords, categoryIcon, picture,
  };
})();
