// Small UTF-8 helpers shared by every stage. Text inside sageon is valid UTF-8 (the input reader
// repairs or rejects anything else), so these decode without re-validating.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sageon::utf8 {

// The out-of-line decoders behind Next and Prev: every case, invalid bytes included.
char32_t NextSlow(std::string_view text, size_t* pos);
char32_t PrevSlow(std::string_view text, size_t pos, size_t* start);

// Decodes the code point at text[*pos] and advances *pos past it. Invalid bytes decode as U+FFFD
// and advance by one byte, so a loop over arbitrary bytes always terminates.
// Every stage calls it per character: ASCII and the three-byte sequences of Hangul are decoded
// here, inline and still validated (continuation bytes, overlong forms, surrogates); anything
// else goes to NextSlow.
inline char32_t Next(std::string_view text, size_t* pos) {
  const size_t p = *pos;
  const auto lead = static_cast<unsigned char>(text[p]);
  if (lead < 0x80) {
    *pos = p + 1;
    return lead;
  }
  if ((lead & 0xF0) == 0xE0 && p + 2 < text.size()) {
    const auto b1 = static_cast<unsigned char>(text[p + 1]);
    const auto b2 = static_cast<unsigned char>(text[p + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      const char32_t cp =
          static_cast<char32_t>((lead & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F));
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
        *pos = p + 3;
        return cp;
      }
    }
  }
  return NextSlow(text, pos);
}

// The code point that ends just before byte `pos` (pos > 0); *start receives its first byte.
// ASCII and well-formed three-byte sequences inline, as in Next.
inline char32_t Prev(std::string_view text, size_t pos, size_t* start) {
  const auto last = static_cast<unsigned char>(text[pos - 1]);
  if (last < 0x80) {
    if (start != nullptr) *start = pos - 1;
    return last;
  }
  if (pos >= 3 && (last & 0xC0) == 0x80) {
    const auto lead = static_cast<unsigned char>(text[pos - 3]);
    const auto b1 = static_cast<unsigned char>(text[pos - 2]);
    if ((lead & 0xF0) == 0xE0 && (b1 & 0xC0) == 0x80) {
      const char32_t cp =
          static_cast<char32_t>((lead & 0x0F) << 12 | (b1 & 0x3F) << 6 | (last & 0x3F));
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
        if (start != nullptr) *start = pos - 3;
        return cp;
      }
    }
  }
  return PrevSlow(text, pos, start);
}
// Appends the UTF-8 encoding of `cp`.
void Append(char32_t cp, std::string* out);
// Number of code points in `text`.
size_t CodePointCount(std::string_view text);
// For every byte offset 0..text.size(), the number of code points before it (offsets inside a
// multi-byte sequence map to the code point that contains them).
std::vector<uint32_t> ByteToCodePointTable(std::string_view text);
// Index of the first invalid byte, or npos when `text` is well-formed UTF-8.
size_t FindInvalid(std::string_view text);

inline bool IsHangulSyllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }
inline bool IsHangulJamo(char32_t c) {
  return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F);
}
inline bool IsHangul(char32_t c) { return IsHangulSyllable(c) || IsHangulJamo(c); }
// A non-empty text whose every code point is a Hangul syllable (U+AC00..U+D7A3, three bytes EA B0
// 80 .. ED 9E A3), tested on the bytes: the entity rules ask it of nearly every token.
inline bool AllHangulSyllables(std::string_view s) {
  if (s.empty() || s.size() % 3 != 0) return false;
  for (size_t i = 0; i < s.size(); i += 3) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if (b0 < 0xEA || b0 > 0xED || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
    const char32_t c = (static_cast<char32_t>(b0 & 0x0F) << 12) |
                       (static_cast<char32_t>(b1 & 0x3F) << 6) | (b2 & 0x3F);
    if (!IsHangulSyllable(c)) return false;
  }
  return true;
}
inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsHanja(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}
// True for Unicode white space (ICU's u_isUWhiteSpace).
bool IsSpace(char32_t c);

// Hangul syllable decomposition: the final consonant (jongseong) index, 0 when there is none.
// Particles such as 이/가, 을/를, 은/는 and 으로/로 are chosen by it.
inline int FinalConsonant(char32_t syllable) {
  return IsHangulSyllable(syllable) ? static_cast<int>((syllable - 0xAC00) % 28) : 0;
}

}  // namespace sageon::utf8
