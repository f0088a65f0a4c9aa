#pragma once
// A response body rendered once per change of the store and shared by every request that asks for it.

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace feedagg::http {

struct Representation {
    std::string content_type;  // "application/atom+xml; charset=utf-8"
    std::string body;
    std::string gzip_body;  // the body gzip-compressed, made once; empty when not worth it
    std::string etag;       // a strong validator of `body`, quoted: "\"5f3a...\""
    std::chrono::system_clock::time_point last_modified;  // the epoch: no Last-Modified header
    // Made once with the rest, not per request: the gzip variant's entity tag (empty without one),
    // and `last_modified` as an HTTP-date (empty without one).
    std::string gzip_etag;
    std::string last_modified_text;
    // false for what must never be reused from a cache (/healthz, /metrics): Cache-Control: no-store.
    bool cacheable = true;
};

// Builds a cacheable Representation: a strong ETag from a hash of `body`, and `gzip_body` (zlib, gzip
// wrapper) when it is smaller than `body`. Costly for large bodies: call it once per change, never per
// request.
std::shared_ptr<Representation> make_representation(std::string content_type, std::string body,
                                                    std::chrono::system_clock::time_point last_modified);

// RFC 9110 §8.8.3: the gzip variant is a different representation, so it needs its own entity tag.
// "\"abc\"" -> "\"abc-gz\"", "W/\"abc\"" -> "W/\"abc-gz\"".
std::string gzip_etag(std::string_view etag);

}  // namespace feedagg::http
