"""Data files kept between runs, parsed and validated: that was a large share of a cold check.

A mandate, a language profile (and the detection cues of each), a message catalog and a locale's
CLDR plural rules are built once per content and kept in the user's cache folder, keyed by a
SHA-256 of the file's text and of everything the result depends on (the checker's own modules,
the installed PyYAML, pydantic or Babel, limits); the next run reads the result back instead of
parsing and validating again. An edited file, or edited code, is a new key; a file that does not
parse or validate is never kept, so its error names the file and field exactly as before. Only
plain data and the checker's own pydantic models are stored: the unpickler refuses every other
class, so a tampered cache file cannot run code, and an entry that cannot be read is built again.
Waivers (the desk officer's own words) are never kept. Nothing is cached when the folder is
missing and cannot be made, is not the current user's, or is writable by others.

Folder: ``$MANDATE_CACHE``, else ``$XDG_CACHE_HOME/mandate``, else ``~/.cache/mandate``;
``MANDATE_CACHE=off`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import io
import os
import pickle
import stat
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

CACHE_ENV = "MANDATE_CACHE"
_FORMAT = "mandate-datacache-1"
_MAX_ENTRIES = 256  # beyond this, the oldest entries go (an author editing rules makes many)
_MAX_BYTES = 64 * 1024 * 1024
# The only classes a cached value may hold besides the builtin containers and scalars (which
# pickle writes without naming a class): YAML timestamps.
_ALLOWED = {
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("datetime", "timedelta"),
    ("datetime", "timezone"),
}
_MISSING = object()


class _PlainUnpickler(pickle.Unpickler):
    """Plain data only: dates, and the checker's own pydantic models (rebuilt from their fields,
    nothing run). Any other class makes the cache entry unusable."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        if module.startswith("mandate.") and module.count(".") == 1 and name.isidentifier():
            from pydantic import BaseModel

            found = getattr(sys.modules.get(module), name, None)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not plain data")


@cache
def folder() -> Path | None:
    """The cache folder, made private if need be, or None when there is no safe one."""
    setting = os.environ.get(CACHE_ENV, "")
    if setting.lower() in {"off", "0", "no", "false"}:
        return None
    if setting:
        path = Path(setting)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        if base.startswith("~"):  # no home folder to expand
            return None
        path = Path(base) / "mandate"
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o022:
        return None
    return path


@cache
def module_stamp(name: str) -> str:
    """Identity of an installed module's file (path, size, mtime), without importing it."""
    try:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec else None
        st = os.stat(origin) if origin else None
    except (ImportError, ValueError, OSError):
        return f"{name}:?"
    return f"{origin}:{st.st_size}:{st.st_mtime_ns}" if st else f"{name}:?"


@cache
def code_stamp() -> str:
    """Identity of the checker's own modules and of pydantic: a validated model kept in the
    cache is only good for the code that validated it."""
    here = Path(__file__).resolve().parent
    try:
        files = sorted(
            (e.name, e.stat().st_size, e.stat().st_mtime_ns)
            for e in os.scandir(here)
            if e.name.endswith(".py")
        )
    except OSError:
        files = []
    return f"{here}:{files}:{module_stamp('pydantic')}:{module_stamp('pydantic_core')}"


def remember(key: str, build: Callable[[], Any]) -> Any:
    """The value built for ``key`` on an earlier run, or ``build()`` (then kept for the next).

    ``key`` must name everything the value depends on (content, versions, limits). ``build`` may
    raise; nothing is kept then.
    """
    where = folder()
    if where is None:
        return build()
    digest = hashlib.sha256(f"{_FORMAT}\0{key}".encode("utf-8", "surrogatepass")).hexdigest()
    path = where / f"{digest}.pickle"
    found = _read(path)
    if found is not _MISSING:
        return found
    value = build()
    _write(where, path, value)
    return value


def _read(path: Path) -> Any:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return _MISSING
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > _MAX_BYTES or st.st_uid != os.getuid():
            return _MISSING
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(_MAX_BYTES + 1)
        return _PlainUnpickler(io.BytesIO(raw)).load()
    except Exception:  # a truncated or foreign file: parse again
        return _MISSING
    finally:
        os.close(fd)


def _write(where: Path, path: Path, value: Any) -> None:
    try:
        raw = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        _PlainUnpickler(io.BytesIO(raw)).load()  # never keep what could not be read back
    except Exception:
        return
    tmp = where / f".{path.name}.{os.getpid()}.tmp"
    try:
        fd = os.open(
            tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600
        )
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        return
    _prune(where)


def _prune(where: Path) -> None:
    """Keep the newest ``_MAX_ENTRIES`` entries."""
    try:
        entries = [
            (e.stat().st_mtime_ns, e.path)
            for e in os.scandir(where)
            if e.name.endswith(".pickle") and e.is_file(follow_symlinks=False)
        ]
    except OSError:
        return
    if len(entries) <= _MAX_ENTRIES:
        return
    for _, old in sorted(entries)[: len(entries) - _MAX_ENTRIES]:
        with contextlib.suppress(OSError):
            os.unlink(old)


def parsed_yaml(text: str, parse: Callable[[str], Any], depends: str = "") -> Any:
    """``parse(text)``, or what it gave on an earlier run for the same text, parser and
    ``depends`` (limits the parse checks, say)."""
    key = f"yaml\0{module_stamp('yaml')}\0{depends}\0{text}"
    return remember(key, lambda: parse(text))
