"""Intake: files that bring data in. Application files (read, check the columns and values,
compare with what is stored, write in one transaction, then score), complaint files and funded
loan files (schedules, repayments, fund flows), and the description of the import format."""
