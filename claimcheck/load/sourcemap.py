"""Line and column for a JSON pointer in a YAML or JSON file.

Only files with problems are mapped: the file is composed once more (PyYAML's node tree keeps
marks) and the pointer walked. Valid files never pay for this.
"""

from __future__ import annotations

import yaml

from claimcheck.core.problems import split_pointer

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class SourceMap:
    """Maps pointers to 1-based (line, column) in one file's text."""

    def __init__(self, text: str) -> None:
        from claimcheck.load.parsing import nesting_depth

        self.root: yaml.Node | None = None
        if nesting_depth(text)[1] is not None:
            return  # too deep for libyaml to compose safely: the file's problem is located at 1:1
        try:
            self.root = yaml.compose(text, Loader=_Loader)
        except (yaml.YAMLError, RecursionError, ValueError):
            self.root = None

    def locate(self, ptr: str, *, key: bool = False) -> tuple[int, int]:
        """Where ``ptr`` is; with ``key``, where its mapping key is (for unknown-field problems).

        A pointer that goes past what exists gives the deepest node that does exist.
        """
        node = self.root
        if node is None:
            return (1, 1)
        mark = node.start_mark
        parts = split_pointer(ptr)
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == part:
                        mark = k.start_mark if (last and key) else v.start_mark
                        node = v
                        break
                else:
                    break
            elif isinstance(node, yaml.SequenceNode) and part.isdigit() and int(part) < len(node.value):
                node = node.value[int(part)]
                mark = node.start_mark
            else:
                break
        return (mark.line + 1, mark.column + 1)
