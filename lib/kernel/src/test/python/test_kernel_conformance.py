"""Jupyter protocol conformance of the PRIOR kit Java kernel (Debian's jupyter_kernel_test).

Run after building (mvn -f lib/pom.xml package -DskipTests), from anywhere:

    /usr/bin/python3 -m unittest lib/kernel/src/test/python/test_kernel_conformance.py -v

The kernelspec is installed into a temporary JUPYTER_PATH unless PRIOR_KERNEL_JUPYTER_PATH names
one that already holds it. PRIOR_KERNEL_JAVA picks the JDK the kernel runs on (default: java on
the PATH). Pager, clear_output and history are skipped: the kernel has no such features.
"""
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import time
import unittest

import jupyter_kernel_test

REPO = pathlib.Path(__file__).resolve().parents[5]
JAR = REPO / "lib" / "kernel" / "target" / "prior-kernel.jar"
KERNEL_NAME = os.environ.get("PRIOR_KERNEL_NAME", "prior-java")


def install_kernelspec(prefix):
    """Installs the kernelspec under prefix; returns the JUPYTER_PATH entry for it."""
    if not JAR.is_file():
        raise unittest.SkipTest(f"{JAR} missing: run mvn -f lib/pom.xml package -DskipTests")
    command = ["java", "-jar", str(JAR), "install", "--prefix", str(prefix), "--name", KERNEL_NAME]
    if os.environ.get("PRIOR_KERNEL_JAVA"):
        command += ["--java", os.environ["PRIOR_KERNEL_JAVA"]]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return str(pathlib.Path(prefix) / "share" / "jupyter")


class PriorJavaKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    completion_samples = [
        {"text": "Math.sq", "matches": {"sqrt("}},
        {"text": 'int k = 1;\n"abc".toUpperCa', "matches": {"toUpperCase("}},
        {"text": "%maven a:b:1\nSystem.out.printl", "matches": {"println("}},
    ]

    complete_code_samples = ["1 + 1", "int x = 3;", "void f() {}", "%jars lib/*.jar"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int y = (1 +", "String s = \"\"\"\n  text"]
    invalid_code_samples = ["int x = 3; }", "))"]

    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"java".toUpperCase()', "result": "JAVA"},
        {"code": "new int[] {1, 2, 3}", "result": "[1, 2, 3]"},
        {"code": 'tech.tablesaw.api.Table.create("t", tech.tablesaw.api.IntColumn.create("a", 1, 2))',
         "mime": "text/html"},
    ]

    code_display_data = [
        {"code": "display(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
        {"code": 'display(tech.tablesaw.api.Table.create("t", tech.tablesaw.api.IntColumn.create("a", 1)));',
         "mime": "text/html"},
        {"code": 'display(org.knowm.xchart.QuickChart.getChart("c", "x", "y", "y", new double[] {1, 2}, new double[] {3, 4}));',
         "mime": "image/png"},
    ]

    code_inspect_sample = "Math.abs"
    code_page_something = "Math.abs?"

    code_clear_output = 'System.out.println("soon gone"); clearOutput(true); System.out.println("stays");'

    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6 *"

    @classmethod
    def setUpClass(cls):
        cls._tmp = None
        if os.environ.get("PRIOR_KERNEL_JUPYTER_PATH"):
            os.environ["JUPYTER_PATH"] = os.environ["PRIOR_KERNEL_JUPYTER_PATH"]
        else:
            cls._tmp = tempfile.mkdtemp(prefix="prior-kernel-test-")
            os.environ["JUPYTER_PATH"] = install_kernelspec(cls._tmp)
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        if cls._tmp:
            shutil.rmtree(cls._tmp, ignore_errors=True)

    # The kernel's own behaviour, beyond the protocol checks above.

    def run_cell(self, code, timeout=30):
        self.flush_channels()
        return self.execute_helper(code, timeout=timeout)

    def test_value_survives_star_import(self):
        # A new on-demand import makes JShell recompile earlier snippets; their variables must keep
        # their values (the kernel redefines snippet classes in place).
        self.run_cell('ai.djl.Device kept = ai.djl.Device.cpu();')
        self.run_cell("import ai.djl.ndarray.types.*;")
        reply, outputs = self.run_cell("kept")
        results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results, ["cpu()"])

    def test_djl_cell_prints_no_warnings(self):
        # The first cell that touches DJL: no slf4j "No providers" lines, no GPU-count warning on a CPU.
        reply, outputs = self.run_cell(
            "try (var m = ai.djl.ndarray.NDManager.newBaseManager()) { m.ones(new ai.djl.ndarray.types.Shape(2)).sum().getFloat(); }\n"
            "ai.djl.engine.Engine.getInstance().getGpuCount()")
        self.assertEqual(reply["content"]["status"], "ok", outputs)
        stderr = "".join(m["content"]["text"] for m in outputs
                         if m["msg_type"] == "stream" and m["content"]["name"] == "stderr")
        for word in ("SLF4J", "WARN", "Warning"):
            self.assertNotIn(word, stderr)

    def test_system_exit_is_refused_and_the_kernel_lives_on(self):
        reply, outputs = self.run_cell("int before = 41;\nSystem.exit(0);")
        self.assertEqual(reply["content"]["status"], "error")
        traceback = "\n".join(outputs[0]["content"]["traceback"])
        self.assertIn("line 2: System.exit", traceback)
        reply, outputs = self.run_cell("1 + 41")
        results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results, ["42"])

    def test_error_shows_failing_line(self):
        reply, outputs = self.run_cell("int a = 1;\nint b = a / 0;\nint c = 2;")
        self.assertEqual(reply["content"]["status"], "error")
        traceback = "\n".join(outputs[0]["content"]["traceback"])
        self.assertIn("ArithmeticException", traceback)
        self.assertIn("line 2: int b = a / 0;", traceback)

    def test_load_magic_runs_file_relative_to_working_dir(self):
        with tempfile.NamedTemporaryFile("w", suffix=".jsh", dir=os.getcwd(), delete=False) as f:
            f.write("int loadedValue() { return 41 + 1; }\n")
        try:
            reply, outputs = self.run_cell(f"%load {os.path.basename(f.name)}\nloadedValue()")
        finally:
            os.unlink(f.name)
        self.assertEqual(reply["content"]["status"], "ok", outputs)
        results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results, ["42"])

    def stream_until_idle(self, msg_id, timeout):
        """Every stream message of one request, in order, and whether its idle status arrived."""
        texts = {"stdout": [], "stderr": []}
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = self.kc.get_iopub_msg(timeout=max(1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                texts[msg["content"]["name"]].append(msg["content"]["text"])
            elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return texts, True
        return texts, False

    def test_heavy_output_arrives_complete_in_order_and_idle_follows(self):
        # 200,000 lines (2.4 MB) on stdout and 10 MB more in long lines: one message per line used to
        # overrun ZeroMQ's queue, losing most lines and the final idle.
        self.flush_channels()
        msg_id = self.kc.execute(
            'for (int i = 0; i < 200_000; i++) System.out.println("line " + i);\n'
            'String kb = "x".repeat(1023);\n'
            'for (int i = 0; i < 10_000; i++) System.err.println(kb);')
        texts, idle = self.stream_until_idle(msg_id, timeout=120)
        self.assertTrue(idle, "no idle status after the cell")
        lines = "".join(texts["stdout"]).splitlines()
        self.assertEqual(len(lines), 200_000)
        self.assertEqual(lines[:2] + lines[-1:], ["line 0", "line 1", "line 199999"])
        self.assertEqual(lines, [f"line {i}" for i in range(200_000)])
        self.assertLess(len(texts["stdout"]), 2_000, "stdout should arrive in batches, not line by line")
        self.assertEqual("".join(texts["stderr"]), ("x" * 1023 + "\n") * 10_000)

    def test_display_ids_update_in_place_and_are_not_echoed(self):
        reply, outputs = self.run_cell('String id = display("step 1");\nupdateDisplay(id, "step 2");\ndisplay("last")')
        self.assertEqual(reply["content"]["status"], "ok", outputs)
        kinds = [m["msg_type"] for m in outputs]
        self.assertEqual(kinds, ["display_data", "update_display_data", "display_data"], outputs)
        shown, updated = outputs[0]["content"], outputs[1]["content"]
        self.assertEqual(shown["transient"]["display_id"], updated["transient"]["display_id"])
        self.assertEqual(updated["data"]["text/plain"], "step 2")

    def iopub_of(self, msg_id, timeout=30):
        """The iopub messages of one request up to its idle status (the status messages left out)."""
        out = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status":
                if msg["content"]["execution_state"] == "idle":
                    return out
                continue
            out.append(msg)

    def test_silent_cells_publish_nothing_and_are_not_counted(self):
        before, _ = self.run_cell("1")
        self.flush_channels()
        msg_id = self.kc.execute('System.out.println("hidden"); display("hidden too");\n6 * 7', silent=True)
        reply = self.get_non_kernel_info_reply(timeout=30)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(self.iopub_of(msg_id), [])
        msg_id = self.kc.execute("int notKept = 1;", store_history=False)
        reply = self.get_non_kernel_info_reply(timeout=30)
        self.assertEqual([m["msg_type"] for m in self.iopub_of(msg_id)], ["execute_input"])
        after, _ = self.run_cell("2")
        self.assertEqual(after["content"]["execution_count"], before["content"]["execution_count"] + 1)
        self.kc.history(hist_access_type="tail", n=3, output=False, raw=True)
        history = self.get_non_kernel_info_reply(timeout=30)["content"]["history"]
        self.assertNotIn("int notKept = 1;", [h[2] for h in history])

    def test_user_expressions_are_evaluated_after_the_cell(self):
        self.flush_channels()
        self.kc.execute("int base = 21;", user_expressions={"double": "base * 2", "broken": "nosuchname"})
        reply = self.get_non_kernel_info_reply(timeout=30)
        values = reply["content"]["user_expressions"]
        self.assertEqual(values["double"]["status"], "ok")
        self.assertEqual(values["double"]["data"]["text/plain"], "42")
        self.assertEqual(values["broken"]["status"], "error")

    def test_cells_queued_behind_a_failure_are_aborted(self):
        self.flush_channels()
        failing = self.kc.execute('Thread.sleep(500); throw new IllegalStateException("first");')
        queued = self.kc.execute("int neverRuns = 1;")  # sent while the first still runs
        replies = {}
        while len(replies) < 2:
            reply = self.get_non_kernel_info_reply(timeout=30)
            replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
        self.assertEqual(replies, {failing: "error", queued: "aborted"})
        later, _ = self.run_cell("neverRuns")  # sent after the failure: runs, and the variable never existed
        self.assertEqual(later["content"]["status"], "error")
        ok, _ = self.run_cell("1 + 1")
        self.assertEqual(ok["content"]["status"], "ok")

    def test_interrupt_stops_sleeping_and_busy_cells_and_names_the_line(self):
        # Each cell signals from inside the statement that will be interrupted, so the line is certain.
        sleeping = 'for (int i = 0; i < 1; i++) { System.out.println("running"); Thread.sleep(600_000); }'
        spinning = 'long n = 0;\nwhile (true) { if (n++ == 0) System.out.println("running"); }'
        for code, line in ((sleeping, "line 1: " + sleeping), (spinning, "line 2: " + spinning.split("\n")[1])):
            with self.subTest(code=code):
                self.flush_channels()
                msg_id = self.kc.execute(code)
                # Interrupt once the cell prints that it runs (no fixed sleeps).
                while True:
                    msg = self.kc.get_iopub_msg(timeout=30)
                    if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                        break
                started = time.monotonic()
                self.km.interrupt_kernel()
                reply = self.get_non_kernel_info_reply(timeout=30)
                self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
                self.assertEqual(reply["content"]["status"], "error")
                self.assertLess(time.monotonic() - started, 10)
                errors = [m for m in self.iopub_of(msg_id) if m["msg_type"] == "error"]
                traceback = [strip_ansi(t) for t in errors[0]["content"]["traceback"]]
                self.assertEqual(traceback[0], "Interrupted at " + line)
                # JDK 20+ cannot force-stop the busy loop: a second line says it runs on in the background.
                self.assertLessEqual(len(traceback), 2, traceback)
                after, outputs = self.run_cell("1 + 1")
                self.assertEqual(after["content"]["status"], "ok")


def strip_ansi(text):
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


if __name__ == "__main__":
    unittest.main()
