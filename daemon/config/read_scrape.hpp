#pragma once
// Internal to daemon/config: reading a source's [source.scrape] table (read_scrape.cpp).

#include "daemon/config/table_reader.hpp"

namespace feedagg::config::detail {

// Reads `scrape` of the source table `source_reader` reads into `source.scrape`. `source.type` must
// already be read: html sources need the table, other types may only hold scrape.article.
void read_scrape(TableReader& source_reader, Source& source, ErrorList& errors);

}  // namespace feedagg::config::detail
