"""``python -m lawgraph`` runs the CLI."""

from lawgraph.cli import main

if __name__ == "__main__":
    main()
