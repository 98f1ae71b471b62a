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
            f"at a time · python-socketio {c['socketio']}"]


def _counts(f: dict) -> list[str]:
    """Join, idea and vote counts."""
    j, i = f["join"], f["ideas"]
    lines = [f"join    {j['joined']} joined, {j['failed']} failed, all in {j['wall_s']} s "
             f"({_num(j['per_s'])}/s)",
             f"ideas   sent {i['sent']} · acked {i['acked']} · seen on screen {i['seen']} · "
             f"lost {i['lost']} · duplicated {i['duplicated']} · stored {i['stored']} "
             f"({'= sent' if i['stored'] == i['sent'] else 'DIFFERS from sent'})"
             + (f" · acked after >15 s {i['acked_after_15s']}" if i["acked_after_15s"] else "")
             + (f" · not sent (tablet disconnected) {i['not_sent_disconnected']}"
                if i["not_sent_disconnected"] else "")]
    if i.get("verify_error"):
        lines.append(f"        check with a fresh screen_hello failed: {i['verify_error']}")
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
    if "rehello" in f.get("votes", {}):
        lines += [_row("catch-up at vote step", f["votes"]["rehello"]["hello_ms"]),
                  _row("vote → ack", f["votes"]["vote_ack_ms"]),
                  _row("last vote → final tally", f["votes"]["last_vote_to_tally_ms"])]
    if "baseline" in f:
        where = " (here)" if f["config"]["target"].startswith("http") else ""
        lines += [_row(f"raw socketio{where}: connect", f["baseline"]["connect"]["connect_ms"]),
                  _row(f"raw socketio{where}: echo → ack", f["baseline"]["echo"]["ack_ms"])]
    return lines


def _comparison(c: dict, ideas: dict) -> list[str]:
    """Product against raw Socket.IO."""
    partial = ideas["acked"] < ideas["sent"]
    note = [f"(!) product latencies cover only the {ideas['acked']} of {ideas['sent']} "
            "submissions that were acknowledged"] if partial else []
    return note + [f"vs raw socketio (raw/product, 1.0 = as fast as raw): median "
                   f"{_num(c['raw_median_ms'])} / {_num(c['product_median_ms'])} ms = "
                   f"{_num(c['median_ratio'])} · p99 {_num(c['raw_p99_ms'])} / "
                   f"{_num(c['product_p99_ms'])} ms = {_num(c['p99_ratio'])}"]


def _resources(f: dict) -> list[str]:
    """Server and bench CPU and memory."""
    lines = []
    s = f.get("server")
    if s:
        phases = ", ".join(f"{k} {v:g}" for k, v in s["cpu_phases_s"].items())
        lines.append(f"server  CPU {s['cpu_s']:g} s ({phases}) · peak RSS {s['peak_rss_mb']:g} MB"
                     + (f" · EXITED {s['exited_during_run']}" if s["exited_during_run"] else "")
                     + f" · log error lines {s.get('log_error_lines', 0)}")
        lines += [f"        log: {line}" for line in s.get("log_error_samples", [])]
    b = f.get("baseline", {}).get("server")
    if b:
        lines.append(f"raw     CPU {b['cpu_s']:g} s · peak RSS {b['peak_rss_mb']:g} MB")
    lags = {k: f[k]["bench_loop_lag_ms"] for k in ("join", "ideas", "votes")
            if "bench_loop_lag_ms" in f.get(k, {})}
    cpu = ", ".join(f"{k} {v:g}" for k, v in f["bench_cpu_s"].items())
    logged = f.get("client_log_errors") or {}
    lines.append(f"bench   CPU s ({cpu}) · worst event-loop lag ms "
                 + ", ".join(f"{k} {v:g}" for k, v in lags.items())
                 + f" · client library errors {logged.get('count', 0)}"
                 + "".join(f"\n        client log: {n} × {m}"
                           for m, n in (logged.get("top") or {}).items()))
    return lines


def text(f: dict) -> str:
    """The whole report."""
    lines = _config(f["config"]) + [""] + _counts(f) + [""] + _latencies(f) + [""]
    if "comparison" in f:
        lines += _comparison(f["comparison"], f["ideas"])
    lines += _resources(f)
    problems = (_failures("join failure", f["join"]["failures"])
                + _failures("idea not acked", f["ideas"]["failures"])
                + _failures("vote catch-up failure", f.get("votes", {}).get("rehello", {})
                            .get("failures"))
                + _failures("vote not acked", f.get("votes", {}).get("failures"))
                + _failures("raw connect failure", f.get("baseline", {}).get("connect", {})
                            .get("failures"))
                + _failures("raw echo failure", f.get("baseline", {}).get("echo", {})
                            .get("failures")))
    if problems:
        lines += ["failures (most common):"] + problems
    return "\n".join(lines)
