/* The children's feedback poll: a smiley and "what was fun?", sent exactly once.
 *
 * The answer gets an id made here (crypto.getRandomValues) and waits in localStorage until
 * the server answers, so a double tap, a reload or lost Wi-Fi never stores it twice: the
 * server keeps each id once. Without JavaScript the plain form still works.
 */
(function () {
  "use strict";

  const root = document.getElementById("fb");
  if (!root) return;
  const form = root.querySelector(".fb-form");
  const thanks = root.querySelector(".fb-thanks");
  const errorBox = root.querySelector(".fb-error");
  const statusBox = root.querySelector(".fb-status");
  const sendButton = root.querySelector(".fb-send");
  const key = "feedback:" + root.dataset.code;
  const T = window.T || {};
  let sending = false;
  let retry = null;
  form.noValidate = true; // our own words instead of the browser's bubble

  function pending() {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }

  function keep(item) {
    try {
      if (item) localStorage.setItem(key, JSON.stringify(item));
      else localStorage.removeItem(key);
    } catch (e) { /* private mode: the id still lives in memory for this page */ }
  }

  function say(text, isError) {
    errorBox.hidden = !isError;
    errorBox.textContent = isError ? text : "";
    statusBox.textContent = isError ? "" : (text || "");
  }

  async function send(item) {
    if (sending) return;
    sending = true;
    sendButton.disabled = true;
    clearTimeout(retry);
    say(T.fb_sending || "…");
    let reply = null;
    try {
      const response = await fetch(root.dataset.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json",
                   "X-CSRFToken": window.CSRF_TOKEN || "" },
        body: JSON.stringify(item),
        credentials: "same-origin",
      });
      reply = await response.json();
    } catch (e) {
      reply = null; // no answer: keep it and try again
    }
    sending = false;
    sendButton.disabled = false;
    if (!reply) {
      say(T.fb_offline || T.offline || "", false);
      retry = setTimeout(() => { const again = pending(); if (again) send(again); }, 4000);
      return;
    }
    keep(null); // the server answered: this id is done
    if (reply.ok) {
      form.hidden = true;
      thanks.hidden = false;
      say("");
      thanks.querySelector("h1").focus();
    } else {
      say(reply.message || T.error || "", true);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = form.querySelector('input[name="face"]:checked');
    if (!chosen) { say(T.fb_pick_face || "", true); return; }
    // Still waiting for an answer? Same id, so it is stored once even if it did arrive.
    const item = pending() || { client_id: window.Live.newId() };
    item.face = chosen.value;
    item.text = form.querySelector("textarea").value;
    keep(item);
    send(item);
  });

  root.querySelector(".fb-again").addEventListener("click", () => {
    form.reset();
    say("");
    thanks.hidden = true;
    form.hidden = false;
  });

  root.querySelector(".fb-speak").addEventListener("click", (event) => {
    window.Live.speak(event.currentTarget.dataset.speak);
  });
  if (!("speechSynthesis" in window)) root.querySelector(".fb-speak").hidden = true;

  window.addEventListener("online", () => { const item = pending(); if (item) send(item); });

  // An answer from before a reload or a lost connection goes out first.
  const waiting = pending();
  if (waiting) {
    const face = form.querySelector('input[name="face"][value="' + waiting.face + '"]');
    if (face) face.checked = true;
    form.querySelector("textarea").value = waiting.text || "";
    send(waiting);
  }
})();
