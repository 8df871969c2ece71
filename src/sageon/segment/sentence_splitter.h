// Stage 2: sentences. ICU's sentence BreakIterator proposes boundaries; Korean rules remove the
// wrong ones (dotted dates "2023. 11. 17.", numbers, list numbering, abbreviations) and add the
// missing ones (a line that ends without punctuation, blog lines ending in -요 or -다).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "sageon/base/status.h"
#include "sageon/document.h"
#include "sageon/resources/dictionary_set.h"

namespace sageon {

class SentenceSplitter {
 public:
  // Reads the lexicons it needs from `dictionaries`; fails with the file name when one is missing.
  static Result<SentenceSplitter> Create(const DictionarySet& dictionaries);

  SentenceSplitter(SentenceSplitter&&) noexcept;
  SentenceSplitter& operator=(SentenceSplitter&&) noexcept;
  ~SentenceSplitter();

  // Sentences of normalized `text`, in order, trimmed of surrounding white space, never empty.
  // Also marks headings and boilerplate lines. Const and thread-safe.
  std::vector<Sentence> Split(std::string_view text) const;

 private:
  struct Impl;
  explicit SentenceSplitter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sageon
