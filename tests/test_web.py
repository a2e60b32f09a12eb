"""`mandate serve` at the HTTP level: in process (Starlette's TestClient) and one real uvicorn."""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import re
import signal
import socket
import sys
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import jsonschema
import pytest
from lettercraft import ROOT, SEED, SEED_HEADINGS, seed_blocks, to_docx

with warnings.catch_warnings():  # Starlette would rather have httpx2; httpx still works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from serving import start_server

from mandate.pipeline import check
from mandate.render.json import render_json
from mandate.web import create_app
from mandate.web.pages import catalog, interface_languages, negotiate, report_languages

MANDATE_CLI = Path(sys.executable).with_name("mandate")
SCHEMA = json.loads((ROOT / "schemas" / "check-result.schema.json").read_text("utf-8"))


@pytest.fixture
def served(tmp_path: Path):
    """The app in process, with its private upload folder under tmp_path."""
    app = create_app(max_bytes=1_000_000, allowed_hosts=["testserver"], temp_parent=tmp_path)
    with TestClient(app) as client:
        client.root = app.state.settings.root  # type: ignore[attr-defined]
        yield client
    assert not app.state.settings.root.exists(), "the private folder outlives the server"


def _seed() -> bytes:
    return SEED.read_bytes()


def _seed_docx(tmp_path: Path) -> bytes:
    return to_docx(seed_blocks(), SEED_HEADINGS, tmp_path / "seed.docx").read_bytes()


def _one_sentence(text: str) -> None:
    assert "\n" not in text and "Traceback" not in text
    assert text.endswith("."), text
    assert len(re.findall(r"[.!?。](\s|$)", text)) == 1, text


def _empty(client) -> None:
    assert list(client.root.iterdir()) == []


# --- the upload page ------------------------------------------------------------------------------


def test_page_language_from_accept_language_and_switch(served) -> None:
    page = served.get("/", headers={"accept-language": "de-CH, fr;q=0.8, en;q=0.5"})
    assert page.status_code == 200
    assert '<html lang="fr"' in page.text and catalog()["fr"].submit in page.text
    assert '<html lang="zh"' in served.get("/", headers={"accept-language": "zh-CN"}).text
    chosen = served.get("/?lang=en", headers={"accept-language": "zh-CN,zh"})
    assert '<html lang="en"' in chosen.text
    for code in interface_languages():
        assert f'href="/?lang={code}"' in page.text
    arabic = served.get("/?lang=ar")
    if "ar" in interface_languages():
        assert 'dir="rtl"' in arabic.text


def test_every_language_of_the_message_catalog_has_the_pages_words() -> None:
    from mandate.messages import languages

    assert {"zh", "en", "fr"} <= set(interface_languages())
    assert set(languages()) | set(report_languages()) <= set(catalog()), "serve.yaml lacks one"
    assert set(languages()) <= set(interface_languages())


def test_accept_language_weights() -> None:
    assert negotiate("en;q=0.2, zh;q=0.9") == "zh"
    assert negotiate("xx, yy") == "en"
    assert negotiate("fr;q=0, en") == "en"
    assert negotiate(None, "fr") == "fr"
    assert negotiate("zh", "nonsense") == "zh"


def test_every_answer_carries_csp_and_same_origin_headers(served, tmp_path: Path) -> None:
    answers = [
        served.get("/"),
        served.get("/assets/serve.js"),
        served.get("/nowhere"),
        served.post("/check", files={"letter": ("a.txt", _seed())}),
        served.post("/check?format=json", files={"letter": ("a.exe", b"MZ")}),
    ]
    for r in answers:
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "script-src 'self'" in csp or "script-src" not in csp
        assert r.headers["cross-origin-opener-policy"] == "same-origin"
        assert r.headers["cross-origin-resource-policy"] == "same-origin"
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "same-origin"


def test_page_works_without_script(served) -> None:
    text = served.get("/").text
    form = re.search(r'<form id="check-form"[^>]*>', text).group(0)
    assert 'method="post"' in form and 'action="/check"' in form
    assert 'enctype="multipart/form-data"' in form
    assert 'name="letter"' in text and 'type="submit"' in text
    assert "<script>" not in text  # only the external drag-and-drop script, allowed by the CSP


def test_mandate_choices_are_the_shipped_ones(served) -> None:
    from mandate.rules import load_mandate, mandate_files

    text = served.get("/").text
    for path in mandate_files():
        assert f'<option value="{load_mandate(path).id}"' in text


# --- POST /check ----------------------------------------------------------------------------------


def test_json_contract(served, tmp_path: Path) -> None:
    r = served.post("/check?format=json", files={"letter": ("draft 1.txt", _seed())})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    body = r.json()
    jsonschema.validate(body, SCHEMA)
    assert body["letter"]["path"] == "draft 1.txt"  # the upload's name, never the private folder
    local = tmp_path / "seed.txt"
    local.write_bytes(_seed())
    expected = json.loads(render_json(check(local)))
    assert [(q["id"], q["status"]) for q in body["requirements"]] == [
        (q["id"], q["status"]) for q in expected["requirements"]
    ]
    assert body["ready"] == expected["ready"] is False
    blockers = [body["findings"][b["finding"]] for b in body["blocking"] if b["kind"] == "finding"]
    assert any(f["rule"] == "placeholder" and "[618]" in f["excerpt"] for f in blockers)
    assert [f["rule"] for f in body["findings"]] == [f["rule"] for f in expected["findings"]]
    _empty(served)


def test_chosen_mandate_and_unknown_one(served) -> None:
    r = served.post(
        "/check?format=json", files={"letter": ("a.txt", _seed())}, data={"mandate": "2480"}
    )
    assert r.status_code == 200 and r.json()["mandate"]["id"] == "2480"
    for hostile in ("/etc/passwd", "../rules/2480.yaml", "9999"):
        r = served.post(
            "/check?format=json", files={"letter": ("a.txt", _seed())}, data={"mandate": hostile}
        )
        assert r.status_code == 400
        _one_sentence(r.json()["error"])
    _empty(served)


def test_html_report_with_downloads(served) -> None:
    r = served.post("/check", files={"letter": ("seed.txt", _seed())}, data={"lang": "en"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert 'id="verdict"' in r.text and "[618]" in r.text
    links = dict(re.findall(r'<a href="(data:[^"]+)" download="([^"]+)"', r.text))
    by_name = {v: k for k, v in links.items()}
    assert set(by_name) == {"seed.mandate.json", "seed.mandate.html"}  # no .docx for a .txt
    payload = by_name["seed.mandate.json"].split(",", 1)[1]
    assert json.loads(base64.b64decode(payload))["letter"]["path"] == "seed.txt"
    report = base64.b64decode(by_name["seed.mandate.html"].split(",", 1)[1]).decode()
    assert report.startswith("<!DOCTYPE html>") and 'id="downloads"' not in report
    assert r.text.replace(_bar(r.text), "") == report  # the CLI's report, plus the bar
    _empty(served)


def _bar(page: str) -> str:
    start = page.index("<style>\n.mandate-serve")
    end = page.index("</nav>", start) + len("</nav>\n")
    return page[start:end]


def test_docx_upload_offers_the_annotated_copy(served, tmp_path: Path) -> None:
    import docx

    r = served.post("/check", files={"letter": ("seed.docx", _seed_docx(tmp_path))})
    assert r.status_code == 200
    href = re.search(r'<a href="(data:[^"]+)" download="seed.annotated.docx"', r.text).group(1)
    annotated = docx.Document(io.BytesIO(base64.b64decode(href.split(",", 1)[1])))
    comments = [c.text for c in annotated.comments]
    assert any("[618]" in c and "placeholder" in c.lower() for c in comments), comments
    _empty(served)


def test_diff_of_two_drafts(served, tmp_path: Path) -> None:
    old = _seed()
    new = _seed().replace(b"[618]", b"618")
    r = served.post("/diff", files={"old": ("v1.txt", old), "new": ("v2.txt", new)})
    assert r.status_code == 200 and "v1.txt" in r.text and "v2.txt" in r.text
    assert 'download="v2.diff.html"' in r.text
    _empty(served)


# --- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "status"),
    [
        ("empty.txt", b"", 400),
        ("blank.txt", b"   \n\n  ", 400),
        ("broken.docx", b"PK\x03\x04 not really a zip", 400),
        ("broken.pdf", b"%PDF-1.7\n garbage", 400),
        ("image.png", b"\x89PNG\r\n", 415),
        ("old.doc", b"\xd0\xcf\x11\xe0", 415),
        ("noending", b"text", 415),
        ("huge.txt", b"x" * 1_000_001, 413),
    ],
)
def test_bad_input_is_one_sentence(served, name: str, data: bytes, status: int) -> None:
    r = served.post("/check?format=json", files={"letter": (name, data)})
    assert r.status_code == status, r.text
    sentence = r.json()["error"]
    _one_sentence(sentence)
    assert str(served.root) not in sentence
    page = served.post("/check", files={"letter": (name, data)})
    assert page.status_code == status
    assert sentence.replace("'", "&#39;").replace('"', "&#34;") in page.text
    assert 'id="check-form"' in page.text  # the form is there to try again
    _empty(served)


def test_missing_file_and_not_multipart(served) -> None:
    r = served.post("/check?format=json", data={"mandate": "2480"})
    assert r.status_code in {400, 415}
    _one_sentence(r.json()["error"])
    r = served.post("/check?format=json", files={"letter": ("", b"")})
    assert r.status_code == 400
    r = served.post(
        "/check?format=json", content=b"{}", headers={"content-type": "application/json"}
    )
    assert r.status_code == 415
    _one_sentence(r.json()["error"])


def test_declared_oversize_is_refused_before_reading(served) -> None:
    sent: list[int] = []

    def body():
        for i in range(200):
            sent.append(i)
            yield b"x" * 65536

    r = served.post(
        "/check?format=json",
        content=body(),
        headers={
            "content-type": "multipart/form-data; boundary=zz",
            "content-length": str(200 * 65536),
        },
    )
    assert r.status_code == 413 and sent == []
    _one_sentence(r.json()["error"])


def test_random_bytes_never_500(served) -> None:
    import random

    rng = random.Random(12)
    for suffix in (".txt", ".docx", ".pdf", ".html", ".md"):
        for size in (1, 17, 4096):
            data = bytes(rng.randrange(256) for _ in range(size))
            r = served.post("/check?format=json", files={"letter": (f"r{suffix}", data)})
            assert r.status_code == 400, (suffix, size, r.text)
            _one_sentence(r.json()["error"])
    _empty(served)


def test_cross_site_posts_and_foreign_hosts_are_refused(served) -> None:
    r = served.post(
        "/check?format=json",
        files={"letter": ("a.txt", _seed())},
        headers={"origin": "https://evil.example", "sec-fetch-site": "cross-site"},
    )
    assert r.status_code == 403
    r = served.post(
        "/check?format=json",
        files={"letter": ("a.txt", _seed())},
        headers={"origin": "https://evil.example"},
    )
    assert r.status_code == 403
    assert served.get("/", headers={"host": "rebound.example"}).status_code == 400


# --- a real uvicorn -------------------------------------------------------------------------------


@pytest.fixture
def real_server(tmp_path: Path):
    """`mandate serve --port 0` as a user starts it; yields its address, its log and its tmp."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    log = tmp_path / "server.log"
    env = {**os.environ, "TMPDIR": str(temp)}
    proc, url = start_server(["--host", "127.0.0.1", "--port", "0", "--access-log"], log, env)
    try:
        yield {"url": url, "proc": proc, "log": log, "tmp": temp}
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_real_server_twenty_concurrent_uploads_then_sigterm(real_server, tmp_path: Path) -> None:
    url, proc = real_server["url"], real_server["proc"]
    (private,) = list(real_server["tmp"].iterdir())
    assert private.stat().st_mode & 0o777 == 0o700
    letters = [("seed.txt", _seed()), ("seed.docx", _seed_docx(tmp_path))]

    def upload(n: int):
        name, data = letters[n % 2]
        start = time.perf_counter()
        r = httpx.post(f"{url}check?format=json", files={"letter": (name, data)}, timeout=120)
        return r.status_code, r.json(), time.perf_counter() - start

    started = time.perf_counter()
    with ThreadPoolExecutor(20) as pool:
        answers = list(pool.map(upload, range(20)))
    wall = time.perf_counter() - started
    assert [status for status, _, _ in answers] == [200] * 20
    verdicts = {
        json.dumps([(q["id"], q["status"]) for q in body["requirements"]]) for _, body, _ in answers
    }
    assert len(verdicts) == 1
    assert len({body["ready"] for _, body, _ in answers}) == 1
    assert list(private.iterdir()) == []
    print(f"20 concurrent uploads: {wall:.1f} s wall, slowest {max(a[2] for a in answers):.1f} s")

    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    assert list(real_server["tmp"].iterdir()) == []  # the private folder went with the server
    log = real_server["log"].read_text("utf-8")
    assert "POST /check?format=json" in log  # requests are logged, their letters are not
    for line in _seed().decode("utf-8").splitlines():
        if len(line.strip()) > 8:
            assert line.strip() not in log


def test_real_server_refuses_an_endless_body_early(real_server) -> None:
    """413 while the client is still sending: the server never reads the whole body."""
    host, port = re.search(r"//([\d.]+):(\d+)/", real_server["url"]).groups()
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(
            b"POST /check?format=json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: multipart/form-data; boundary=zz\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        head = b'--zz\r\nContent-Disposition: form-data; name="letter"; filename="big.txt"\r\n\r\n'
        conn.sendall(b"%x\r\n%s\r\n" % (len(head), head))
        chunk = b"x" * 65536
        sent = 0
        answer = b""
        conn.settimeout(0.05)
        try:
            while sent < 500 * len(chunk) and not answer:
                conn.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
                with contextlib.suppress(TimeoutError):
                    answer = conn.recv(4096)
        except (BrokenPipeError, ConnectionResetError):
            pass
        conn.settimeout(10)
        while not answer:
            answer = conn.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:80]
    assert sent < 24 * 1_048_576  # refused just past the 20 MB limit, not after 31 MB


def test_real_server_ctrl_c_finishes_the_answers_in_flight(real_server, tmp_path: Path) -> None:
    """Ctrl-C (SIGINT) while a check is running: the answer still arrives, then exit 0."""
    url, proc = real_server["url"], real_server["proc"]
    (private,) = list(real_server["tmp"].iterdir())
    data = _seed()

    def upload(_: int):
        try:
            r = httpx.post(f"{url}check", files={"letter": ("seed.txt", data)}, timeout=200)
        except httpx.TransportError:
            return None, time.perf_counter()  # not yet taken in when the server stopped listening
        return r.status_code, time.perf_counter()

    with ThreadPoolExecutor(3) as pool:
        futures = [pool.submit(upload, n) for n in range(3)]
        deadline = time.time() + 60
        while not list(private.iterdir()) and time.time() < deadline:
            time.sleep(0.005)  # until a check is under way in its private folder
        interrupted = time.perf_counter()
        proc.send_signal(signal.SIGINT)
        answers = [f.result() for f in futures]
    statuses = [status for status, _ in answers]
    assert set(statuses) <= {200, None} and 200 in statuses, real_server["log"].read_text("utf-8")
    assert max(done for status, done in answers if status == 200) > interrupted
    assert proc.wait(timeout=150) == 0
    assert "stopped (SIGINT)" in real_server["log"].read_text("utf-8")
    assert list(real_server["tmp"].iterdir()) == []
