"""Safe file handling shared by every command: what may be read, and where output may go.

Reading: only regular files are opened (stat first, then a non-blocking open, then fstat again, so
a FIFO or device swapped in between is still refused), and never more than ``max_bytes``.
Writing: only a regular file (or a new name) in a folder, never a device, FIFO, socket or symlink,
never any input of the same command; ``-`` is standard output. Every refusal is one sentence.
"""

from __future__ import annotations

import errno
import math
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from mandate.errors import InputError

STDOUT = "-"
MAX_SIZE_MB = 100.0  # --max-size ceiling: the checker is measured up to 20 MB letters


_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISLNK, "a symbolic link"),
)


def _kind(mode: int) -> str:
    """What a non-regular file is, in the desk officer's words."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _os_sentence(path: Path | str, exc: OSError, what: str) -> str:
    if exc.errno == errno.ELOOP:
        return f"The {what} {path} is a loop of symbolic links."
    if exc.errno == errno.ENOENT:
        return f"The {what} {path} does not exist."
    if exc.errno == errno.EACCES or exc.errno == errno.EPERM:
        return f"The {what} {path} cannot be read: permission denied."
    if exc.errno == errno.ENOTDIR:
        return f"The {what} {path} does not exist (part of its path is not a folder)."
    if exc.errno == errno.ENAMETOOLONG:
        return f"The {what} path {str(path)[:60]}… is too long."
    return f"The {what} {path} cannot be read: {exc.strerror or exc}."


def regular_input(path: Path, what: str = "letter") -> os.stat_result:
    """The stat of an input that must be a regular file (symlinks to one are fine)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise InputError(_os_sentence(path, exc, what)) from None
    except ValueError:  # an embedded NUL byte in the path
        raise InputError(f"The {what} path {path!r} is not a valid file name.") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"The {what} {path} is a directory, not a file.")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"The {what} {path} is {_kind(st.st_mode)}, not a regular file.")
    return st


def read_input(path: Path, max_bytes: int, what: str = "letter") -> bytes:
    """A regular file's bytes, read-only and non-blocking, refused beyond ``max_bytes``."""
    st = regular_input(path, what)
    limit = f"{max_bytes / 1_048_576:g} MB"
    if st.st_size > max_bytes:
        raise InputError(
            f"The {what} {path} is {st.st_size / 1_048_576:.1f} MB, over the {limit} limit."
        )
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError(_os_sentence(path, exc, what)) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):  # swapped for a FIFO or a device since the stat
            raise InputError(f"The {what} {path} is {_kind(mode)}, not a regular file.")
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise InputError(_os_sentence(path, exc, what)) from None
    finally:
        os.close(fd)
    if total > max_bytes:
        raise InputError(f"The {what} {path} is over the {limit} limit.")
    return b"".join(chunks)


def max_size_bytes(megabytes: float | str) -> int:
    """--max-size in bytes; nan, infinity, negative or absurd values are one sentence."""
    try:
        value = float(megabytes)
    except (TypeError, ValueError):
        value = math.nan
    if not math.isfinite(value) or not 0.001 <= value <= MAX_SIZE_MB:
        raise InputError(
            f"--max-size must be a number of megabytes from 0.001 to {MAX_SIZE_MB:g}, "
            f"not {megabytes!s:.40}."
        )
    return int(value * 1024 * 1024)


def _same(a: Path, b: Path) -> bool:
    try:
        if os.path.samefile(a, b):
            return True
    except (OSError, ValueError):
        pass
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError, ValueError):
        return os.path.abspath(a) == os.path.abspath(b)


def check_output(
    target: Path | str | None, inputs: Iterable[Path] = (), what: str = "output"
) -> Path | None:
    """Refuse, before any work, an output path that is not a plain file we may replace.

    None and ``-`` mean standard output (returned as None). A symlink, device, FIFO, socket or
    folder at the path, a path whose folder is a file, and any input of the same command are
    refused.
    """
    if target is None or str(target) == STDOUT:
        return None
    target = Path(target)
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        st = None
    except NotADirectoryError:
        blocker = _file_ancestor(target)
        raise InputError(f"Cannot write {target}: {blocker} is a file, not a folder.") from None
    except OSError as exc:
        raise InputError(f"Cannot write {target}: {exc.strerror or exc}.") from None
    except ValueError:
        raise InputError(f"The {what} path {target!r} is not a valid file name.") from None
    if st is not None:
        if stat.S_ISLNK(st.st_mode):
            raise InputError(f"Refusing to write {target}: it is a symbolic link.")
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"Refusing to write {target}: it is a directory.")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"Refusing to write {target}: it is {_kind(st.st_mode)}.")
    else:
        blocker = _file_ancestor(target)
        if blocker is not None:
            raise InputError(f"Cannot write {target}: {blocker} is a file, not a folder.")
    for source in inputs:
        if source is not None and _same(target, Path(source)):
            raise InputError(f"Refusing to write {target}: it is an input of this command.")
    return target


def _file_ancestor(target: Path) -> Path | None:
    """The nearest existing ancestor of ``target`` that is not a folder, if any."""
    for parent in target.absolute().parents:
        try:
            st = os.stat(parent)
        except FileNotFoundError:
            continue
        except OSError:
            return None
        return None if stat.S_ISDIR(st.st_mode) else parent
    return None


def write_output(
    target: Path | str | None, data: str | bytes | Iterable[bytes], inputs: Iterable[Path] = ()
) -> None:
    """Write ``data`` (or its pieces, in order) atomically to ``target`` (checked again), or to
    standard output."""
    pieces = [data.encode("utf-8")] if isinstance(data, str) else data
    if isinstance(pieces, bytes):
        pieces = [pieces]
    path = check_output(target, inputs)
    if path is None:
        out = sys.stdout.buffer
        for piece in pieces:
            out.write(piece)
        out.flush()
        return
    try:
        _write_atomic(path, pieces)
    except OSError as exc:
        raise InputError(f"Cannot write {path}: {exc.strerror or exc}.") from None


def _write_atomic(path: Path, pieces: Iterable[bytes]) -> None:
    """Through a temporary file in the same folder and a rename: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:60]}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)  # mkstemp makes 0600; a report is an ordinary file
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        # A symlink, FIFO or device put there since the check is refused, not replaced.
        check_output(path)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
