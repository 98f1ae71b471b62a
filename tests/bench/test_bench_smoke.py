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
    assert figures["baseline"]["echo"]["acked"] == 5


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
