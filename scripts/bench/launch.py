"""``python -m bench.launch RESULT_FILE COMMAND…``: run COMMAND from this small process and write
its wall seconds, peak memory and CPU seconds to RESULT_FILE (JSON); exit with its exit code.

Why a launcher: on Linux a process's ``ru_maxrss`` starts at the resident size of the process it
was forked from (exec records the old memory's high-water mark), so a child of the harness, which
holds generated rows and earlier figures' data, would report at least the harness's own size.
Forked from this launcher (about 10 MB), the command's peak is its own. Only the standard library
is imported here, to keep it small."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    result_file, command = argv[0], argv[1:]
    started = time.perf_counter()
    proc = subprocess.Popen(command)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = code = os.waitstatus_to_exitcode(status)  # reaped here; Popen must not wait again
    with open(result_file, "w", encoding="utf-8") as fh:
        json.dump({"seconds": seconds, "maxrss_kb": usage.ru_maxrss, "cpu": usage.ru_utime + usage.ru_stime,
                   "returncode": code}, fh)
    return code if code >= 0 else 128 - code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
