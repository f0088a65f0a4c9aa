#include "corpus.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace feedagg::bench {
namespace {

namespace fs = std::filesystem;

bool looks_like_json(const std::string& path) {
    return fs::path(path).extension() == ".json";
}

bool wanted(const CorpusFile& file, Selection selection) {
    switch (selection) {
        case Selection::all:
            return true;
        case Selection::xml:
            return file.is_xml;
        case Selection::json:
            return !file.is_xml;
    }
    return true;
}

}  // namespace

std::vector<CorpusFile> list_corpus(const std::vector<std::string>& paths, Selection selection) {
    std::vector<CorpusFile> files;
    for (const std::string& path : paths) {
        std::vector<std::string> found;
        if (fs::is_directory(path)) {
            for (const auto& item : fs::directory_iterator(path)) {
                if (item.is_regular_file() && item.path().filename().string().front() != '.') {
                    found.push_back(item.path().string());
                }
            }
            std::sort(found.begin(), found.end());
        } else {
            found.push_back(path);
        }
        for (std::string& name : found) {
            CorpusFile file{std::move(name), true};
            file.is_xml = !looks_like_json(file.path);
            if (wanted(file, selection)) files.push_back(std::move(file));
        }
    }
    return files;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw std::runtime_error(path + ": read error");
    return bytes;
}

std::vector<LoadedFile> load_corpus(const std::vector<CorpusFile>& files) {
    std::vector<LoadedFile> loaded;
    loaded.reserve(files.size());
    for (const CorpusFile& file : files) loaded.push_back({file, read_file(file.path)});
    return loaded;
}

std::uint64_t total_bytes(const std::vector<LoadedFile>& files) {
    std::uint64_t total = 0;
    for (const LoadedFile& file : files) total += file.bytes.size();
    return total;
}

}  // namespace feedagg::bench
