/* The picture key on the tablet: nine big pictures, two taps in order, like the picture
 * passwords of primary schools (workshop/domain/identity.py has the rules).
 *
 * PictureKey.pad({pictures, secret, label, lead, onChange, onDone}) returns {node,
 * clear, shake, value}; `lead` goes before the slots (who is typing the key). `secret`: typing a key to be yourself, so the slots show dots, never the
 * pictures, and the second tap calls onDone(key) at once. Without it the child chooses a
 * new key: the chosen pictures show in the slots and a second tap on one takes it back.
 * Every word comes from Live.t; a picture's name is its label for screen readers only
 * (read-aloud never says the key).
 */
(function () {
  "use strict";

  const el = Live.el;
  const t = Live.t;
  const LENGTH = 2;

  function pad(options) {
    const secret = !!options.secret;
    let chosen = [];
    const slots = Array.from({ length: LENGTH }, (_, i) => el("span", {
      class: "t-key-slot", role: "img", "aria-label": t("key_slot", { n: i + 1 }),
    }));
    const slotRow = el("div", { class: "t-key-slots" }, [options.lead || null, ...slots]);
    const buttons = options.pictures.map((p) => {
      const b = el("button", { type: "button", class: "t-key-pic", "data-id": p.id,
                               "aria-label": t("pic_" + p.id) },
                   [el("span", { class: "t-key-icon", "aria-hidden": "true", text: p.icon }),
                    el("span", { class: "t-key-num", "aria-hidden": "true" })]);
      b.addEventListener("click", () => tap(p, b));
      return b;
    });
    const grid = el("div", { class: "t-key-grid", role: "group",
                             "aria-label": options.label || "" }, buttons);
    const node = el("div", { class: "t-key" + (secret ? " is-secret" : "") }, [slotRow, grid]);

    function draw() {
      slots.forEach((slot, i) => {
        const p = chosen[i];
        slot.textContent = p ? (secret ? "●" : p.icon) : String(i + 1);
        slot.classList.toggle("is-full", !!p);
      });
      buttons.forEach((b) => {
        const n = chosen.findIndex((p) => p.id === b.dataset.id);
        const shown = !secret && n >= 0;
        b.classList.toggle("is-on", shown);
        b.setAttribute("aria-pressed", shown ? "true" : "false");
        b.querySelector(".t-key-num").textContent = shown ? String(n + 1) : "";
      });
    }

    function flash(b) {
      b.classList.remove("is-tap");
      void b.offsetWidth;
      b.classList.add("is-tap");
    }

    function tap(p, b) {
      flash(b);
      const at = chosen.findIndex((c) => c.id === p.id);
      if (at >= 0) {
        if (!secret) { chosen.splice(at, 1); draw(); changed(); }
        return; // a key is two different pictures
      }
      if (chosen.length >= LENGTH) return;
      chosen.push(p);
      draw();
      changed();
      if (secret && chosen.length === LENGTH && options.onDone) {
        buttons.forEach((x) => { x.disabled = true; });
        options.onDone(chosen.map((c) => c.id));
      }
    }

    function changed() { if (options.onChange) options.onChange(chosen.length === LENGTH); }

    function clear() {
      chosen = [];
      buttons.forEach((x) => { x.disabled = false; });
      draw();
      changed();
    }

    function shake() {
      node.classList.remove("t-nudge");
      void node.offsetWidth;
      node.classList.add("t-nudge");
      setTimeout(() => node.classList.remove("t-nudge"), 1600);
    }

    draw();
    return { node, clear, shake, value: () => chosen.map((c) => c.id) };
  }

  window.PictureKey = { pad, LENGTH };
})();
