"""Persistence: the database models, the engine and the migrations."""
