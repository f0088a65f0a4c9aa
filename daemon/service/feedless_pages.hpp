#pragma once
// Web pages configured as type = "auto" sources that offered no feed when last looked at. Looking
// means up to eight more requests to the site; a page that offered none is looked at again after a
// while (a day by default), not at every poll.

#include <chrono>
#include <map>
#include <string>

namespace feedagg::service {

class FeedlessPages {
  public:
    using Clock = std::chrono::steady_clock;

    explicit FeedlessPages(Clock::duration look_again_after = std::chrono::hours(24))
        : look_again_after_(look_again_after) {}

    // True when `page_url` offered no feed less than `look_again_after` ago.
    bool recently_feedless(const std::string& page_url, Clock::time_point now) const {
        const auto found = looked_.find(page_url);
        return found != looked_.end() && now - found->second < look_again_after_;
    }

    void offered_no_feed(const std::string& page_url, Clock::time_point now) {
        std::erase_if(looked_, [&](const auto& page) { return now - page.second >= look_again_after_; });
        looked_[page_url] = now;
    }

    void offered_a_feed(const std::string& page_url) { looked_.erase(page_url); }

  private:
    Clock::duration look_again_after_;
    std::map<std::string, Clock::time_point> looked_;  // page URL -> when it offered no feed
};

}  // namespace feedagg::service
