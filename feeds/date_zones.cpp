// IANA timezones through ICU, for dates that state no zone of their own. Creating an icu::TimeZone
// costs far more than parsing a date, so each thread keeps the zones it has asked for; per-thread
// copies also spare us relying on ICU's thread-safety for const calls.

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/ucal.h>
#include <unicode/unistr.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/date_parts.hpp"

namespace feedagg::feeds::detail {
namespace {

struct CachedZone {
    std::string name;
    std::unique_ptr<icu::BasicTimeZone> zone;  // nullptr: ICU does not know the name
};

// Zone names come from configuration, so a thread sees a handful; the cap only matters when
// something passes arbitrary names, and then the cache simply starts over.
constexpr std::size_t max_cached_zones = 64;
constexpr std::size_t max_zone_name_length = 64;

std::unique_ptr<icu::BasicTimeZone> create_zone(std::string_view name) {
    const icu::UnicodeString id =
        icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(id));
    if (!zone) return nullptr;
    // ICU answers an unknown name with the "Etc/Unknown" zone (UTC rules) rather than failing.
    icu::UnicodeString resolved;
    zone->getID(resolved);
    if (resolved == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID, -1, US_INV)) return nullptr;
    // Every zone createTimeZone returns (Olson or custom "GMT+08:00") is a BasicTimeZone, which
    // offers the explicit gap and overlap choice used in to_utc.
    auto* basic = dynamic_cast<icu::BasicTimeZone*>(zone.get());
    if (!basic) return nullptr;
    zone.release();
    return std::unique_ptr<icu::BasicTimeZone>(basic);
}

bool is_utc_name(std::string_view name) {
    return name == "UTC" || name == "Etc/UTC" || name == "GMT" || name == "Etc/GMT";
}

// The zone named `name`, alive until this thread's next lookup; nullptr when unknown.
const icu::BasicTimeZone* cached_zone(std::string_view name) {
    thread_local std::vector<CachedZone> cache;
    for (const CachedZone& entry : cache) {
        if (entry.name == name) return entry.zone.get();
    }
    if (cache.size() >= max_cached_zones) cache.clear();
    cache.push_back(CachedZone{std::string(name), create_zone(name)});
    return cache.back().zone.get();
}

}  // namespace

std::optional<WallClockZone> WallClockZone::named(std::string_view name) {
    if (is_utc_name(name)) return WallClockZone(nullptr);
    if (name.empty() || name.size() > max_zone_name_length) return std::nullopt;
    const icu::BasicTimeZone* zone = cached_zone(name);
    if (!zone) return std::nullopt;
    return WallClockZone(zone);
}

std::optional<Timestamp> WallClockZone::to_utc(std::chrono::seconds local) const {
    if (!zone_) return Timestamp{local};
    // A reading that falls in a spring-forward gap (02:30 on a day clocks jump 02:00 -> 03:00) is
    // read with the offset before the jump, i.e. as 03:30; one that occurs twice when clocks fall
    // back is read as the first occurrence (daylight time). Both are UCAL_TZ_LOCAL_FORMER.
    UErrorCode status = U_ZERO_ERROR;
    int32_t raw_offset_ms = 0;
    int32_t dst_offset_ms = 0;
    const UDate local_ms = static_cast<UDate>(local.count()) * 1000.0;
    zone_->getOffsetFromLocal(local_ms, UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, raw_offset_ms,
                              dst_offset_ms, status);
    if (U_FAILURE(status)) return std::nullopt;
    const auto offset = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::milliseconds{static_cast<std::int64_t>(raw_offset_ms) + dst_offset_ms});
    return Timestamp{local - offset};
}

std::chrono::seconds WallClockZone::to_local(Timestamp time) const {
    if (!zone_) return time.time_since_epoch();
    UErrorCode status = U_ZERO_ERROR;
    int32_t raw_offset_ms = 0;
    int32_t dst_offset_ms = 0;
    zone_->getOffset(static_cast<UDate>(time.time_since_epoch().count()) * 1000.0, false, raw_offset_ms,
                     dst_offset_ms, status);
    if (U_FAILURE(status)) return time.time_since_epoch();
    return time.time_since_epoch() +
           std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::milliseconds{static_cast<std::int64_t>(raw_offset_ms) + dst_offset_ms});
}

}  // namespace feedagg::feeds::detail
