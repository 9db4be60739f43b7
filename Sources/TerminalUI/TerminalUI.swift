// TerminalUI module: filled in by its issue.
