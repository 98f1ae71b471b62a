"""The figures as a compact text report."""

from __future__ import annotations

COLUMNS = ("n", "median", "p95", "p99", "max")


def _num(value) -> str:
    """A figure, or a dash when there is none."""
    return "-" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def _row(label: str, stats: dict | None) -> str:
    """One latency row."""
    stats = stats or {}
    return f"  {label:<30}" + "".join(f"{_num(stats.get(c)):>9}" for c in COLUMNS)


def _failures(label: str, failures: dict | None) -> list[str]:
    """Lines for the most common failures, if any."""
    return [f"  {label}: {n} × {what}" for what, n in (failures or {}).items()]


def _votes(c: dict) -> str:
    """Whether there is a voting round, and on how many shortlisted ideas."""
    if not c["votes"]:
        return "no"
    return f"yes, on a shortlist of {c['ballot']}" if c.get("ballot") else "yes, on every idea"


def _config(c: dict) -> list[str]:
    """The configuration lines."""
    return [f"workshop bench: {c['tablets']} tablets · {c['workshops']} workshop(s) · "
            f"{c['processes']} server process(es) · async mode {c['async_mode']} · "
            f"{c['cores']} cores · burst {c['burst']:g} s · votes {_votes(c)}",
            f"server: {c['target']} · database {c['database']} · joins {c['join_concurrency']} "
            f"at a time · python-socketio {c['socketio']}"
            + (" · all-at-once burst" if c.get("at_once") else "")
            + (" · --stress" if c.get("stress") else "")]


def _idea_line(label: str, i: dict) -> list[str]:
    """The counts of one idea burst."""
    label = f"{label:<8}" if len(label) < 8 else label + " "
    lines = [f"{label}sent {i['sent']} · acked {i['acked']} · seen on screen {i['seen']} · "
             f"lost {i['lost']} · duplicated {i['duplicated']} · stored {i['stored']} "
             f"({'= sent' if i['stored'] == i['sent'] else 'DIFFERS from sent'})"
             + (f" · acked after >15 s {i['acked_after_15s']}" if i["acked_after_15s"] else "")
             + (f" · sent again after 'busy' {i['sent_again_busy']}"
                if i.get("sent_again_busy") else "")
             + (f" · not sent (tablet disconnected) {i['not_sent_disconnected']}"
                if i["not_sent_disconnected"] else "")
             + (f" · {_num(i['seen_per_s'])} ideas/s" if i.get("window_s") == 0 else "")]
    if i.get("verify_error"):
        lines.append(f"        check with a fresh screen_hello failed: {i['verify_error']}")
    return lines


def _counts(f: dict) -> list[str]:
    """Join, idea and vote counts."""
    j = f["join"]
    lines = [f"join    {j['joined']} joined, {j['failed']} failed, all in {j['wall_s']} s "
             f"({_num(j['per_s'])}/s)"] + _idea_line("ideas", f["ideas"])
    if "at_once" in f:
        lines += _idea_line("at once", f["at_once"])
    if "stress" in f:
        lines += _idea_line("stress", f["stress"]["ideas"])
    if "votes" in f and "error" in f["votes"]:
        lines.append(f"votes   not run: {f['votes']['error']}")
    elif "votes" in f:
        v, r = f["votes"], f["votes"]["rehello"]
        lines += [f"votes   catch-up after the step change: {r['ok']} ok, {r['failed']} failed, "
                  f"all in {r['wall_s']} s",
                  f"        voters {v['voters']} · votes sent {v['sent']} · acked {v['acked']} · "
                  f"final tally ({v['final_total']} votes) on {v['tablets_with_final_tally']} "
                  f"tablets, missing on {v['tablets_without']} · results messages "
                  f"{v['results_messages']}"]
    d = f["dropped"]
    lines.append(f"drops   connections ended not by the bench: tablets {d['tablets']}"
                 + (f" {d['tablets_by_phase']}" if d["tablets"] else "")
                 + f" · screens {d['screens']}"
                 + (f" {d['screens_by_phase']}" if d["screens"] else "")
                 + (f" · why {d['reasons']}" if d["reasons"] else ""))
    if d["screens"]:
        lines.append("        (a screen was disconnected: 'seen' and 'lost' count only what it "
                     "saw before; 'stored' is the check)")
    return lines


def _latencies(f: dict) -> list[str]:
    """The latency table."""
    lines = [f"  {'latency (ms)':<30}" + "".join(f"{c:>9}" for c in COLUMNS),
             _row("join (connect+join+hello)", f["join"]["join_ms"]),
             _row("submit → ack", f["ideas"]["submit_ack_ms"]),
             _row("submit → screen", f["ideas"]["submit_screen_ms"])]
    if "at_once" in f:
        lines += [_row("all at once: submit → ack", f["at_once"]["submit_ack_ms"]),
                  _row("all at once: submit → screen", f["at_once"]["submit_screen_ms"])]
    if "stress" in f:
        lines += [_row("stress: submit → ack", f["stress"]["ideas"]["submit_ack_ms"])]
    if "rehello" in f.get("votes", {}):
        lines += [_row("catch-up at vote step", f["votes"]["rehello"]["hello_ms"]),
                  _row("vote → ack", f["votes"]["vote_ack_ms"]),
                  _row("last vote → final tally", f["votes"]["last_vote_to_tally_ms"])]
    for phase, stats in (f.get("idle_rtt_ms") or {}).items():
        lines.append(_row(f"idle socket RTT: {phase}", stats)
                     + (f"  ({stats['failed']} failed)" if stats.get("failed") else ""))
    return lines


def _unit(value, unit: str) -> str:
    return "-" if value is None else f"{_num(value)} {unit}" if unit != "/s" else f"{value:g}/s"


def _comparison(rows: list[dict]) -> list[str]:
    """Product against the raw store-and-forward server, same run, same tablets."""
    lines = ["vs the raw store-and-forward server (same run, same tablets; ratio = product / "
             "raw; for ideas/s, share of raw):",
             f"  {'figure':<52}{'raw':>12}{'product':>12}{'ratio':>9}"]
    for r in rows:
        ratio = r["ratio"]
        shown = "-" if ratio is None else f"{ratio * 100:.0f} %" if r["more_is_better"] \
            else f"{ratio:g}×"
        lines.append(f"  {r['figure']:<52}{_unit(r['raw'], r['unit']):>12}"
                     f"{_unit(r['product'], r['unit']):>12}{shown:>9}")
    return lines


def _stress(s: dict) -> list[str]:
    """What the stressors met."""
    lines = [f"stress  (ideas over {s['window_s']:g} s while:)"]
    for name in ("posters_new", "posters_cached", "logins"):
        if name in s and "skipped" in s[name]:
            lines.append(f"  {name}: skipped ({s[name]['skipped']})")
        elif name in s:
            t = s[name]["seconds"]
            lines.append(f"  {name}: {t['n']} requests, status {s[name]['status']}, "
                         f"seconds median {_num(t['median'])} ms, max {_num(t['max'])} ms")
    lock = s.get("lock", {})
    if "skipped" in lock:
        lines.append(f"  lock: skipped ({lock['skipped']})")
    elif lock:
        page = lock["page_during_lock"]
        lines.append(f"  lock: exclusive lock {'held' if lock['locked'] else 'NOT taken'} "
                     f"{lock['held_s']:g} s; GET /login during it: status {page['status']}, "
                     f"{_num(page['seconds']['max'])} ms")
    return lines


def _resources(f: dict) -> list[str]:
    """Server and bench CPU and memory."""
    lines = []
    s = f.get("server")
    if s:
        phases = ", ".join(f"{k} {v:g}" for k, v in s["cpu_phases_s"].items())
        peaks = ", ".join(f"{k} {v:g}" for k, v in s.get("peak_rss_by_phase_mb", {}).items())
        lines.append(f"server  CPU {s['cpu_s']:g} s ({phases}) · peak RSS {s['peak_rss_mb']:g} MB"
                     + (f" (by the end of: {peaks})" if peaks else "")
                     + (f" · EXITED {s['exited_during_run']}" if s["exited_during_run"] else "")
                     + f" · log error lines {s.get('log_error_lines', 0)}")
        lines += [f"        log: {line}" for line in s.get("log_error_samples", [])]
    b = f.get("baseline", {}).get("server")
    if b:
        lines.append(f"raw     CPU {b['cpu_s']:g} s · peak RSS {b['peak_rss_mb']:g} MB"
                     + f" · log error lines {b.get('log_error_lines', 0)}")
    lags = {k: f[k]["bench_loop_lag_ms"] for k in ("join", "ideas", "at_once", "votes")
            if "bench_loop_lag_ms" in f.get(k, {})}
    cpu = ", ".join(f"{k} {v:g}" for k, v in f["bench_cpu_s"].items())
    logged = f.get("client_log_errors") or {}
    lines.append(f"bench   CPU s ({cpu}) · worst event-loop lag ms "
                 + ", ".join(f"{k} {v:g}" for k, v in lags.items())
                 + f" · client library errors {logged.get('count', 0)}"
                 + "".join(f"\n        client log: {n} × {m}"
                           for m, n in (logged.get("top") or {}).items()))
    return lines


def _baseline_counts(b: dict) -> list[str]:
    """The raw run's counts, to see it did the same work."""
    j = b["join"]
    lines = [f"raw     join {j['joined']} joined, {j['failed']} failed, all in {j['wall_s']} s"]
    for key in ("ideas", "at_once"):
        if key in b:
            lines += _idea_line("raw " + ("ideas" if key == "ideas" else "at once"), b[key])
    if "votes" in b and "error" not in b["votes"]:
        v = b["votes"]
        lines.append(f"raw     votes sent {v['sent']} · acked {v['acked']} · final tally on "
                     f"{v['tablets_with_final_tally']}, missing on {v['tablets_without']}")
    return lines


def _all_failures(f: dict, prefix: str = "") -> list[str]:
    return (_failures(prefix + "join failure", f["join"]["failures"])
            + _failures(prefix + "idea not acked", f["ideas"]["failures"])
            + _failures(prefix + "all-at-once idea not acked",
                        f.get("at_once", {}).get("failures"))
            + _failures(prefix + "idea under stress not acked",
                        f.get("stress", {}).get("ideas", {}).get("failures"))
            + _failures(prefix + "vote catch-up failure", f.get("votes", {})
                        .get("rehello", {}).get("failures"))
            + _failures(prefix + "vote not acked", f.get("votes", {}).get("failures")))


def text(f: dict) -> str:
    """The whole report."""
    lines = _config(f["config"]) + [""] + _counts(f)
    if "pinning" in f:
        p = f["pinning"]
        lines.append(f"cores   server on core {p['server_core']}, tablets on core "
                     f"{p['tablets_core']}" if p["pinned"] else f"cores   not pinned: {p['why']}")
    if "baseline" in f:
        lines += _baseline_counts(f["baseline"])
    lines += [""] + _latencies(f) + [""]
    if "stress" in f:
        lines += _stress(f["stress"]) + [""]
    if "comparison" in f:
        lines += _comparison(f["comparison"]) + [""]
    lines += _resources(f)
    problems = _all_failures(f) + (_all_failures(f["baseline"], "raw: ")
                                   if "baseline" in f else [])
    if problems:
        lines += ["failures (most common):"] + problems
    return "\n".join(lines)
