#pragma once
// The benchmark's input: feed files named on the command line, read into memory before any timing.

#include <cstdint>
#include <string>
#include <vector>

namespace feedagg::bench {

struct CorpusFile {
    std::string path;
    bool is_xml = true;  // false for JSON Feed, which the pugixml walk skips
};

struct LoadedFile {
    CorpusFile file;
    std::string bytes;
};

enum class Selection { all, xml, json };

// Expands directories (sorted, dot files skipped) and keeps the files `selection` asks for.
// Order is stable, so every reader sees the same files in the same order.
std::vector<CorpusFile> list_corpus(const std::vector<std::string>& paths, Selection selection);

// Throws std::runtime_error naming the file when it cannot be read: the benchmark is meaningless
// without every file.
std::string read_file(const std::string& path);

std::vector<LoadedFile> load_corpus(const std::vector<CorpusFile>& files);

std::uint64_t total_bytes(const std::vector<LoadedFile>& files);

}  // namespace feedagg::bench
