#include "sageon/base/utf8.h"

#include <unicode/uchar.h>

#include <cstring>

namespace sageon::utf8 {

namespace {
constexpr char32_t kReplacement = 0xFFFD;

int SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Decodes one well-formed sequence at pos; returns its length, 0 when it is not well-formed.
int Decode(std::string_view text, size_t pos, char32_t* cp) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  const int len = SequenceLength(lead);
  if (len == 0 || pos + static_cast<size_t>(len) > text.size()) return 0;
  if (len == 1) {
    *cp = lead;
    return 1;
  }
  char32_t value = lead & (0xFF >> (len + 1));
  for (int i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(text[pos + static_cast<size_t>(i)]);
    if ((b & 0xC0) != 0x80) return 0;
    value = (value << 6) | (b & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kMin[len] || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) return 0;
  *cp = value;
  return len;
}

// True when the eight bytes at p are all ASCII: long runs of markup, digits and Latin text are
// checked a word at a time.
bool EightAscii(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return (word & 0x8080808080808080ull) == 0;
}
}  // namespace

char32_t NextSlow(std::string_view text, size_t* pos) {
  char32_t cp = kReplacement;
  const int len = Decode(text, *pos, &cp);
  *pos += len > 0 ? static_cast<size_t>(len) : 1;
  return len > 0 ? cp : kReplacement;
}

char32_t PrevSlow(std::string_view text, size_t pos, size_t* start) {
  size_t begin = pos - 1;
  while (begin > 0 && pos - begin < 4 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) {
    --begin;
  }
  size_t p = begin;
  char32_t cp = NextSlow(text, &p);
  if (p != pos) {  // not a clean sequence: step back one byte only
    begin = pos - 1;
    cp = kReplacement;
  }
  if (start != nullptr) *start = begin;
  return cp;
}

void Append(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t CodePointCount(std::string_view text) {
  size_t count = 0;
  for (size_t pos = 0; pos < text.size(); ++count) Next(text, &pos);
  return count;
}

std::vector<uint32_t> ByteToCodePointTable(std::string_view text) {
  std::vector<uint32_t> table(text.size() + 1);
  uint32_t count = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t begin = pos;
    Next(text, &pos);
    for (size_t i = begin; i < pos; ++i) table[i] = count;
    ++count;
  }
  table[text.size()] = count;
  return table;
}

size_t FindInvalid(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    if (static_cast<unsigned char>(text[pos]) < 0x80 && pos + 8 <= text.size() &&
        EightAscii(text.data() + pos)) {
      pos += 8;
      continue;
    }
    // Next reads an invalid byte as U+FFFD one byte long; U+FFFD itself is three bytes.
    const size_t begin = pos;
    if (Next(text, &pos) == kReplacement && pos == begin + 1) return begin;
  }
  return std::string_view::npos;
}

bool IsSpace(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)) != 0; }

}  // namespace sageon::utf8
