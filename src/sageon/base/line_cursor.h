// Walks a text line by line ('\n'-separated; a last line without '\n' counts), keeping the 1-based
// number of the line it returned, so readers of line formats (JSON lines, TSV dictionaries) can
// name the line in their messages.
#pragma once

#include <cstddef>
#include <string_view>

namespace sageon {

class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) {}

  // The next line without its '\n' (a '\r' before it is kept); false at the end of the text.
  bool Next(std::string_view* line) {
    if (pos_ >= text_.size()) return false;
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    *line = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    ++line_number_;
    return true;
  }
  size_t line_number() const { return line_number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t line_number_ = 0;
};

}  // namespace sageon
