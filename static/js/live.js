/* Shared by every screen: the Socket.IO connection and the tablet's outbox.
 *
 * Live.connect(handlers) opens the /live namespace and calls handlers.onConnect on every
 * (re)connect, so each screen can say hello again and get its whole state back.
 * Live.call(socket, event, data) sends and resolves with the acknowledgement (or rejects
 * after a timeout).
 *
 * Outbox keeps what a child sent in localStorage until the server acknowledges it, so a
 * reload, a sleeping tablet or lost Wi-Fi loses nothing. Each item carries an id made here;
 * the server stores each id at most once, so resending is always safe.
 */
(function () {
  "use strict";

  function newId() {
    const bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function connect(handlers) {
    // Polling first, then the upgrade to WebSocket when it gets through (the Socket.IO
    // default): behind a school proxy that refuses WebSocket the page stays on polling
    // instead of reconnecting forever. tryAllTransports: should polling fail, WebSocket.
    const socket = io("/live", {
      transports: ["polling", "websocket"],
      tryAllTransports: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 4000,
      timeout: 8000,
    });
    socket.on("connect", () => handlers.onConnect && handlers.onConnect(socket));
    socket.on("disconnect", (reason) => handlers.onDisconnect && handlers.onDisconnect(reason));
    socket.io.on("reconnect_attempt", () => handlers.onReconnecting && handlers.onReconnecting());
    return socket;
  }

  function call(socket, event, data, timeoutMs) {
    return new Promise((resolve, reject) => {
      if (!socket.connected) { reject(new Error("offline")); return; }
      socket.timeout(timeoutMs || 10000).emit(event, data, (err, reply) => {
        if (err) reject(err); else resolve(reply);
      });
    });
  }

  // An item bigger than this (a picture) that was on its way each time the connection
  // dropped is what takes it down: after 2 such drops it waits behind the others, after 5
  // it is given up with a message. Small items (words, votes) are never given up.
  const BIG_ITEM = 256 * 1024;
  const DROPS_BEHIND = 2;
  const DROPS_GIVE_UP = 5;
  // An item without an acknowledgement for this long (ms) is "saving..." (onSaving).
  const SAVING_AFTER = 1000;

  class Outbox {
    constructor(key, handlers, options) {
      this.key = "outbox:" + key;
      this.handlers = handlers || {};
      // maxChars: the largest message the server reads; tooBig: its words for "too big"
      this.options = options || {};
      this.memory = null; // used when localStorage is full or blocked
      this.sending = false;
      this.socket = null;
      this.ready = false;
    }

    items() {
      if (this.memory) return this.memory;
      try { return JSON.parse(localStorage.getItem(this.key) || "[]"); }
      catch (e) { return []; }
    }

    save(items) {
      if (!this.memory) {
        try { localStorage.setItem(this.key, JSON.stringify(items)); return; }
        catch (e) { this.memory = items; }
      }
      this.memory = items;
    }

    add(workshopId, what, stepIndex, payload) {
      const item = { client_id: newId(), workshop_id: workshopId, what: what,
                     step_index: stepIndex, payload: payload, created: Date.now() };
      const items = this.items();
      items.push(item);
      this.save(items);
      this.changed();
      this.flush();
      return item;
    }

    remove(clientId) {
      this.save(this.items().filter((i) => i.client_id !== clientId));
      this.changed();
    }

    changed() { this.handlers.onChange && this.handlers.onChange(this.items()); }

    giveUp(item) {
      /* An item that can never be sent leaves the outbox, with the server's words
       * (options.tooBig: the words, or a function that gives them in the language now). */
      const words = this.options.tooBig;
      this.remove(item.client_id);
      this.handlers.onRefused && this.handlers.onRefused(item, {
        ok: false, error: "image_too_big",
        message: typeof words === "function" ? words() : words });
    }

    dropped(item) {
      /* The connection dropped while this big item was on its way. */
      const items = this.items();
      const mine = items.find((i) => i.client_id === item.client_id);
      if (!mine) return;
      mine.drops = (mine.drops || 0) + 1;
      if (mine.drops >= DROPS_GIVE_UP) { this.giveUp(mine); return; }
      const rest = items.filter((i) => i !== mine);
      this.save(mine.drops >= DROPS_BEHIND ? rest.concat([mine]) : items);
    }

    attach(socket) { this.socket = socket; this.ready = true; this.flush(); }

    detach() { this.ready = false; }

    async flush() {
      if (this.sending || !this.ready || !this.socket || !this.socket.connected) return;
      this.sending = true;
      try {
        let items = this.items();
        while (items.length && this.ready && this.socket.connected) {
          const item = items[0];
          const size = JSON.stringify(item).length;
          if (this.options.maxChars && size > this.options.maxChars) {
            this.giveUp(item); // the server would close the connection unread
            items = this.items();
            continue;
          }
          let reply;
          // no answer within a second: the server may be waiting for its database, so the
          // tablet can show "saving..." (onSaving true, then false with the answer)
          let saving = false;
          const slow = setTimeout(() => {
            saving = true;
            this.handlers.onSaving && this.handlers.onSaving(item, true);
          }, SAVING_AFTER);
          try {
            reply = await call(this.socket, "submit", item, 15000);
          } catch (e) {
            // offline or no answer: keep it, try again on reconnect
            if (!this.socket.connected && size > BIG_ITEM) this.dropped(item);
            break;
          } finally {
            clearTimeout(slow);
            if (saving && this.handlers.onSaving) this.handlers.onSaving(item, false);
          }
          // too fast (workshop/live/budget.py): keep it, it goes again in a moment
          if (reply && reply.error === "slow_down") {
            this.handlers.onSlow && this.handlers.onSlow(item, reply); // words for the child
            break;
          }
          if (reply && reply.error === "db_busy") {
            // the server's database stayed locked (WORKSHOP_DB_WAIT_SECONDS): nothing was
            // stored; keep it, it goes again in a moment, and the child may see the words
            this.handlers.onBusy && this.handlers.onBusy(item, reply);
            break;
          }
          if (reply && reply.error === "removed") {
            // the leader removed this tablet: keep it, it goes once the tablet is let back in
            this.ready = false;
            this.handlers.onRemoved && this.handlers.onRemoved(reply);
            break;
          }
          this.remove(item.client_id);
          if (reply && reply.ok) {
            this.handlers.onSent && this.handlers.onSent(item, reply.result);
          } else {
            this.handlers.onRefused && this.handlers.onRefused(item, reply || {});
          }
          items = this.items();
        }
      } finally {
        this.sending = false;
      }
      if (this.items().length && this.ready) {
        clearTimeout(this.retry);
        this.retry = setTimeout(() => this.flush(), 3000);
      }
    }
  }

  function t(key, values) {
    let text = (window.T && window.T[key]) || key;
    if (typeof text === "object") {
      /* A count text ({one, other}): pick the form by the number, as the language counts. */
      const n = values && typeof values.n === "number" ? values.n : 0;
      let form = n === 1 ? "one" : "other";
      try { form = new Intl.PluralRules(window.LANG || "nl").select(n); } catch (e) { /* old browser */ }
      text = text[form] || text.other;
    }
    if (values) Object.keys(values).forEach((k) => { text = text.split("%(" + k + ")s").join(values[k]); });
    return text;
  }

  function text(value, lang) {
    /* A plan text {nl, en} in the reader's language, falling back to Dutch. */
    if (!value) return "";
    if (typeof value === "string") return value;
    return value[lang || window.LANG] || value.nl || "";
  }

  function speak(words, lang) {
    // with voices.js on the page: the device's voice for the language, false without one
    if (window.Speech) return window.Speech.say(words, lang || window.LANG);
    if (!("speechSynthesis" in window) || !words) return false;
    window.speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance(words);
    u.lang = (lang || window.LANG) === "en" ? "en-GB" : "nl-NL";
    u.rate = 0.9;
    window.speechSynthesis.speak(u);
    return true;
  }

  function el(tag, attrs, children) {
    /* Build an element; text is always set as text, never as HTML. */
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) return;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    });
    (children || []).forEach((c) => {
      if (c === null || c === undefined || c === false) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  window.Live = { connect, call, Outbox, newId, t, text, speak, el };
})();
