/* The child's tablet: join with an avatar and a name, then take part in every step.
 *
 * Everything a child makes goes through Live.Outbox (one per child per workshop), so it
 * shows at once as "waiting to send" and reaches the server exactly once, even after
 * lost Wi-Fi or a reload. Typed text is kept as a draft until it is sent; a refused item
 * goes back into its input. No visible word is written here: they all come from Live.t.
 */
(function () {
  "use strict";

  const el = Live.el;
  const t = Live.t;
  const CFG = window.TABLET;
  const LANG = window.LANG || "nl";
  const TOKEN_KEY = "child:" + CFG.group_id;
  const DEVICE_KEY = "device"; // this tablet's own id, for every group (docs/protocol.md)
  const CREATIONS = { question: "answer", ideas: "idea", critical: "critical" };
  const REACTIONS = [["love", "❤️"], ["like", "👍"], ["hmm", "🤔"]];
  const COLOURS = ["#1d2433", "#e03131", "#f2c94c", "#27ae60", "#2f80ed", "#bb4fd1"];
  const SIZES = [6, 14, 30];
  // What the server stores and reads (media/images.py): pictures are shrunk to fit first.
  const LIMITS = CFG.limits || {};
  const PHOTO_SIDE = LIMITS.photo_side || 1600;
  const DRAWING_SIDE = LIMITS.drawing_side || 1200;
  // a picture: what the server takes, at most 3 MB (quick on school Wi-Fi), and two of them
  // (a drawing and a photo) fit in one message
  const PICTURE_CHARS = Math.min(LIMITS.picture_chars || Infinity, 3 * 1024 * 1024,
                                 LIMITS.message_chars ? LIMITS.message_chars / 2 - 8192
                                   : Infinity);

  /* --- small helpers ------------------------------------------------------------------ */

  const store = {
    get(key) { try { return localStorage.getItem(key); } catch (e) { return null; } },
    set(key, value) {
      try { localStorage.setItem(key, value); return true; } catch (e) { return false; }
    },
    del(key) { try { localStorage.removeItem(key); } catch (e) { /* blocked */ } },
  };

  function text(value) { return Live.text(value, LANG); }

  function button(cls, attrs, children) {
    return el("button", Object.assign({ type: "button", class: cls }, attrs || {}), children);
  }

  function icon(symbol, cls) {
    return el("span", { class: cls || "t-icon", "aria-hidden": "true", text: symbol });
  }

  function nudge(node) {
    /* Show, without words, that something is missing here. */
    node.classList.remove("t-nudge");
    void node.offsetWidth;
    node.classList.add("t-nudge");
    clearTimeout(node.nudgeTimer);
    node.nudgeTimer = setTimeout(() => node.classList.remove("t-nudge"), 1600);
    if (node.focus) node.focus({ preventScroll: false });
  }

  function pressed(node, on) {
    node.classList.toggle("is-on", !!on);
    node.setAttribute("aria-pressed", on ? "true" : "false");
  }

  function mmss(seconds) {
    const s = Math.max(0, Math.ceil(seconds));
    return String(Math.floor(s / 60)).padStart(2, "0") + ":" + String(s % 60).padStart(2, "0");
  }

  function picture(src, cls) {
    return el("img", { class: cls || "t-pic", src: src, alt: "", loading: "lazy",
                       draggable: "false" });
  }

  /* --- app state ------------------------------------------------------------------------ */

  const app = {
    socket: null,
    token: store.get(TOKEN_KEY),
    me: null,
    state: null,
    outbox: null,
    conn: "reconnecting",
    screen: "loading",
    view: null,
    viewKey: null,
    offset: 0,
    helloSeq: 0,
    updateQueued: false,
    everConnected: false,
    startedAt: Date.now(),
    removed: false,  // the leader removed this tablet or child: "ask your teacher"
    asking: null,    // the child this tablet asked the leader to be, while waiting
    pictures: null,  // the nine pictures of the picture key (from `children`)
  };

  function deviceId() {
    /* Made once and kept; reloading or "switch child" keeps it (see docs/protocol.md). */
    let id = store.get(DEVICE_KEY);
    if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
      id = app.device || Live.newId();
      store.set(DEVICE_KEY, id);
    }
    app.device = id;
    return id;
  }

  const dom = {};

  function draftKey(extra) {
    return "draft:" + CFG.code + ":" + (app.me ? app.me.id : "-") + ":" +
      (app.state ? app.state.step_index : "-") + (extra ? ":" + extra : "");
  }

  function stateKey() { return "state:" + CFG.code; }

  /* --- skeleton: top bar, strips, main, overlay ---------------------------------------- */

  function buildSkeleton() {
    const root = document.getElementById("tablet-app");
    dom.meAvatar = el("span", { class: "t-me-avatar", "aria-hidden": "true" });
    dom.meName = el("span", { class: "t-me-name" });
    dom.me = el("div", { class: "t-me" }, [dom.meAvatar, dom.meName]);
    dom.connDot = el("span", { class: "t-conn-dot", "aria-hidden": "true" });
    dom.connText = el("span", { class: "t-conn-text" });
    dom.conn = el("div", { class: "t-conn", role: "status" }, [dom.connDot, dom.connText]);
    dom.countNum = el("span", { class: "t-count-num" });
    dom.count = el("div", { class: "t-count", title: t("waiting_send") },
                   [icon("📤"), dom.countNum, el("span", { class: "sr-only", text: t("waiting_send") })]);
    dom.lang = button("t-top-btn t-lang", { "aria-label": t("language"), lang: CFG.other_lang,
                                            onclick: switchLanguage },
                      [icon("🌐"), el("span", { text: CFG.other_label })]);
    dom.switch = button("t-top-btn t-switch", { onclick: switchChild, title: t("not_me"),
                                                "aria-label": t("not_me") },
                        [icon("👥"), el("span", { text: t("not_me") })]);
    dom.top = el("header", { class: "t-top" }, [
      dom.me,
      el("div", { class: "t-top-mid" }, [dom.conn, dom.count]),
      el("div", { class: "t-top-end" }, [dom.lang, dom.switch]),
    ]);
    dom.offline = el("div", { class: "t-offline", role: "status" },
                     [icon("📵"), el("span", { text: t("offline") })]);
    dom.bannerText = el("span", { class: "t-banner-text" });
    dom.banner = el("div", { class: "t-banner", role: "alert", hidden: true }, [
      icon("💬"), dom.bannerText,
      button("t-banner-close", { "aria-label": t("close"), onclick: hideBanner }, [icon("✕")]),
    ]);
    dom.main = el("main", { class: "t-main" });
    dom.overlayIcon = el("p", { class: "t-overlay-icon", "aria-hidden": "true", text: "✋" });
    dom.overlayText = el("p", { class: "t-overlay-text", text: t("locked") });
    dom.overlay = el("div", { class: "t-overlay", hidden: true, role: "alert" },
                     [el("div", { class: "t-overlay-box" }, [dom.overlayIcon, dom.overlayText])]);
    dom.sticky = el("div", { class: "t-sticky" }, [dom.top, dom.offline, dom.banner]);
    root.replaceChildren(dom.sticky, dom.main, dom.overlay);
    root.removeAttribute("aria-live");
    // Things that stick below the top bar need its height (it grows when offline).
    const measure = () => document.documentElement.style.setProperty(
      "--t-sticky-h", dom.sticky.offsetHeight + "px");
    if (window.ResizeObserver) new ResizeObserver(measure).observe(dom.sticky);
    measure();
  }

  function renderTop() {
    const me = app.me;
    dom.me.hidden = !me;
    dom.switch.hidden = !me || app.removed;
    if (me) { dom.meAvatar.textContent = me.avatar; dom.meName.textContent = me.name; }
    dom.conn.className = "t-conn is-" + app.conn;
    dom.connText.textContent = app.conn === "online" ? t("online") :
      app.conn === "reconnecting" ? t("reconnecting") : "";
    dom.conn.title = dom.connText.textContent || t("offline");
    // Not at once while the page is first connecting: only after a real loss of connection.
    dom.offline.hidden = app.conn === "online" ||
      (!app.everConnected && Date.now() - app.startedAt < 4000);
    const waiting = app.outbox ? app.outbox.items().length : 0;
    dom.count.hidden = waiting === 0;
    dom.countNum.textContent = String(waiting);
    document.body.classList.toggle("t-is-offline", app.conn !== "online");
  }

  let bannerTimer = null;

  function showBanner(message) {
    dom.bannerText.textContent = message || t("error");
    dom.banner.hidden = false;
    dom.banner.classList.remove("t-pop");
    void dom.banner.offsetWidth;
    dom.banner.classList.add("t-pop");
    clearTimeout(bannerTimer);
    bannerTimer = setTimeout(hideBanner, 9000);
  }

  function hideBanner() { dom.banner.hidden = true; }

  function showScreen(name, children) {
    app.screen = name;
    app.view = null;
    app.viewKey = null;
    dom.overlay.hidden = true;
    dom.main.className = "t-main t-screen-" + name;
    dom.main.replaceChildren(...children);
    window.scrollTo(0, 0);
  }

  function showLoading() {
    showScreen("loading", [el("div", { class: "t-center" }, [
      el("p", { class: "t-huge t-bounce", "aria-hidden": "true", text: "👋" }),
      el("p", { class: "t-lead", text: t("reconnecting") }),
    ])]);
  }

  function showMessageScreen(symbol, message) {
    showScreen("message", [el("div", { class: "t-center" }, [
      el("p", { class: "t-huge", "aria-hidden": "true", text: symbol }),
      el("p", { class: "t-lead", text: message }),
    ])]);
  }

  /* --- connection ---------------------------------------------------------------------- */

  function onConnect() {
    app.conn = "online";
    app.everConnected = true;
    renderTop();
    if (app.asking) askLeader(app.asking); // the leader may have answered meanwhile
    else if (app.token) hello();
    else if (["loading", "message", "removed"].includes(app.screen)) chooseEntry();
  }

  function onDisconnect() {
    app.conn = "offline";
    if (app.outbox) app.outbox.detach();
    renderTop();
  }

  function onReconnecting() {
    if (app.conn !== "online") { app.conn = "reconnecting"; renderTop(); }
  }

  async function hello() {
    if (!app.token || !app.socket.connected) return;
    const seq = ++app.helloSeq;
    const token = app.token;
    let reply;
    try {
      reply = await Live.call(app.socket, "tablet_hello", { code: CFG.code, token: token,
                                                            device: deviceId() });
    } catch (e) {
      setTimeout(() => { if (seq === app.helloSeq && app.socket.connected) hello(); }, 2000);
      return;
    }
    if (seq !== app.helloSeq || token !== app.token) return;
    if (!reply || !reply.ok) {
      if (reply && reply.error === "removed") { showRemoved(); return; }
      if (reply && reply.error === "unknown_child") {
        forgetChild();
        chooseEntry();
      } else if (!app.state) {
        showMessageScreen("🙈", (reply && reply.message) || t("error"));
        return;
      }
      showBanner(reply && reply.message);
      return;
    }
    app.removed = false;
    setMe(reply.state.me);
    applyState(reply.state);
    app.outbox.attach(app.socket); // only after hello: the server knows who sends
    if (reply.state.me.has_key === false) showKeySet(); // after the leader's yes
  }

  function setMe(me) {
    if (!app.me || app.me.id !== me.id || !app.outbox) {
      if (app.outbox) app.outbox.detach();
      app.outbox = new Live.Outbox(CFG.code + ":" + me.id, {
        onChange: () => { renderTop(); queueUpdate(); },
        onSent: onSent,
        onRefused: onRefused,
        onRemoved: () => showRemoved(),
      }, { maxChars: LIMITS.message_chars ? LIMITS.message_chars - 4096 : 0,
           tooBig: LIMITS.too_big });
    }
    app.me = me;
    if (me.lang && me.lang !== LANG && app.socket.connected) {
      Live.call(app.socket, "lang", { lang: LANG }).catch(() => {});
      me.lang = LANG;
    }
  }

  function forgetChild() {
    store.del(TOKEN_KEY);
    store.del(stateKey());
    if (app.outbox) app.outbox.detach();
    app.token = null;
    app.me = null;
    app.state = null;
    app.outbox = null;
    app.helloSeq++;
    renderTop();
  }

  function useToken(token) {
    hideBanner(); // a message about the name or the picture is solved now
    app.token = token;
    store.set(TOKEN_KEY, token);
    showLoading();
    hello();
  }

  function switchChild() {
    if (window.speechSynthesis) window.speechSynthesis.cancel();
    forgetChild();
    chooseEntry();
  }

  async function switchLanguage() {
    const lang = CFG.other_lang;
    if (app.me && app.socket.connected) {
      try { await Live.call(app.socket, "lang", { lang: lang }, 3000); } catch (e) { /* later */ }
    }
    const url = new URL(window.location.href);
    url.searchParams.set("lang", lang);
    window.location.replace(url.toString());
  }

  /* --- who are you / joining ----------------------------------------------------------- */

  async function chooseEntry() {
    showLoading();
    if (!app.socket.connected) return; // onConnect comes back here
    let reply = null;
    try {
      reply = await Live.call(app.socket, "children", { code: CFG.code, device: deviceId() });
    } catch (e) {
      reply = null;
    }
    if (app.token || app.asking) return; // a hello or a question started meanwhile
    if (reply && !reply.ok) {
      if (reply.error === "removed") { showRemoved(); return; }
      showMessageScreen(reply.error === "workshop_ended" ? "🎉" : "🙈", reply.message);
      return;
    }
    if (reply && reply.pictures) app.pictures = reply.pictures;
    const children = (reply && reply.children) || [];
    if (children.length) showWho(children); else showJoin(false);
  }

  function speakButton(words) {
    return button("t-speak", { "aria-label": t("read_aloud"), title: t("read_aloud"),
                               onclick: (ev) => speakNow(words(), ev.currentTarget) },
                  [icon("🔊")]);
  }

  function speakNow(words, node) {
    if (window.speechSynthesis && window.speechSynthesis.speaking) {
      window.speechSynthesis.cancel();
      node.classList.remove("is-on");
      return;
    }
    if (!Live.speak(words, LANG)) return;
    node.classList.add("is-on");
    const done = setInterval(() => {
      if (!window.speechSynthesis.speaking) { node.classList.remove("is-on"); clearInterval(done); }
    }, 400);
  }

  function showWho(children) {
    const grid = el("div", { class: "t-who-grid" }, children.map((child) =>
      button("t-who", { onclick: () => pick(child) }, [
        icon(child.avatar, "t-who-avatar"),
        el("span", { class: "t-who-name", text: child.name }),
      ])));
    showScreen("who", [
      el("div", { class: "t-title-row" }, [
        el("h1", { class: "t-h1", text: t("who_are_you") }),
        speakButton(() => t("who_are_you")),
      ]),
      grid,
      button("t-big t-new", { onclick: () => showJoin(true) },
             [icon("🙋"), el("span", { text: t("new_here") })]),
    ]);
  }

  /* --- the picture key, asking the leader, a removed tablet ------------------------------ */

  async function keyPictures() {
    if (app.pictures) return app.pictures;
    try {
      const reply = await Live.call(app.socket, "children", { code: CFG.code,
                                                              device: deviceId() });
      if (reply && reply.pictures) app.pictures = reply.pictures;
    } catch (e) { /* offline: the caller says so */ }
    return app.pictures;
  }

  function whoChip(child) {
    return el("div", { class: "t-key-who" }, [
      icon(child.avatar, "t-key-who-avatar"),
      el("span", { class: "t-key-who-name", text: child.name }),
    ]);
  }

  function backButton(onClick) {
    return button("t-btn t-back", { "aria-label": t("prev"), onclick: onClick },
                  [icon("←", "t-icon t-flip")]);
  }

  async function pick(child) {
    /* "That's me": the child taps their two secret pictures, or asks the leader. */
    showLoading();
    const pictures = await keyPictures();
    if (!pictures) { showBanner(t("offline")); chooseEntry(); return; }
    const keyPad = PictureKey.pad({ pictures: pictures, secret: true, label: t("key_enter"),
                                    lead: whoChip(child), onDone: send });
    async function send(key) {
      let reply;
      try {
        reply = await Live.call(app.socket, "pick", { code: CFG.code, participant_id: child.id,
                                                      key: key, device: deviceId() });
      } catch (e) { showBanner(t("offline")); keyPad.clear(); return; }
      if (reply.ok && reply.token) { useToken(reply.token); return; }
      if (reply.ok && reply.waiting) {
        app.asking = child;
        hideBanner(); // an earlier "not your pictures" is over
        showAsked(child);
        return;
      }
      if (reply.error === "removed") { showRemoved(); return; }
      if (reply.error === "key_locked" || reply.error === "no_key") {
        showBanner(reply.message);
        askLeader(child);
        return;
      }
      keyPad.shake();
      keyPad.clear();
      showBanner(reply.message);
    }
    showScreen("key", [
      el("div", { class: "t-title-row" }, [
        backButton(chooseEntry),
        el("h1", { class: "t-h1", text: t("key_enter") }),
        speakButton(() => t("key_enter")),
      ]),
      keyPad.node,
      button("t-big t-ask", { onclick: () => askLeader(child) },
             [icon("🙋"), el("span", { text: t("ask_leader") })]),
    ]);
  }

  async function askLeader(child) {
    /* The question shows on the big screen; the answer comes as `join_answer`. Asking
     * again (after a reconnect) is safe and brings the token if the leader said yes. */
    app.asking = child;
    let reply;
    try {
      reply = await Live.call(app.socket, "ask_leader", { code: CFG.code,
                                                          participant_id: child.id,
                                                          device: deviceId() });
    } catch (e) {
      if (app.asking === child) showAsked(child); // onConnect asks again
      return;
    }
    if (app.asking !== child) return;
    if (reply.ok && reply.token) { app.asking = null; useToken(reply.token); return; }
    if (reply.ok) { if (app.screen !== "asked") showAsked(child); return; }
    app.asking = null;
    if (reply.error === "removed") { showRemoved(); return; }
    showBanner(reply.message);
    chooseEntry();
  }

  function showAsked(child) {
    const words = () => t("asked_title") + ". " + t("asked_text");
    showScreen("asked", [
      el("div", { class: "t-title-row" }, [
        backButton(cancelAsk),
        el("h1", { class: "t-h1", text: t("asked_title") }),
        speakButton(words),
      ]),
      el("div", { class: "t-center t-asked" }, [
        el("p", { class: "t-huge t-bounce", "aria-hidden": "true", text: "⏳" }),
        whoChip(child),
        el("p", { class: "t-look" }, [icon("📺"), el("span", { text: t("asked_text") })]),
      ]),
    ]);
  }

  function cancelAsk() {
    app.asking = null;
    hideBanner();
    Live.call(app.socket, "cancel_ask", { code: CFG.code, device: deviceId() })
      .catch(() => { /* offline: the question stays until the leader answers */ });
    chooseEntry();
  }

  function onJoinAnswer(data) {
    if (!data || (app.token && !app.asking)) return;
    const asked = app.asking;
    app.asking = null;
    hideBanner();
    if (data.ok && data.token) { useToken(data.token); return; }
    if (!asked) return;
    showScreen("message", [el("div", { class: "t-center" }, [
      el("p", { class: "t-huge", "aria-hidden": "true", text: "🙅" }),
      el("p", { class: "t-lead", text: data.message || t("error") }),
      button("t-big t-primary", { onclick: chooseEntry },
             [icon("👥"), el("span", { text: t("who_are_you") })]),
    ])]);
  }

  function showRemoved() {
    /* The leader removed this tablet or child: a friendly stop, until "let back in". */
    app.removed = true;
    app.asking = null;
    if (app.outbox) app.outbox.detach(); // what waits in it stays, for later
    if (window.speechSynthesis) window.speechSynthesis.cancel();
    hideBanner();
    renderTop();
    const words = () => t("removed_title") + ". " + t("removed_text");
    showScreen("removed", [el("div", { class: "t-center t-removed" }, [
      el("p", { class: "t-huge", "aria-hidden": "true", text: "🧑‍🏫" }),
      el("div", { class: "t-title-row t-removed-title" }, [
        el("h1", { class: "t-h1", text: t("removed_title") }),
        speakButton(words),
      ]),
      el("p", { class: "t-lead", text: t("removed_text") }),
    ])]);
  }

  function onLetBack() {
    if (!app.removed) return;
    app.removed = false;
    renderTop();
    if (app.token) { showLoading(); hello(); } else chooseEntry();
  }

  function onRenamed(me) {
    if (!app.me || !me || me.id !== app.me.id) return;
    app.me.name = me.name;
    if (app.state && app.state.me) app.state.me.name = me.name;
    renderTop();
  }

  function keyChooser(opts) {
    /* Choose two secret pictures; `opts.send(key, pad)` takes them. */
    const go = button("t-big t-primary t-join t-key-done",
                      { disabled: true, onclick: () => opts.send(pad.value(), pad) },
                      [el("span", { text: t(opts.doneKey) }), icon("➜", "t-icon t-arrow")]);
    const pad = PictureKey.pad({ pictures: opts.pictures, label: t("key_choose"),
                                 onChange: (full) => { go.disabled = !full; } });
    return [
      el("div", { class: "t-title-row" }, [
        opts.back ? backButton(opts.back) : null,
        el("h1", { class: "t-h1", text: t("key_choose") }),
        speakButton(() => t("key_choose") + ". " + t("key_choose_hint")),
      ]),
      el("p", { class: "t-hint t-key-hint" }, [icon("🤫"), " ", t("key_choose_hint")]),
      pad.node,
      el("div", { class: "t-key-actions" }, [
        button("t-btn t-key-again", { onclick: () => pad.clear() },
               [icon("↺"), el("span", { text: t("key_again") })]),
        go,
      ]),
    ];
  }

  async function showKeyChoose(draft) {
    /* Joining, second part: the secret pictures, then `join`. */
    const pictures = await keyPictures();
    if (!pictures) { showBanner(t("offline")); return; }
    async function send(key, pad) {
      let reply;
      try {
        reply = await Live.call(app.socket, "join", { code: CFG.code, name: draft.name,
                                                      avatar: draft.avatar, lang: LANG,
                                                      key: key, device: deviceId() });
      } catch (e) { showBanner(t("offline")); return; }
      if (reply.ok) { useToken(reply.token); return; }
      if (reply.error === "removed") { showRemoved(); return; }
      if (/^key_/.test(reply.error)) { pad.clear(); showBanner(reply.message); return; }
      showJoin(draft.canGoBack, draft); // the name or the animal: back to where it is fixed
      showBanner(reply.message);
    }
    showScreen("key", keyChooser({ pictures: pictures, doneKey: "join", send: send,
                                   back: () => showJoin(draft.canGoBack, draft) }));
  }

  async function showKeySet() {
    /* A child without secret pictures (after the leader's yes) chooses new ones. */
    app.screen = "setkey";
    const pictures = await keyPictures();
    if (!pictures || app.screen !== "setkey") {
      if (app.screen === "setkey") app.screen = "loading";
      render();
      return;
    }
    async function send(key, pad) {
      let reply;
      try { reply = await Live.call(app.socket, "set_key", { key: key }); } catch (e) {
        showBanner(t("offline"));
        return;
      }
      if (!reply.ok && reply.error !== "key_exists") {
        pad.clear();
        showBanner(reply.message);
        return;
      }
      if (app.me) app.me.has_key = true;
      app.screen = "loading";
      render();
    }
    showScreen("setkey", keyChooser({ pictures: pictures, doneKey: "done", send: send }));
  }

  function showJoin(canGoBack, draft) {
    let chosen = null;
    const previewAvatar = el("span", { class: "t-preview-avatar", "aria-hidden": "true",
                                       text: "❔" });
    const previewName = el("span", { class: "t-preview-name" });
    const avatars = CFG.avatars.map((a) => {
      const b = button("t-avatar", { "aria-pressed": "false", onclick: () => choose(a, b) },
                       [el("span", { "aria-hidden": "true", text: a })]);
      return b;
    });
    function choose(a, b) {
      chosen = a;
      avatars.forEach((x) => pressed(x, x === b));
      previewAvatar.textContent = a;
      previewAvatar.classList.remove("t-wiggle");
      void previewAvatar.offsetWidth;
      previewAvatar.classList.add("t-wiggle");
    }
    const grid = el("div", { class: "t-avatar-grid", role: "group",
                             "aria-label": t("pick_avatar") }, avatars);
    const input = el("input", { id: "t-name", class: "t-input t-name-input", maxlength: "20",
                                autocomplete: "off", autocapitalize: "words",
                                spellcheck: "false", enterkeyhint: "go" });
    input.addEventListener("input", () => { previewName.textContent = input.value; });
    input.addEventListener("keydown", (ev) => { if (ev.key === "Enter") join(); });
    const makeName = button("t-btn t-make-name", { onclick: makeUpName },
                            [icon("🎲"), el("span", { text: t("make_name") })]);
    const joinButton = button("t-big t-primary t-join", { onclick: join },
                              [el("span", { text: t("join") }), icon("➜", "t-icon t-arrow")]);

    async function makeUpName() {
      try {
        const res = await fetch(CFG.name_url + "?lang=" + encodeURIComponent(LANG),
                                { headers: { Accept: "application/json" } });
        const data = await res.json();
        if (data && data.name) {
          input.value = data.name;
          previewName.textContent = data.name;
        }
      } catch (e) { showBanner(t("offline")); }
    }

    function join() {
      /* Next: the secret pictures (showKeyChoose sends the join). */
      if (!chosen) { nudge(grid); return; }
      if (!input.value.trim()) { nudge(input); return; }
      showKeyChoose({ avatar: chosen, name: input.value, canGoBack: canGoBack });
    }

    showScreen("join", [
      el("div", { class: "t-title-row" }, [
        canGoBack ? button("t-btn t-back", { "aria-label": t("prev"), onclick: chooseEntry },
                           [icon("←", "t-icon t-flip")]) : null,
        el("h1", { class: "t-h1", text: t("pick_avatar") }),
        speakButton(() => t("pick_avatar") + ". " + t("your_name")),
      ]),
      grid,
      el("div", { class: "t-name-row" }, [
        el("div", { class: "t-preview" }, [previewAvatar, previewName]),
        el("div", { class: "t-name-field" }, [
          el("label", { for: "t-name", class: "t-label", text: t("your_name") }),
          input,
        ]),
        makeName,
      ]),
      joinButton,
    ]);
    if (draft) { // back from the secret pictures: as the child left it
      const at = CFG.avatars.indexOf(draft.avatar);
      if (at >= 0) choose(draft.avatar, avatars[at]);
      input.value = draft.name || "";
      previewName.textContent = input.value;
    }
  }

  /* --- state from the server ----------------------------------------------------------- */

  function applyState(state) {
    app.offset = state.timer && state.timer.server_now
      ? state.timer.server_now - Date.now() / 1000 : 0;
    app.state = state;
    if (app.me && app.token) {
      // A small cache to show the step at once after a reload; never at the cost of room
      // for the outbox, so large states are not kept.
      const json = JSON.stringify({ token: app.token, state: state });
      if (json.length < 150000) store.set(stateKey(), json); else store.del(stateKey());
    }
    render();
  }

  async function own() {
    /* The child's own items in the step the screen just moved to (the rest came along). */
    let reply;
    try { reply = await Live.call(app.socket, "tablet_own", {}); } catch (e) { hello(); return; }
    if (!reply || !reply.ok || !app.state) { hello(); return; }
    if (reply.step_index !== app.state.step_index) { hello(); return; }
    app.state.mine = reply.own.mine || [];
    app.state.my_votes = reply.own.my_votes || {};
    queueUpdate();
  }

  function onShared(data) {
    if (!app.state || !data || data.workshop_id !== CFG.workshop_id) return;
    if (typeof data.version === "number" && data.version < app.state.version) return;
    const stepChanged = data.step_index !== app.state.step_index;
    data.me = app.state.me;
    data.mine = stepChanged ? [] : app.state.mine;
    data.my_votes = stepChanged ? {} : app.state.my_votes;
    applyState(data);
    // A new step needs the child's own items. (When the leader hides or approves what
    // this child made, the server sends it as `mine`.)
    if (stepChanged) own();
  }

  function onResults(data) {
    if (!app.state || !app.state.revealed || !data) return;
    if (typeof data.step_index === "number" && data.step_index !== app.state.step_index) return;
    if (data.tally) app.state.tally = data.tally;
    if (data.counts) app.state.counts = data.counts;
    queueUpdate();
  }

  function mergeResult(result) {
    /* A result of one of this child's submissions (this tablet or another one). */
    const s = app.state;
    if (!s || !result) return;
    const item = result.item;
    if (item && item.step === s.step_index) {
      s.mine = (s.mine || []).filter((m) => m.id !== item.id);
      s.mine.push(item);
      s.mine.sort((a, b) => a.id - b.id);
    }
    if (result.my_votes && s.step.kind === "vote") s.my_votes = result.my_votes;
    queueUpdate();
  }

  function onMine(result) { mergeResult(result); }

  function onRemoved() { showRemoved(); }

  function onSent(item, result) {
    if (app.state && item.step_index === app.state.step_index) mergeResult(result);
    renderTop();
  }

  function onRefused(item, reply) {
    showBanner(reply.message || t("error"));
    if (reply.error === "too_big" || reply.error === "image_too_big") {
      // the words come back into the box; the pictures that cannot go do not
      item = Object.assign({}, item, { payload: Object.assign({}, item.payload,
                                                              { photo: null, drawing: null }) });
    }
    if (!app.state) return;
    if (item.step_index === app.state.step_index && app.view && app.view.restore) {
      app.view.restore(item);
    } else if (item.payload && item.payload.text) {
      // Keep the words for that step: they are back in the box when it comes again.
      const key = "draft:" + CFG.code + ":" + (app.me ? app.me.id : "-") + ":" +
        item.step_index + (item.what === "critical" ? ":" + item.payload.idea_id + ":" +
        item.payload.question : "");
      const before = store.get(key) || "";
      store.set(key, before ? item.payload.text + "\n" + before : item.payload.text);
    }
    queueUpdate();
  }

  function pending(what) {
    if (!app.outbox || !app.state) return [];
    return app.outbox.items().filter((i) => i.what === what &&
                                             i.step_index === app.state.step_index);
  }

  function send(what, payload) {
    if (!app.outbox || !app.state) return null;
    return app.outbox.add(CFG.workshop_id, what, app.state.step_index, payload);
  }

  function queueUpdate() {
    if (app.updateQueued) return;
    app.updateQueued = true;
    Promise.resolve().then(() => {
      app.updateQueued = false;
      if (app.view && app.view.update) app.view.update();
    });
  }

  /* --- rendering a step ---------------------------------------------------------------- */

  function render() {
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
    const makers = { welcome: welcomeView, news: newsView, question: questionView, poll: pollView,
                     cards: cardsView, ideas: ideasView, vote: voteView,
                     critical: criticalView, wrapup: wrapupView };
    let view;
    if (s.status === "ended") view = endedView();
    else if (s.status === "planned") view = welcomeView();
    else view = (makers[s.step.kind] || welcomeView)();
    const head = buildHead();
    showScreen("live", [head, el("div", { class: "t-body t-kind-" + (view.kind || s.step.kind) },
                                 [view.node])]);
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
    dom.speak = button("t-speak", { "aria-label": t("read_aloud"), title: t("read_aloud"),
                                    onclick: (ev) => speakNow(stepWords(), ev.currentTarget) },
                       [icon("🔊")]);
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
    const title = text(s.step.title);
    const prompt = text(s.step.prompt);
    return title + (/[.!?]$/.test(title) ? " " : ". ") + prompt;
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

  function tick() {
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

  /* --- lists of what I made -------------------------------------------------------------- */

  function statusOf(visibility) {
    if (visibility === "pending") return "pending";
    if (visibility === "hidden") return "hidden";
    return "sent";
  }

  const STATUS = {
    waiting: ["⏳", "waiting_send"],
    sent: ["✅", "sent"],
    pending: ["🕒", "waiting_approval"],
    hidden: ["🙈", "hidden_by_leader"],
  };

  function statusBadge(status) {
    const [symbol, key] = STATUS[status];
    return el("span", { class: "t-status is-" + status }, [icon(symbol), el("span", { text: t(key) })]);
  }

  function ownEntries(what) {
    /* Newest first: what still waits in the outbox, then what the server has. */
    const out = pending(what).slice().reverse().map((i) => ({
      key: "c" + i.client_id, status: "waiting", text: i.payload.text, payload: i.payload,
      item: null,
    }));
    (app.state.mine || []).slice().reverse().forEach((m) => out.push({
      key: "i" + m.id, status: statusOf(m.visibility), text: m.text, payload: null, item: m,
    }));
    return out;
  }

  function mineSection(titleKey, symbol) {
    const list = el("ul", { class: "t-mine-list" });
    const section = el("section", { class: "t-mine", hidden: true }, [
      el("h2", { class: "t-h2" }, [icon(symbol), el("span", { text: t(titleKey) })]),
      list,
    ]);
    return {
      node: section,
      show(entries, rowOf) {
        section.hidden = entries.length === 0;
        list.replaceChildren(...entries.map((e) =>
          el("li", { class: "t-mine-item is-" + e.status, "data-key": e.key }, rowOf(e))));
      },
    };
  }

  /* --- compose box (question, critical) -------------------------------------------------- */

  function composer(placeholderKey, maxLength, extraKey, onSend) {
    const box = el("textarea", { class: "t-input t-text", rows: "3", maxlength: String(maxLength),
                                 placeholder: t(placeholderKey), "aria-label": t(placeholderKey),
                                 enterkeyhint: "send" });
    const key = draftKey(extraKey);
    box.value = store.get(key) || "";
    box.addEventListener("input", () => {
      if (box.value) store.set(key, box.value); else store.del(key);
    });
    const sendButton = button("t-big t-primary t-send", { onclick: go },
                              [icon("📨"), el("span", { text: t("send") })]);
    function go() {
      const words = box.value.trim();
      if (!words) { nudge(box); return; }
      onSend(words);
      box.value = "";
      store.del(key);
      sendButton.classList.remove("t-sent-pop");
      void sendButton.offsetWidth;
      sendButton.classList.add("t-sent-pop");
    }
    return {
      node: el("div", { class: "t-compose" }, [box, sendButton]),
      box: box,
      putBack(words) {
        const now = box.value.trim();
        box.value = now ? words + "\n" + now : words;
        store.set(key, box.value);
        nudge(box);
      },
    };
  }

  /* --- step views ---------------------------------------------------------------------- */

  function welcomeView() {
    const me = app.me;
    return {
      kind: "welcome",
      node: el("div", { class: "t-welcome" }, [
        el("div", { class: "t-wave" }, [
          el("span", { class: "t-wave-avatar", "aria-hidden": "true", text: me.avatar }),
          el("span", { class: "t-wave-hand", "aria-hidden": "true", text: "👋" }),
        ]),
        el("p", { class: "t-lead", text: t("hello_name", { name: me.name }) }),
        el("p", { class: "t-look" }, [icon("📺"), el("span", { text: t("wait_for_screen") })]),
      ]),
    };
  }

  function newsView() {
    /* The news is on the big screen; the tablet says to look there, and reads it aloud. */
    const words = () => t("wait_for_screen") + ". " + t("news_on_screen");
    return {
      kind: "news",
      node: el("div", { class: "t-welcome t-news" }, [
        el("div", { class: "t-wave" }, [
          el("span", { class: "t-wave-avatar", "aria-hidden": "true", text: "📺" }),
          el("span", { class: "t-wave-hand", "aria-hidden": "true", text: "👀" }),
        ]),
        el("p", { class: "t-lead", text: t("wait_for_screen") }),
        el("p", { class: "t-look" }, [icon("💡"), el("span", { text: t("news_on_screen") })]),
        el("div", { class: "t-news-speak" }, [speakButton(words)]),
      ]),
    };
  }

  function endedView() {
    return {
      kind: "ended",
      node: el("div", { class: "t-welcome t-ended" }, [
        el("div", { class: "t-wave" }, [
          el("span", { class: "t-wave-avatar", "aria-hidden": "true", text: app.me.avatar }),
          el("span", { class: "t-wave-hand", "aria-hidden": "true", text: "🎉" }),
        ]),
        el("p", { class: "t-lead", text: t("ended") }),
      ]),
    };
  }

  function questionView() {
    const c = composer("type_answer", 200, null, (words) => send("answer", { text: words }));
    const mine = mineSection("my_answers", "📝");
    return {
      node: el("div", { class: "t-split" }, [c.node, mine.node]),
      update() {
        mine.show(ownEntries("answer"), (e) => [
          el("p", { class: "t-mine-text", text: e.text }), statusBadge(e.status)]);
      },
      restore(item) { if (item.what === "answer") c.putBack(item.payload.text || ""); },
    };
  }

  function pollView() {
    const step = app.state.step;
    const buttons = step.choices.map((choice) => {
      const count = el("span", { class: "t-count-badge", hidden: true });
      const b = button("t-choice", { "aria-pressed": "false",
                                     onclick: () => choose(choice.id) }, [
        icon(choice.icon, "t-choice-icon"),
        el("span", { class: "t-choice-label", text: text(choice.label) }),
        icon("✔", "t-check"),
        count,
      ]);
      b.dataset.choice = choice.id;
      b.count = count;
      return b;
    });
    function current() {
      const waiting = pending("poll");
      if (waiting.length) return waiting[waiting.length - 1].payload.choice;
      const mine = (app.state.mine || []).filter((m) => m.type === "poll");
      return mine.length ? mine[mine.length - 1].choice : null;
    }
    function choose(id) {
      if (current() === id) return;
      send("poll", { choice: id });
    }
    return {
      node: el("div", { class: "t-choices" }, buttons),
      update() {
        const now = current();
        const counts = app.state.revealed ? (app.state.counts || {}) : null;
        buttons.forEach((b) => {
          pressed(b, b.dataset.choice === now);
          b.count.hidden = !counts;
          if (counts) b.count.textContent = String(counts[b.dataset.choice] || 0);
        });
      },
    };
  }

  function cardsView() {
    const step = app.state.step;
    const rows = step.choices.map((card) => {
      const reactions = REACTIONS.map(([name, symbol]) => {
        const count = el("span", { class: "t-count-badge", hidden: true });
        const b = button("t-react is-" + name, { "aria-pressed": "false",
                                                 onclick: () => react(card.id, name) },
                         [icon(symbol, "t-react-icon"),
                          el("span", { class: "t-react-label", text: t(name) }), count]);
        b.dataset.reaction = name;
        b.count = count;
        return b;
      });
      const node = el("article", { class: "t-card" }, [
        el("div", { class: "t-card-top" }, [
          icon(card.icon, "t-card-icon"),
          el("div", {}, [
            el("h3", { class: "t-card-title", text: text(card.label) }),
            card.text ? el("p", { class: "t-card-text", text: text(card.text) }) : null,
          ]),
        ]),
        el("div", { class: "t-reactions" }, reactions),
      ]);
      return { id: card.id, node: node, reactions: reactions };
    });
    function current(cardId) {
      const waiting = pending("reaction").filter((i) => i.payload.card === cardId);
      if (waiting.length) return waiting[waiting.length - 1].payload.reaction;
      const mine = (app.state.mine || []).filter((m) => m.type === "reaction" &&
                                                        (m.choice || "").split(":")[0] === cardId);
      return mine.length ? mine[mine.length - 1].choice.split(":")[1] : null;
    }
    function react(cardId, name) {
      if (current(cardId) === name) return;
      send("reaction", { card: cardId, reaction: name });
    }
    return {
      node: el("div", { class: "t-cards" }, rows.map((r) => r.node)),
      update() {
        const counts = app.state.revealed ? (app.state.counts || {}) : null;
        rows.forEach((r) => {
          const now = current(r.id);
          r.node.classList.toggle("is-done", !!now);
          r.reactions.forEach((b) => {
            pressed(b, b.dataset.reaction === now);
            b.count.hidden = !counts;
            if (counts) b.count.textContent = String(counts[r.id + ":" + b.dataset.reaction] || 0);
          });
        });
      },
    };
  }

  function categoryOf(id) {
    const step = app.state.step;
    return (step.choices || []).find((c) => c.id === id) || null;
  }

  function ideasView() {
    const step = app.state.step;
    const textKey = draftKey("idea");
    const drawKey = draftKey("drawing");
    const box = el("textarea", { class: "t-input t-text", rows: "3", maxlength: "280",
                                 placeholder: t("type_idea"), "aria-label": t("type_idea") });
    box.value = store.get(textKey) || "";
    box.addEventListener("input", () => {
      if (box.value) store.set(textKey, box.value); else store.del(textKey);
    });

    let category = null;
    const cats = (step.choices || []).map((c) => {
      const b = button("t-cat", { "aria-pressed": "false", onclick: () => pickCategory(c.id) },
                       [icon(c.icon, "t-cat-icon"), el("span", { class: "t-cat-label",
                                                                 text: text(c.label) })]);
      b.dataset.id = c.id;
      return b;
    });
    function pickCategory(id) {
      category = category === id ? null : id;
      cats.forEach((b) => pressed(b, b.dataset.id === category));
    }

    const pad = drawingPad(drawKey);
    const photo = photoPicker();

    const sendButton = button("t-big t-primary t-send", { onclick: go },
                              [icon("📨"), el("span", { text: t("send") })]);
    function go() {
      const words = box.value.trim();
      if (!words) { nudge(box); return; }
      const payload = { text: words };
      if (category) payload.category = category;
      if (pad.drawn()) payload.drawing = pad.toDataURL();
      if (photo.value()) payload.photo = photo.value();
      const added = send("idea", payload);
      if (added) scrollToMine = "c" + added.client_id;
      box.value = "";
      store.del(textKey);
      pickCategory(null);
      pad.clear();
      photo.clear();
      sendButton.classList.remove("t-sent-pop");
      void sendButton.offsetWidth;
      sendButton.classList.add("t-sent-pop");
    }

    const mine = mineSection("my_ideas", "💡");
    let scrollToMine = null; // show the child where the idea they just sent went
    const node = el("div", { class: "t-ideas" }, [
      el("div", { class: "t-ideas-compose" }, [
        el("div", { class: "t-ideas-words" }, [
          box,
          el("h2", { class: "t-h3" }, [icon("🏷"), el("span", { text: t("category") })]),
          el("div", { class: "t-cats", role: "group", "aria-label": t("category") }, cats),
          photo.node,
        ]),
        el("div", { class: "t-ideas-pics" }, [pad.node]),
        sendButton,
      ]),
      mine.node,
    ]);
    return {
      node: node,
      update() {
        mine.show(ownEntries("idea"), (e) => {
          const src = e.item ? (e.item.drawing || e.item.photo) :
            (e.payload.drawing || e.payload.photo);
          const second = e.item ? (e.item.drawing && e.item.photo) :
            (e.payload.drawing && e.payload.photo);
          const cat = categoryOf((e.item || e.payload).category);
          return [
            el("div", { class: "t-thumbs" }, [
              src ? picture(src, "t-thumb") : el("span", { class: "t-thumb t-thumb-none",
                                                           "aria-hidden": "true", text: "💡" }),
              second ? picture(second, "t-thumb") : null,
            ]),
            el("div", { class: "t-mine-words" }, [
              el("p", { class: "t-mine-text" }, [cat ? icon(cat.icon) : null, " ",
                                                 e.text || ""]),
              statusBadge(e.status),
            ]),
          ];
        });
        if (scrollToMine) {
          const row = mine.node.querySelector('[data-key="' + CSS.escape(scrollToMine) + '"]');
          scrollToMine = null;
          if (row) row.scrollIntoView({ block: "nearest", behavior: "smooth" });
        }
      },
      restore(item) {
        if (item.what !== "idea") return;
        const p = item.payload || {};
        const now = box.value.trim();
        box.value = now ? (p.text || "") + "\n" + now : (p.text || "");
        store.set(textKey, box.value);
        if (p.category) { category = null; pickCategory(p.category); }
        if (p.drawing && !pad.drawn()) pad.load(p.drawing);
        if (p.photo && !photo.value()) photo.set(p.photo);
        nudge(box);
      },
    };
  }

  function drawingPad(draftStoreKey) {
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

  function fitPicture(source, w0, h0, side, png) {
    /* A data URL of the picture at most `side` pixels long and PICTURE_CHARS long: a
       drawing as PNG when that fits, else (and photos always) JPEG at 0.85, smaller and
       a little less sharp each time it does not fit yet. */
    let scale = Math.min(1, side / Math.max(w0, h0, 1));
    let quality = 0.85;
    let url = "";
    for (let tries = 0; tries < 6; tries++) {
      const canvas = document.createElement("canvas");
      canvas.width = Math.max(1, Math.round(w0 * scale));
      canvas.height = Math.max(1, Math.round(h0 * scale));
      const ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
      if (png && tries === 0) {
        url = canvas.toDataURL("image/png");
        if (url.length <= PICTURE_CHARS) return url;
      }
      url = canvas.toDataURL("image/jpeg", quality);
      if (url.length <= PICTURE_CHARS) return url;
      scale *= 0.75;
      quality = Math.max(0.6, quality - 0.08);
    }
    return url; // the server answers "too big" in words if even this does not fit
  }

  function resizePhoto(file) {
    return new Promise((resolve, reject) => {
      const url = URL.createObjectURL(file);
      const img = new Image();
      img.onload = () => {
        const fitted = fitPicture(img, img.naturalWidth, img.naturalHeight, PHOTO_SIDE, false);
        URL.revokeObjectURL(url);
        resolve(fitted);
      };
      img.onerror = () => { URL.revokeObjectURL(url); reject(new Error("image")); };
      img.src = url;
    });
  }

  function photoPicker() {
    let data = null;
    const input = el("input", { type: "file", accept: "image/*", capture: "environment",
                                class: "t-file", tabindex: "-1", "aria-hidden": "true" });
    const preview = el("img", { class: "t-photo-preview", alt: "" });
    const removeButton = button("t-tool t-photo-remove", { "aria-label": t("remove"),
                                                           title: t("remove"), onclick: clear },
                                [icon("✕")]);
    const shown = el("div", { class: "t-photo-shown", hidden: true }, [preview, removeButton]);
    const take = button("t-btn t-photo-btn", { onclick: () => input.click() },
                        [icon("📷"), el("span", { text: t("photo") })]);
    input.addEventListener("change", async () => {
      const file = input.files && input.files[0];
      input.value = "";
      if (!file) return;
      take.disabled = true;
      try { set(await resizePhoto(file)); } catch (e) { showBanner(t("error")); }
      take.disabled = false;
    });
    function set(url) {
      data = url;
      preview.src = url;
      shown.hidden = false;
    }
    function clear() {
      data = null;
      preview.removeAttribute("src");
      shown.hidden = true;
    }
    return {
      node: el("div", { class: "t-photo" }, [take, input, shown]),
      value: () => data,
      set: set,
      clear: clear,
    };
  }

  function ideaPictures(idea, cls) {
    const pics = [idea.drawing, idea.photo].filter(Boolean);
    if (!pics.length) return null;
    return el("div", { class: cls || "t-idea-pics" }, pics.map((p) => picture(p)));
  }

  function ideaText(idea) { return idea.title || idea.text || ""; }

  function voteView() {
    const step = app.state.step;
    const budget = step.budget || 0;
    const maxPer = step.max_per_idea || budget;
    const leftText = el("span", { class: "t-left-text" });
    const leftBox = el("div", { class: "t-left" });
    const leftDots = el("span", { class: "t-left-dots", "aria-hidden": "true" });
    const hint = el("p", { class: "t-hint", text: t("tap_to_vote") });
    const grid = el("div", { class: "t-vote-grid" });
    let cards = new Map();
    let ideasKey = "";
    leftBox.append(leftDots, leftText);

    function mineOn(id) {
      const base = (app.state.my_votes || {})[String(id)] || 0;
      return pending("vote").filter((i) => i.payload.idea_id === id).length -
        pending("unvote").filter((i) => i.payload.idea_id === id).length + base;
    }
    function used() {
      const votes = app.state.my_votes || {};
      const base = Object.values(votes).reduce((a, b) => a + b, 0);
      return base + pending("vote").length - pending("unvote").length;
    }
    function build() {
      const ideas = app.state.ideas || [];
      cards = new Map();
      grid.replaceChildren(...ideas.map((idea) => {
        const dots = el("span", { class: "t-my-dots", "aria-label": t("your_votes") });
        const tally = el("span", { class: "t-tally", hidden: true });
        const cat = categoryOf(idea.category);
        const main = button("t-vote-main", { "aria-label": t("add_vote") + ": " + ideaText(idea),
                                             onclick: () => vote(idea.id) }, [
          ideaPictures(idea, "t-idea-pics") ||
            el("div", { class: "t-idea-pics is-none", "aria-hidden": "true" },
               [icon(cat ? cat.icon : "💡")]),
          el("p", { class: "t-vote-text" }, [cat ? icon(cat.icon) : null, cat ? " " : null,
                                             ideaText(idea)]),
          idea.title && idea.text && idea.text !== idea.title
            ? el("p", { class: "t-vote-sub", text: idea.text }) : null,
        ]);
        const minus = button("t-minus", { "aria-label": t("unvote"), title: t("unvote"),
                                          onclick: () => unvote(idea.id) }, [icon("–")]);
        const plus = button("t-plus", { "aria-label": t("add_vote"), title: t("add_vote"),
                                        onclick: () => vote(idea.id) }, [icon("+")]);
        const card = el("article", { class: "t-vote-card" }, [
          main, tally,
          el("div", { class: "t-vote-bar" }, [minus, dots, plus]),
        ]);
        cards.set(idea.id, { card, main, minus, plus, dots, tally });
        return card;
      }));
      if (!ideas.length) {
        grid.replaceChildren(el("p", { class: "t-empty" }, [icon("💭"),
                                                             el("span", { text: t("nothing_yet") })]));
      }
    }
    function vote(id) {
      if (budget - used() <= 0 || mineOn(id) >= maxPer) return;
      send("vote", { idea_id: id });
    }
    function unvote(id) {
      if (mineOn(id) <= 0) return;
      send("unvote", { idea_id: id });
    }
    return {
      node: el("div", { class: "t-vote" }, [
        leftBox,
        hint,
        grid,
      ]),
      update() {
        const ideas = app.state.ideas || [];
        const key = ideas.map((i) => i.id + ":" + (i.title || "") + ":" + i.text).join("|");
        if (key !== ideasKey) { ideasKey = key; build(); }
        const left = Math.max(0, budget - used());
        leftText.textContent = left > 0 ? t("votes_left", { n: left }) : t("no_votes_left");
        const dots = [];
        for (let i = 0; i < budget; i++) {
          dots.push(el("span", { class: "t-vdot" + (i < left ? " is-free" : "") }));
        }
        leftDots.replaceChildren(...dots);
        leftBox.classList.toggle("is-empty", left === 0);
        hint.hidden = left === 0;
        const tally = app.state.revealed && app.state.tally ? app.state.tally.votes || {} : null;
        cards.forEach((c, id) => {
          const mine = mineOn(id);
          const full = left <= 0 || mine >= maxPer;
          c.main.disabled = full && mine === 0;
          c.plus.disabled = full;
          c.minus.disabled = mine <= 0;
          c.card.classList.toggle("is-voted", mine > 0);
          c.card.classList.toggle("is-full", full && mine === 0);
          const d = [];
          for (let i = 0; i < mine; i++) d.push(el("span", { class: "t-vdot is-mine" }));
          c.dots.replaceChildren(...d);
          c.tally.hidden = !tally;
          if (tally) {
            c.tally.replaceChildren(icon("🗳"), el("span", { text: String(tally[String(id)] || 0) }));
          }
        });
      },
    };
  }

  function criticalView() {
    const step = app.state.step;
    const focusBox = el("div", { class: "t-focus" });
    const questions = el("div", { class: "t-questions" });
    const mine = mineSection("my_answers", "📝");
    let open = null; // {question, idea, composer, row}
    let focusKey = null;

    function focusIdea() {
      const id = app.state.focus_idea_id;
      return (app.state.ideas || []).find((i) => i.id === id) || null;
    }
    function questionOf(id) { return step.choices.find((c) => c.id === id) || null; }

    function build() {
      const idea = focusIdea();
      open = null;
      if (!idea) {
        focusBox.replaceChildren(el("p", { class: "t-look" }, [
          icon("📺"), el("span", { text: t("wait_for_screen") })]));
        questions.replaceChildren();
        return;
      }
      focusBox.replaceChildren(
        el("p", { class: "t-focus-label" }, [icon("💡"), el("span", { text: t("idea_for") })]),
        el("div", { class: "t-focus-card" }, [
          ideaPictures(idea, "t-focus-pics"),
          el("div", { class: "t-focus-words" }, [
            el("p", { class: "t-focus-text", text: ideaText(idea) }),
            idea.title && idea.text !== idea.title
              ? el("p", { class: "t-focus-sub", text: idea.text }) : null,
            idea.author ? el("p", { class: "t-top-author" }, [icon(idea.author.avatar), " ",
                                                             idea.author.name]) : null,
          ]),
        ]));
      questions.replaceChildren(
        el("p", { class: "t-hint", text: t("answer_question") }),
        ...step.choices.map((q) => {
          const slot = el("div", { class: "t-q-slot" });
          const done = el("span", { class: "t-q-done", hidden: true });
          const b = button("t-question", { "aria-expanded": "false",
                                           onclick: () => toggle(q, idea, b, slot) }, [
            icon(q.icon, "t-q-icon"),
            el("span", { class: "t-q-text", text: text(q.label) }),
            done,
            icon("✎", "t-q-pen"),
          ]);
          b.dataset.q = q.id;
          b.done = done;
          return el("div", { class: "t-q" }, [b, slot]);
        }));
    }
    function toggle(q, idea, b, slot) {
      const wasOpen = open && open.question === q.id;
      if (open) {
        open.button.setAttribute("aria-expanded", "false");
        open.button.classList.remove("is-on");
        open.slot.replaceChildren();
        open = null;
      }
      if (wasOpen) return;
      const c = composer("type_answer", 200, idea.id + ":" + q.id, (words) =>
        send("critical", { idea_id: idea.id, question: q.id, text: words }));
      slot.replaceChildren(c.node);
      b.setAttribute("aria-expanded", "true");
      b.classList.add("is-on");
      open = { question: q.id, idea: idea.id, composer: c, button: b, slot: slot };
      c.box.focus();
    }
    return {
      node: el("div", { class: "t-critical" }, [
        focusBox, questions, mine.node,
      ]),
      update() {
        const idea = focusIdea();
        const key = idea ? idea.id + ":" + ideaText(idea) : "none";
        if (key !== focusKey) { focusKey = key; build(); }
        const ideas = app.state.ideas || [];
        const entries = ownEntries("critical");
        questions.querySelectorAll(".t-question").forEach((b) => {
          const n = entries.filter((e) => {
            const d = e.item ? { question: e.item.choice, idea_id: e.item.idea_id } : e.payload;
            return idea && d.question === b.dataset.q && d.idea_id === idea.id &&
              e.status !== "hidden";
          }).length;
          b.done.hidden = n === 0;
          b.done.replaceChildren(icon("✅"), el("span", { text: String(n) }));
        });
        mine.show(entries, (e) => {
          const data = e.item ? { question: e.item.choice, idea_id: e.item.idea_id } : e.payload;
          const q = questionOf(data.question);
          const other = idea && data.idea_id !== idea.id
            ? ideas.find((i) => i.id === data.idea_id) : null;
          return [
            el("span", { class: "t-mine-icon", "aria-hidden": "true", text: q ? q.icon : "📝" }),
            el("div", { class: "t-mine-words" }, [
              other ? el("p", { class: "t-mine-idea" }, [icon("💡"), " ", ideaText(other)]) : null,
              el("p", { class: "t-mine-text", text: e.text }),
              statusBadge(e.status),
            ]),
          ];
        });
      },
      restore(item) {
        const idea = focusIdea();
        if (item.what !== "critical" || !idea) return;
        const p = item.payload;
        if (!open || open.question !== p.question || open.idea !== p.idea_id) {
          const row = questions.querySelector('[data-q="' + CSS.escape(p.question) + '"]');
          if (!row || p.idea_id !== idea.id) return;
          row.click();
        }
        if (open) open.composer.putBack(p.text || "");
      },
    };
  }

  function summaryRows(entry) {
    /* A poll or card result of this workshop (only when the server sends `summary`). */
    const counts = entry.counts || {};
    const isCards = entry.step.kind === "cards";
    const rows = entry.step.choices.map((c) => ({
      choice: c, n: isCards ? counts[c.id + ":love"] || 0 : counts[c.id] || 0,
    })).filter((r) => r.n > 0).sort((a, b) => b.n - a.n).slice(0, 5);
    const most = rows.length ? rows[0].n : 1;
    return el("section", { class: "t-summary" }, [
      el("h3", { class: "t-h3" }, [icon(isCards ? "❤️" : "📊"),
                                   el("span", { text: text(entry.step.title) })]),
      ...rows.map((r) => el("div", { class: "t-sum-row" }, [
        icon(r.choice.icon, "t-sum-icon"),
        el("span", { class: "t-sum-label", text: text(r.choice.label) }),
        el("span", { class: "t-sum-bar" }, [
          el("span", { class: "t-sum-fill", style: "inline-size:" + Math.round(100 * r.n / most) + "%" }),
        ]),
        el("strong", { class: "t-sum-n", text: String(r.n) }),
      ])),
    ]);
  }

  function wrapupView() {
    const list = el("ol", { class: "t-top-list" });
    const summary = el("div", { class: "t-summaries" });
    const thanks = el("div", { class: "t-welcome t-thanks" }, [
      el("div", { class: "t-wave" }, [
        el("span", { class: "t-wave-avatar", "aria-hidden": "true", text: app.me.avatar }),
        el("span", { class: "t-wave-hand", "aria-hidden": "true", text: "🎉" }),
      ]),
      el("p", { class: "t-lead", text: t("thanks") }),
    ]);
    const heading = el("h2", { class: "t-h2" }, [icon("🏆"), el("span", { text: t("top_ideas") })]);
    return {
      node: el("div", { class: "t-wrapup" }, [heading, list, summary, thanks]),
      update() {
        const top = app.state.step.top || 5;
        const ideas = (app.state.ideas || []).slice().sort((a, b) =>
          (b.shortlisted ? 1 : 0) - (a.shortlisted ? 1 : 0) || (b.score || 0) - (a.score || 0) ||
          a.id - b.id).slice(0, top);
        heading.hidden = list.hidden = ideas.length === 0;
        const sums = (app.state.summary || []).filter((x) => x && x.step &&
          Object.keys(x.counts || {}).length);
        summary.replaceChildren(...sums.map(summaryRows));
        thanks.classList.toggle("is-small", ideas.length > 0 || sums.length > 0);
        list.replaceChildren(...ideas.map((idea, n) => {
          const own = idea.author && app.me && idea.author.id === app.me.id;
          return el("li", { class: "t-top-item" + (own ? " is-own" : "") }, [
            el("span", { class: "t-rank", "aria-hidden": "true", text: String(n + 1) }),
            ideaPictures(idea, "t-top-pics"),
            el("div", { class: "t-top-words" }, [
              el("p", { class: "t-top-text" }, [idea.shortlisted ? icon("⭐") : null,
                                                idea.shortlisted ? " " : null, ideaText(idea)]),
              idea.author ? el("p", { class: "t-top-author" }, [icon(idea.author.avatar), " ",
                                                               idea.author.name]) : null,
            ]),
            typeof idea.score === "number" ? el("span", { class: "t-score" }, [
              el("span", { text: t("n_votes", { n: idea.score }) }),
            ]) : null,
          ]);
        }));
      },
    };
  }

  /* --- start ----------------------------------------------------------------------------- */

  function tidyStorage() {
    /* Drafts and cached states of other workshops are of no use any more. Outboxes are
     * never removed here: they may still hold something a child made. */
    try {
      const old = [];
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        const m = /^(draft|state):([^:]+)/.exec(key || "");
        if (m && m[2] !== CFG.code) old.push(key);
      }
      old.forEach((key) => localStorage.removeItem(key));
    } catch (e) { /* storage blocked */ }
  }

  function start() {
    tidyStorage();
    buildSkeleton();
    renderTop();
    setTimeout(renderTop, 4100);
    app.socket = Live.connect({ onConnect, onDisconnect, onReconnecting });
    app.socket.on("shared", onShared);
    app.socket.on("results", onResults);
    app.socket.on("mine", onMine);
    app.socket.on("join_answer", onJoinAnswer);
    app.socket.on("removed", onRemoved);
    app.socket.on("let_back", onLetBack);
    app.socket.on("me", onRenamed);
    window.addEventListener("offline", () => {
      app.conn = "offline";
      renderTop();
    });
    window.addEventListener("online", () => {
      if (app.socket.connected) { app.conn = "online"; renderTop(); }
    });
    if (app.token) {
      // Show the last known step at once (also without Wi-Fi); hello brings it up to date.
      const cached = lastState();
      if (cached) { setMe(cached.me); applyState(cached); } else showLoading();
    } else {
      showLoading();
    }
    setInterval(tick, 500);
  }

  function lastState() {
    /* The last state this tablet saw, if it was for the child whose token it keeps. */
    try {
      const cached = JSON.parse(store.get(stateKey()) || "null");
      if (cached && cached.token === app.token && cached.state &&
          cached.state.workshop_id === CFG.workshop_id) return cached.state;
    } catch (e) { /* nothing cached */ }
    return null;
  }

  start();
})();
