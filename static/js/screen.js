/* The classroom screen: the current step in huge type for the whole room, with the
 * leader's control bar, keyboard shortcuts and the moderation drawer. */
(function () {
  "use strict";

  const L = window.LeaderControls;
  const el = Live.el;
  const t = Live.t;
  const tx = (v) => Live.text(v);

  const root = document.getElementById("screen");
  const workshopId = Number(root.dataset.workshop);
  const joinHost = root.dataset.joinHost || "";
  const main = document.getElementById("s-main");
  const head = {
    count: root.querySelector(".s-stepcount"),
    title: root.querySelector(".s-title"),
    prompt: root.querySelector(".s-prompt"),
    lock: root.querySelector(".s-lock"),
    timer: root.querySelector(".s-timer"),
    timerIcon: root.querySelector(".s-timer-icon"),
    timerTime: root.querySelector(".s-timer-time"),
    timerNote: root.querySelector(".s-timer-note"),
  };
  const chip = root.querySelector(".s-joinchip");
  const pendingBadge = root.querySelector(".s-pending");
  const offline = root.querySelector(".s-offline");
  const ended = root.querySelector(".s-ended");
  const drawer = document.getElementById("drawer");
  const bar = document.getElementById("controlbar");
  const barButtons = document.getElementById("cb-buttons");
  const gotoSelect = document.getElementById("cb-goto");
  const keysLine = bar.querySelector(".cb-keys");

  const api = L.start(workshopId, { onStatus: (up) => {
    offline.hidden = up;
    offline.querySelector("span").textContent = t("reconnecting");
  } });
  const store = api.store;
  const mod = L.moderation(api, document.getElementById("drawer-body"));
  // "Sanne wants to join on a new tablet: yes / no", over the wall where the leader sees it
  const asksBox = el("section", { class: "s-asks", hidden: true, "aria-live": "assertive" });
  root.appendChild(asksBox);
  const asks = L.asks(api, asksBox);
  // the children, below the moderation list: rename, hide all, remove a tablet
  const kidsBox = el("div", { class: "drawer-kids" });
  const kids = L.childrenPanel(api, kidsBox);

  const NOTE_COLOURS = 6;

  /* --- little builders ---------------------------------------------------------------- */

  function rotation(id) {
    return ((id * 37) % 7 - 3) * 0.5;
  }

  function author(item, cls) {
    const a = item.author || {};
    return el("span", { class: "who " + (cls || "") }, [
      el("span", { class: "who-avatar", "aria-hidden": "true", text: a.avatar || "🙂" }),
      el("span", { class: "who-name", text: a.name || "" }),
    ]);
  }

  function ideaWordsNodes(idea, cls) {
    const box = el("div", { class: "idea-words " + (cls || "") });
    if (idea.title) {
      box.appendChild(el("strong", { class: "idea-title", text: idea.title }));
      if (idea.text && idea.text !== idea.title) box.appendChild(el("span", { class: "idea-text sub", text: idea.text }));
    } else {
      box.appendChild(el("span", { class: "idea-text", text: idea.text || "" }));
    }
    return box;
  }

  function ideaCard(idea, state, cls) {
    const pic = L.picture(idea);
    const icon = L.categoryIcon(idea, state);
    const card = el("article", { class: "idea " + (cls || "") + (pic ? " has-pic" : "") + (idea.shortlisted ? " starred" : ""),
                                 "data-idea": String(idea.id) });
    if (pic) card.appendChild(el("div", { class: "idea-pic" }, [el("img", { src: pic, alt: "" })]));
    card.appendChild(ideaWordsNodes(idea));
    card.appendChild(el("div", { class: "idea-foot" }, [
      author(idea),
      el("span", { class: "idea-badges", "aria-hidden": "true" }, [
        idea.merged_count ? el("span", { class: "idea-merged", text: "🔗" + (idea.merged_count + 1) }) : null,
        idea.shortlisted ? el("span", { text: "⭐" }) : null,
        icon ? el("span", { class: "idea-cat", text: icon }) : null,
      ]),
    ]));
    return card;
  }

  function ideaSig(idea) {
    return [idea.title, idea.text, idea.photo, idea.drawing, idea.shortlisted, idea.merged_count,
            idea.author && idea.author.avatar, idea.author && idea.author.name].join("|");
  }

  function emptyState(icon, words) {
    return el("div", { class: "empty" }, [
      el("span", { class: "empty-icon", "aria-hidden": "true", text: icon }),
      el("p", { text: words }),
    ]);
  }

  function density(n, steps) {
    for (let i = 0; i < steps.length; i += 1) if (n <= steps[i]) return "d" + i;
    return "d" + steps.length;
  }

  function unit() {
    return Math.min(window.innerWidth / 1920, window.innerHeight / 1080);
  }

  /* Lay `n` cells out in `wall` as big as they can be while all of them fit: try every
   * number of columns, keep the one giving the widest cell of the wanted shape (width /
   * height = aspect), and size the text from the cell. The wall re-fits when resized. */
  function fitGrid(wall, n, opt) {
    wall._fit = () => fitGrid(wall, wall._n, opt);
    wall._n = n;
    if (!wall._observed && window.ResizeObserver) {
      wall._observed = true;
      let last = "";
      new ResizeObserver(() => {
        const size = wall.clientWidth + "x" + wall.clientHeight;
        if (size !== last) { last = size; wall._fit(); }
      }).observe(wall);
    }
    const u = unit();
    const W = wall.clientWidth - 16 * u;
    const H = wall.clientHeight - 16 * u;
    if (!n || W <= 0 || H <= 0) return;
    const gap = (opt.gap || 24) * u;
    const maxW = opt.maxW * u;
    let best = null;
    for (let c = 1; c <= n; c += 1) {
      const r = Math.ceil(n / c);
      const slotW = (W - gap * (c - 1)) / c;
      const slotH = (H - gap * (r - 1)) / r;
      if (slotH <= 0 || slotW <= 0) continue;
      // a cell may be somewhat wider or taller than the wanted shape, not much more
      const cw = Math.min(slotW, maxW, slotH * opt.aspect * 1.6);
      const ch = Math.min(slotH, (cw / opt.aspect) * 1.15);
      const area = cw * ch;
      if (!best || area > best.area * 1.01) best = { c, r, cw, ch, area };
    }
    if (!best) return;
    const cw = Math.floor(best.cw);
    const ch = Math.floor(best.ch);
    const fs = Math.max(opt.minFs * u, Math.min(opt.maxFs * u, Math.min(cw, ch * opt.aspect) * opt.k));
    const lines = Math.max(1, Math.floor((ch - (opt.chrome * u) - fs * opt.footEm) / (fs * 1.22)));
    wall.style.setProperty("--cols", best.c);
    wall.style.setProperty("--cw", cw + "px");
    wall.style.setProperty("--ch", ch + "px");
    wall.style.setProperty("--gap", gap + "px");
    wall.style.setProperty("--fs", fs.toFixed(1) + "px");
    wall.style.setProperty("--lines", lines);
    const big = opt.bigEm || 1;
    wall.style.setProperty("--lines-big", Math.max(1, Math.floor((ch - (opt.chrome * u) - fs * opt.footEm) / (fs * big * 1.22))));
  }

  const NOTE_FIT = { aspect: 1.55, maxW: 600, minFs: 15, maxFs: 60, k: 0.1, chrome: 42, footEm: 1.05 };
  const IDEA_FIT = { aspect: 0.95, maxW: 420, minFs: 14, maxFs: 40, k: 0.105, chrome: 48, footEm: 1.1, bigEm: 1.35 };

  /* The vote ranking: one, two or three columns of rows that share the height. */
  function fitRanking(list, n) {
    list._n = n;
    if (!list._observed && window.ResizeObserver) {
      list._observed = true;
      new ResizeObserver(() => fitRanking(list, list._n)).observe(list);
    }
    const u = unit();
    const H = list.clientHeight;
    if (!n || H <= 0) return;
    const cols = n <= 7 ? 1 : n <= 22 ? 2 : 3;
    const rows = Math.ceil(n / cols);
    const gap = 12 * u;
    const rowH = Math.min((H - gap * (rows - 1)) / rows, 140 * u);
    list.style.setProperty("--cols", cols);
    list.style.setProperty("--rows", rows);
    list.style.setProperty("--row-h", Math.floor(rowH) + "px");
    list.style.setProperty("--gap", gap + "px");
    list.style.setProperty("--fs", Math.max(15 * u, Math.min(36 * u, rowH * 0.3)).toFixed(1) + "px");
    list.style.setProperty("--pic", Math.floor(rowH * 0.8 * 4 / 3) + "px");
    list.style.setProperty("--dot", Math.max(8, Math.min(28 * u, rowH * 0.17)).toFixed(1) + "px");
  }

  function shownIdeas(state) {
    const shown = (state.ideas || []).filter(L.isShown);
    // Vote and critical steps: once the leader made a shortlist, the children choose from it.
    return state.from_shortlist ? shown.filter((i) => i.shortlisted) : shown;
  }

  function bump(node, value) {
    if (node.textContent === String(value)) return;
    const first = node.textContent === "";
    node.textContent = String(value);
    if (!first) {
      node.classList.remove("bump");
      void node.offsetWidth; // restart the animation
      node.classList.add("bump");
    }
  }

  /* --- views, one per step kind --------------------------------------------------------- */

  const views = {};

  views.welcome = {
    mount(box, state) {
      const code = state.code || root.dataset.code || "";
      const address = joinHost + "/j/" + code;
      this.count = el("p", { class: "w-count" });
      this.kids = el("ul", { class: "w-kids" });
      box.appendChild(el("section", { class: "welcome" }, [
        el("div", { class: "w-qr" }, [
          el("img", { src: "/j/" + encodeURIComponent(code) + "/qr.png", alt: t("join_at") + " " + address }),
        ]),
        el("div", { class: "w-info" }, [
          el("p", { class: "w-label", text: "📱 " + t("join_at") }),
          el("p", { class: "w-addr", dir: "ltr", text: address }),
          el("p", { class: "w-label", text: "🔑 " + t("code") }),
          el("p", { class: "w-code", dir: "ltr", text: code }),
          this.count,
        ]),
        this.kids,
      ]));
    },
    update(state) {
      const kids = state.children || [];
      this.count.textContent = "👋 " + t("n_joined", { n: kids.length });
      L.keyed(this.kids, kids, (c) => c.id, (c) => el("li", { class: "kid" }, [
        el("span", { class: "kid-avatar", "aria-hidden": "true", text: c.avatar || "🙂" }),
        el("span", { class: "kid-name", text: c.name || "" }),
      ]), (c) => c.avatar + "|" + c.name);
      shrinkToFit(this.kids, ["", "many", "lots", "tiny"]);
    },
  };

  /* A projector stays readable: at most WALL_MAX cards on a wall. With more, it shows the
     newest and says how many there are (300 ideas made 300 unreadable tiles). */
  const WALL_MAX = 48;
  const RANK_MAX = 30;

  function moreLine(icon) {
    const line = el("p", { class: "wall-more" });
    line.hidden = true;
    line.dataset.icon = icon;
    return line;
  }

  function newestOnWall(items, line, newestFirst) {
    line.hidden = items.length <= WALL_MAX;
    line.textContent = line.dataset.icon + " " + t("n_on_wall", { n: items.length, shown: WALL_MAX });
    return newestFirst ? items.slice(0, WALL_MAX) : items.slice(-WALL_MAX);
  }

  views.question = {
    mount(box) {
      this.wall = el("ul", { class: "notes fit" });
      this.empty = emptyState("💬", t("nothing_yet"));
      this.more = moreLine("💬");
      box.append(this.more, this.wall, this.empty);
    },
    update(state) {
      const all = (state.items || []).filter(L.isShown);
      const items = newestOnWall(all, this.more, false);
      this.empty.hidden = items.length > 0;
      this.wall.hidden = !items.length;
      L.keyed(this.wall, items, (i) => i.id, (i) => {
        const note = el("li", { class: "note c" + (i.id % NOTE_COLOURS) });
        note.style.setProperty("--tilt", rotation(i.id) + "deg");
        note.append(el("p", { class: "note-text", text: i.text || "" }), author(i));
        return note;
      }, (i) => i.text + "|" + (i.author && i.author.avatar));
      fitGrid(this.wall, items.length, NOTE_FIT);
    },
  };

  views.poll = {
    mount(box, state) {
      this.rows = {};
      const list = el("ul", { class: "bars" });
      (state.step.choices || []).forEach((c) => {
        const fill = el("span", { class: "bar-fill" });
        const num = el("span", { class: "bar-num" });
        const row = el("li", { class: "bar-row" }, [
          el("span", { class: "bar-icon", "aria-hidden": "true", text: c.icon || "" }),
          el("span", { class: "bar-label", text: tx(c.label) }),
          el("span", { class: "bar-track" }, [fill]),
          num,
        ]);
        this.rows[c.id] = { row, fill, num };
        list.appendChild(row);
      });
      this.total = el("p", { class: "bars-total" });
      box.append(el("section", { class: "poll" }, [list, this.total]));
    },
    update(state) {
      const counts = state.counts || {};
      const values = Object.keys(this.rows).map((k) => counts[k] || 0);
      const max = Math.max(1, ...values);
      const total = values.reduce((a, b) => a + b, 0);
      Object.entries(this.rows).forEach(([id, r]) => {
        const n = counts[id] || 0;
        requestAnimationFrame(() => { r.fill.style.inlineSize = (n / max * 100) + "%"; });
        bump(r.num, n);
        r.row.classList.toggle("lead", n > 0 && n === max);
        r.row.classList.toggle("zero", n === 0);
      });
      this.total.textContent = "🙋 " + t("n_children", { n: total });
    },
  };

  views.cards = {
    mount(box, state) {
      this.cards = {};
      const grid = el("ul", { class: "cards " + density((state.step.choices || []).length, [6, 10]) });
      (state.step.choices || []).forEach((c) => {
        const nums = {};
        const reactions = el("div", { class: "card-reactions" }, L.REACTIONS.map(([key, icon]) => {
          nums[key] = el("span", { class: "r-num" });
          return el("span", { class: "r " + key, title: t(key) }, [el("span", { "aria-hidden": "true", text: icon }), nums[key]]);
        }));
        const card = el("li", { class: "card" }, [
          el("span", { class: "card-icon", "aria-hidden": "true", text: c.icon || "" }),
          el("h2", { class: "card-title", text: tx(c.label) }),
          c.text ? el("p", { class: "card-text", text: tx(c.text) }) : null,
          reactions,
        ]);
        this.cards[c.id] = { card, nums };
        grid.appendChild(card);
      });
      box.appendChild(grid);
    },
    update(state) {
      const counts = state.counts || {};
      let best = 0;
      Object.keys(this.cards).forEach((id) => { best = Math.max(best, counts[id + ":love"] || 0); });
      Object.entries(this.cards).forEach(([id, c]) => {
        L.REACTIONS.forEach(([key]) => {
          const n = counts[id + ":" + key] || 0;
          bump(c.nums[key], n);
          c.nums[key].parentNode.classList.toggle("zero", n === 0);
        });
        c.card.classList.toggle("loved", best > 0 && (counts[id + ":love"] || 0) === best);
      });
    },
  };

  views.ideas = {
    mount(box) {
      this.wall = el("div", { class: "ideawall fit" });
      this.empty = emptyState("💡", t("nothing_yet"));
      this.more = moreLine("💡");
      box.append(this.more, this.wall, this.empty);
    },
    update(state) {
      const ideas = newestOnWall(shownIdeas(state).sort((a, b) => b.id - a.id), this.more, true);
      this.empty.hidden = ideas.length > 0;
      this.wall.hidden = !ideas.length;
      L.keyed(this.wall, ideas, (i) => i.id, (i) => {
        const card = ideaCard(i, state, "note c" + (i.id % NOTE_COLOURS));
        card.style.setProperty("--tilt", rotation(i.id) + "deg");
        return card;
      }, ideaSig);
      fitGrid(this.wall, ideas.length, IDEA_FIT);
    },
  };

  views.vote = {
    mount(box, state) {
      this.revealed = state.revealed;
      this.voters = el("p", { class: "v-voters" });
      this.shortlistNote = el("p", { class: "v-shortlist", text: "⭐ " + t("vote_on_shortlist") });
      this.shortlistNote.hidden = !state.from_shortlist;
      if (!state.revealed) {
        this.wall = el("div", { class: "ideawall fit" });
        this.more = moreLine("💡");
        box.append(el("div", { class: "v-banner" }, [
          this.voters, el("p", { class: "v-hint", text: "🙈 " + t("results_hidden") }),
          this.shortlistNote, this.more,
        ]), this.wall);
      } else {
        this.list = el("ol", { class: "ranking" });
        this.more = el("p", { class: "wall-more" });
        this.more.hidden = true;
        box.append(el("div", { class: "v-banner small" },
                      [this.voters, this.shortlistNote, this.more]), this.list);
      }
    },
    update(state) {
      const tally = state.tally || { votes: {}, voters: 0 };
      this.voters.textContent = "🗳️ " + t("n_voted", { n: tally.voters || 0 });
      this.shortlistNote.hidden = !state.from_shortlist;
      let ideas = shownIdeas(state);
      if (!this.revealed) {
        ideas.sort((a, b) => a.id - b.id);
        const wall = newestOnWall(ideas, this.more, false);
        L.keyed(this.wall, wall, (i) => i.id, (i) => ideaCard(i, state, "plain"), ideaSig);
        fitGrid(this.wall, wall.length, IDEA_FIT);
        return;
      }
      const votes = (i) => tally.votes[String(i.id)] || 0;
      const ranked = ideas.sort((a, b) => (votes(b) - votes(a)) || (a.id - b.id));
      // the top RANK_MAX rows stay readable; the line says how many ideas there are
      this.more.hidden = ranked.length <= RANK_MAX;
      this.more.textContent = "🏆 " + t("n_ranked", { n: ranked.length, shown: RANK_MAX });
      ideas = ranked.slice(0, RANK_MAX);
      const max = Math.max(1, ...ideas.map(votes));
      L.keyed(this.list, ideas, (i) => i.id, (i) => {
        const pic = L.picture(i);
        const row = el("li", { class: "rank", "data-idea": String(i.id) }, [
          el("span", { class: "rank-pos" }),
          pic ? el("img", { class: "rank-pic", src: pic, alt: "" }) : el("span", { class: "rank-pic none", "aria-hidden": "true", text: L.categoryIcon(i, state) || "💡" }),
          el("div", { class: "rank-main" }, [ideaWordsNodes(i), el("div", { class: "rank-dots" })]),
          el("span", { class: "rank-num" }),
        ]);
        return row;
      }, ideaSig);
      Array.from(this.list.children).forEach((row, index) => {
        const idea = ideas[index];
        const n = votes(idea);
        row.querySelector(".rank-pos").textContent = String(index + 1);
        bump(row.querySelector(".rank-num"), n);
        row.classList.toggle("top", n > 0 && n === max);
        const dots = row.querySelector(".rank-dots");
        dots.style.setProperty("--share", (n / max * 100) + "%");
        if (dots.childElementCount !== n) {
          const few = n <= 24;
          dots.classList.toggle("as-bar", !few);
          dots.replaceChildren(...(few ? Array.from({ length: n }, (_, k) => {
            const dot = el("span", { class: "dot" });
            dot.style.animationDelay = (k * 60) + "ms";
            return dot;
          }) : [el("span", { class: "bar-fill" })]));
        }
      });
      fitRanking(this.list, ideas.length);
    },
  };

  function focusIdea(state) {
    let idea = (state.ideas || []).find((i) => i.id === state.focus_idea_id);
    let guard = 0;
    while (idea && idea.merged_into && guard < 10) {
      const next = idea.merged_into;
      idea = (state.ideas || []).find((i) => i.id === next);
      guard += 1;
    }
    return idea && L.isShown(idea) ? idea : null;
  }

  views.critical = {
    mount(box, state) {
      const idea = focusIdea(state);
      this.focusId = idea ? idea.id : null;
      this.chips = el("div", { class: "chips" });
      this.chipsBox = el("div", { class: "chips-box" }, [
        el("span", { class: "chips-label", text: "⭐ " + t("shortlisted") }), this.chips,
      ]);
      this.lists = {};
      if (!idea) {
        box.append(emptyState("⭐", t("no_focus")), this.chipsBox);
        return;
      }
      const pic = L.picture(idea);
      const focus = el("article", { class: "focus-idea" + (pic ? " has-pic" : "") }, [
        el("p", { class: "focus-label", text: "🎯 " + t("focus") }),
        pic ? el("div", { class: "focus-pic" }, [el("img", { src: pic, alt: "" })]) : null,
        ideaWordsNodes(idea, "focus-words"),
        el("div", { class: "idea-foot" }, [author(idea),
          el("span", { class: "idea-cat", "aria-hidden": "true", text: L.categoryIcon(idea, state) })]),
      ]);
      const questions = el("div", { class: "questions" });
      (state.step.choices || []).forEach((q) => {
        const list = el("ul", { class: "answers" });
        this.lists[q.id] = list;
        questions.appendChild(el("section", { class: "question" }, [
          el("span", { class: "q-icon", "aria-hidden": "true", text: q.icon || "" }),
          el("h2", { class: "q-text", text: tx(q.text) || tx(q.label) }),
          list,
        ]));
      });
      box.append(el("section", { class: "critical" }, [focus, questions]), this.chipsBox);
    },
    update(state) {
      const others = shownIdeas(state).filter((i) => i.shortlisted && i.id !== this.focusId);
      this.chipsBox.hidden = !others.length;
      L.keyed(this.chips, others, (i) => i.id, (i) => el("button", {
        type: "button", class: "chip", "data-focus": String(i.id), "data-idea": String(i.id), title: t("focus"),
      }, [
        L.picture(i) ? el("img", { src: L.picture(i), alt: "" }) : el("span", { "aria-hidden": "true", text: L.categoryIcon(i, state) || "💡" }),
        el("span", { class: "chip-words", text: L.ideaWords(i) }),
      ]), ideaSig);
      if (this.focusId === null) return;
      const items = (state.items || []).filter((i) => L.isShown(i) && i.idea_id === this.focusId);
      Object.entries(this.lists).forEach(([qid, list]) => {
        const mine = items.filter((i) => i.choice === qid);

        L.keyed(list, mine, (i) => i.id, (i) => el("li", { class: "answer c" + (i.id % NOTE_COLOURS) }, [
          el("span", { class: "who-avatar", "aria-hidden": "true", text: (i.author && i.author.avatar) || "🙂" }),
          el("span", { class: "answer-text", text: i.text || "" }),
        ]), (i) => i.text);
        shrinkToFit(list, ["", "many", "lots", "tiny"]);
      });
    },
  };

  /* Step a list's text down through the size classes until its items fit. */
  function shrinkToFit(list, sizes) {
    sizes.forEach((c) => c && list.classList.remove(c));
    for (let k = 1; k < sizes.length && list.scrollHeight > list.clientHeight + 1; k += 1) {
      if (sizes[k - 1]) list.classList.remove(sizes[k - 1]);
      list.classList.add(sizes[k]);
    }
    list.classList.toggle("overflowing", list.scrollHeight > list.clientHeight + 1);
  }

  views.wrapup = {
    mount(box, state) {
      this.box = box;
      this.sig = null;
      this.state = state;
    },
    update(state) {
      const top = state.step.top || 5;
      const ideas = shownIdeas(state)
        .sort((a, b) => (b.shortlisted - a.shortlisted) || ((b.score || 0) - (a.score || 0)) || (a.id - b.id))
        .slice(0, top);
      const sig = JSON.stringify([ideas.map(ideaSig), ideas.map((i) => i.score), state.summary]);
      if (sig === this.sig) return;
      this.sig = sig;
      if (ideas.length) this.box.replaceChildren(podium(ideas, state));
      else if ((state.summary || []).length) this.box.replaceChildren(summary(state));
      else this.box.replaceChildren(emptyState("🌟", t("nothing_yet")));
    },
  };

  function podium(ideas, state) {
    const medals = ["🥇", "🥈", "🥉"];
    const podiumCard = (idea, place) => {
      const card = ideaCard(idea, state, "plain place" + place);
      if (idea.score) card.querySelector(".idea-badges").prepend(el("span", { class: "idea-score", text: "🗳️ " + idea.score }));
      return card;
    };
    const steps = [];
    [1, 0, 2].forEach((k) => {
      if (!ideas[k]) return;
      steps.push(el("div", { class: "podium-step p" + (k + 1) }, [
        el("span", { class: "medal", "aria-hidden": "true", text: medals[k] }),
        podiumCard(ideas[k], k + 1),
        el("div", { class: "plinth", "aria-hidden": "true", text: String(k + 1) }),
      ]));
    });
    const rest = ideas.slice(3).map((idea, k) => {
      const card = ideaCard(idea, state, "plain small");
      card.insertBefore(el("span", { class: "medal small", "aria-hidden": "true", text: String(k + 4) }), card.firstChild);
      if (idea.score) card.querySelector(".idea-badges").prepend(el("span", { class: "idea-score", text: "🗳️ " + idea.score }));
      return card;
    });
    return el("section", { class: "wrapup" + (rest.length ? " with-rest" : "") }, [
      el("div", { class: "podium" }, steps),
      rest.length ? el("div", { class: "rest" }, rest) : null,
    ]);
  }

  function summary(state) {
    const parts = (state.summary || []).map((entry) => {
      const step = entry.step;
      const counts = entry.counts || {};
      let body;
      if (step.kind === "poll") {
        const rows = (step.choices || []).map((c) => ({ c, n: counts[c.id] || 0 }))
          .sort((a, b) => b.n - a.n);
        const max = Math.max(1, ...rows.map((r) => r.n));
        body = el("ul", { class: "bars small" }, rows.map(({ c, n }) => el("li", { class: "bar-row" + (n === max && n ? " lead" : "") + (n ? "" : " zero") }, [
          el("span", { class: "bar-icon", "aria-hidden": "true", text: c.icon || "" }),
          el("span", { class: "bar-label", text: tx(c.label) }),
          el("span", { class: "bar-track" }, [(() => {
            const f = el("span", { class: "bar-fill" });
            f.style.inlineSize = (n / max * 100) + "%";
            return f;
          })()]),
          el("span", { class: "bar-num", text: String(n) }),
        ])));
      } else {
        const score = (c) => (counts[c.id + ":love"] || 0) * 2 + (counts[c.id + ":like"] || 0) - (counts[c.id + ":hmm"] || 0);
        const cards = (step.choices || []).slice().sort((a, b) => score(b) - score(a)).slice(0, 6);
        body = el("ul", { class: "mini-cards" }, cards.map((c) => el("li", { class: "mini-card" }, [
          el("span", { class: "card-icon", "aria-hidden": "true", text: c.icon || "" }),
          el("span", { class: "mini-title", text: tx(c.label) }),
          el("span", { class: "card-reactions" }, L.REACTIONS.map(([key, icon]) => {
            const n = counts[c.id + ":" + key] || 0;
            return el("span", { class: "r " + key + (n ? "" : " zero"), title: t(key) }, [
              el("span", { "aria-hidden": "true", text: icon }), el("span", { class: "r-num", text: String(n) })]);
          })),
        ])));
      }
      return el("section", { class: "summary-part " + step.kind }, [
        el("h2", { class: "summary-title", text: tx(step.title) }), body,
      ]);
    });
    return el("div", { class: "summary" }, parts);
  }

  /* --- news: what became of the group's shipped ideas, one idea at a time ----------------
   * The leader's next/back (→ ←, PageDown/PageUp, the buttons) go through the ideas first;
   * after the last one "next" goes on to the next step, before the first one "back" to the
   * step before. Coming back from the next step shows the last idea. No auto-advance: the
   * leader tells about each idea and moves on when the children have seen it. */

  function stageText(kind, idea) {
    const known = window.T && window.T["stage_label_" + idea.stage] !== undefined;
    const stage = known ? idea.stage : "new";
    const partner = idea.owner || t("stage_someone");
    if (kind === "label" && stage === "not_now" && idea.reason_says_not_now) return t("st_not_now");
    if (kind === "sentence" && stage === "not_now") return idea.reason || "";
    return t("stage_" + kind + "_" + stage, { partner });
  }

  function niceDate(iso, withTime) {
    const when = iso ? new Date(iso) : null;
    if (!when || isNaN(when.getTime())) return "";
    const opts = { day: "numeric", month: "long", year: "numeric" };
    if (withTime) Object.assign(opts, { hour: "2-digit", minute: "2-digit" });
    try { return when.toLocaleString(window.LANG || "nl", opts); } catch (e) { return when.toLocaleString(); }
  }

  function newsTrack(idea, track) {
    return el("ol", { class: "news-track", "aria-hidden": "true" }, (track || []).map((s, k) =>
      el("li", { class: k < idea.track_step ? "done" : k === idea.track_step ? "now" : "todo" }, [
        el("span", { class: "news-dot", text: s.icon }),
      ])));
  }

  function newsSlide(idea, news, index, count, dots, updated) {
    const notNow = idea.stage === "not_now";
    const title = idea.title || idea.text || "";
    const showText = idea.title && idea.text && idea.text.trim() !== idea.title.trim();
    const sentence = stageText("sentence", idea);
    const latest = idea.latest;
    const latestDate = latest ? niceDate(latest.at, false) : "";
    return el("section", { class: "news-slide stage-" + idea.stage, "data-idea": String(idea.idea_id),
                           "data-stage": idea.stage }, [
      el("div", { class: "news-pic" + (idea.picture ? "" : " no-pic") }, [
        idea.picture ? el("img", { src: idea.picture, alt: "" }) : el("span", { "aria-hidden": "true", text: "💡" }),
      ]),
      el("div", { class: "news-words" }, [
        count > 1 ? el("div", { class: "news-top" }, [
          el("p", { class: "news-count", text: t("idea_n_of_m", { n: index + 1, m: count }) }), dots,
        ]) : null,
        el("h2", { class: "news-title" + (title.length > 48 ? " long" : ""), text: title }),
        showText ? el("p", { class: "news-quote", text: "“" + idea.text + "”" }) : null,
        el("div", { class: "news-status" }, [
          el("span", { class: "news-status-icon", "aria-hidden": "true", text: idea.icon || "💡" }),
          el("div", { class: "news-status-words" }, [
            el("p", { class: "news-status-label", text: stageText("label", idea) }),
            sentence ? el("p", { class: "news-status-sentence", text: sentence }) : null,
            idea.owner && !notNow && idea.stage !== "adopted"
              ? el("p", { class: "news-owner" }, ["🤝 " + t("who_makes_it") + " ", el("strong", { text: idea.owner })])
              : null,
            notNow ? el("p", { class: "news-owner", text: "💛 " + t("not_now_thanks") }) : null,
          ]),
        ]),
        notNow ? null : newsTrack(idea, news.track),
        latest ? el("div", { class: "news-latest" }, [
          el("p", { class: "news-latest-head", text: "📣 " + (idea.owner ? t("news_from", { partner: idea.owner }) : t("news")) +
                                                     (latestDate ? " · " + latestDate : "") }),
          el("p", { class: "news-latest-text", text: latest.text }),
        ]) : null,
        updated ? el("p", { class: "news-updated", text: "🕒 " + updated }) : null,
      ]),
    ]);
  }

  views.news = {
    mount(box, state, cameBack) {
      this.box = box;
      this.ideas = [];
      this.index = cameBack ? Number.MAX_SAFE_INTEGER : 0;
      this.currentId = null;
      this.sig = null;
    },
    update(state) {
      const news = state.news || { ideas: [], fetched_at: null, track: [] };
      this.ideas = news.ideas || [];
      // the same idea stays on the screen when the news changes meanwhile
      const known = this.ideas.findIndex((i) => i.idea_id === this.currentId);
      if (known >= 0) this.index = known;
      this.index = Math.max(0, Math.min(this.index, this.ideas.length - 1));
      const idea = this.ideas[this.index] || null;
      this.currentId = idea ? idea.idea_id : null;
      const sig = JSON.stringify([idea, this.index, this.ideas.length, news.fetched_at, news.track,
                                  window.innerWidth, window.innerHeight]);
      if (sig === this.sig) return;
      this.sig = sig;
      const updated = news.fetched_at ? t("last_updated", { date: niceDate(news.fetched_at, true) }) : "";
      const dots = this.ideas.length > 1 ? el("span", { class: "news-dots" }, this.ideas.map((i, k) =>
        el("button", { type: "button", class: "news-jump" + (k === this.index ? " on" : ""), "data-news": String(k),
                       "aria-label": t("idea_n_of_m", { n: k + 1, m: this.ideas.length }),
                       "aria-current": k === this.index ? "true" : null }))) : null;
      this.box.replaceChildren(idea ? newsSlide(idea, news, this.index, this.ideas.length, dots, updated)
        : emptyState("📭", t("no_news")));
      const words = this.box.querySelector(".news-words");
      if (words) shrinkToFit(words, ["", "fit1", "fit2", "fit3"]);
    },
    /* true when there is an idea `delta` away (so next/back stay in this step) */
    canGo(delta) {
      const target = this.index + delta;
      return target >= 0 && target < this.ideas.length;
    },
    go(delta) {
      if (!this.canGo(delta)) return false;
      this.show(this.index + delta);
      return true;
    },
    show(k) {
      const idea = this.ideas[k];
      if (!idea) return;
      this.index = k;
      this.currentId = idea.idea_id;
      this.update(store.state);
    },
  };

  /* --- rendering ------------------------------------------------------------------------ */

  let view = null;
  let viewKey = "";
  let shownStep = null; // the step index shown before, to know when the leader came back

  function keyOf(state) {
    const kind = state.step.kind;
    let key = state.workshop_id + ":" + state.step_index + ":" + kind;
    if (kind === "vote") key += ":" + state.revealed;
    if (kind === "critical") {
      const f = focusIdea(state);
      key += ":" + (f ? f.id : "-") + ":" + (state.step.choices || []).length;
    }
    return key;
  }

  function renderHeader(state) {
    head.count.textContent = t("step_of", { n: state.step_index + 1, m: state.step_count });
    head.title.textContent = tx(state.step.title);
    head.prompt.textContent = tx(state.step.prompt);
    document.title = tx(state.step.title);
    head.lock.hidden = !state.locked || state.status !== "live";
    root.dataset.kind = state.step.kind;
    // The join address stays in a corner for latecomers, but not over the wrap-up podium.
    const joinable = !["welcome", "wrapup"].includes(state.step.kind) && state.status === "live";
    chip.hidden = !joinable;
    chip.querySelector(".s-joinchip-host").textContent = joinHost + "/j/";
    chip.querySelector(".s-joinchip-code").textContent = state.code || "";
    const pending = store.pendingCount();
    pendingBadge.hidden = pending === 0;
    pendingBadge.textContent = "⏳ " + t("n_waiting", { n: pending });
    ended.hidden = state.status !== "ended";
    ended.querySelector("span").textContent = t("ended");
    root.classList.toggle("is-ended", state.status === "ended");
  }

  /* The leader's buttons; in a news step next and back go through the ideas first. */
  function buttonsNow(extra) {
    const defs = L.buttons(api, extra);
    if (!view || !view.canGo || !store.state || store.state.status !== "live") return defs;
    defs.forEach((d) => {
      if (d.id === "next" && view.canGo(1)) d.disabled = false;
      if (d.id === "prev" && view.canGo(-1)) d.disabled = false;
    });
    return defs;
  }

  const stepControl = api.control;
  api.control = (action, value) => {
    const delta = { next: 1, prev: -1 }[action];
    if (delta && view && view.go && view.go(delta)) {
      renderControls(store.state);
      return Promise.resolve(true);
    }
    return stepControl(action, value);
  };

  function renderControls(state) {
    keysLine.textContent = "⌨️ " + t(view && view.canGo ? "news_keys" : "keys_help");
    const extra = [
      { id: "moderation", icon: "🛡️", label: t("moderation"), key: "M", pressed: !drawer.hidden,
        badge: store.pendingCount(), run: toggleDrawer },
      { id: "fullscreen", icon: "🖥️", label: t("fullscreen"), key: "F", pressed: !!document.fullscreenElement,
        run: toggleFullscreen },
    ];
    L.drawButtons(barButtons, buttonsNow(extra));
    const sig = JSON.stringify(state.steps) + state.step_index + state.status;
    if (gotoSelect._sig !== sig) {
      gotoSelect._sig = sig;
      gotoSelect.replaceChildren(...state.steps.map((s, i) => el("option", {
        value: String(i), selected: i === state.step_index, text: (i + 1) + ". " + tx(s.title),
      })));
      gotoSelect.value = String(state.step_index);
      gotoSelect.disabled = state.status !== "live";
    }
  }

  function render() {
    const state = store.state;
    if (!state) return;
    renderHeader(state);
    const key = keyOf(state);
    const kind = state.step.kind;
    if (key !== viewKey) {
      viewKey = key;
      const cameBack = shownStep !== null && shownStep > state.step_index;
      const box = el("div", { class: "view view-" + kind });
      main.replaceChildren(box);
      view = Object.create(views[kind] || views.question);
      view.mount(box, state, cameBack);
    }
    shownStep = state.step_index;
    view.update(state);
    renderControls(state);
    mod.draw();
    const drawerBody = document.getElementById("drawer-body");
    if (kidsBox.parentNode !== drawerBody) drawerBody.appendChild(kidsBox);
    kids.draw();
    asks.draw();
    tick();
  }

  let queued = false;
  function schedule() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; render(); });
  }
  store.on(schedule);

  /* --- the timer ---------------------------------------------------------------------- */

  let lastMode = null;
  function tick() {
    const state = store.state;
    if (!state) return;
    const timer = store.timer();
    const live = state.status === "live";
    head.timer.hidden = timer.mode === "none" || !live;
    head.timer.className = "s-timer " + timer.mode;
    if (timer.mode === "running") {
      const left = Math.max(0, timer.seconds);
      head.timerIcon.textContent = left <= 0 ? "⏰" : "⏳";
      head.timerTime.textContent = L.mmss(left);
      head.timerNote.textContent = left <= 0 ? t("time_up") : "";
      head.timer.classList.toggle("low", left > 0 && left <= 30);
      head.timer.classList.toggle("over", left <= 0);
    } else if (timer.mode === "paused" || timer.mode === "ready") {
      head.timerIcon.textContent = timer.mode === "paused" ? "⏸️" : "⏱️";
      head.timerTime.textContent = L.mmss(timer.seconds);
      head.timerNote.textContent = timer.mode === "paused" ? t("paused") : "";
    }
    if (timer.mode !== lastMode) {
      lastMode = timer.mode;
      renderControls(state); // start/pause button follows the timer
    }
  }
  setInterval(tick, 250);

  /* --- drawer, pick mode and clicks on the wall ----------------------------------------- */

  function toggleDrawer(force) {
    const open = typeof force === "boolean" ? force : drawer.hidden;
    drawer.hidden = !open;
    root.classList.toggle("drawer-open", open);
    if (!open) api.cancelPick();
    schedule();
  }
  drawer.querySelector(".drawer-close").addEventListener("click", () => toggleDrawer(false));
  pendingBadge.addEventListener("click", () => toggleDrawer(true));
  api.onPick = () => root.classList.toggle("picking", api.pick !== null);

  main.addEventListener("click", (e) => {
    const ideaNode = e.target.closest("[data-idea]");
    if (api.pick !== null) {
      if (ideaNode) api.pickTarget(Number(ideaNode.dataset.idea));
      return;
    }
    const chipNode = e.target.closest("[data-focus]");
    if (chipNode) api.control("focus", Number(chipNode.dataset.focus));
    const jump = e.target.closest("[data-news]");
    if (jump && view && view.show) { view.show(Number(jump.dataset.news)); renderControls(store.state); }
  });

  gotoSelect.addEventListener("change", () => {
    const target = Number(gotoSelect.value);
    if (store.state && target !== store.state.step_index) api.control("goto", target);
  });
  bar.querySelector(".cb-goto .sr-only").textContent = t("go_to_step");
  gotoSelect.setAttribute("aria-label", t("go_to_step"));

  /* --- full screen -------------------------------------------------------------------- */

  function toggleFullscreen() {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(() => {});
  }
  document.addEventListener("fullscreenchange", schedule);
  window.addEventListener("resize", schedule);

  /* --- the control bar hides itself ------------------------------------------------------ */

  let idleTimer = null;
  function wake() {
    root.classList.add("awake");
    clearTimeout(idleTimer);
    idleTimer = setTimeout(sleep, 3000);
  }
  function sleep() {
    if (bar.matches(":hover") || bar.contains(document.activeElement) && document.activeElement !== document.body) {
      idleTimer = setTimeout(sleep, 1500);
      return;
    }
    root.classList.remove("awake");
  }
  ["mousemove", "mousedown", "touchstart", "wheel"].forEach((ev) => document.addEventListener(ev, wake, { passive: true }));
  bar.addEventListener("focusin", wake);
  const measureBar = () => root.style.setProperty("--bar-h", bar.offsetHeight + "px");
  if (window.ResizeObserver) new ResizeObserver(measureBar).observe(bar);
  measureBar();

  /* --- keyboard ------------------------------------------------------------------------- */

  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target;
    if (target && (target.matches("input, textarea, select") || target.isContentEditable)) return;
    if (target && target.matches("button") && (e.key === " " || e.key === "Enter")) return;
    const state = store.state;
    if (!state) return;
    const rtl = document.documentElement.dir === "rtl";
    const byId = (id) => buttonsNow().find((b) => b.id === id);
    const press = (id) => { const b = byId(id); if (b && !b.disabled) b.run(); };
    let done = true;
    switch (e.key) {
      case "ArrowRight": press(rtl ? "prev" : "next"); break;
      case "ArrowLeft": press(rtl ? "next" : "prev"); break;
      case "PageDown": press("next"); break; // presentation clickers
      case "PageUp": press("prev"); break;
      case " ": press("timer"); break;
      case "l": case "L": press("lock"); break;
      case "r": case "R": press("reveal"); break;
      case "m": case "M": toggleDrawer(); break;
      case "f": case "F": toggleFullscreen(); break;
      case "Escape":
        if (api.pick !== null) api.cancelPick();
        else if (!drawer.hidden) toggleDrawer(false);
        else done = false;
        break;
      default: done = false;
    }
    if (done) { e.preventDefault(); wake(); }
  });

  // A button clicked with the mouse gives its focus back, so that space and the arrow keys
  // keep working as shortcuts instead of pressing that button again.
  document.addEventListener("click", (e) => {
    const button = e.target.closest && e.target.closest("button");
    if (button && e.detail > 0) button.blur();
  });

  wake();
})();
