#pragma once
// One client connection: reads requests one after another and writes each reply (see session.cpp).

#include <boost/asio/ip/tcp.hpp>
#include <memory>

#include "daemon/http/server_context.hpp"

namespace feedagg::http::detail {

// Serves `socket` until the client leaves, a limit or timeout ends it, or the server stops. Over
// server.max_connections (or while stopping) the connection gets a 503 and is closed at once.
void serve_connection(boost::asio::ip::tcp::socket socket, std::shared_ptr<ServerContext> context);

}  // namespace feedagg::http::detail
