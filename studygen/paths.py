"""Where lessons and outputs live by default: names shared by the CLI and the library."""

FACTS_FILE = "facts.yaml"
SEEDS_DIR = "seeds"
DECKS_DIR = "decks"
