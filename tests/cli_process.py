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
    if cmd[1].endswith(".py") and os.path.isfile(cmd[1]):  # a script of the tests, e.g. checkpoint_runner.py
        script = cmd[1]

        def run_file(argv: list[str]) -> int:
            import runpy

            sys.argv = [script, *argv]
            try:
                runpy.run_path(script, run_name="__main__")
            except SystemExit as exc:
                return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            return 0
        return run_file
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


def _arguments(cmd: Sequence[str]) -> list[str]:
    """The arguments after "-m thidua_desktop.cli", "-c SOURCE" or "script.py"."""
    return list(cmd[2:]) if cmd[1].endswith(".py") else list(cmd[3:])


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


def _settle_threads() -> None:
    """Forking copies only the calling thread; a lock another thread holds at that moment (the
    import lock, a logging lock, SQLite's) stays held in the child for ever, and the command hangs.
    Screens read on Qt's thread pool (ui/background.py): a read left running by an earlier GUI
    test in this worker ends before the fork."""
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None:
        qtcore.QThreadPool.globalInstance().waitForDone()


_WARM: list[bool] = []


def _warm(cmd: Sequence[str]) -> None:
    """Before the first ``thidua`` fork (or of the kill tests' checkpoint_runner.py, which runs the
    same main), import what the commands import when they run: the office (bootstrap, the ORM),
    the services, the renderers (ReportLab), the workbooks (openpyxl), the bundles and Alembic,
    about a second of CPU. The argument parser no longer imports them (a real ``thidua`` loads
    only what its command needs), so they are named here. Imported once, every forked child starts
    with them, as this module's docstring says; imported in each child, the cost came back at
    every command and was lost at its exit."""
    runs_the_cli = tuple(cmd[1:3]) == MODULE_COMMAND or (len(cmd) > 1 and cmd[1].endswith("checkpoint_runner.py"))
    if _WARM or not runs_the_cli:
        return
    import importlib
    import pkgutil

    from thidua_desktop import bootstrap, cli  # noqa: F401

    cli.build_parser()
    for package in ("services", "reports", "spreadsheets", "sync", "db.repositories"):
        found = importlib.import_module(f"thidua_desktop.{package}")
        for info in pkgutil.iter_modules(found.__path__):
            importlib.import_module(f"{found.__name__}.{info.name}")
    for name in ("thidua_desktop.cli_import_mapping", "thidua_desktop.os_refusals", "thidua_desktop.staged_demo",
                 "alembic.command", "alembic.config"):
        importlib.import_module(name)
    _WARM.append(True)


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
    _warm(cmd)
    argv = _arguments(cmd)
    data = input.encode("utf-8") if isinstance(input, str) else input
    stdin_r, stdin_w = _pipe_input(data)
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    _settle_threads()
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


class ForkedProcess:
    """What ``subprocess.Popen`` gives, for a forked ``thidua`` (the kill tests): ``pid``,
    ``stdout``/``stderr`` pipes, ``poll``, ``wait``, ``send_signal``, ``kill``, ``communicate``."""

    def __init__(self, pid: int, stdout: int, stderr: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self.stdout = os.fdopen(stdout, "rb")
        self.stderr = os.fdopen(stderr, "rb")

    def _reap(self, flags: int) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, flags)
            if pid == self.pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def poll(self) -> int | None:
        return self._reap(os.WNOHANG)

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(["thidua"], timeout or 0)
            time.sleep(0.01)
        assert self.returncode is not None
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.returncode is None:
            try:
                os.kill(self.pid, signum)
            except ProcessLookupError:
                pass

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def communicate(self, timeout: float | None = None) -> tuple[bytes, bytes]:
        selector = selectors.DefaultSelector()
        chunks: dict[int, list[bytes]] = {}
        for stream in (self.stdout, self.stderr):
            if not stream.closed:
                selector.register(stream.fileno(), selectors.EVENT_READ)
                chunks[stream.fileno()] = []
        open_reads = len(chunks)
        while open_reads:
            for key, _ in selector.select(timeout):
                fd = int(key.fd)  # type: ignore[arg-type]  # registered as plain descriptors
                block = os.read(fd, 65536)
                if block:
                    chunks[fd].append(block)
                else:
                    selector.unregister(fd)
                    open_reads -= 1
        out = b"".join(chunks.get(self.stdout.fileno(), [])) if not self.stdout.closed else b""
        err = b"".join(chunks.get(self.stderr.fileno(), [])) if not self.stderr.closed else b""
        self.stdout.close()
        self.stderr.close()
        self.wait(timeout)
        return out, err


def spawn(cmd: Sequence[str], *, env: Mapping[str, str] | None = None, stdout: int | None = None,
          stderr: int | None = None, **others: Any) -> ForkedProcess | subprocess.Popen[bytes]:
    """``subprocess.Popen`` with piped output for the same commands ``run`` forks; anything else,
    or with THIDUA_TEST_REAL_PROCESS=1, is a real ``Popen``."""
    entry = _entry(cmd)
    if (entry is None or others or stdout != subprocess.PIPE or stderr != subprocess.PIPE
            or os.environ.get("THIDUA_TEST_REAL_PROCESS") == "1"):
        return subprocess.Popen(list(cmd), env=env, stdout=stdout, stderr=stderr, **others)
    _warm(cmd)
    stdin_r = os.open(os.devnull, os.O_RDONLY)
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    _settle_threads()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child never returns
        os.close(out_r)
        os.close(err_r)
        _child(entry, _arguments(cmd), dict(os.environ if env is None else env), None, stdin_r, out_w, err_w, None)
    os.close(stdin_r)
    os.close(out_w)
    os.close(err_w)
    return ForkedProcess(pid, out_r, err_r)
