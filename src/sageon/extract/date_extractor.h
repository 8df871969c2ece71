// Stage 5: temporal expressions. Absolute, partial, relative, ranges and fuzzy parts, each with an
// ISO value cut at its grain, anchored to the document's reference date or to the last full date
// of the narrative.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "sageon/base/status.h"
#include "sageon/document.h"
#include "sageon/resources/dictionary_set.h"

namespace sageon {

struct DateOptions {
  // Where a partial date ("17일", "화요일") falls relative to the reference: the news convention is
  // the past; a future tense in the clause moves it forward either way.
  bool prefer_future = false;
};

class DateExtractor {
 public:
  static Result<DateExtractor> Create(const DictionarySet& dictionaries, DateOptions options);

  DateExtractor(DateExtractor&&) noexcept;
  DateExtractor& operator=(DateExtractor&&) noexcept;
  ~DateExtractor();

  // Fills doc->dates from doc->text, doc->sentences and doc->tokens. When doc->reference is unset,
  // infers it from the text (the latest full date it states) and sets doc->reference_inferred.
  // An expression that nothing anchors (no reference, no earlier date) is still emitted, with
  // resolved = false and Anchor::kNone, so users see it; events never take their date from one.
  // Const and thread-safe.
  void Extract(Document* doc) const;

  // For tests: the code point indexes of `text` where the parser reads something else (or
  // nothing) when it skips the positions and readers that its first-code-point table says
  // cannot begin there. Empty when the table is right.
  std::vector<size_t> StartTableMissesForTesting(std::string_view text) const;

 private:
  struct Impl;
  explicit DateExtractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sageon
