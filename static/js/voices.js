/* Read-aloud in the reader's language, for every child page (a classic script: the code page
 * and the feedback page load it as it is, the tablet's modules through window.Speech).
 *
 *   Speech.voiceFor("ar")      the device's voice for a language (by its tag's prefix), or null
 *   Speech.canSpeak("tr")      true when the device has a voice for it
 *   Speech.say(words, "pl")    speak (stops what was speaking); false when it cannot
 *   Speech.onChange(fn)        fn() when the device's voices arrive or change
 *
 * A language is a code of workshop/domain/languages.py (nl, en, tr, ar, pl); its preferred
 * tag (nl-NL, en-GB, tr-TR, ar, pl-PL) comes from the page (window.TABLET.languages, or
 * data-voice on the button). Browsers load their voices late: getVoices() is empty at first
 * and `voiceschanged` says when they came, so callers listen with onChange.
 *
 * On the code page (and any page with it), a <button data-say="words"> speaks its words in the
 * page's language, and shows a crossed speaker and says so in words when the device has no
 * voice for it (data-no-voice holds those words).
 */
(function () {
  "use strict";

  const TAGS = { nl: "nl-NL", en: "en-GB", tr: "tr-TR", ar: "ar", pl: "pl-PL" };
  const listeners = [];
  let voices = [];

  function synth() { return "speechSynthesis" in window ? window.speechSynthesis : null; }

  function load() {
    const s = synth();
    try { voices = (s && s.getVoices()) || []; } catch (e) { voices = []; }
  }

  function norm(tag) { return String(tag || "").toLowerCase().replace("_", "-"); }

  function tagFor(lang) {
    const known = ((window.TABLET && window.TABLET.languages) || [])
      .find((l) => l.code === lang);
    return (known && known.voice) || TAGS[lang] || lang;
  }

  function voiceFor(lang) {
    if (!lang) return null;
    if (!voices.length) load();
    const tag = norm(tagFor(lang));
    const prefix = norm(lang).split("-")[0];
    const same = voices.filter((v) => norm(v.lang) === tag);
    const near = voices.filter((v) => norm(v.lang).split("-")[0] === prefix);
    const pick = (list) => list.find((v) => v.localService) || list[0] || null;
    return pick(same) || pick(near);
  }

  function canSpeak(lang) { return !!(synth() && voiceFor(lang)); }

  function say(words, lang) {
    const s = synth();
    const voice = voiceFor(lang);
    if (!s || !voice || !words) return false;
    s.cancel();
    const u = new SpeechSynthesisUtterance(words);
    u.voice = voice;
    u.lang = voice.lang || tagFor(lang);
    u.rate = 0.9;
    s.speak(u);
    return true;
  }

  function onChange(fn) { listeners.push(fn); }

  const s = synth();
  if (s) {
    load();
    const changed = () => { load(); listeners.slice().forEach((fn) => fn()); };
    if (s.addEventListener) s.addEventListener("voiceschanged", changed);
    else s.onvoiceschanged = changed;
  }

  window.Speech = { voiceFor, canSpeak, say, onChange, tagFor };

  /* <button data-say="..."> on server-made pages (the code page): speak, or say why not. */
  function pageLang() { return document.documentElement.lang || window.LANG || "nl"; }

  function refresh(button) {
    const ok = canSpeak(pageLang());
    button.classList.toggle("is-mute", !ok);
    const icon = button.querySelector(".say-icon");
    if (icon) icon.textContent = ok ? "🔊" : "🔇";
    const note = button.querySelector(".say-note");
    if (note) note.hidden = ok;
  }

  function wire() {
    const buttons = document.querySelectorAll("button[data-say]");
    buttons.forEach((button) => {
      refresh(button);
      button.addEventListener("click", () => {
        const words = button.getAttribute("data-say") +
          [...document.querySelectorAll("[data-say-too]")]
            .map((n) => " " + n.textContent.trim()).join("");
        if (!say(words, pageLang())) refresh(button);
      });
    });
    onChange(() => buttons.forEach(refresh));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
  else wire();
})();
