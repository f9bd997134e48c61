"""Personal data kept out of what is written and shown: free text scanned on save, its values
kept encrypted beside the row (issue 25)."""
