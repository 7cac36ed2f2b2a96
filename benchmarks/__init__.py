"""Benchmarks for voordeur (issue #10, #7): load, memory, faults, follow-ups at scale.

Run all with ``python -m benchmarks [--quick]``; each also runs alone, e.g.
``python -m benchmarks.load --quick``. Results go to ``benchmarks/results/*.json``.
Not part of the test suite.
"""
