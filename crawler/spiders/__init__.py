"""One module per source; each spider only parses pages into crawler.items.DocumentItem."""
