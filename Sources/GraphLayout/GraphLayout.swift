// GraphLayout module: filled in by its issue.
