"""Administration: users (sign-in, roles, passwords, locks) and the settings stored in the
database."""
