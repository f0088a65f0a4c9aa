#include "daemon/fetch/file_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/url/parse.hpp>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "feeds/dates.hpp"

namespace feedagg::fetch::detail {
namespace {

namespace fs = std::filesystem;

FetchError file_error(const FetchRequest& request, const std::string& what) {
    return FetchError{FetchErrorKind::file_access, request.url + ": " + what};
}

fs::path without_trailing_separator(fs::path path) {
    if (path.has_relative_path() && path.filename().empty()) path = path.parent_path();
    return path;
}

bool is_under(const fs::path& path, const fs::path& root) {
    auto [root_end, path_at] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
    return root_end == root.end();
}

std::string root_list(const std::vector<fs::path>& roots) {
    if (roots.empty()) return "none configured";
    std::string list;
    for (const auto& root : roots) list += (list.empty() ? "" : ", ") + root.string();
    return list;
}

// Closes the descriptor on every path out.
struct FileDescriptor {
    int fd;
    ~FileDescriptor() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

std::vector<fs::path> canonical_roots(const std::vector<fs::path>& roots) {
    std::vector<fs::path> result;
    for (const auto& root : roots) {
        std::error_code error;
        fs::path canonical = fs::weakly_canonical(fs::absolute(root, error), error);
        if (!error) result.push_back(without_trailing_separator(canonical));
    }
    return result;
}

FetchResult fetch_file(const FetchRequest& request, const std::vector<fs::path>& roots,
                       std::uint64_t max_body_bytes) {
    const auto started = std::chrono::steady_clock::now();
    auto parsed = boost::urls::parse_uri(request.url);
    if (!parsed || parsed->scheme_id() != boost::urls::scheme::file) {
        return FetchError{FetchErrorKind::invalid_url, request.url + ": not a file URL"};
    }
    const std::string host = parsed->host();
    if (!host.empty() && host != "localhost") {
        return FetchError{FetchErrorKind::invalid_url,
                          request.url + ": file URLs on another host are not supported"};
    }
    const std::string decoded = parsed->path();
    if (decoded.empty() || decoded.front() != '/' || decoded.find('\0') != std::string::npos) {
        return FetchError{FetchErrorKind::invalid_url, request.url + ": a file URL needs an absolute path"};
    }
    std::error_code error;
    const fs::path path = without_trailing_separator(fs::weakly_canonical(fs::path(decoded), error));
    if (error) return file_error(request, "cannot resolve the path (" + error.message() + ")");
    const bool allowed =
        std::any_of(roots.begin(), roots.end(), [&](const fs::path& root) { return is_under(path, root); });
    if (!allowed) return file_error(request, "outside fetch.file_roots (" + root_list(roots) + ")");

    // O_NOFOLLOW: the canonical path has no symlinks; one swapped in since is not followed.
    FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)};
    if (file.fd < 0) return file_error(request, std::string("cannot open (") + std::strerror(errno) + ")");
    struct stat status {};
    if (::fstat(file.fd, &status) != 0 || !S_ISREG(status.st_mode)) {
        return file_error(request, "not a regular file");
    }
    if (static_cast<std::uint64_t>(status.st_size) > max_body_bytes) {
        return FetchError{FetchErrorKind::too_large, request.url + ": " + std::to_string(status.st_size) +
                                                         " bytes, over fetch.max_body_bytes (" +
                                                         std::to_string(max_body_bytes) + ")"};
    }

    FetchResponse response;
    response.final_url = request.url;
    response.last_modified =
        feeds::format_rfc822(std::chrono::sys_seconds(std::chrono::seconds(status.st_mtim.tv_sec)));
    if (!request.last_modified.empty() && request.last_modified == response.last_modified) {
        response.status = 304;
    } else {
        response.status = 200;
        // Read to the cap only, even if the file grew since fstat.
        response.body.resize(
            static_cast<std::size_t>(std::min<std::uint64_t>(status.st_size, max_body_bytes)));
        std::size_t filled = 0;
        while (filled < response.body.size()) {
            const ssize_t got = ::read(file.fd, response.body.data() + filled, response.body.size() - filled);
            if (got < 0 && errno == EINTR) continue;
            if (got < 0)
                return file_error(request, std::string("read failed (") + std::strerror(errno) + ")");
            if (got == 0) break;
            filled += static_cast<std::size_t>(got);
        }
        response.body.resize(filled);
        response.wire_bytes = filled;
    }
    response.elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    return response;
}

}  // namespace feedagg::fetch::detail
