#include "daemon/fetch/address_policy.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace feedagg::fetch::detail {
namespace {

namespace ip = boost::asio::ip;

struct RangeV4 {
    std::uint32_t network;
    int prefix;
    std::string_view name;
};

constexpr std::uint32_t v4(unsigned a, unsigned b, unsigned c, unsigned d) {
    return (a << 24) | (b << 16) | (c << 8) | d;
}

// RFC 6890 special-purpose IPv4 ranges a fetcher has no business reaching.
constexpr std::array<RangeV4, 12> special_v4 = {{
    {v4(0, 0, 0, 0), 8, "unspecified"},
    {v4(10, 0, 0, 0), 8, "private"},
    {v4(100, 64, 0, 0), 10, "shared (CGNAT)"},
    {v4(127, 0, 0, 0), 8, "loopback"},
    {v4(169, 254, 0, 0), 16, "link-local"},
    {v4(172, 16, 0, 0), 12, "private"},
    {v4(192, 0, 0, 0), 24, "reserved"},
    {v4(192, 168, 0, 0), 16, "private"},
    {v4(198, 18, 0, 0), 15, "reserved"},
    {v4(224, 0, 0, 0), 4, "multicast"},
    {v4(255, 255, 255, 255), 32, "broadcast"},
    {v4(240, 0, 0, 0), 4, "reserved"},
}};

bool in_v4(std::uint32_t address, std::uint32_t network, int prefix) {
    const std::uint32_t mask = prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
    return (address & mask) == (network & mask);
}

bool in_v6(const ip::address_v6::bytes_type& address, const ip::address_v6::bytes_type& network, int prefix) {
    for (int i = 0; i < 16 && prefix > 0; ++i, prefix -= 8) {
        const unsigned mask = prefix >= 8 ? 0xFFu : (0xFFu << (8 - prefix)) & 0xFFu;
        if ((address[i] & mask) != (network[i] & mask)) return false;
    }
    return true;
}

std::string_view special_range_v4(const ip::address_v4& address) {
    const std::uint32_t value = address.to_uint();
    for (const RangeV4& range : special_v4) {
        if (in_v4(value, range.network, range.prefix)) return range.name;
    }
    return {};
}

ip::address_v4 v4_from(const ip::address_v6::bytes_type& bytes, int offset) {
    return ip::address_v4(
        ip::address_v4::bytes_type{bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]});
}

// The IPv4 address an IPv6 address carries, for the forms that route to it.
std::optional<ip::address_v4> embedded_v4(const ip::address_v6& address) {
    const auto bytes = address.to_bytes();
    const auto zero_until = [&](int end) {
        for (int i = 0; i < end; ++i) {
            if (bytes[i] != 0) return false;
        }
        return true;
    };
    if (address.is_v4_mapped()) return v4_from(bytes, 12);
    // IPv4-compatible (deprecated, RFC 4291 §2.5.5.1); :: and ::1 are judged as IPv6.
    if (zero_until(12) && !address.is_unspecified() && !address.is_loopback()) return v4_from(bytes, 12);
    // NAT64 well-known prefix 64:ff9b::/96 (RFC 6052).
    if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b) {
        bool middle_zero = true;
        for (int i = 4; i < 12; ++i) middle_zero = middle_zero && bytes[i] == 0;
        if (middle_zero) return v4_from(bytes, 12);
    }
    // 6to4 2002::/16 (RFC 3056): the IPv4 address follows the prefix.
    if (bytes[0] == 0x20 && bytes[1] == 0x02) return v4_from(bytes, 2);
    return std::nullopt;
}

std::string_view special_range_v6(const ip::address_v6& address) {
    if (auto carried = embedded_v4(address)) return special_range_v4(*carried);
    if (address.is_unspecified()) return "unspecified";
    if (address.is_loopback()) return "loopback";
    if (address.is_multicast()) return "multicast";
    const auto bytes = address.to_bytes();
    if ((bytes[0] & 0xFE) == 0xFC) return "private";                         // fc00::/7 unique local
    if (bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0x80) return "link-local";  // fe80::/10
    if (bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0xC0) return "private";     // fec0::/10 site-local
    if (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8) return "reserved";
    return {};
}

}  // namespace

std::string_view special_range(const ip::address& address) {
    return address.is_v4() ? special_range_v4(address.to_v4()) : special_range_v6(address.to_v6());
}

AddressPolicy::AddressPolicy(const std::vector<config::Network>& allowed) {
    for (const config::Network& network : allowed) {
        boost::system::error_code error;
        if (network.cidr.find(':') == std::string::npos) {
            auto parsed = ip::make_network_v4(network.cidr, error);
            if (!error) allowed_v4_.push_back(parsed.canonical());
        } else {
            auto parsed = ip::make_network_v6(network.cidr, error);
            if (!error) allowed_v6_.push_back(parsed.canonical());
        }
        if (error) {
            throw std::invalid_argument("fetch.allowed_networks: \"" + network.cidr +
                                        "\" is not a network in CIDR form (e.g. \"10.1.0.0/16\")");
        }
    }
}

bool AddressPolicy::is_allowed(const ip::address& address) const {
    if (address.is_v4()) {
        const std::uint32_t value = address.to_v4().to_uint();
        for (const auto& network : allowed_v4_) {
            if (in_v4(value, network.address().to_uint(), network.prefix_length())) return true;
        }
        return false;
    }
    const auto bytes = address.to_v6().to_bytes();
    for (const auto& network : allowed_v6_) {
        if (in_v6(bytes, network.address().to_bytes(), network.prefix_length())) return true;
    }
    if (auto carried = embedded_v4(address.to_v6())) return is_allowed(ip::address(*carried));
    return false;
}

bool AddressPolicy::permits(const ip::address& address) const {
    return special_range(address).empty() || is_allowed(address);
}

}  // namespace feedagg::fetch::detail
