"""Starts the PRIOR kit Java kernel N times headlessly and reports cold-start times.

Each start: launch the kernel with jupyter_client, wait for it to answer, run one cell and then a
first DJL computation, and time from launch to each result. A start that gives no result within 60 s counts as a hang.
Exits non-zero unless all N starts produced their result.

    /usr/bin/python3 lib/kernel/src/test/python/start_many.py [N] [--java PATH] [--no-archive]

Needs the built kernel (mvn -f lib/pom.xml package -DskipTests); the kernelspec goes into a
temporary JUPYTER_PATH.
"""
import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time
from queue import Empty

from jupyter_client.manager import KernelManager

REPO = pathlib.Path(__file__).resolve().parents[5]
JAR = REPO / "lib" / "kernel" / "target" / "prior-kernel.jar"
HANG_SECONDS = 60
CELL = "int answer = 6 * 7;\nanswer"
# The first DJL computation: the engine (libtorch) loads, as in every notebook's first tensor.
DJL_CELL = "ai.djl.ndarray.NDManager.newBaseManager().ones(new ai.djl.ndarray.types.Shape(2)).sum().getFloat()"


def install(prefix, java, archive=True):
    command = ["java", "-jar", str(JAR), "install", "--prefix", str(prefix), "--name", "prior-java"]
    if java:
        command += ["--java", java]
    if not archive:
        command += ["--no-archive"]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return str(pathlib.Path(prefix) / "share" / "jupyter")


def result_of(kc, code, expected, deadline):
    """Runs code; True once its result arrives (checked against expected), False if the deadline passes."""
    msg_id = kc.execute(code)
    while time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
        except Empty:
            return False
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            if msg["content"]["data"].get("text/plain") != expected:
                raise AssertionError(f"unexpected result {msg['content']['data']}")
            return True
        if msg["msg_type"] == "error":
            raise AssertionError("\n".join(msg["content"]["traceback"]))
    return False


def one_start():
    """Seconds from launch to the first cell's result and to the first DJL result, or None if it hung."""
    km = KernelManager(kernel_name="prior-java")
    started = time.monotonic()
    deadline = started + HANG_SECONDS
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        try:
            kc.wait_for_ready(timeout=HANG_SECONDS)
        except RuntimeError:
            return None
        if not result_of(kc, CELL, "42", deadline):
            return None
        first = time.monotonic() - started
        if not result_of(kc, DJL_CELL, "2.0", deadline):
            return None
        return first, time.monotonic() - started
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", nargs="?", type=int, default=int(os.environ.get("KERNEL_STARTS", "20")))
    parser.add_argument("--java", default=os.environ.get("PRIOR_KERNEL_JAVA"),
                        help="java executable or JDK home for the kernel (default: java on the PATH)")
    parser.add_argument("--no-archive", action="store_true",
                        help="install without the class-data archive, to measure what it saves")
    args = parser.parse_args()
    if not JAR.is_file():
        sys.exit(f"{JAR} missing: run mvn -f lib/pom.xml package -DskipTests")

    with tempfile.TemporaryDirectory(prefix="prior-kernel-starts-") as tmp:
        os.environ["JUPYTER_PATH"] = install(tmp, args.java, archive=not args.no_archive)
        os.environ["JUPYTER_RUNTIME_DIR"] = os.path.join(tmp, "runtime")
        times, djl, hangs = [], [], 0
        for i in range(1, args.n + 1):
            t = one_start()
            if t is None:
                hangs += 1
                print(f"start {i:3d}: HANG (no result in {HANG_SECONDS} s)", flush=True)
            else:
                times.append(t[0])
                djl.append(t[1])
                print(f"start {i:3d}: {t[0]:.2f} s, DJL {t[1]:.2f} s", flush=True)

    print(f"\n{len(times)}/{args.n} starts gave a result; hangs: {hangs}")
    if times:
        print(f"cold start to first result: median {statistics.median(times):.2f} s, max {max(times):.2f} s,"
              f" min {min(times):.2f} s")
        print(f"cold start to the first DJL result: median {statistics.median(djl):.2f} s, max {max(djl):.2f} s")
    sys.exit(0 if len(times) == args.n else 1)


if __name__ == "__main__":
    main()
