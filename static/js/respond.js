/* A partner's phone during the network meeting: it follows the idea the advisor presents
 * and has two big answers, "this fits us" and "we can help with" (a space, materials,
 * people, promotion or money). What is typed stays in the form until the server took it. */
(function () {
  "use strict";

  const el = Live.el;
  const t = Live.t;
  const root = document.getElementById("respond");
  const networkId = Number(root.dataset.network);
  const partnerId = Number(root.dataset.partner);
  const q = (sel) => root.querySelector(sel);
  const ui = {
    dot: q(".r-dot"), offline: q(".r-offline"), wait: q(".r-wait"), idea: q(".r-idea"),
    pic: q(".r-pic"), badge: q(".r-stage .stage-badge"), title: q(".r-title"),
    text: q(".r-text"), origin: q(".r-origin"), actions: q(".r-actions"), fit: q(".r-fit"),
    kinds: Array.from(root.querySelectorAll(".r-kind")), form: q(".r-form"),
    amountRow: q(".r-amount"), msg: q(".r-msg"), mine: q(".r-mine"),
    mineList: q(".r-mine ul"),
  };
  const euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" });
  let idea = null;
  let responses = null;
  let kind = null;
  let busy = false;

  // Polling first, then the upgrade to WebSocket when it gets through: a school proxy that
  // refuses WebSocket leaves the page on polling instead of reconnecting forever.
  const socket = io("/board", { transports: ["polling", "websocket"], tryAllTransports: true,
                                reconnectionDelay: 500, reconnectionDelayMax: 4000,
                                timeout: 8000 });

  function say(text, bad) {
    ui.msg.hidden = !text;
    ui.msg.textContent = text || "";
    ui.msg.classList.toggle("bad", Boolean(bad));
  }

  function fitsUs() {
    return Boolean(responses && responses.fits.some((f) => f.partner_id === partnerId));
  }

  function renderIdea() {
    ui.wait.hidden = Boolean(idea);
    ui.idea.hidden = !idea;
    ui.actions.hidden = !idea;
    if (!idea) return;
    const src = idea.photo || idea.drawing;
    const icon = (idea.origin && idea.origin.category && idea.origin.category.icon) || "💡";
    ui.pic.replaceChildren(src ? el("img", { src: src, alt: "" })
      : el("span", { class: "r-nopic", "aria-hidden": "true", text: icon }));
    ui.badge.textContent = t("st_" + idea.stage);
    ui.badge.className = "stage-badge st-" + idea.stage;
    const stem = (idea.title || "").replace(/…$/, "");
    const solo = Boolean(idea.text && idea.title !== idea.text && idea.text.startsWith(stem));
    ui.title.textContent = idea.title;
    ui.title.hidden = solo; // a title cut from the children's words: show their words alone
    ui.text.textContent = idea.text && idea.text !== idea.title ? "“" + idea.text + "”" : "";
    ui.text.classList.toggle("solo", solo);
    const o = idea.origin || {};
    ui.origin.textContent = [o.group, "★ " + t("n_votes", { n: o.votes || 0 })]
      .filter(Boolean).join(" · ");
    renderMine();
  }

  function renderMine() {
    const yes = fitsUs();
    ui.fit.setAttribute("aria-pressed", String(yes));
    ui.fit.replaceChildren(...(yes ? ["✓ " + t("fits_us_done"), el("small", { text: t("tap_to_undo") })]
      : ["👍 " + t("fits_us")]));
    const offers = responses ? responses.offers.filter((o) => o.partner_id === partnerId) : [];
    ui.mine.hidden = offers.length === 0;
    ui.mineList.replaceChildren(...offers.map((o) => el("li", {}, [
      el("strong", { text: t("help_" + o.kind) +
                           (o.amount_cents ? " " + euro.format(o.amount_cents / 100) : "") }),
      o.note ? el("span", { text: " — " + o.note }) : null,
      el("span", { class: "badge os-" + o.status, text: t("offer_" + o.status) }),
    ])));
    ui.kinds.forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.kind === kind)));
    ui.form.hidden = !kind;
    ui.amountRow.hidden = kind !== "money";
    ui.form.elements.amount.required = kind === "money";
  }

  function show(state) {
    /* The advisor shows an idea: follow it; a new idea starts with an empty form. */
    if (!state || !state.idea) return;
    const had = Boolean(idea);
    const changed = !idea || idea.id !== state.idea.id;
    idea = state.idea;
    if (state.responses) responses = state.responses;
    if (changed) {
      kind = null;
      ui.form.reset();
      say(had ? t("new_idea_shown") : "");
      if (had && navigator.vibrate && navigator.userActivation && navigator.userActivation.hasBeenActive) {
        navigator.vibrate(60);
      }
      window.scrollTo({ top: 0, behavior: "smooth" });
    }
    renderIdea();
  }

  function setOnline(up) {
    ui.offline.hidden = up;
    ui.offline.querySelector("span").textContent = t("reconnecting");
    ui.dot.classList.toggle("up", up);
    ui.dot.title = up ? t("online") : t("reconnecting");
    ui.fit.disabled = !up;
    q(".r-send").disabled = !up;
  }

  socket.on("connect", async () => {
    setOnline(true);
    let reply;
    try {
      reply = await Live.call(socket, "board_hello", { network_id: networkId });
    } catch (e) { return; }
    if (reply && reply.ok) {
      if (reply.presenting) show(reply.presenting);
    } else {
      say((reply && reply.message) || t("error"), true);
    }
  });
  socket.on("disconnect", () => setOnline(false));
  socket.on("presenting", show);
  socket.on("moved", (state) => {
    if (idea && state.idea && state.idea.id === idea.id) {
      idea = state.idea;
      if (state.responses) responses = state.responses;
      renderIdea();
    }
  });
  socket.on("responses", (r) => {
    if (idea && r.board_idea_id === idea.id) { responses = r; renderMine(); }
  });

  ui.fit.addEventListener("click", async () => {
    if (!idea || busy) return;
    busy = true;
    const wanted = !fitsUs();
    try {
      const reply = await Live.call(socket, "fit", { board_idea_id: idea.id, fits: wanted });
      if (reply && reply.ok) {
        responses = reply.responses;
        renderMine();
        say(wanted ? "✓ " + t("fit_sent") : t("fit_taken_back"));
      } else {
        say((reply && reply.message) || t("error"), true);
      }
    } catch (e) {
      say(t("offline"), true);
    } finally {
      busy = false;
    }
  });

  ui.kinds.forEach((button) => button.addEventListener("click", () => {
    kind = kind === button.dataset.kind ? null : button.dataset.kind;
    say("");
    renderMine();
    if (kind === "money") ui.form.elements.amount.focus();
  }));

  ui.form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!idea || !kind || busy) return;
    busy = true;
    const data = { board_idea_id: idea.id, kind: kind, note: ui.form.elements.note.value,
                   amount: kind === "money" ? ui.form.elements.amount.value : null };
    try {
      const reply = await Live.call(socket, "offer", data);
      if (reply && reply.ok) {
        responses = reply.responses;
        kind = null;
        ui.form.reset();
        renderMine();
        say("🎉 " + t("offer_sent"));
      } else {
        say((reply && reply.message) || t("error"), true); // the input stays for a retry
      }
    } catch (e) {
      say(t("offline"), true);
    } finally {
      busy = false;
    }
  });

  renderIdea();
})();
