"""Command line of LinkView.

``linkview`` with no arguments (or with a workspace file, or ``--demo``) opens the window; with a
command it runs the same operations headless. Each command group lives in a module named
``*_cmds`` in this package that exposes ``register(subparsers)``; each command sets
``func(args) -> int`` as its default. Heavy libraries are imported inside the commands so that
``linkview --help`` answers at once.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from linkview import __version__
from linkview.errors import LinkViewError

__all__ = ["main", "build_parser"]

_DESCRIPTION = """\
LinkView links the phones, handsets, cards, accounts, wallets and ad accounts found in the call
records, bank statements, blockchain exports and ad-site responses of many criminal cases, and
shows which cases are joined into one fraud ring, down to the source rows.

Run without a command to open the window (optionally on a workspace file), or use a command below.
"""


def _command_modules():
    import linkview.cli as pkg

    names = sorted(m.name for m in pkgutil.iter_modules(pkg.__path__) if m.name.endswith("_cmds"))
    return [importlib.import_module(f"linkview.cli.{name}") for name in names]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="linkview", description=_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"linkview {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        module.register(sub)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="linkview", description="Open the LinkView window.")
    parser.add_argument("workspace", nargs="?", help="workspace file (.linkview) to open")
    parser.add_argument("--demo", action="store_true", help="open the bundled demo workspace")
    parser.add_argument("--lang", choices=["kk", "ru", "en"], help="language of the window")
    parser.add_argument("--smoke", action="store_true",
                        help="start, open the workspace, close again and exit 0 (for packaging checks)")
    return parser


def _wants_gui(argv: list[str], commands: set[str]) -> bool:
    if not argv:
        return True
    first = argv[0]
    if first in ("-h", "--help", "--version"):
        return False
    return first not in commands


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = set()
    for action in parser._actions:  # noqa: SLF001 - argparse offers no public accessor
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            commands.update(action.choices)
    try:
        if _wants_gui(argv, commands):
            args = _gui_parser().parse_args(argv)
            from linkview.ui.app import run

            return run(workspace=args.workspace, demo=args.demo, lang=args.lang, smoke=args.smoke)
        args = parser.parse_args(argv)
        return int(args.func(args) or 0)
    except LinkViewError as exc:
        print(f"linkview: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("linkview: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `linkview sources WS | head`: the reader went away; that is not an error of ours.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
