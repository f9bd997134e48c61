"""Complaints: registering, the steps of handling one against its regulatory deadlines, and
the listing and month figures read from them."""
