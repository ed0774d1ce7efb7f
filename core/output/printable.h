// Text from a server (framework names, labels, job descriptions, error messages) can carry
// terminal control sequences: printed raw, an ESC or C1 byte can clear the screen, move the
// cursor, retitle the window or hide the text after it. Human-readable output passes such
// text through printable(); JSON and YAML output escape every control character
// (escape_json_controls() adds DEL and C1 to what the JSON writer escapes).
#pragma once

#include <string>
#include <string_view>

namespace qctl::output {

/// `s` with every control character written as a visible escape: "\n", "\t", "\r", "\e" for
/// ESC, "\xNN" for the other C0 bytes and DEL, "\u00NN" for the C1 code points (U+0080 to
/// U+009F in UTF-8) that terminals also obey, and "\xNN" for a byte 0x80..0x9F outside valid
/// UTF-8 (an 8-bit terminal takes 0x9B for CSI). Printable text is returned unchanged.
[[nodiscard]] std::string printable(std::string_view s);

/// Whether a C1 control code point (U+0080..U+009F: 0xC2 0x80..0x9F in UTF-8) starts at `i`.
[[nodiscard]] bool is_c1_at(std::string_view s, std::size_t i);

/// In JSON (or YAML double-quoted) text: DEL and the C1 controls (U+0080 to U+009F), which
/// JSON allows raw and nlohmann writes raw, become \u escapes. Those bytes can only stand
/// inside strings, so the document means the same; a terminal showing it obeys none of them.
void escape_json_controls(std::string& text);

/// printable() line by line: the line breaks stay (for qctl's own multi-line messages, such
/// as the tasks an ssh target matches), every other control character is escaped.
[[nodiscard]] std::string printable_lines(std::string_view s);

}  // namespace qctl::output
