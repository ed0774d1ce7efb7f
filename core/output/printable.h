// Text from a server (framework names, labels, job descriptions, error messages) can carry
// terminal control sequences: printed raw, an ESC or C1 byte can clear the screen, move the
// cursor, retitle the window or hide the text after it. Human-readable output passes such
// text through printable(); JSON escapes it by itself and YAML quotes it.
#pragma once

#include <string>
#include <string_view>

namespace qctl::output {

/// `s` with every control character written as a visible escape: "\n", "\t", "\r", "\e" for
/// ESC, "\xNN" for the other C0 bytes and DEL, "\u00NN" for the C1 code points (U+0080 to
/// U+009F in UTF-8) that terminals also obey. Printable text is returned unchanged.
[[nodiscard]] std::string printable(std::string_view s);

/// printable() line by line: the line breaks stay (for qctl's own multi-line messages, such
/// as the tasks an ssh target matches), every other control character is escaped.
[[nodiscard]] std::string printable_lines(std::string_view s);

}  // namespace qctl::output
