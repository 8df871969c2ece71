// Strings stored once and named by a number: the document ids of a run. The graph lists, for
// every entity and event, the documents that told it; with the ids pooled, a list holds 4 bytes a
// document instead of a copy of its id in a tree node (about 100 bytes), which was most of the
// graph's memory on a large corpus.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sageon/base/string_table.h"

namespace sageon {

class StringPool {
 public:
  using Index = uint32_t;

  // The index of `s` (0, 1, 2 ... in the order strings were first added), added when new;
  // `*added` says whether it was.
  Index Intern(std::string_view s, bool* added = nullptr) {
    const uint64_t hash = HashBytes(s);
    size_t at = Probe(s, hash);
    const bool is_new = slots_.empty() || slots_[at] == 0;
    if (added != nullptr) *added = is_new;
    if (!is_new) return slots_[at] - 1;
    if ((size() + 1) * 2 > slots_.size()) {
      Grow();
      at = Probe(s, hash);
    }
    const auto index = static_cast<Index>(size());
    chars_.append(s);
    ends_.push_back(chars_.size());
    slots_[at] = index + 1;
    return index;
  }

  std::optional<Index> Find(std::string_view s) const {
    if (slots_.empty()) return std::nullopt;
    const Index slot = slots_[Probe(s, HashBytes(s))];
    if (slot == 0) return std::nullopt;
    return slot - 1;
  }

  std::string_view operator[](Index index) const {
    const size_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(chars_).substr(begin, ends_[index] - begin);
  }
  size_t size() const { return ends_.size(); }
  // The heap memory it holds (for the benchmark's account of what grows).
  size_t bytes() const {
    return chars_.capacity() + ends_.capacity() * sizeof(size_t) +
           slots_.capacity() * sizeof(Index);
  }

 private:
  // The slot holding `s`, or the empty slot where it would go. Needs a table with slots.
  size_t Probe(std::string_view s, uint64_t hash) const {
    if (slots_.empty()) return 0;
    const size_t mask = slots_.size() - 1;
    for (size_t at = static_cast<size_t>(hash) & mask;; at = (at + 1) & mask) {
      const Index slot = slots_[at];
      if (slot == 0 || (*this)[slot - 1] == s) return at;
    }
  }

  void Grow() {
    std::vector<Index> slots(slots_.empty() ? 64 : slots_.size() * 2, 0);
    const size_t mask = slots.size() - 1;
    for (Index i = 0; i < size(); ++i) {
      size_t at = static_cast<size_t>(HashBytes((*this)[i])) & mask;
      while (slots[at] != 0) at = (at + 1) & mask;
      slots[at] = i + 1;
    }
    slots_.swap(slots);
  }

  std::string chars_;         // every string, one after the other
  std::vector<size_t> ends_;  // where each ends in chars_
  std::vector<Index> slots_;  // index + 1 of a string, 0 for none; at most half full
};

}  // namespace sageon
