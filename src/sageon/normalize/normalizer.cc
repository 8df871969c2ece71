#include "sageon/normalize/normalizer.h"

#include <utf8proc.h>

#include <cstdlib>

#include "sageon/base/utf8.h"

namespace sageon {

namespace {

enum class Kind { kKeep, kSpace, kDrop };

// Spaces that web pages and word processors put where a plain space is meant; the later stages
// split words on ' ' only.
bool IsOddSpace(char32_t c) {
  return c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Invisible characters that break word and dictionary matching (a ZWSP inside 알트먼 makes it two
// words) and controls that are never text. \n and \t carry layout and are kept.
bool IsDropped(char32_t c) {
  if (c < 0x20) return c != '\n' && c != '\t';
  if (c >= 0x7F && c <= 0x9F) return true;
  return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

Kind Classify(char32_t c) {
  if (IsDropped(c)) return Kind::kDrop;
  if (IsOddSpace(c)) return Kind::kSpace;
  return Kind::kKeep;
}

// A code point that canonical composition may merge into the character before it: combining marks
// and the medial vowels and final consonants of conjoining Hangul jamo (ᄒ+ᅡ+ᆫ → 한).
bool MayCombineWithPrevious(char32_t c) {
  if (c < 0x300) return false;
  if ((c >= 0x1160 && c <= 0x11FF) || (c >= 0xD7B0 && c <= 0xD7FF)) return true;
  const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(c));
  return p->combining_class != 0 || p->category == UTF8PROC_CATEGORY_MN ||
         p->category == UTF8PROC_CATEGORY_MC || p->category == UTF8PROC_CATEGORY_ME;
}

// True when a lone `c` (nothing combining after it) is its own NFC. ASCII and precomposed Hangul
// syllables are the common case; others are stable unless they have a canonical decomposition
// (Å U+212B, compatibility ideographs), which NFC replaces.
bool StableAlone(char32_t c) {
  if (c < 0x80 || utf8::IsHangulSyllable(c)) return true;
  const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(c));
  return p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0;
}

void CopyBytes(std::string_view original, size_t begin, size_t end, std::string* text,
               std::vector<uint32_t>* map) {
  text->append(original.data() + begin, end - begin);
  for (size_t k = begin; k < end; ++k) map->push_back(static_cast<uint32_t>(k));
}

}  // namespace

void Normalizer::Normalize(std::string_view original, std::string* text,
                           std::vector<uint32_t>* text_to_original) const {
  text->clear();
  text_to_original->clear();
  text->reserve(original.size());
  text_to_original->reserve(original.size() + 1);
  const size_t n = original.size();
  size_t i = 0;
  while (i < n) {
    // Fast path: a run of printable ASCII and Hangul syllables whose last character is not
    // followed by a combining character is already NFC and has nothing to drop.
    size_t run_end = i;
    while (run_end < n) {
      const auto b = static_cast<unsigned char>(original[run_end]);
      if (b < 0x80) {
        if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7F) break;
        ++run_end;
        continue;
      }
      // Hangul syllables U+AC00..U+D7A3 are EA B0 80 .. ED 9E A3 in UTF-8.
      if (b >= 0xEA && b <= 0xED && run_end + 2 < n) {
        size_t q = run_end;
        const char32_t c = utf8::Next(original, &q);
        if (utf8::IsHangulSyllable(c)) {
          run_end = q;
          continue;
        }
      }
      break;
    }
    if (run_end > i) {
      // The run's last character may compose with what follows (가 + ᆨ → 각): it then starts the
      // cluster of the careful path below.
      size_t copy_end = run_end;
      if (run_end < n) {
        size_t q = run_end;
        if (MayCombineWithPrevious(utf8::Next(original, &q)))
          utf8::Prev(original, run_end, &copy_end);
      }
      CopyBytes(original, i, copy_end, text, text_to_original);
      i = copy_end;
      if (i >= n) break;
    }

    // Careful path: one starter and the characters that combine with it.
    size_t pos = i;
    const char32_t c = utf8::Next(original, &pos);
    const Kind kind = Classify(c);
    if (kind == Kind::kDrop) {
      i = pos;
      continue;
    }
    if (kind == Kind::kSpace) {
      text->push_back(' ');
      text_to_original->push_back(static_cast<uint32_t>(i));
      i = pos;
      continue;
    }
    size_t end = pos;
    while (end < n) {
      size_t q = end;
      const char32_t next = utf8::Next(original, &q);
      if (!MayCombineWithPrevious(next)) break;
      end = q;
    }
    if (end == pos && StableAlone(c)) {
      CopyBytes(original, i, end, text, text_to_original);
      i = end;
      continue;
    }
    // utf8proc_NFC reads a NUL-terminated string: normalize a copy of the cluster.
    const std::string cluster(original.substr(i, end - i));
    utf8proc_uint8_t* composed =
        utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(cluster.c_str()));
    if (composed == nullptr) {  // not valid UTF-8: keep the bytes as they are
      CopyBytes(original, i, end, text, text_to_original);
    } else {
      const std::string_view out(reinterpret_cast<const char*>(composed));
      if (out == cluster) {
        CopyBytes(original, i, end, text, text_to_original);
      } else {
        // A composed character has no finer origin than the cluster it came from.
        text->append(out);
        text_to_original->insert(text_to_original->end(), out.size(), static_cast<uint32_t>(i));
      }
      free(composed);
    }
    i = end;
  }
  text_to_original->push_back(static_cast<uint32_t>(n));
}

}  // namespace sageon
