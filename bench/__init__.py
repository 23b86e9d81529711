"""Performance benchmarks: each result is a ratio against a baseline measured in the same run.

Run all of them with ``.venv/bin/python -m bench`` (see ``--help`` for a subset).
"""
