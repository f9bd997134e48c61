"""Protection of personal data and credentials: encryption, keyed hashes, masking, passwords."""
