"""The version of claimcheck, in one place (the package, the parse cache's salt and the site's generator tag read it)."""

__version__ = "0.1.0"
