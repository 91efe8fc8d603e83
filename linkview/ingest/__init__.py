"""Ingest: read call records, transfers and ad-site responses into ImportBatches for the workspace.

Files are read as text (never letting a library guess numbers or dates), their columns mapped through
ru/kk/en header aliases (``aliases.json``) or a saved :class:`ImportSpec`, identifiers normalised with
:mod:`linkview.identifiers`, and bad rows kept with file, row, column and reason.

>>> from linkview.ingest import ImportSpec
>>> ImportSpec(kind="calls", header_row=0, columns={"a": "#1", "b": "#2"}).columns["a"]
'#1'
"""

from __future__ import annotations

from linkview.ingest.core import Preview, import_file, preview, read_file
from linkview.ingest.fields import FIELDS, REQUIRES
from linkview.ingest.spec import SPEC_OPTIONS, ImportSpec

__all__ = ["ImportSpec", "SPEC_OPTIONS", "Preview", "preview", "read_file", "import_file", "FIELDS", "REQUIRES"]
