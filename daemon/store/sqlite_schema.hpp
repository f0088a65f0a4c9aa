#pragma once
// The SQLite schema and how a database file is brought up to it.

#include <SQLiteCpp/Database.h>

namespace feedagg::store::detail {

// The schema version this build writes (PRAGMA user_version): the number of migrations.
int latest_schema_version();

// Sets the connection's pragmas (WAL, synchronous=NORMAL, foreign keys, busy timeout), then applies
// the missing migrations in one transaction. Throws StoreError for a database written by a newer
// feedagg, or one that is not a database at all.
void prepare_database(SQLite::Database& database);

}  // namespace feedagg::store::detail
