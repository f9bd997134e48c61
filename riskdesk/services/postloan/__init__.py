"""Post-loan: the daily monitoring of funded loans (days past due, the five categories, the
early-warning rules and their cases), its policy settings, and the loan book as the Post-loan
tab shows it."""
