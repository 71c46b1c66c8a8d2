-- events_date_idx never served a query: DuckDB answers date filters (=, BETWEEN, >=) from the
-- column's min/max zone maps, equally fast with or without the index (measured on 3 million
-- rows), while every loaded batch paid to maintain it and every checkpoint to write it.
-- events_article_idx stays: it makes a lookup of one article's events about 3x faster.
DROP INDEX IF EXISTS events_date_idx;
