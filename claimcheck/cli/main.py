"""The click group, its error handling, and the registration of every command.

Each command parses its options, calls one public function, hands the result to the reporter
(:mod:`claimcheck.cli.report`) and returns an exit code: 0 clean, 1 problems found, 2 usage or I/O error.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping

import click

from claimcheck.cli import report
from claimcheck.core.errors import ClaimcheckError
from claimcheck.core.version import __version__

#: Every command: its name → (module, attribute). A command's module is imported when the command is
#: first asked for, so ``claimcheck check`` never imports the editor, the site or the exporters.
COMMANDS = {
    "validate": ("claimcheck.cli.checking", "validate"),
    "check": ("claimcheck.cli.checking", "check"),
    "brief": ("claimcheck.cli.publishing", "brief"),
    "build": ("claimcheck.cli.publishing", "build"),
    "export": ("claimcheck.cli.interop", "export_command"),
    "import": ("claimcheck.cli.interop", "import_command"),
    "verify-sources": ("claimcheck.cli.sources", "verify_sources_command"),
    "draft": ("claimcheck.cli.editor", "draft"),
    "new": ("claimcheck.cli.editor", "new"),
    "add": ("claimcheck.cli.editor", "add"),
    "fmt": ("claimcheck.cli.editor", "fmt_command"),
    "serve": ("claimcheck.cli.editor", "serve"),
    "review": ("claimcheck.cli.editor", "review"),
    "diff": ("claimcheck.cli.editor", "diff"),
}


class _Commands(MutableMapping[str, click.Command]):
    """The group's commands by name, each imported on first use."""

    def __init__(self, where: dict[str, tuple[str, str]]) -> None:
        self._where = dict(where)
        self._loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        command = self._loaded.get(name)
        if command is None:
            module, attribute = self._where[name]
            command = self._loaded[name] = getattr(importlib.import_module(module), attribute)
        return command

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._where.setdefault(name, ("", ""))
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        del self._where[name]
        self._loaded.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


class Group(click.Group):
    """Catches claimcheck's own errors once: message on stderr, exit 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ClaimcheckError as exc:
            click.echo(f"claimcheck: error: {report.safe(exc)}", err=True)
            ctx.exit(2)
        except OSError as exc:
            click.echo(f"claimcheck: I/O error: {report.safe(exc)}", err=True)
            ctx.exit(2)
        except click.ClickException as exc:  # a bad option: click quotes the value given, which may hold anything
            vars(exc)["message"] = report.safe(exc.message)  # click declares it Final; the value is only shown
            raise


@click.group(cls=Group, commands=_Commands(COMMANDS), context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
def main() -> None:
    """Record sourced claims and their evidence, check a story for balance, and publish
    source-attributed briefs, a static report site and research exports."""
