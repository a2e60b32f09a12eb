"""Running the application under uvicorn: bind first (so the printed address is the real one, even
for port 0), then serve until Ctrl-C or SIGTERM, which finish the answers in flight and stop.
"""

from __future__ import annotations

import signal
import socket
import sys

from mandate.errors import InputError


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        raise InputError(f"Cannot listen on {host}:{port}: {exc.strerror or exc}.") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def url_of(host: str, port: int) -> str:
    """The address to open in a browser."""
    shown = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(host, host)
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def serve(
    host: str = "127.0.0.1",
    port: int = 8480,
    max_bytes: int | None = None,
    workers: int | None = None,
    log_level: str = "warning",
) -> None:
    """Serve until interrupted; the private upload folder is removed on the way out."""
    import uvicorn

    from mandate.read import DEFAULT_MAX_BYTES
    from mandate.web.app import create_app

    sock = _bind(host, port)
    bound = sock.getsockname()[1]
    hosts = None
    if host in {"0.0.0.0", "::"}:
        hosts = ["*"]  # the user chose to be reachable from other machines
    elif host not in {"127.0.0.1", "localhost", "::1", "[::1]"}:
        hosts = ["127.0.0.1", "localhost", "[::1]", host]
    app = create_app(max_bytes or DEFAULT_MAX_BYTES, workers, hosts)
    config = uvicorn.Config(
        app,
        log_level=log_level,
        access_log=log_level in {"info", "debug"},
        server_header=False,
        timeout_graceful_shutdown=30,
        lifespan="on",
    )
    server = uvicorn.Server(config)
    stopped_by: list[int] = []
    # uvicorn finishes the answers in flight on SIGINT/SIGTERM, then raises the signal again
    # under the handlers it found: these record it, so a requested stop exits 0.
    previous = {
        sig: signal.signal(sig, lambda number, _frame: stopped_by.append(number))
        for sig in (signal.SIGINT, signal.SIGTERM)
    }
    print(f"mandate: open {url_of(host, bound)} in a browser (Ctrl-C stops)", flush=True)
    try:
        server.run(sockets=[sock])
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        app.state.settings.close()
        sock.close()
    how = f" ({signal.Signals(stopped_by[0]).name})" if stopped_by else ""
    print(f"mandate: stopped{how}.", file=sys.stderr, flush=True)
