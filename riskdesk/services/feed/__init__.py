"""The decision feed back to origination (issue 29): records, files, acknowledgements."""
