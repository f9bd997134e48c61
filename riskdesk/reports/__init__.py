"""PDF reports (reportlab): the case audit report and the monthly compliance report."""
