#!/usr/bin/env python3
"""Regenerates the expected output of the runner's snippet corpus with real CPython (+ NumPy).

For every tests/corpus/{python,numpy}/NAME.py this writes
  NAME.expected        the program's stdout, byte for byte
  NAME.expected-error  the last traceback line (`TypeName: message`) when the program
                       ends with an uncaught exception (removed otherwise)
tests/corpus/torch/NAME.py whose first line is `# oracle: torch` run under the PyTorch oracle
(/usr/bin/python3 with torch 1.13, or $STRIDESCOPE_TORCH_PYTHON); the other torch snippets are
written by hand and left alone. Without a torch interpreter the torch snippets are skipped.

Usage: python3 scripts/regen-corpus.py [--check] [NAME.py ...]
  --check   change nothing; list the snippets whose expected files are stale, exit 1 if any
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "tests", "corpus")
ORACLE_DIRS = ("python", "numpy", "torch")
TORCH_MARK = "# oracle: torch"
TORCH_PYTHON = os.environ.get("STRIDESCOPE_TORCH_PYTHON", "/usr/bin/python3")


def torch_python():
    """The interpreter with PyTorch, or None."""
    try:
        ok = subprocess.run([TORCH_PYTHON, "-c", "import torch"], capture_output=True, timeout=120).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        ok = False
    return TORCH_PYTHON if ok else None


def is_torch_oracle(path):
    with open(path, encoding="utf-8") as fh:
        return fh.readline().startswith(TORCH_MARK)


def run_snippet(path, python=sys.executable):
    """Runs one snippet the way `stridescope run` is compared: cwd = its folder, no warnings filter."""
    proc = subprocess.run(
        [python, os.path.basename(path)],
        cwd=os.path.dirname(path), capture_output=True, timeout=120,
        env={**os.environ, "PYTHONHASHSEED": "0", "PYTHONIOENCODING": "utf-8"},
    )
    out = proc.stdout.decode("utf-8")
    err_line = None
    if proc.returncode != 0:
        lines = [l for l in proc.stderr.decode("utf-8").splitlines() if l.strip()]
        err_line = lines[-1] if lines else "<no traceback>"
    return out, err_line


def snippets(names):
    for d in ORACLE_DIRS:
        folder = os.path.join(CORPUS, d)
        if not os.path.isdir(folder):
            continue
        for f in sorted(os.listdir(folder)):
            if f.endswith(".py") and (not names or f in names):
                yield os.path.join(folder, f)


def read(path):
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except FileNotFoundError:
        return None


def main(argv):
    check = "--check" in argv
    names = [a for a in argv if not a.startswith("--")]
    stale = []
    torch_py = torch_python()
    for path in snippets(names):
        python = sys.executable
        if os.path.basename(os.path.dirname(path)) == "torch":
            if not is_torch_oracle(path) or torch_py is None:
                continue
            python = torch_py
        out, err = run_snippet(path, python)
        base = path[:-3]
        want_err = None if err is None else err + "\n"
        if read(base + ".expected") != out or read(base + ".expected-error") != want_err:
            stale.append(os.path.relpath(path, ROOT))
            if not check:
                with open(base + ".expected", "w", encoding="utf-8") as fh:
                    fh.write(out)
                if want_err is None:
                    if os.path.exists(base + ".expected-error"):
                        os.remove(base + ".expected-error")
                else:
                    with open(base + ".expected-error", "w", encoding="utf-8") as fh:
                        fh.write(want_err)
    for s in stale:
        print(("stale: " if check else "updated: ") + s)
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
