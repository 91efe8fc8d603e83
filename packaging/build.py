"""Build the LinkView workstation bundle and run the frozen program, like a user would.

    uv run --group build python packaging/build.py            build, then check
    uv run --group build python packaging/build.py --no-build check an existing dist/LinkView
    uv run --group build python packaging/build.py --clean    build from an empty PyInstaller cache

Steps: ``pyinstaller build.spec`` (output in ``dist/LinkView``, log in ``build/pyinstaller.log``), the
size of the bundle and its largest parts, then these runs of the frozen programs in a temporary folder
(the demo workspace and settings go there too, never into the user's profile):

1. ``LinkView --smoke --demo`` with ``QT_QPA_PLATFORM=offscreen``: the window opens, builds the demo
   workspace from the bundled demo files, closes, exits 0;
2. ``LinkView --help`` and ``linkview-cli --help``: every command of the source tree is listed (the
   command modules are found by pkgutil, which only sees modules the bundle collected);
3. ``linkview-cli new WS``, ``linkview-cli import WS --case N --kind calls FILE`` (a bundled demo file),
   ``linkview-cli cases WS`` and ``LinkView cases WS``: a tiny workspace made from scratch;
4. ``linkview-cli rings DEMO``: the rings of the demo workspace built in step 1;
5. ``linkview-cli hubs`` and ``communities`` (igraph) on the demo, ``normalize phone ...`` with numbers
   of Kazakhstan, Russia and Germany;
6. ``LINKVIEW_SELFTEST=1 linkview-cli --version`` (see ``packaging/entry.py``): imports every ``linkview`` module
   and computes chart layouts (scipy.sparse, scipy.fft, igraph) inside the frozen program.

Each run prints its exit code and time; the script exits 1 when any build step or check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "build.spec"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path, clean: bool) -> float:
    work.mkdir(parents=True, exist_ok=True)
    log = work / "pyinstaller.log"
    cmd = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm",
           "--distpath", str(dist), "--workpath", str(work)]
    if clean:
        cmd.append("--clean")
    print("$", " ".join(cmd), flush=True)
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        rc = subprocess.call(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    took = time.perf_counter() - start
    text = log.read_text(encoding="utf-8", errors="replace").splitlines()
    if rc != 0:
        print("\n".join(text[-40:]))
        raise SystemExit(f"pyinstaller failed (exit {rc}) after {took:.0f} s; full log: {log}")
    warnings = [line for line in text if " WARNING: " in line]
    print(f"build: {took:.0f} s, {len(warnings)} warnings (log: {log})")
    return took


def report_sizes(bundle: Path) -> None:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    links = sum(1 for p in bundle.rglob("*") if p.is_symlink())
    print(f"bundle: {bundle}  {_mb(total)} in {len(files)} files" + (f" (+{links} symlinks)" if links else ""))
    internal = bundle / "_internal"
    if internal.is_dir():
        parts = sorted(((_size(p), p.name) for p in internal.iterdir() if not p.is_symlink()), reverse=True)
        print("largest parts of _internal:")
        for size, name in parts[:12]:
            print(f"  {_mb(size):>9}  {name}")
    for exe in sorted(bundle.glob("*")):
        if exe.is_file():
            print(f"  program: {exe.name}  {_mb(exe.stat().st_size)}")


def expected_commands() -> list[str]:
    """The commands of the source tree (what the frozen --help must list)."""
    sys.path.insert(0, str(ROOT))
    import argparse as _argparse

    from linkview.cli import build_parser

    for action in build_parser()._actions:  # noqa: SLF001
        if isinstance(action, _argparse._SubParsersAction):  # noqa: SLF001
            return sorted(action.choices)
    return []


class Checks:
    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.env = env
        self.cwd = cwd
        self.failed: list[str] = []

    def run(self, name: str, cmd: list[str], *, expect: list[str] = (), commands: list[str] = (),
            timeout: int = 300, show: int = 3) -> str:
        """Run ``cmd``; it passes with exit 0, every ``expect`` text in its output and every one of
        ``commands`` listed as a command in its ``--help`` output."""
        start = time.perf_counter()
        try:
            proc = subprocess.run(cmd, cwd=self.cwd, env=self.env, capture_output=True, text=True,
                                  encoding="utf-8", errors="replace", timeout=timeout)
            rc, out, err = proc.returncode, proc.stdout, proc.stderr
        except subprocess.TimeoutExpired as exc:
            rc, out, err = "timeout", exc.stdout or "", exc.stderr or ""
            out = out.decode("utf-8", "replace") if isinstance(out, bytes) else out
            err = err.decode("utf-8", "replace") if isinstance(err, bytes) else err
        took = time.perf_counter() - start
        listed = set(re.findall(r"^ {4}(\S+)", out, re.MULTILINE))
        missing = [word for word in expect if word not in out] + [c for c in commands if c not in listed]
        ok = rc == 0 and not missing
        print(f"[{'ok' if ok else 'FAIL'}] {name:<28} exit {rc!s:<7} {took:6.2f} s   "
              f"$ {' '.join(Path(c).name if i == 0 else c for i, c in enumerate(cmd))}")
        for line in [line for line in out.splitlines() if line.strip()][:show]:
            print(f"        | {line[:110]}")
        if not ok:
            if missing:
                print(f"        missing from the output: {missing}")
            for line in err.splitlines()[-25:]:
                print(f"        ! {line}")
            self.failed.append(name)
        return out


def check(bundle: Path) -> bool:
    gui = bundle / f"LinkView{EXE_SUFFIX}"
    cli = bundle / f"linkview-cli{EXE_SUFFIX}"
    for program in (gui, cli):
        if not program.is_file():
            raise SystemExit(f"{program} is missing; build first")
    demo_dir = bundle / "_internal" / "linkview" / "data" / "demo"
    manifest = json.loads((demo_dir / "manifest.json").read_text(encoding="utf-8"))
    entry = next(f for f in manifest["files"] if f["kind"] == "calls" and f["format"] == "csv")
    commands = expected_commands()

    tmp = Path(tempfile.mkdtemp(prefix="linkview-smoke-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp / "data"), LOCALAPPDATA=str(tmp / "data"),
               XDG_CONFIG_HOME=str(tmp / "config"), XDG_RUNTIME_DIR=str(tmp / "runtime"))
    (tmp / "runtime").mkdir(mode=0o700)
    demo_ws = tmp / "data" / "LinkView" / "demo.linkview"
    ws = tmp / "tiny.linkview"
    checks = Checks(env, tmp)
    try:
        print(f"\nchecks in {tmp} (QT_QPA_PLATFORM=offscreen); expected commands: {' '.join(commands)}")
        checks.run("window --smoke --demo", [str(gui), "--smoke", "--demo"], show=0)
        if not demo_ws.is_file():
            print(f"        demo workspace {demo_ws} was not built")
            checks.failed.append("demo workspace")
        # a windowed program on Windows has no stdout: read its --help only elsewhere
        if sys.platform != "win32":
            checks.run("LinkView --help", [str(gui), "--help"], commands=commands, show=0)
        checks.run("linkview-cli --help", [str(cli), "--help"], commands=commands, show=0)
        checks.run("linkview-cli --version", [str(cli), "--version"], expect=["linkview"])
        checks.run("new", [str(cli), "new", str(ws)])
        checks.run("import (one demo file)", [str(cli), "import", str(ws), "--case", entry["case"],
                                              "--kind", entry["kind"],
                                              str(demo_dir.joinpath(*entry["file"].split("/")))])
        checks.run("cases (cli)", [str(cli), "cases", str(ws)], expect=[entry["case"]])
        if sys.platform != "win32":
            checks.run("cases (LinkView)", [str(gui), "cases", str(ws)], expect=[entry["case"]])
        checks.run("rings on the demo", [str(cli), "rings", str(demo_ws)], expect=["R1"], show=2)
        checks.run("hubs on the demo", [str(cli), "hubs", str(demo_ws)], show=1)
        checks.run("communities on the demo", [str(cli), "communities", str(demo_ws)], show=1)
        checks.run("normalize phone", [str(cli), "normalize", "phone", "8 (701) 123-45-67",
                                       "+7 916 123-45-67", "+49 1512 3456789"],
                   expect=["+77011234567", "+79161234567", "+4915123456789"], show=4)
        checks.env = dict(env, LINKVIEW_SELFTEST="1")
        # (--version: a program built without the self-test answers at once instead of opening a window)
        checks.run("selftest (imports, layouts)", [str(cli), "--version"], expect=["selftest ok"],
                   timeout=120, show=1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if checks.failed:
        print(f"\nFAILED: {', '.join(checks.failed)}")
        return False
    print("\nall checks passed")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-build", action="store_true", help="check an existing bundle only")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="work folder (default build/)")
    args = parser.parse_args(argv)
    bundle = args.dist / "LinkView"
    if not args.no_build:
        build(args.dist, args.work, args.clean)
    report_sizes(bundle)
    return 0 if check(bundle) else 1


if __name__ == "__main__":
    sys.exit(main())
