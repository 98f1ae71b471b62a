"""`workshop serve` logs like a kept service: time, level and process id on every line, the
address line as before, and one access-log line per request when asked for."""

import logging
import re
import time

import requests
import socketio

from workshop import logs

from ..servers import Server, free_port

LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (INFO|WARNING|ERROR|DEBUG) "
                  r"\[(\d+)\] [\w.]+: ")


def _wait_for(path, text, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in path.read_text():
            return path.read_text()
        time.sleep(0.1)
    raise AssertionError(f"{text!r} not in {path.read_text()}")


def test_serve_logs_with_time_level_and_process_and_an_access_log(tmp_path):
    server = Server(tmp_path / "data", free_port(), WORKSHOP_ACCESS_LOG="1")
    server.start()
    try:
        requests.get(server.url + "/login?lang=en", timeout=10)
        requests.get(server.url + "/p/not-a-token", timeout=10)
        client = socketio.Client(reconnection=False)
        client.connect(server.url, transports=["websocket"], namespaces=["/live"])
        client.disconnect()
        text = _wait_for(server.log, '"GET /p/not-a-token" 404')
    finally:
        server.stop()
    lines = text.splitlines()
    assert any(line.startswith("Workshop server: open http://127.0.0.1:") for line in lines)
    logged = [line for line in lines if LINE.match(line)]
    assert len({LINE.match(line).group(2) for line in logged}) == 1  # the process id
    assert any("workshop: serving on 127.0.0.1:" in line and "gevent" in line
               for line in logged)
    access = [line for line in logged if " workshop.access: " in line]
    assert any('"GET /login?lang=en" 302' in line for line in access), access  # first run
    assert any(re.search(r'127\.0\.0\.1 "GET /p/not-a-token" 404 \d+ [\d.]+ ms$', line)
               for line in access), access
    # nothing else printed bare, e.g. by a library's own handler
    rest = [line for line in lines if not LINE.match(line)
            and not line.startswith(("Workshop server:", "Data directory:"))]
    assert rest == [], rest


def test_the_access_log_is_off_unless_asked_and_can_go_to_a_file(tmp_path, monkeypatch):
    monkeypatch.delenv("WORKSHOP_ACCESS_LOG", raising=False)
    assert logs.access_target(None) is None
    monkeypatch.setenv("WORKSHOP_ACCESS_LOG", "0")
    assert logs.access_target(None) is None
    monkeypatch.setenv("WORKSHOP_ACCESS_LOG", "1")
    assert logs.access_target(None) == "-"
    assert logs.access_target(str(tmp_path / "access.log")) == str(tmp_path / "access.log")
    logger = logs.access_logger(str(tmp_path / "access.log"))
    try:
        def app(environ, start_response):
            start_response("201 Created", [("Content-Length", "2")])
            return [b"ok"]

        wrapped = logs.AccessLog(app, logger)
        body = wrapped({"REQUEST_METHOD": "POST", "PATH_INFO": "/x", "REMOTE_ADDR": "10.0.0.7"},
                       lambda status, headers, exc_info=None: None)
        assert b"".join(body) == b"ok"
        assert (tmp_path / "access.log").read_text() == ""  # written when the answer is done
        body.close()
        text = (tmp_path / "access.log").read_text()
        assert LINE.match(text) and '10.0.0.7 "POST /x" 201 2 ' in text
    finally:
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()
        logger.propagate = True
        logging.getLogger(logs.ACCESS).setLevel(logging.NOTSET)
