#pragma once
// Which addresses the fetcher may connect to: the SSRF rule. Checked after DNS resolution, on every hop.

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>
#include <string_view>
#include <vector>

#include "daemon/config/config.hpp"

namespace feedagg::fetch::detail {

// The special-purpose range `address` lies in ("loopback", "private", "link-local", "multicast",
// "unspecified", "shared (CGNAT)", "reserved", "broadcast"), or empty for an ordinary public address.
// IPv6 forms that carry an IPv4 address (IPv4-mapped ::ffff:0:0/96, IPv4-compatible ::/96, NAT64
// 64:ff9b::/96, 6to4 2002::/16) are judged by the IPv4 address they carry.
std::string_view special_range(const boost::asio::ip::address& address);

class AddressPolicy {
  public:
    // Throws std::invalid_argument naming the entry when one of `allowed` is not a CIDR network; the
    // configuration check should have caught it, so this only aborts startup.
    explicit AddressPolicy(const std::vector<config::Network>& allowed);

    // True for public addresses and for special ones inside an allowed network.
    bool permits(const boost::asio::ip::address& address) const;

  private:
    bool is_allowed(const boost::asio::ip::address& address) const;

    std::vector<boost::asio::ip::network_v4> allowed_v4_;
    std::vector<boost::asio::ip::network_v6> allowed_v6_;
};

}  // namespace feedagg::fetch::detail
