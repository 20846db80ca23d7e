"""``python -m kharkivmap`` runs the command-line interface."""

from kharkivmap.cli import main

if __name__ == "__main__":
    main()
