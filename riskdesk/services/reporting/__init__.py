"""Reporting: the monthly figures at a cut-off, and the issued reports (case audit and monthly
compliance PDFs) with their archive and verification."""
