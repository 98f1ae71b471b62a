/* Joining as a new child: an animal and a name, then two secret pictures (`join`); and
 * choosing new pictures after the leader's yes (`set_key`). */

import Live, { el, t } from "../common/live.js";
import { app, deviceId } from "./app.js";
import { CFG, LANG } from "./config.js";
import { showRemoved } from "./removed.js";
import { render } from "./render.js";
import { useToken } from "./session.js";
import { showBanner, showScreen } from "./shell.js";
import { sentence, speakButton } from "./speech.js";
import { button, icon, pressed, say, unsay } from "./ui.js";
import { backButton, chooseEntry, keyPictures, languageRow } from "./who.js";

const PictureKey = window.PictureKey; // picture_key.js, a classic script before the modules

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
    if (reply.ok) { useToken(reply.token, reply.state); return; }
    if (reply.error === "removed") { showRemoved(); return; }
    if (/^key_/.test(reply.error)) { pad.clear(); showBanner(reply.message); return; }
    showJoin(draft.canGoBack, draft); // the name or the animal: back to where it is fixed
    showBanner(reply.message);
  }
  showScreen("key", keyChooser({ pictures: pictures, doneKey: "join", send: send,
                                 back: () => showJoin(draft.canGoBack, draft) }),
             () => showKeyChoose(draft));
}

export async function showKeySet() {
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
  showScreen("setkey", keyChooser({ pictures: pictures, doneKey: "done", send: send }),
             showKeySet);
}

export function showJoin(canGoBack, draft) {
  let chosen = null;
  const previewAvatar = el("span", { class: "t-preview-avatar", "aria-hidden": "true",
                                     text: "❔" });
  const previewName = el("span", { class: "t-preview-name" });
  const avatars = CFG.avatars.map((a, i) => {
    const name = CFG.avatar_keys ? t("animal_" + CFG.avatar_keys[i]) : "";
    const b = button("t-avatar", { "aria-pressed": "false", "aria-label": name,
                                   onclick: () => choose(a, b) },
                     [el("span", { "aria-hidden": "true", text: a })]);
    return b;
  });
  function choose(a, b) {
    chosen = a;
    avatars.forEach((x) => pressed(x, x === b));
    previewAvatar.textContent = a;
    unsay(grid);
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
    if (!chosen) { say(grid, t("pick_animal_first")); return; }
    if (!input.value.trim()) { say(input, t("name_first")); return; }
    showKeyChoose({ avatar: chosen, name: input.value, canGoBack: canGoBack });
  }

  showScreen("join", [
    el("div", { class: "t-title-row" }, [
      canGoBack ? button("t-btn t-back", { "aria-label": t("prev"), onclick: chooseEntry },
                         [icon("←", "t-icon t-flip")]) : null,
      el("h1", { class: "t-h1", text: t("pick_avatar") }),
      speakButton(() => sentence(t("pick_avatar"), t("your_name"), t("make_name"))),
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
    languageRow(),
  ], () => showJoin(canGoBack, { avatar: chosen, name: input.value }));
  if (draft) { // back from the secret pictures: as the child left it
    const at = CFG.avatars.indexOf(draft.avatar);
    if (at >= 0) choose(draft.avatar, avatars[at]);
    input.value = draft.name || "";
    previewName.textContent = input.value;
  }
}
