"""Script PyInstaller freezes (it needs a file, not the ``linkview.cli:main`` entry point).

The same script backs both programs of the bundle: ``LinkView`` (windowed) and ``linkview-cli``
(console); see ``build.spec``.
"""

import sys

from linkview.cli import main

if __name__ == "__main__":
    sys.exit(main())
