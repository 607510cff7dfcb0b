"""Run ``thidua`` as a separate process, cheaply.

A fresh ``python -m thidua_desktop.cli`` spends about a second importing SQLAlchemy, ReportLab
and the models before it does anything, and the command-line tests start a few hundred of them.
``run`` forks the test process instead: the child already has every module imported, gets its
own stdin/stdout/stderr pipes, environment, working folder, umask and logging, runs the command
and leaves with its exit code, as a real process would. Exit codes, the bytes written to the
streams, files left on disk and the log file are the same; a crash cannot reach the test process.

``THIDUA_TEST_REAL_PROCESS=1`` runs every command as a real interpreter instead (a check that
the fork changes nothing), and so does any command that is not the ``thidua`` entry point.
"""

from __future__ import annotations

import io
import logging
import os
import random
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

MODULE_COMMAND = ("-m", "thidua_desktop.cli")


def _entry(cmd: Sequence[str]) -> Callable[[list[str]], int] | None:
    """What the child runs for ``cmd``: the CLI's main, or a ``-c`` script; None for anything else."""
    if len(cmd) < 2 or cmd[0] != sys.executable:
        return None
    if tuple(cmd[1:3]) == MODULE_COMMAND:
        def run_module(argv: list[str]) -> int:
            from thidua_desktop import cli

            return int(cli.main(argv))
        return run_module
    if cmd[1] == "-c" and len(cmd) >= 3:
        source = cmd[2]

        def run_script(argv: list[str]) -> int:
            sys.argv = ["-c", *argv]
            try:
                exec(compile(source, "<string>", "exec"), {"__name__": "__main__"})
            except SystemExit as exc:
                code = exc.code
                if code is None:
                    return 0
                if isinstance(code, int):
                    return code
                sys.stderr.write(f"{code}\n")
                return 1
            return 0
        return run_script
    return None


def _reset_logging() -> None:
    """The child logs as a new process would: no handler inherited from pytest or an app the
    test opened, and the data folder's log file set up again by the command itself."""
    from thidua_desktop import bootstrap

    for logger in (logging.getLogger(), logging.getLogger("thidua")):
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.setLevel(logging.WARNING if logger is logging.getLogger() else logging.NOTSET)
    if hasattr(bootstrap.setup_logging, "_done"):
        bootstrap.setup_logging._done = False  # type: ignore[attr-defined]


def _child(entry: Callable[[list[str]], int], argv: list[str], env: Mapping[str, str], cwd: str | None,
           stdin_fd: int, out_fd: int, err_fd: int, preexec: Callable[[], Any] | None) -> None:
    code = 1
    try:
        os.dup2(stdin_fd, 0)
        os.dup2(out_fd, 1)
        os.dup2(err_fd, 2)
        for fd in {stdin_fd, out_fd, err_fd}:
            if fd > 2:
                os.close(fd)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        os.environ.clear()
        os.environ.update(env)
        if cwd is not None:
            os.chdir(cwd)
        if preexec is not None:
            preexec()
        random.seed()
        encoding = env.get("PYTHONIOENCODING", "utf-8").split(":")[0] or "utf-8"
        sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding=encoding)
        sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding=encoding, write_through=True)
        sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding=encoding,
                                      errors="backslashreplace", write_through=True)
        sys.__stdout__, sys.__stderr__, sys.__stdin__ = sys.stdout, sys.stderr, sys.stdin
        _reset_logging()
        code = entry(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # what a real interpreter would print before dying
        import traceback

        try:
            traceback.print_exc()
        except BaseException:  # the pipe may be gone; the exit code still tells
            pass
        code = 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code & 0xFF)


def _pipe_input(data: bytes | None) -> tuple[int, int | None]:
    if data is None:
        return os.open(os.devnull, os.O_RDONLY), None
    read_end, write_end = os.pipe()
    return read_end, write_end


def _collect(pid: int, out_r: int, err_r: int, in_w: int | None, data: bytes | None,
             timeout: float | None) -> tuple[int, bytes, bytes]:
    chunks: dict[int, list[bytes]] = {out_r: [], err_r: []}
    selector = selectors.DefaultSelector()
    selector.register(out_r, selectors.EVENT_READ)
    selector.register(err_r, selectors.EVENT_READ)
    pending = memoryview(data) if (in_w is not None and data) else None
    if in_w is not None:
        if pending is None:
            os.close(in_w)
            in_w = None
        else:
            os.set_blocking(in_w, False)
            selector.register(in_w, selectors.EVENT_WRITE)
    deadline = None if timeout is None else time.monotonic() + timeout
    open_reads = 2
    while open_reads:
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        if deadline is not None and wait == 0.0:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise subprocess.TimeoutExpired(["thidua"], timeout or 0)
        for key, _ in selector.select(wait):
            fd = int(key.fd)  # type: ignore[arg-type]  # registered as plain descriptors
            if fd == in_w and pending is not None:
                try:
                    written = os.write(fd, pending[:65536])
                except BrokenPipeError:
                    written = len(pending)
                pending = pending[written:]
                if not pending:
                    selector.unregister(fd)
                    os.close(fd)
                    in_w, pending = None, None
                continue
            block = os.read(fd, 65536)
            if block:
                chunks[fd].append(block)
            else:
                selector.unregister(fd)
                open_reads -= 1
    if in_w is not None:
        os.close(in_w)
    _, status = os.waitpid(pid, 0)
    returncode = os.waitstatus_to_exitcode(status)
    return returncode, b"".join(chunks[out_r]), b"".join(chunks[err_r])


def run(cmd: Sequence[str], *, env: Mapping[str, str] | None = None, input: str | bytes | None = None,
        timeout: float | None = None, cwd: str | os.PathLike[str] | None = None, text: bool = False,
        capture_output: bool = False, check: bool = False, preexec_fn: Callable[[], Any] | None = None,
        stdin: int | None = None, **others: Any) -> subprocess.CompletedProcess[Any]:
    """``subprocess.run`` for ``[sys.executable, "-m", "thidua_desktop.cli", ...]`` and
    ``[sys.executable, "-c", SCRIPT, ...]`` with captured output, by fork; anything else, or with
    THIDUA_TEST_REAL_PROCESS=1, goes to ``subprocess.run`` unchanged."""
    entry = _entry(cmd)
    if entry is None or others or not capture_output or os.environ.get("THIDUA_TEST_REAL_PROCESS") == "1":
        return subprocess.run(list(cmd), env=env, input=input, timeout=timeout, cwd=cwd, text=text,
                              capture_output=capture_output, check=check, preexec_fn=preexec_fn,
                              stdin=stdin, **others)
    argv = list(cmd[3:])  # after "-m thidua_desktop.cli" or after "-c SCRIPT"
    data = input.encode("utf-8") if isinstance(input, str) else input
    stdin_r, stdin_w = _pipe_input(data)
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child never returns
        if stdin_w is not None:
            os.close(stdin_w)
        os.close(out_r)
        os.close(err_r)
        _child(entry, argv, dict(os.environ if env is None else env), None if cwd is None else os.fspath(cwd),
               stdin_r, out_w, err_w, preexec_fn)
    os.close(stdin_r)
    os.close(out_w)
    os.close(err_w)
    try:
        returncode, out, err = _collect(pid, out_r, err_r, stdin_w, data, timeout)
    finally:
        os.close(out_r)
        os.close(err_r)
    encoding = (dict(os.environ if env is None else env).get("PYTHONIOENCODING", "utf-8").split(":")[0]
                or "utf-8")
    result: subprocess.CompletedProcess[Any] = subprocess.CompletedProcess(
        list(cmd), returncode,
        out.decode(encoding, errors="replace") if text else out,
        err.decode(encoding, errors="replace") if text else err)
    if check:
        result.check_returncode()
    return result
