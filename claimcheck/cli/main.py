"""The click group, its error handling, and the registration of every command.

Each command parses its options, calls one public function, hands the result to the reporter
(:mod:`claimcheck.cli.report`) and returns an exit code: 0 clean, 1 problems found, 2 usage or I/O error.
"""

from __future__ import annotations

import click

from claimcheck.cli import report
from claimcheck.cli.checking import check, validate
from claimcheck.cli.editor import add, diff, draft, fmt_command, new, review, serve
from claimcheck.cli.interop import export_command, import_command
from claimcheck.cli.publishing import brief, build
from claimcheck.cli.sources import verify_sources_command
from claimcheck.core.errors import ClaimcheckError
from claimcheck.core.version import __version__


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


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
def main() -> None:
    """Record sourced claims and their evidence, check a story for balance, and publish
    source-attributed briefs, a static report site and research exports."""


for command in (
    validate,
    check,
    brief,
    build,
    export_command,
    import_command,
    verify_sources_command,
    draft,
    new,
    add,
    fmt_command,
    serve,
    review,
    diff,
):
    main.add_command(command)
