"""Safe model directories (skops with a trusted-type list) and the model card."""
