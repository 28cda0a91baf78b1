"""Run a command as the child of this small process and write the child's own peak RSS (KiB) to a file.

    python bench/peak.py OUT_FILE CMD [ARG ...]

A process forked from a large one (the scale benchmark after it has built and indexed 100,000 articles) is
charged that parent's resident pages until it execs: its ``ru_maxrss`` reports the parent's size, not its own.
Forked from this small process instead, the command's peak is its own. The exit code is the command's (128 +
the signal's number when a signal ended it).
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    out, cmd = sys.argv[1], sys.argv[2:]
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    _pid, status, usage = os.wait4(pid, 0)
    with open(out, "w") as f:
        f.write(str(usage.ru_maxrss))
    code = os.waitstatus_to_exitcode(status)
    return code if code >= 0 else 128 - code


if __name__ == "__main__":
    sys.exit(main())
