// Autodiff
