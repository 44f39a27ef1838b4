// Bytes a program wrote (stdout, stderr, strings in output.json) made safe to store and print:
// valid UTF-8 (JSON writers throw on anything else), cut on a character boundary, and free of
// control characters that a terminal would interpret (escape sequences, C1 controls).
#pragma once

#include <string>
#include <string_view>

namespace fhebench {

// `bytes` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string valid_utf8(std::string_view bytes);

// The last `max_bytes` (at most) of `bytes` as valid UTF-8, starting on a character boundary.
std::string utf8_tail(std::string_view bytes, size_t max_bytes);

// At most `max_bytes` of `text` (valid UTF-8) ending on a character boundary, with "…" when cut.
std::string utf8_truncate(std::string_view text, size_t max_bytes);

// Valid UTF-8 without control characters except newline and tab (`keep_newlines`; otherwise
// they become spaces): ESC, C0 and C1 controls and DEL become '?'. Safe on a terminal.
std::string printable(std::string_view bytes, bool keep_newlines = true);

}  // namespace fhebench
