"""One module per source; each spider only parses pages into pipelines.items.DocumentItem."""
