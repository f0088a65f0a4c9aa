#pragma once
// One spelling per article link, so that the same article reached through different links (a
// campaign-tagged share, an upper-case host, an explicit default port) is recognised as the same.

#include <string>
#include <string_view>

namespace feedagg::feeds {

// The canonical form of an absolute URL:
// - scheme and host lower-cased, the scheme's default port dropped (http 80, https 443, ftp 21);
// - the path percent-encoding normalized and dot segments removed (RFC 3986 §6.2.2), an empty
//   http(s) path written "/" (RFC 3986 §6.2.3);
// - the fragment dropped: it names a place in the page, not another page;
// - well-known tracking parameters removed from the query, the others kept in their order; an
//   empty query dropped with its "?".
// The tracking parameters (matched case-insensitively on the decoded name): every `utm_*`, and
// fbclid, gclid, dclid, gbraid, wbraid, msclkid, yclid, igshid, mc_cid, mc_eid, _hsenc, _hsmi,
// mkt_tok, spm. Generic names such as `from`, `ref`, `source` or `share_token` are kept: on many
// sites they select content or grant access, and dropping them would merge different pages.
// A string that is not an absolute URL comes back trimmed of surrounding whitespace and unchanged.
std::string canonical_url(std::string_view url);

}  // namespace feedagg::feeds
