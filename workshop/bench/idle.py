"""An idle socket's round trip, sampled through every phase of a run.

A separate process (so the simulated tablets' own event loop does not add to it) keeps one
socket open that takes part in nothing and asks `tablet_own` every 0.1 s: the product
answers "unknown child" without touching the database, so each round trip is the time the
server's event loop needs to get to a socket. Each sample is printed as
`<monotonic start> <seconds>`; the bench files samples under the phase they started in.
Run: python -m workshop.bench.idle http://127.0.0.1:5000"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
import time

from .stats import summary

EVERY = 0.1
EVENT = "tablet_own"


async def _sample(url: str, every: float) -> None:
    """Connect and sample until killed; a failed call is printed as `<start> fail`."""
    from .clients import NS, new_client

    sio = new_client()
    await sio.connect(url, transports=["websocket"], namespaces=[NS], wait_timeout=30)
    print("ready", flush=True)
    while True:
        begin = time.monotonic()
        try:
            await sio.call(EVENT, {}, namespace=NS, timeout=120)
            print(f"{begin:.6f} {time.monotonic() - begin:.6f}", flush=True)
        except Exception:  # noqa: BLE001 - a lost answer is a figure too
            print(f"{begin:.6f} fail", flush=True)
            if not sio.connected:
                return
        await asyncio.sleep(every)


class IdleProbe:
    """The sampling process and its samples, read by a thread as they come."""

    def __init__(self, url: str, every: float = EVERY) -> None:
        """Start the process; wait (up to 30 s) until its socket is connected."""
        self.samples: list[tuple[float, float | None]] = []
        self.proc = subprocess.Popen([sys.executable, "-m", "workshop.bench.idle", url,
                                      "--every", str(every)], stdout=subprocess.PIPE,
                                     stdin=subprocess.DEVNULL, text=True)
        self.ready = threading.Event()
        self.reader = threading.Thread(target=self._read, name="bench-idle", daemon=True)
        self.reader.start()
        self.ready.wait(30)

    def _read(self) -> None:
        for line in self.proc.stdout:
            if line.startswith("ready"):
                self.ready.set()
                continue
            start, _, took = line.strip().partition(" ")
            try:
                self.samples.append((float(start), None if took == "fail" else float(took)))
            except ValueError:
                continue

    def stop(self) -> None:
        """End the process."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.reader.join(timeout=2)

    def figures(self, windows: list[tuple[str, float, float]]) -> dict:
        """Per named (start, end) monotonic window: round-trip summary and failures."""
        out = {}
        for name, start, end in windows:
            inside = [took for at, took in self.samples if start <= at < end]
            out[name] = summary([t for t in inside if t is not None]) | {
                "failed": sum(1 for t in inside if t is None),
                "window_s": round(end - start, 2)}
        return out


def main(argv: list[str] | None = None) -> None:
    """Sample until terminated."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("--every", type=float, default=EVERY)
    args = parser.parse_args(argv)
    try:
        asyncio.run(_sample(args.url, args.every))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
