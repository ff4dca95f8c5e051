"""Sphinx configuration of claimcheck's API reference, built from the docstrings.

python3 -m sphinx -W -b html docs/api docs/api/_build
"""

project = "claimcheck"
author = "The claimcheck developers"
extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.viewcode"]
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": True}
autodoc_member_order = "bysource"
autodoc_typehints = "description"
# Names in annotations that Sphinx cannot resolve to a documented object (third-party and private
# types) are shown as text rather than as broken references.
nitpicky = False
suppress_warnings = ["ref.python"]
html_theme = "alabaster"
exclude_patterns = ["_build"]
