// GraphProgram module: filled in by its issue.
