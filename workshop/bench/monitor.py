"""CPU seconds and peak memory of the server processes, sampled with psutil."""

from __future__ import annotations

import threading

import psutil

from .stats import deltas


class Monitor:
    """Samples the summed RSS of some processes (and their children) every 0.2 s."""

    def __init__(self, pids: list[int], every: float = 0.2) -> None:
        """Set up the fields."""
        self.procs = [psutil.Process(pid) for pid in pids]
        self.every = every
        self.peak_rss = 0
        self.marks: dict[str, float] = {}
        self.peaks: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-rss", daemon=True)

    def _tree(self) -> list[psutil.Process]:
        """The processes and their children that are still alive."""
        found = []
        for proc in self.procs:
            try:
                found.append(proc)
                found.extend(proc.children(recursive=True))
            except psutil.Error:
                continue
        return found

    def _run(self) -> None:
        """Sample until stopped."""
        while not self._stop.is_set():
            self.peak_rss = max(self.peak_rss, self.rss())
            self._stop.wait(self.every)

    def rss(self) -> int:
        """Summed resident memory in bytes now."""
        total = 0
        for proc in self._tree():
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                continue
        return total

    def cpu(self) -> float:
        """Summed CPU seconds (user + system) used so far."""
        total = 0.0
        for proc in self._tree():
            try:
                times = proc.cpu_times()
            except psutil.Error:
                continue
            total += times.user + times.system
        return total

    def start(self) -> Monitor:
        """Start sampling."""
        self.marks["start"] = self.cpu()
        self._thread.start()
        return self

    def mark(self, name: str) -> None:
        """Remember the CPU seconds used and the peak memory up to the end of a phase."""
        self.marks[name] = self.cpu()
        self.peaks[name] = round(max(self.peak_rss, self.rss()) / 2**20, 1)

    def phases(self) -> dict[str, float]:
        """CPU seconds per phase, in the order the phases were marked."""
        return deltas(self.marks)

    def stop(self) -> dict:
        """Stop sampling; CPU seconds per phase and in total, peak RSS in MB."""
        self._stop.set()
        self._thread.join(timeout=2)
        phases = self.phases()
        return {"cpu_s": round(sum(phases.values()), 2), "cpu_phases_s": phases,
                "peak_rss_mb": round(self.peak_rss / 2**20, 1),
                "peak_rss_by_phase_mb": dict(self.peaks)}
