/* Tables (subgroups) and the word cloud, for the leader: shared by the classroom screen
 * (screen/tables.js) and the phone view (control.js), like leader_controls.js.
 *
 * LeaderTables.panel(api, box): how many tables (none, 2-8: an even split), the tables as
 * groups of avatars (tap a child, then the table it moves to), and in critical thinking
 * the idea of each table (a menu per table, or "share the ideas" round-robin).
 * LeaderTables.buttons(api): the cloud/notes switch of a question step, for the bar.
 * LeaderTables.watch(api): the `cloud` and `table_progress` events into the store.
 * Every word comes from Live.t; children's names are set as text.
 */
(function () {
  "use strict";

  const el = Live.el;
  const t = Live.t;
  const L = window.LeaderControls;
  const MAX = 8;

  function send(api, data) {
    const socket = api.socket;
    if (!socket || !socket.connected) { L.toast(t("reconnecting")); return Promise.resolve(null); }
    const body = Object.assign({ workshop_id: api.store.workshopId }, data);
    return Live.call(socket, "tables", body).then((reply) => {
      if (!reply || !reply.ok) L.toast((reply && reply.message) || t("error"));
      return reply;
    }, () => { L.toast(t("error")); return null; });
  }

  function tableName(table) { return table.icon + " " + t("table_" + table.id); }

  function ballot(state) {
    const shown = (state.ideas || []).filter((i) => i.visibility === "visible" && !i.merged_into);
    const short = shown.filter((i) => i.shortlisted);
    return short.length ? short : shown;
  }

  function panel(api, box) {
    let picked = null; // the child being moved
    let sig = "";
    const root = el("section", { class: "tp", "aria-label": t("tables") });
    box.appendChild(root);

    function draw() {
      const s = api.store.state;
      if (!s) return;
      const tables = s.tables || [];
      const kids = s.children || [];
      const critical = s.step.kind === "critical";
      const ideas = critical ? ballot(s) : [];
      const now = JSON.stringify([tables, kids.map((c) => [c.id, c.name, c.avatar, c.table]),
        ideas.map((i) => [i.id, L.ideaWords(i)]), critical, picked, s.status]);
      if (now === sig) return;
      sig = now;
      const live = s.status === "live";
      const count = el("div", { class: "tp-count", role: "group", "aria-label": t("tables_split") },
        [0, 2, 3, 4, 5, 6, 7, MAX].map((n) => el("button", {
          type: "button", class: "tp-count-btn" + (n === tables.length ? " pressed" : ""),
          "aria-pressed": n === tables.length ? "true" : "false", disabled: !live,
          "data-count": String(n), text: n ? String(n) : t("tables_none"),
          onclick: () => { picked = null; send(api, { op: "make", value: n }); },
        })));
      const groups = tables.map((table) => group(table, kids.filter((c) => c.table === table.table),
        ideas, critical, live));
      const unseated = kids.filter((c) => !c.table);
      if (tables.length && unseated.length) {
        groups.push(el("div", { class: "tp-table tp-unseated" }, [
          el("p", { class: "tp-table-head", text: t("tables_no_table") }), kidsList(unseated)]));
      }
      root.replaceChildren(...[
        el("h2", { class: "tp-title", text: "🪑 " + t("tables") }),
        el("p", { class: "tp-label", text: t("tables_split") }), count,
        tables.length ? el("p", { class: "tp-hint", text: "👆 " + t("tables_move_hint") }) : null,
        el("div", { class: "tp-tables" }, groups),
        critical && tables.length && ideas.length ? el("button", {
          type: "button", class: "tp-auto", disabled: !live, text: "🔄 " + t("tables_ideas_auto"),
          onclick: () => send(api, { op: "ideas_auto" }),
        }) : null,
      ].filter(Boolean));
    }

    function group(table, members, ideas, critical, live) {
      const head = el("button", {
        type: "button", class: "tp-table-head", "data-table": String(table.table), disabled: !live,
        onclick: () => {
          if (picked === null) return;
          const child = picked;
          picked = null;
          send(api, { op: "move", child_id: child, value: table.table }).then(draw);
        },
      }, [el("span", { class: "tp-table-name", text: tableName(table) }),
          el("span", { class: "tp-table-n", text: String(members.length) })]);
      const node = el("div", { class: "tp-table" }, [head, kidsList(members)]);
      node.style.setProperty("--table-colour", table.colour);
      if (critical) {
        const select = el("select", { class: "tp-idea", "data-table-idea": String(table.table),
                                      disabled: !live, "aria-label": t("tables_idea") },
          [el("option", { value: "", text: "—", selected: !table.idea_id })].concat(ideas.map((i) =>
            el("option", { value: String(i.id), selected: i.id === table.idea_id, text: L.ideaWords(i) }))));
        select.addEventListener("change", () => {
          if (select.value) send(api, { op: "idea", table: table.table, value: Number(select.value) });
        });
        node.appendChild(el("label", { class: "tp-idea-label" }, [
          el("span", { text: "💡 " + t("tables_idea") }), select]));
      }
      return node;
    }

    function kidsList(members) {
      return el("div", { class: "tp-kids" }, members.map((c) => el("button", {
        type: "button", class: "tp-kid" + (picked === c.id ? " is-picked" : ""),
        "aria-pressed": picked === c.id ? "true" : "false", "data-child": String(c.id),
        onclick: () => { picked = picked === c.id ? null : c.id; sig = ""; draw(); },
      }, [el("span", { class: "tp-kid-avatar", "aria-hidden": "true", text: c.avatar }),
          el("span", { class: "tp-kid-name", text: c.name })])));
    }

    return { draw, node: root };
  }

  function buttons(api) {
    const s = api.store.state;
    if (!s || s.step.kind !== "question") return [];
    const live = s.status === "live";
    return [s.cloud
      ? { id: "cloud", icon: "🗒️", label: t("notes_view"), pressed: true, disabled: !live,
          run: () => api.control("cloud_off") }
      : { id: "cloud", icon: "☁️", label: t("word_cloud"), disabled: !live,
          run: () => api.control("cloud_on") }];
  }

  function watch(api) {
    const store = api.store;
    function into(key, value) {
      return (data) => {
        const s = store.state;
        if (!s || !data || data.step_index !== s.step_index) return;
        s[key] = data[value];
        store.emit(key);
      };
    }
    api.socket.on("cloud", into("words", "words"));
    api.socket.on("table_progress", into("table_progress", "progress"));
  }

  window.LeaderTables = { panel, buttons, watch, tableName };
})();
