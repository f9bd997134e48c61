"""Anti-fraud and compliance rules: definitions with defaults (catalog) and set-based
evaluation over hashed identifiers (evaluate). Settings live in the database as versions."""
