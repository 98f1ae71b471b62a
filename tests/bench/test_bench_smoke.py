"""`workshop bench` end to end with a few tablets: the tool counts right (no timing checks)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_with_five_tablets_loses_and_doubles_nothing():
    done = subprocess.run([sys.executable, "-m", "workshop.cli", "bench", "--tablets", "5",
                           "--burst", "1", "--settle", "10", "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    ideas = figures["ideas"]
    assert ideas["sent"] == 5
    assert ideas["lost"] == 0
    assert ideas["duplicated"] == 0
    assert ideas["stored"] == 5
    assert figures["baseline"]["ideas"]["stored"] == 5


def test_bench_vote_round_on_a_shortlist_reaches_every_tablet():
    done = subprocess.run([sys.executable, "-m", "workshop.cli", "bench", "--tablets", "5",
                           "--burst", "1", "--settle", "10", "--votes", "--ballot", "2",
                           "--no-baseline", "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    votes = figures["votes"]
    assert votes["voters"] == 5
    assert votes["sent"] == votes["acked"] == votes["final_total"] == 15  # 3 each, on 2 ideas
    assert votes["tablets_with_final_tally"] == 5 and votes["tablets_without"] == 0
    assert figures["config"]["ballot"] == 2


def test_bench_raw_baseline_idle_socket_stress_and_pinning_are_counted():
    done = subprocess.run([sys.executable, "-m", "workshop.cli", "bench", "--tablets", "4",
                           "--burst", "1", "--settle", "10", "--votes", "--ballot", "2",
                           "--stress", "--pin", "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    # the same phases with the same tablets against the raw server, every burst stored once
    for run in (figures, figures["baseline"]):
        assert run["join"]["joined"] == 4
        for burst in (run["ideas"], run["at_once"]):
            assert burst["sent"] == burst["stored"] == 4 and burst["lost"] == 0
        assert run["votes"]["acked"] == run["votes"]["final_total"] == 12
        assert {"quiet", "join", "ideas", "at_once", "votes"} <= set(run["idle_rtt_ms"])
    assert "stress" not in figures["baseline"]
    stress = figures["stress"]
    # an idea refused "busy" by the lock goes again, as a tablet's outbox sends it
    assert stress["ideas"]["sent"] == stress["ideas"]["stored"] == 4
    assert stress["ideas"]["lost"] == 0 and "sent_again_busy" in stress["ideas"]
    assert stress["ideas"]["duplicated"] == 0
    assert stress["posters_new"]["seconds"]["n"] == stress["posters_cached"]["seconds"]["n"] == 3
    assert stress["logins"]["status"] == {"401": 10}
    assert stress["lock"]["locked"] is True
    assert {"posters_new", "logins", "lock"} <= set(figures["idle_rtt_ms"])
    labels = {row["figure"] for row in figures["comparison"]}
    assert "one idea each, all at once: ideas per second" in labels
    assert "last vote → final tally on every tablet" in labels
    assert figures["pinning"]["pinned"] is (len(__import__("os").sched_getaffinity(0)) > 1)
