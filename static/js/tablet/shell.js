/* The tablet's frame: the top bar (who, connection, waiting count, language, switch child),
 * the offline strip, the message banner, the main area and the "pens down" overlay; and
 * whole-screen changes (showScreen, loading, a message). */

import { el, t } from "../common/live.js";
import { app, dom } from "./app.js";
import { LANG } from "./config.js";
import { languageOf, openChooser } from "./lang.js";
import { switchChild } from "./session.js";
import { speakButton } from "./speech.js";
import { button, icon } from "./ui.js";

export function buildSkeleton() {
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
  // something was sent and the server has not answered for a second: "saving..."
  dom.saving = el("div", { class: "t-count t-saving", role: "status", hidden: true },
                  [icon("💾"), el("span", { text: t("saving") })]);
  // the child's language, named in its own script: its accessible name is what it shows
  const current = languageOf(LANG);
  dom.lang = button("t-top-btn t-lang", { "aria-haspopup": "dialog", "aria-expanded": "false",
                                          title: t("choose_language"), onclick: openChooser },
                    [icon("🌐"), el("span", { lang: current.code, dir: current.dir,
                                              text: current.name })]);
  dom.switch = button("t-top-btn t-switch", { onclick: switchChild, title: t("not_me"),
                                              "aria-label": t("not_me") },
                      [icon("👥"), el("span", { text: t("not_me") })]);
  dom.top = el("header", { class: "t-top" }, [
    dom.me,
    el("div", { class: "t-top-mid" }, [dom.conn, dom.count, dom.saving]),
    el("div", { class: "t-top-end" }, [dom.lang, dom.switch]),
  ]);
  dom.offline = el("div", { class: "t-offline", role: "status" },
                   [icon("📵"), el("span", { text: t("offline") })]);
  dom.bannerText = el("span", { class: "t-banner-text" });
  dom.banner = el("div", { class: "t-banner", role: "alert", hidden: true }, [
    icon("💬"), dom.bannerText,
    speakButton(() => dom.bannerText.textContent, { cls: "t-speak-mini" }),
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

export function renderTop() {
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
  dom.saving.hidden = app.saving.size === 0;
  document.body.classList.toggle("t-is-offline", app.conn !== "online");
}

let bannerTimer = null;
let bannerSaid = null;

export function wordsOf(said) {
  /* What was said, in the child's language now: a text of the tablet ({key}), the server's
   * words in every language (`messages`), a refusal by its code (refusal_<code>, with its
   * detail), else the words as they came. */
  if (!said) return "";
  if (said.key) return t(said.key);
  if (said.messages && said.messages[LANG]) return said.messages[LANG];
  if (said.error && window.T && window.T["refusal_" + said.error] !== undefined) {
    return t("refusal_" + said.error, said.detail);
  }
  return said.message || "";
}

function asSaid(message) {
  /* A text of the tablet is remembered by its key, so it can be said again in another
   * language; a server's answer ({error, message, detail, messages}) as it is. */
  if (!message) return { key: "error" };
  if (typeof message !== "string") return message;
  const texts = window.T || {};
  const key = Object.keys(texts).find((k) => texts[k] === message);
  return key ? { key: key } : { message: message };
}

export function bannerShown() { return dom.banner && !dom.banner.hidden ? bannerSaid : null; }

export function showBanner(message) {
  /* `message`: words, or the server's answer (its words follow a language switch). */
  bannerSaid = asSaid(message);
  dom.bannerText.textContent = wordsOf(bannerSaid) || t("error");
  dom.banner.hidden = false;
  dom.banner.classList.remove("t-pop");
  void dom.banner.offsetWidth;
  dom.banner.classList.add("t-pop");
  clearTimeout(bannerTimer);
  bannerTimer = setTimeout(hideBanner, 9000);
}

export function hideBanner() { dom.banner.hidden = true; }

export function showScreen(name, children, redraw) {
  /* `redraw()` draws this screen again (in another language, lang.js). */
  app.screen = name;
  app.redraw = redraw || null;
  app.view = null;
  app.viewKey = null;
  dom.overlay.hidden = true;
  dom.main.className = "t-main t-screen-" + name;
  dom.main.replaceChildren(...children);
  window.scrollTo(0, 0);
}

export function showLoading() {
  showScreen("loading", [el("div", { class: "t-center" }, [
    el("p", { class: "t-huge t-bounce", "aria-hidden": "true", text: "👋" }),
    el("p", { class: "t-lead", text: t("reconnecting") }),
  ])], showLoading);
}

export function showMessageScreen(symbol, message) {
  showScreen("message", [el("div", { class: "t-center" }, [
    el("p", { class: "t-huge", "aria-hidden": "true", text: symbol }),
    el("p", { class: "t-lead", text: message }),
  ])], () => showMessageScreen(symbol, message));
}
