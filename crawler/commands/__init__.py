"""regwatch's Scrapy commands (COMMANDS_MODULE): `scrapy crawl NAME` runs through the run owner."""
