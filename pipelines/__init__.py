"""Item pipelines (normalize -> diff -> store), the archive module and the run-level stages."""
