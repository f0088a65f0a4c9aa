#pragma once
// file:// sources: read only under the configured roots, within the body cap.

#include <cstdint>
#include <filesystem>
#include <vector>

#include "daemon/fetch/fetcher.hpp"

namespace feedagg::fetch::detail {

// Roots made absolute and canonical once, so a path is checked against what they really name.
std::vector<std::filesystem::path> canonical_roots(const std::vector<std::filesystem::path>& roots);

// Reads a file:// URL (host empty or "localhost"). The path is canonicalized (".." and symlinks
// resolved) before it is checked against `roots`, so neither can escape them. Last-Modified is the
// file's mtime as an HTTP-date; a request carrying that same value gets a 304 without a body.
// Reads synchronously: local files are small and fast, and the cap bounds the read.
FetchResult fetch_file(const FetchRequest& request, const std::vector<std::filesystem::path>& roots,
                       std::uint64_t max_body_bytes);

}  // namespace feedagg::fetch::detail
