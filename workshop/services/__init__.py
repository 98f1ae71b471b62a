"""Services: each takes a database session and the actor, applies the rules, commits,
and returns plain data. None of them emits; the edges decide who hears about it."""
