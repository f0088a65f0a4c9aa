#include "daemon/fetch/address_policy.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace feedagg::fetch::detail {
namespace {

boost::asio::ip::address ip(const char* text) {
    return boost::asio::ip::make_address(text);
}

AddressPolicy policy(std::vector<config::Network> allowed = {}) {
    return AddressPolicy(allowed);
}

TEST(AddressPolicy, RefusesSpecialRangesByDefault) {
    const auto none = policy();
    for (const char* address : {"127.0.0.1",
                                "127.255.0.9",
                                "10.1.2.3",
                                "172.16.0.1",
                                "172.31.255.255",
                                "192.168.1.1",
                                "169.254.169.254",
                                "224.0.0.1",
                                "239.1.1.1",
                                "0.0.0.0",
                                "100.64.0.1",
                                "100.127.255.254",
                                "255.255.255.255",
                                "::1",
                                "::",
                                "fc00::1",
                                "fd12:3456::1",
                                "fe80::1",
                                "ff02::1",
                                "::ffff:127.0.0.1",
                                "::ffff:10.0.0.1",
                                "::ffff:169.254.169.254",
                                "64:ff9b::a00:1",
                                "2002:7f00:1::1"}) {
        EXPECT_FALSE(none.permits(ip(address))) << address;
    }
}

TEST(AddressPolicy, PermitsPublicAddresses) {
    const auto none = policy();
    for (const char* address : {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1",
                                "2606:4700::1111", "::ffff:8.8.8.8"}) {
        EXPECT_TRUE(none.permits(ip(address))) << address;
    }
}

TEST(AddressPolicy, NamesTheRangeOfARefusedAddress) {
    EXPECT_EQ(special_range(ip("127.0.0.1")), "loopback");
    EXPECT_EQ(special_range(ip("192.168.0.1")), "private");
    EXPECT_EQ(special_range(ip("fe80::1")), "link-local");
    EXPECT_EQ(special_range(ip("100.64.1.1")), "shared (CGNAT)");
    EXPECT_EQ(special_range(ip("::ffff:127.0.0.1")), "loopback");
    EXPECT_EQ(special_range(ip("1.1.1.1")), "");
}

TEST(AddressPolicy, AllowedNetworksOpenOnlyWhatTheyList) {
    const auto tests = policy({{"127.0.0.0/8"}, {"::1/128"}});
    EXPECT_TRUE(tests.permits(ip("127.0.0.1")));
    EXPECT_TRUE(tests.permits(ip("127.3.2.1")));
    EXPECT_TRUE(tests.permits(ip("::1")));
    EXPECT_TRUE(tests.permits(ip("::ffff:127.0.0.1")));
    EXPECT_FALSE(tests.permits(ip("10.0.0.1")));
    EXPECT_FALSE(tests.permits(ip("::2")));
    EXPECT_FALSE(tests.permits(ip("fe80::1")));
}

TEST(AddressPolicy, AcceptsNetworksWrittenWithHostBits) {
    const auto lan = policy({{"192.168.7.9/24"}});
    EXPECT_TRUE(lan.permits(ip("192.168.7.200")));
    EXPECT_FALSE(lan.permits(ip("192.168.8.1")));
}

TEST(AddressPolicy, RejectsAllowedEntriesThatAreNotNetworks) {
    EXPECT_THROW(policy({{"localhost"}}), std::invalid_argument);
    EXPECT_THROW(policy({{"10.0.0.0/33"}}), std::invalid_argument);
    EXPECT_THROW(policy({{"::1/129"}}), std::invalid_argument);
    EXPECT_THROW(policy({{""}}), std::invalid_argument);
}

}  // namespace
}  // namespace feedagg::fetch::detail
