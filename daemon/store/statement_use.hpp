#pragma once
// Internal to daemon/store: a prepared statement's use, reset on entry and on every exit.

#include <SQLiteCpp/Statement.h>

namespace feedagg::store::detail {

// A statement left mid-step keeps its read transaction open, which pins an old snapshot and stops
// WAL checkpoints.
class StatementUse {
  public:
    explicit StatementUse(SQLite::Statement& statement) : statement_(statement) { statement_.reset(); }
    // Bindings are cleared too: strings bound without a copy may not outlive this use. (SQLite's
    // clear_bindings always succeeds, so this cannot throw.)
    ~StatementUse() {
        statement_.tryReset();
        statement_.clearBindings();
    }
    StatementUse(const StatementUse&) = delete;
    StatementUse& operator=(const StatementUse&) = delete;
    SQLite::Statement* operator->() { return &statement_; }
    SQLite::Statement& operator*() { return statement_; }

  private:
    SQLite::Statement& statement_;
};

}  // namespace feedagg::store::detail
