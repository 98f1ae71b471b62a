/* The child's language: the chooser (the five names, each in its own script, behind the
 * globe button of the top bar and on the join screens) and the switch itself, without a
 * reload: the texts of the new language (/texts/<lang>.json), <html lang dir> (Arabic right
 * to left), the server told (`lang`: its refusals come in the new language), and everything
 * on the tablet drawn again in it. The outbox, the step and what the child typed stay: the
 * outbox and the drafts live in localStorage, the views are built from app.state. */

import Live, { el, t } from "../common/live.js";
import { app, dom } from "./app.js";
import { CFG, LANG, LANGUAGES, setLang } from "./config.js";
import { render } from "./render.js";
import { refreshSpeakButtons } from "./speech.js";
import { bannerShown, buildSkeleton, renderTop, showBanner } from "./shell.js";
import { store } from "./store.js";
import { button, icon } from "./ui.js";

const LANG_KEY = "lang"; // this tablet's choice, for every workshop

export function languageOf(code) {
  return LANGUAGES.find((l) => l.code === code) || { code: code, name: code, dir: "ltr" };
}

export function languageList(onPicked) {
  /* The five languages as big buttons, each name in its own script and direction. */
  return el("ul", { class: "t-langs" }, LANGUAGES.map((l) => el("li", {}, [
    button("t-lang-choice" + (l.code === LANG ? " is-on" : ""), {
      lang: l.code, dir: l.dir, "aria-pressed": l.code === LANG ? "true" : "false",
      "data-lang": l.code,
      onclick: () => { if (onPicked) onPicked(); chooseLanguage(l.code); },
    }, [el("span", { text: l.name })]),
  ])));
}

export function openChooser() {
  /* A sheet over the page with the languages; tapping one switches at once. */
  const old = document.querySelector(".t-sheet");
  if (old) old.remove();
  const close = () => {
    sheet.remove();
    if (dom.lang) { dom.lang.setAttribute("aria-expanded", "false"); dom.lang.focus(); }
  };
  const sheet = el("div", { class: "t-sheet", role: "dialog", "aria-modal": "true",
                            "aria-labelledby": "t-sheet-title" }, [
    el("div", { class: "t-sheet-box" }, [
      el("div", { class: "t-sheet-head" }, [
        icon("🌐", "t-icon t-sheet-globe"),
        el("h2", { id: "t-sheet-title", class: "t-h2", text: t("choose_language") }),
        button("t-banner-close", { "aria-label": t("close"), onclick: close }, [icon("✕")]),
      ]),
      languageList(close),
    ]),
  ]);
  sheet.addEventListener("click", (ev) => { if (ev.target === sheet) close(); });
  sheet.addEventListener("keydown", (ev) => { if (ev.key === "Escape") close(); });
  document.body.appendChild(sheet);
  if (dom.lang) dom.lang.setAttribute("aria-expanded", "true");
  const first = sheet.querySelector(".t-lang-choice.is-on") ||
    sheet.querySelector(".t-lang-choice");
  if (first) first.focus();
}

export function tellServer() {
  /* The server answers this child in its language (refusals, "removed", the leader's no). */
  if (app.me && app.socket && app.socket.connected) {
    Live.call(app.socket, "lang", { lang: LANG }).catch(() => { /* next hello */ });
    app.me.lang = LANG;
  }
}

export async function chooseLanguage(code, quiet) {
  if (code === LANG || !LANGUAGES.some((l) => l.code === code)) return;
  let data;
  try {
    const res = await fetch(CFG.texts_url.replace("LANG", encodeURIComponent(code)) +
                            "?choose=1", { headers: { Accept: "application/json" },
                                           credentials: "same-origin" });
    if (!res.ok) throw new Error(String(res.status));
    data = await res.json();
  } catch (e) {
    if (!quiet) showBanner({ key: "offline" });
    return;
  }
  Object.assign(window.T, data.texts || {});
  setLang(code);
  document.documentElement.lang = code;
  document.documentElement.dir = data.dir || languageOf(code).dir || "ltr";
  store.set(LANG_KEY, code);
  if (window.speechSynthesis) window.speechSynthesis.cancel();
  tellServer();
  redrawAll();
}

function redrawAll() {
  /* Every word on the tablet again, in the new language; nothing the child did is lost. */
  const sheet = document.querySelector(".t-sheet");
  if (sheet) sheet.remove();
  const screen = app.screen;
  const banner = bannerShown(); // a message on the screen is said again in the new language
  buildSkeleton();
  renderTop();
  if (banner) showBanner(banner);
  if (screen === "live" && app.state && app.me) {
    app.screen = "live";
    app.viewKey = null;
    render();
  } else if (app.redraw) {
    app.redraw();
  }
  refreshSpeakButtons();
  privacyLink();
}

function privacyLink() {
  /* The privacy page under the app opens in the child's language too. */
  const link = document.querySelector(".t-privacy a");
  if (!link) return;
  const url = new URL(link.href, window.location.href);
  url.searchParams.set("lang", LANG);
  link.href = url.pathname + url.search;
  link.textContent = "🔒 " + t("privacy_link");
  link.setAttribute("lang", LANG);
}

export function startLanguage() {
  /* ?lang= in the address is the choice; else a choice made on this tablet before. */
  const asked = new URLSearchParams(window.location.search).get("lang");
  if (asked && asked === LANG) store.set(LANG_KEY, LANG);
  const chosen = store.get(LANG_KEY);
  if (!asked && chosen && chosen !== LANG) chooseLanguage(chosen, true);
  privacyLink();
}
