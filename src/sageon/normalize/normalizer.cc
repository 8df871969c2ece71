#include "sageon/normalize/normalizer.h"

#include <utf8proc.h>

#include <cstdlib>
#include <numeric>

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
  // One resize, then a plain loop: Clang 14 cannot compile libstdc++ 12's views::iota.
  const size_t at = map->size();
  map->resize(at + (end - begin));
  std::iota(map->begin() + static_cast<std::ptrdiff_t>(at), map->end(),
            static_cast<uint32_t>(begin));
}

// The offset after the dropped characters at `pos`. Composition looks through them: once a ZWSP
// or a control between 가 and ᆨ is removed, the two are adjacent and must compose as 각.
size_t SkipDropped(std::string_view original, size_t pos) {
  while (pos < original.size()) {
    size_t q = pos;
    if (!IsDropped(utf8::Next(original, &q))) break;
    pos = q;
  }
  return pos;
}

}  // namespace

void Normalizer::Normalize(std::string_view original, std::string* text,
                           std::vector<uint32_t>* text_to_original) const {
  text->clear();
  text_to_original->clear();
  text->reserve(original.size());
  text_to_original->reserve(original.size() + 1);
  const size_t n = original.size();
  std::string cluster;
  std::vector<uint32_t> cluster_origin;
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
        size_t q = SkipDropped(original, run_end);
        if (q < n && MayCombineWithPrevious(utf8::Next(original, &q)))
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
    // The cluster leaves out dropped characters, so what they separated still composes; its
    // bytes remember where they came from.
    cluster.assign(original.substr(i, pos - i));
    cluster_origin.clear();
    for (size_t k = i; k < pos; ++k) cluster_origin.push_back(static_cast<uint32_t>(k));
    size_t end = pos;
    while (end < n) {
      const size_t next_begin = SkipDropped(original, end);
      if (next_begin >= n) break;
      size_t q = next_begin;
      if (!MayCombineWithPrevious(utf8::Next(original, &q))) break;
      cluster.append(original.substr(next_begin, q - next_begin));
      for (size_t k = next_begin; k < q; ++k) cluster_origin.push_back(static_cast<uint32_t>(k));
      end = q;
    }
    if (end == pos && StableAlone(c)) {
      CopyBytes(original, i, end, text, text_to_original);
      i = end;
      continue;
    }
    // utf8proc_NFC reads a NUL-terminated string: the cluster is a copy.
    utf8proc_uint8_t* composed =
        utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(cluster.c_str()));
    const std::string_view out = composed == nullptr
                                     ? std::string_view(cluster)
                                     : std::string_view(reinterpret_cast<const char*>(composed));
    if (out == cluster) {  // already NFC, or not valid UTF-8: the bytes keep their origins
      text->append(cluster);
      text_to_original->insert(text_to_original->end(), cluster_origin.begin(),
                               cluster_origin.end());
    } else {
      // A composed character has no finer origin than the cluster it came from.
      text->append(out);
      text_to_original->insert(text_to_original->end(), out.size(), static_cast<uint32_t>(i));
    }
    free(composed);
    i = end;
  }
  text_to_original->push_back(static_cast<uint32_t>(n));
}

}  // namespace sageon
