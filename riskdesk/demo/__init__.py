"""The demo: synthetic applicants on the bundled LendingClub sample (also the demo model's
training data), and the demo database `riskdesk demo` builds through the normal services, with
one user per role, partners and a loan book with its history."""
