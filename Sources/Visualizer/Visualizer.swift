// Visualizer module: filled in by its issue.
