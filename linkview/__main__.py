from linkview.cli import main

raise SystemExit(main())
