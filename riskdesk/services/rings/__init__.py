"""Fraud rings (issue 33): the link store, ring computation, the ring case and its reads."""
