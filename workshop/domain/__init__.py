"""The rules of workshops, in plain Python: no Flask, no database."""
