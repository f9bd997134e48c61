"""Import of application files: read, validate (vectorised), compare, write in one transaction."""
