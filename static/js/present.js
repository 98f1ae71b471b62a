/* The advisor's presentation: one idea at a time on the projector, partners' responses
 * arriving live beside it. Arrows, PageUp/PageDown (clickers) and space step through the
 * ideas; every step tells the partners' phones which idea to show. */
(function () {
  "use strict";

  const el = Live.el;
  const t = Live.t;
  const root = document.getElementById("present");
  const networkId = Number(root.dataset.network);
  const deck = JSON.parse(document.getElementById("deck").textContent || "[]");
  const q = (sel) => root.querySelector(sel);
  const ui = {
    count: q(".p-count"), badge: q(".p-stage .stage-badge"), offline: q(".p-offline"),
    main: q(".p-main"), pic: q(".p-pic"), title: q(".p-title"), text: q(".p-text"),
    origin: q(".p-origin"), critical: q(".p-critical"), reason: q(".p-reason"),
    empty: q(".p-empty"), fits: q(".p-fits"), offers: q(".p-offers"),
    prev: q(".p-prev"), next: q(".p-next"), select: q(".p-select"), notnow: q(".p-notnow"),
    undo: q(".p-undo"), msg: q(".p-msg"),
    dialog: document.getElementById("notnow-dialog"),
  };
  const euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" });
  const ICONS = { space: "🏠", materials: "🎨", people: "🙋", promotion: "📣", money: "💶" };
  const seenOffers = new Set();
  let index = 0;
  let responses = null;
  let pending = 0; // presents sent and not yet answered: their echoes must not move us back

  // Polling first, then the upgrade to WebSocket when it gets through: a school proxy that
  // refuses WebSocket leaves the page on polling instead of reconnecting forever.
  const socket = io("/board", { transports: ["polling", "websocket"], tryAllTransports: true,
                                reconnectionDelay: 500, reconnectionDelayMax: 4000,
                                timeout: 8000 });

  function current() { return deck[index] || null; }

  function say(text, bad) {
    ui.msg.textContent = text || "";
    ui.msg.classList.toggle("bad", Boolean(bad));
  }

  /* --- drawing ------------------------------------------------------------------------- */

  function shortened(idea) {
    /* A title cut from the children's words adds nothing: show their words alone. (The
     * server now sends such a title whole, the same as the words: then it is the title.) */
    const stem = (idea.title || "").replace(/…$/, "");
    return Boolean(idea.text && idea.title !== idea.text && idea.text.startsWith(stem));
  }

  function fitWords() {
    /* Long words get smaller type until title, words, origin and questions fit beside the
     * picture; nothing is cut. */
    const box = q(".p-words");
    [ui.title, ui.text].forEach((node) => { node.style.fontSize = ""; });
    for (let scale = 0.92; box.scrollHeight > box.clientHeight + 1 && scale > 0.4; scale -= 0.08) {
      [ui.title, ui.text].forEach((node) => {
        node.style.fontSize = "";
        node.style.fontSize = "calc(" + getComputedStyle(node).fontSize + " * " + scale.toFixed(2) + ")";
      });
    }
  }

  function picture(idea) {
    const src = idea.photo || idea.drawing;
    if (src) return el("img", { src: src, alt: "" });
    const icon = (idea.origin && idea.origin.category && idea.origin.category.icon) || "💡";
    return el("span", { class: "p-nopic", "aria-hidden": "true", text: icon });
  }

  function originLine(idea) {
    const o = idea.origin || {};
    const parts = [];
    if (o.group) parts.push("👧 " + o.group + (o.school ? " · " + o.school : ""));
    parts.push("★ " + t("n_votes", { n: o.votes || 0 }));
    if (o.category) parts.push((o.category.icon || "") + " " + Live.text(o.category.label));
    return parts.join("   ·   ");
  }

  function render() {
    const idea = current();
    ui.empty.hidden = Boolean(idea);
    ui.main.classList.toggle("is-empty", !idea);
    [ui.prev, ui.next, ui.select, ui.notnow, ui.undo].forEach((b) => { b.disabled = !idea; });
    if (!idea) { ui.count.textContent = ""; ui.badge.textContent = ""; return; }
    ui.count.textContent = t("idea_n_of_m", { n: index + 1, m: deck.length });
    ui.badge.textContent = t("st_" + idea.stage);
    ui.badge.className = "stage-badge st-" + idea.stage;
    ui.pic.replaceChildren(picture(idea));
    const solo = shortened(idea);
    ui.title.textContent = idea.title;
    ui.title.hidden = solo;
    const longest = Math.max(0, ...(solo ? idea.text : idea.title).split(/\s+/).map((w) => w.length));
    root.classList.toggle("long-words", longest >= 13);
    ui.text.textContent = idea.text && (solo || idea.text !== idea.title) ? "“" + idea.text + "”" : "";
    ui.text.hidden = !ui.text.textContent;
    ui.text.classList.toggle("solo", solo);
    ui.origin.textContent = originLine(idea);
    const critical = (idea.origin && idea.origin.critical) || [];
    ui.critical.replaceChildren(...critical.map((a) => el("li", {}, [
      el("strong", { text: ((a.question && a.question.icon) || "❓") + " " +
                           Live.text(a.question && a.question.label) }),
      el("span", { text: a.text }),
    ])));
    ui.reason.hidden = !(idea.stage === "not_now" && idea.reason);
    ui.reason.textContent = idea.reason ? "✋ " + t("not_now_reason", { reason: idea.reason }) : "";
    ui.prev.disabled = index === 0;
    ui.next.disabled = index >= deck.length - 1;
    ui.select.hidden = !["new", "not_now"].includes(idea.stage);
    ui.notnow.hidden = !["new", "selected"].includes(idea.stage);
    ui.undo.hidden = !["selected", "not_now"].includes(idea.stage);
    renderResponses();
    fitWords();
  }
  window.addEventListener("resize", () => { if (current()) fitWords(); });

  function renderResponses() {
    const idea = current();
    const r = responses && idea && responses.board_idea_id === idea.id ? responses
      : { fits: [], offers: [] };
    ui.fits.replaceChildren(...(r.fits.length ? r.fits.map((f) => el("span", {
      class: "chip big", text: f.partner })) : [el("span", { class: "muted", text: t("nobody_yet") })]));
    ui.offers.replaceChildren(...(r.offers.length ? r.offers.slice().reverse().map((o) => {
      const fresh = !seenOffers.has(o.id);
      seenOffers.add(o.id);
      return el("li", { class: "p-offer" + (fresh ? " fresh" : "") + " os-" + o.status }, [
        el("span", { class: "p-offer-kind", text: (ICONS[o.kind] || "") + " " + t("help_" + o.kind) +
                     (o.amount_cents ? " " + euro.format(o.amount_cents / 100) : "") }),
        el("span", { class: "p-offer-who", text: o.partner }),
        o.note ? el("span", { class: "p-offer-note", text: o.note }) : null,
      ]);
    }) : [el("li", { class: "muted", text: t("no_offers_yet") })]));
  }

  /* --- talking to the server ----------------------------------------------------------- */

  function take(state) {
    /* A presented or moved idea from the server: keep the deck and the responses fresh. */
    if (!state || !state.idea) return;
    const at = deck.findIndex((d) => d.id === state.idea.id);
    if (at >= 0) deck[at] = state.idea;
    if (state.responses) {
      if (!responses || responses.board_idea_id !== state.responses.board_idea_id) {
        state.responses.offers.forEach((o) => seenOffers.add(o.id));
      }
      responses = state.responses;
    }
  }

  async function go(to) {
    if (!deck.length) { render(); return; }
    index = Math.max(0, Math.min(deck.length - 1, to));
    say("");
    render();
    const idea = current();
    pending += 1;
    try {
      const reply = await Live.call(socket, "present", { network_id: networkId,
                                                         board_idea_id: idea.id });
      if (reply && reply.ok) { take(reply.presenting); render(); }
      else say((reply && reply.message) || t("error"), true);
    } catch (e) {
      /* offline: shown by the status line; presented again on reconnect */
    } finally {
      pending -= 1;
    }
  }

  async function move(target, reason) {
    const idea = current();
    if (!idea) return null;
    let reply;
    try {
      reply = await Live.call(socket, "move", { board_idea_id: idea.id, target: target,
                                                reason: reason || "" });
    } catch (e) {
      return { ok: false, message: t("offline") };
    }
    if (reply && reply.ok) { take(reply.presenting); render(); say("✓ " + t("saved")); }
    return reply || { ok: false, message: t("error") };
  }

  socket.on("connect", async () => {
    ui.offline.hidden = true;
    let reply;
    try {
      reply = await Live.call(socket, "board_hello", { network_id: networkId });
    } catch (e) { return; }
    if (!reply || !reply.ok) { say((reply && reply.message) || t("error"), true); return; }
    root.dataset.online = "true"; // the buttons work from here (tests wait for it too)
    let start = index;
    if (reply.presenting && index === 0) {
      const at = deck.findIndex((d) => d.id === reply.presenting.idea.id);
      if (at >= 0) start = at;
    }
    go(start);
  });
  socket.on("disconnect", () => {
    root.dataset.online = "false";
    ui.offline.hidden = false;
    ui.offline.querySelector("span").textContent = t("reconnecting");
  });
  socket.on("presenting", (state) => {
    take(state);
    const at = deck.findIndex((d) => d.id === state.idea.id);
    if (at >= 0 && at !== index && pending === 0) index = at; // another advisor's screen
    render();
  });
  socket.on("moved", (state) => { take(state); render(); });
  socket.on("responses", (r) => {
    const idea = current();
    if (idea && r.board_idea_id === idea.id) { responses = r; renderResponses(); }
  });

  /* --- buttons, keys and the "not now" dialog ------------------------------------------ */

  ui.prev.addEventListener("click", () => go(index - 1));
  ui.next.addEventListener("click", () => go(index + 1));
  ui.select.addEventListener("click", async () => {
    const reply = await move("selected");
    if (reply && !reply.ok) say(reply.message, true);
  });
  ui.undo.addEventListener("click", async () => {
    const reply = await move("new");
    if (reply && !reply.ok) say(reply.message, true);
  });

  const dialogForm = ui.dialog.querySelector("form");
  const reasonBox = dialogForm.elements.reason;
  const dialogError = ui.dialog.querySelector(".error");
  ui.notnow.addEventListener("click", () => {
    dialogError.hidden = true;
    if (window.ReasonPreview) window.ReasonPreview.refresh(dialogForm);
    ui.dialog.showModal();
    reasonBox.focus();
  });
  ui.dialog.querySelector(".p-cancel").addEventListener("click", () => ui.dialog.close());
  dialogForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const reply = await move("not_now", reasonBox.value);
    if (reply && reply.ok) {
      reasonBox.value = "";
      ui.dialog.close();
    } else {
      dialogError.textContent = (reply && reply.message) || t("error");
      dialogError.hidden = false; // the reason stays in the box
    }
  });

  document.addEventListener("keydown", (event) => {
    if (ui.dialog.open || event.altKey || event.ctrlKey || event.metaKey) return;
    const tag = (event.target && event.target.tagName) || "";
    if (["INPUT", "TEXTAREA", "SELECT"].includes(tag)) return;
    if (["ArrowRight", "PageDown", " "].includes(event.key)) {
      event.preventDefault();
      go(index + 1);
    } else if (["ArrowLeft", "PageUp"].includes(event.key)) {
      event.preventDefault();
      go(index - 1);
    } else if (event.key === "f" || event.key === "F") {
      if (document.fullscreenElement) document.exitFullscreen();
      else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
    }
  });

  render();
})();
